import { describe, expect, it } from 'vitest';
import { ANY_STAGE, PLAYBOOK_SCHEMA, type PlaybookDocument, type PlaybookTemplate } from './playbook';
import {
  emptyPlaybookDocument,
  parsePlaybookDocument,
  serialisePlaybookDocument,
  templatesForStage,
  unknownPlaceholders,
  type PlaybookParseOutcome,
} from './playbook-document';

function template(key: string, overrides: Partial<PlaybookTemplate> = {}): PlaybookTemplate {
  return {
    key,
    title: `Check {title} #{id}`,
    description: 'In {stage} of {funnel} ({smartProcess}), {responsible}: {field:ufCrm5_1700000000}',
    responsible: { kind: 'item-responsible' },
    participantIds: [3],
    observerIds: [4, 5],
    deadline: { unit: 'working-days', amount: 2, timeOfDay: '18:00' },
    priority: 'high',
    checklist: ['Call the client', 'Send the contract'],
    ...overrides,
  };
}

function document(overrides: Partial<PlaybookDocument> = {}): PlaybookDocument {
  return {
    schema: PLAYBOOK_SCHEMA,
    entityTypeId: 177,
    revision: 3,
    savedAt: '2026-11-30T14:05:00+03:00',
    savedBy: 1,
    stages: [
      { stageId: 'DT177_7:APPROVAL', templates: [template('legal'), template('finance', { deadline: null })] },
      { stageId: ANY_STAGE, templates: [template('call', { deadline: { unit: 'hours', amount: 4 } })] },
    ],
    ...overrides,
  };
}

function problemsOf(outcome: PlaybookParseOutcome) {
  if (outcome.kind !== 'invalid') throw new Error(`expected invalid, got ${outcome.kind}`);
  return outcome.problems;
}

type Change = (raw: Record<string, unknown>) => void;

/** A change that sets the value at a dotted path (`stages.0.templates.0.key`); undefined deletes it. */
function at(path: string, value: unknown): Change {
  return (raw) => {
    const segments = path.split('.');
    let parent: Record<string, unknown> = raw;
    for (const segment of segments.slice(0, -1)) parent = parent[segment] as Record<string, unknown>;
    const last = segments[segments.length - 1]!;
    if (value === undefined) delete parent[last];
    else parent[last] = value;
  };
}

/** A valid document with changes made to its JSON. */
function withChange(...changes: Change[]): string {
  const raw = JSON.parse(serialisePlaybookDocument(document())) as Record<string, unknown>;
  for (const change of changes) change(raw);
  return JSON.stringify(raw);
}

