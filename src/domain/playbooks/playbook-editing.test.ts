import { describe, expect, it } from 'vitest';
import { ANY_STAGE } from './playbook';
import { emptyPlaybookDocument, parsePlaybookDocument, serialisePlaybookDocument } from './playbook-document';
import {
  addTemplate,
  adoptImported,
  blankTemplate,
  mintTemplateKey,
  moveTemplate,
  playbookChanges,
  removeTemplate,
  stageTemplates,
  suggestedPlaybook,
  unknownStageIds,
  updateTemplate,
} from './playbook-editing';

function counter() {
  let next = 0;
  return () => `s${(next += 1)}`;
}

const APPROVAL = 'DT177_7:APPROVAL';

function threeTemplates() {
  let document = emptyPlaybookDocument(177);
  for (const key of ['legal', 'finance', 'ceo']) document = addTemplate(document, APPROVAL, blankTemplate(key, key));
  return document;
}

describe('editing a stage', () => {
  it('adds, changes, reorders and deletes templates, keeping their keys', () => {
    let document = threeTemplates();
    document = updateTemplate(document, APPROVAL, 'finance', { title: 'Budget for {title}', checklist: ['Check'] });
    document = moveTemplate(document, APPROVAL, 'ceo', -1);
    document = moveTemplate(document, APPROVAL, 'legal', -1);
    expect(stageTemplates(document, APPROVAL).map((t) => [t.key, t.title])).toEqual([
      ['legal', 'legal'],
      ['ceo', 'ceo'],
      ['finance', 'Budget for {title}'],
    ]);
    document = removeTemplate(document, APPROVAL, 'ceo');
    expect(stageTemplates(document, APPROVAL).map((t) => t.key)).toEqual(['legal', 'finance']);
    expect(parsePlaybookDocument(serialisePlaybookDocument(document)).kind).toBe('ok');
  });

  it('drops a stage whose last template was deleted', () => {
    let document = addTemplate(emptyPlaybookDocument(177), ANY_STAGE, blankTemplate('call'));
    document = removeTemplate(document, ANY_STAGE, 'call');
    expect(document.stages).toEqual([]);
  });
});

describe('mintTemplateKey', () => {
  it('makes a valid key from any text, unique in the document', () => {
    const suffix = counter();
    expect(mintTemplateKey('Согласование', new Set(), suffix)).toBe('t-s1');
    expect(mintTemplateKey('Legal review: contract!', new Set(), suffix)).toBe('legal-review-contract-s2');
    expect(mintTemplateKey('x', new Set(['x-s3']), suffix)).toBe('x-s4');
    expect(mintTemplateKey('a'.repeat(60), new Set(), suffix)).toMatch(/^[a-z0-9-]{1,40}$/);
  });
});

describe('suggestedPlaybook', () => {
  it('offers one template per in-progress stage, none for success and failure', () => {
    const document = suggestedPlaybook(
      177,
      [
        { id: 'DT177_7:NEW', name: 'New', semantics: 'process' },
        { id: 'DT177_7:APPROVAL', name: 'Approval {id}', semantics: 'process' },
        { id: 'DT177_7:SUCCESS', name: 'Won', semantics: 'success' },
        { id: 'DT177_7:FAIL', name: 'Lost', semantics: 'failure' },
      ],
      counter(),
    );
    expect(document.revision).toBe(0);
    expect(document.stages.map((stage) => [stage.stageId, stage.templates.map((t) => t.title)])).toEqual([
      ['DT177_7:NEW', ['{stage}: {title}']],
      ['DT177_7:APPROVAL', ['{stage}: {title}']],
    ]);
    expect(document.stages[0]!.templates[0]!.deadline).toEqual({ unit: 'working-days', amount: 1, timeOfDay: '18:00' });
    expect(parsePlaybookDocument(serialisePlaybookDocument(document)).kind).toBe('ok');
  });
});

describe('playbookChanges', () => {
  it('lists what an import adds, changes, removes and reorders', () => {
    const before = threeTemplates();
    let after = updateTemplate(before, APPROVAL, 'legal', { priority: 'high' });
    after = removeTemplate(after, APPROVAL, 'ceo');
    after = moveTemplate(after, APPROVAL, 'finance', -1);
    after = addTemplate(after, ANY_STAGE, blankTemplate('call', 'Call'));
    expect(playbookChanges(before, after)).toEqual([
      { kind: 'changed', stageId: APPROVAL, title: 'legal' },
      { kind: 'removed', stageId: APPROVAL, title: 'ceo' },
      { kind: 'reordered', stageId: APPROVAL },
      { kind: 'added', stageId: ANY_STAGE, title: 'Call' },
    ]);
    expect(playbookChanges(before, before)).toEqual([]);
  });

  it('names imported stages the smart process does not have, and keeps the current revision', () => {
    const imported = { ...threeTemplates(), revision: 9 };
    expect(unknownStageIds(imported, new Set(['DT177_7:NEW']))).toEqual([APPROVAL]);
    const current = { ...emptyPlaybookDocument(177), revision: 4 };
    expect(adoptImported(current, imported)).toMatchObject({ revision: 4, stages: imported.stages });
  });
});