describe('parsePlaybookDocument', () => {
  it('reads back what it wrote, from a string or a parsed value', () => {
    const json = serialisePlaybookDocument(document());
    expect(parsePlaybookDocument(json)).toEqual({ kind: 'ok', document: document() });
    expect(parsePlaybookDocument(JSON.parse(json))).toEqual({ kind: 'ok', document: document() });
  });

  it('accepts every responsible rule and the empty document', () => {
    const rules = [
      { kind: 'item-responsible' },
      { kind: 'user', userId: 7 },
      { kind: 'clicking-user' },
      { kind: 'item-field', field: 'ufCrm5_1700000001' },
    ] as const;
    const doc = document({
      stages: [
        {
          stageId: 'DT177_7:NEW',
          templates: rules.map((rule, index) => template(`t-${index}`, { responsible: rule })),
        },
      ],
    });
    expect(parsePlaybookDocument(serialisePlaybookDocument(doc))).toEqual({ kind: 'ok', document: doc });
    const empty = emptyPlaybookDocument(177);
    expect(parsePlaybookDocument(serialisePlaybookDocument(empty))).toEqual({ kind: 'ok', document: empty });
  });

  it('refuses a document of a newer schema without reading the rest', () => {
    expect(parsePlaybookDocument(JSON.stringify({ schema: PLAYBOOK_SCHEMA + 1, whatever: { new: 'shape' } }))).toEqual({
      kind: 'newer-schema',
      schema: PLAYBOOK_SCHEMA + 1,
    });
  });

  it('calls text that is not JSON, or not an object, invalid', () => {
    expect(problemsOf(parsePlaybookDocument('{"schema":1,'))).toEqual([{ path: '', kind: 'not-json' }]);
    expect(problemsOf(parsePlaybookDocument('[1,2]'))).toEqual([{ path: '', kind: 'not-an-object' }]);
    expect(problemsOf(parsePlaybookDocument(42))).toEqual([{ path: '', kind: 'not-an-object' }]);
  });

  it.each([
    ['a key with capitals', at('stages.0.templates.0.key', 'Legal'), 'stages[0].templates[0].key', 'bad-key'],
    ['a key of 41 characters', at('stages.0.templates.0.key', 'a'.repeat(41)), 'stages[0].templates[0].key', 'bad-key'],
    [
      'a key used twice in the document',
      at('stages.1.templates.0.key', 'legal'),
      'stages[1].templates[0].key',
      'duplicate-key',
    ],
    ['a stage listed twice', at('stages.1.stageId', 'DT177_7:APPROVAL'), 'stages[1].stageId', 'duplicate-stage'],
    [
      'an unknown placeholder in a title',
      at('stages.0.templates.0.title', 'Check {titel}'),
      'stages[0].templates[0].title',
      'unknown-placeholder',
    ],
    [
      'an unknown placeholder in a description',
      at('stages.0.templates.0.description', '{field}{amount}'),
      'stages[0].templates[0].description',
      'unknown-placeholder',
    ],
    ['an empty title', at('stages.0.templates.0.title', '   '), 'stages[0].templates[0].title', 'empty-text'],
    [
      'a title over 255 characters',
      at('stages.0.templates.0.title', 'x'.repeat(256)),
      'stages[0].templates[0].title',
      'too-long',
    ],
    [
      'time of day 24:00',
      at('stages.0.templates.0.deadline.timeOfDay', '24:00'),
      'stages[0].templates[0].deadline.timeOfDay',
      'bad-time',
    ],
    [
      'time of day 9:00',
      at('stages.0.templates.0.deadline.timeOfDay', '9:00'),
      'stages[0].templates[0].deadline.timeOfDay',
      'bad-time',
    ],
    [
      'negative working days',
      at('stages.0.templates.0.deadline.amount', -1),
      'stages[0].templates[0].deadline.amount',
      'out-of-range',
    ],
    [
      'working days beyond a year',
      at('stages.0.templates.0.deadline.amount', 261),
      'stages[0].templates[0].deadline.amount',
      'out-of-range',
    ],
    [
      'zero hours',
      at('stages.1.templates.0.deadline.amount', 0),
      'stages[1].templates[0].deadline.amount',
      'out-of-range',
    ],
    [
      'fractional hours',
      at('stages.1.templates.0.deadline.amount', 1.5),
      'stages[1].templates[0].deadline.amount',
      'wrong-type',
    ],
    [
      'an unknown deadline unit',
      at('stages.1.templates.0.deadline.unit', 'minutes'),
      'stages[1].templates[0].deadline.unit',
      'bad-choice',
    ],
    [
      'a user id of 0',
      at('stages.0.templates.0.participantIds', [0]),
      'stages[0].templates[0].participantIds[0]',
      'bad-id',
    ],
    [
      'a user id as a string',
      at('stages.0.templates.0.observerIds', ['4']),
      'stages[0].templates[0].observerIds[0]',
      'bad-id',
    ],
    [
      'an observer twice',
      at('stages.0.templates.0.observerIds', [4, 4]),
      'stages[0].templates[0].observerIds[1]',
      'duplicate-user',
    ],
    [
      'a fixed responsible without a user',
      at('stages.0.templates.0.responsible', { kind: 'user' }),
      'stages[0].templates[0].responsible.userId',
      'missing',
    ],
    [
      'a field responsible with a bad name',
      at('stages.0.templates.0.responsible', { kind: 'item-field', field: 'UF CRM' }),
      'stages[0].templates[0].responsible.field',
      'bad-field-name',
    ],
    [
      'an unknown responsible rule',
      at('stages.0.templates.0.responsible', { kind: 'boss' }),
      'stages[0].templates[0].responsible.kind',
      'bad-choice',
    ],
    [
      'an unknown priority',
      at('stages.0.templates.0.priority', 'urgent'),
      'stages[0].templates[0].priority',
      'bad-choice',
    ],
    [
      'an empty checklist line',
      at('stages.0.templates.0.checklist', ['ok', '']),
      'stages[0].templates[0].checklist[1]',
      'empty-text',
    ],
    [
      'an unknown field in a template',
      at('stages.0.templates.0.colour', 'red'),
      'stages[0].templates[0].colour',
      'unknown-field',
    ],
    ['a negative smart process id', at('entityTypeId', -177), 'entityTypeId', 'bad-id'],
    ['an older schema', at('schema', 0), 'schema', 'bad-schema'],
    ['a date without an offset', at('savedAt', '2026-11-30 14:05'), 'savedAt', 'bad-date'],
    ['a missing stages list', at('stages', undefined), 'stages', 'missing'],
    [
      'eleven templates on a stage',
      at(
        'stages.0.templates',
        Array.from({ length: 11 }, (_, i) => template(`k${i}`)),
      ),
      'stages[0].templates',
      'too-many',
    ],
  ])('refuses %s, naming where', (_name, mutate, path, kind) => {
    const problems = problemsOf(parsePlaybookDocument(withChange(mutate)));
    expect(problems).toContainEqual(expect.objectContaining({ path, kind }));
  });

  it('lists every problem of a document, not only the first', () => {
    const problems = problemsOf(
      parsePlaybookDocument(
        withChange(at('stages.0.templates.0.key', 'BAD'), at('stages.1.templates.0.priority', 'urgent')),
      ),
    );
    expect(problems.map((problem) => problem.path)).toEqual([
      'stages[0].templates[0].key',
      'stages[1].templates[0].priority',
    ]);
  });

  it('refuses a document of another smart process when told which one it must be', () => {
    const json = serialisePlaybookDocument(document());
    expect(parsePlaybookDocument(json, { entityTypeId: 177 }).kind).toBe('ok');
    expect(problemsOf(parsePlaybookDocument(json, { entityTypeId: 180 }))).toEqual([
      { path: 'entityTypeId', kind: 'wrong-smart-process', detail: '177' },
    ]);
  });

  it('keeps braces around other text as literal text', () => {
    expect(unknownPlaceholders('Draft { v2 } for {title} {}')).toEqual([]);
    expect(unknownPlaceholders('{Title} {field:} {field:ufCrm1_2}')).toEqual(['{Title}']);
  });
});

describe('serialisePlaybookDocument', () => {
  it('writes the fields in a fixed order and nothing else', () => {
    const extra = { ...document(), note: 'ignored' } as PlaybookDocument;
    const json = serialisePlaybookDocument(extra);
    expect(Object.keys(JSON.parse(json))).toEqual([
      'schema',
      'entityTypeId',
      'revision',
      'savedAt',
      'savedBy',
      'stages',
    ]);
    expect(json).toBe(serialisePlaybookDocument(document()));
  });
});

describe('templatesForStage', () => {
  it("lists the stage's templates then the ones of any stage, in order", () => {
    expect(templatesForStage(document(), 'DT177_7:APPROVAL').map((t) => t.key)).toEqual(['legal', 'finance', 'call']);
  });

  it('gives a stage without its own templates the ones of any stage', () => {
    expect(templatesForStage(document(), 'DT177_7:NEW').map((t) => t.key)).toEqual(['call']);
    expect(templatesForStage(document(), ANY_STAGE).map((t) => t.key)).toEqual(['call']);
    expect(templatesForStage(emptyPlaybookDocument(177), 'DT177_7:NEW')).toEqual([]);
  });

  it('never lists a key twice', () => {
    const doc = document({
      stages: [
        { stageId: 'S', templates: [template('a'), template('b')] },
        { stageId: ANY_STAGE, templates: [template('b'), template('c')] },
      ],
    });
    expect(templatesForStage(doc, 'S').map((t) => t.key)).toEqual(['a', 'b', 'c']);
  });
});
