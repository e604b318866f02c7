/**
 * The stored, exported and imported form of a smart process's playbook: parsing with strict
 * validation, serialising, the empty document, and the templates that apply to one stage.
 *
 * Versioning: `schema` is the document format (PLAYBOOK_SCHEMA of the app that wrote it). Any change
 * to the shapes of playbook.ts bumps it, so a document of a higher schema is never read by this
 * app version: `parsePlaybookDocument` answers `newer-schema` before looking at anything else, and
 * the editor shows such a document read-only and never overwrites it. `revision` counts saves (see
 * queries/playbooks.ts: a save over a newer revision is refused).
 *
 * Input is untrusted (an app option any admin or script may have written, a file an admin
 * imports): every field is checked and every problem is reported with its path, none thrown.
 */
import type { TaskPriority } from '../tasks';
import {
  ANY_STAGE,
  PLAYBOOK_SCHEMA,
  type DeadlineRule,
  type PlaybookDocument,
  type PlaybookTemplate,
  type ResponsibleRule,
  type StagePlaybook,
} from './playbook';

/** Template keys: [a-z0-9-]{1,40}, as `templateXmlId` (domain/tasks.ts) accepts them. */
export const TEMPLATE_KEY_PATTERN = /^[a-z0-9-]{1,40}$/;

/** The placeholders a title or description may hold, besides `{field:<name>}`. */
export const PLAYBOOK_PLACEHOLDERS = ['title', 'id', 'stage', 'funnel', 'smartProcess', 'responsible'] as const;
export type PlaybookPlaceholder = (typeof PLAYBOOK_PLACEHOLDERS)[number];

/**
 * A placeholder token: `{name}` or `{field:<fieldName>}` (the item field as crm.item.get names it,
 * camelCase: `opportunity`, `ufCrm5_1700000000`). Braces around anything else (spaces, other
 * punctuation) are literal text, so "{ draft }" in a title stays as written.
 */
export const PLACEHOLDER_TOKEN = /\{([A-Za-z][A-Za-z0-9]*)(?::([A-Za-z][A-Za-z0-9_]{0,63}))?\}/g;

/** An item field name as crm.item.get returns it (camelCase; user fields `ufCrm<N>_<digits>`). */
export const ITEM_FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

/**
 * Bounds of one document. Chosen so a stage's templates fit one batch of the create (50
 * commands: a task, its read-back and checklist items) and a document stays well inside the room
 * the portal has for app options (domain/playbooks/option-budget.ts).
 */
export const PLAYBOOK_LIMITS = {
  /** Stage entries (stages of every funnel plus ANY_STAGE). */
  stages: 200,
  /** Templates of one stage. */
  templatesPerStage: 10,
  /** Task TITLE: Bitrix24 keeps 255 characters. */
  titleLength: 255,
  descriptionLength: 5000,
  checklistItems: 30,
  checklistItemLength: 255,
  /** Participants, and observers, each. */
  users: 30,
  /** Working days ahead: one working year. */
  workingDays: 260,
  /** Hours ahead: 30 days. */
  hours: 720,
} as const;

/** Why a document (or one field of it) was refused; the UI words each kind (en/ru/de). */
export type PlaybookProblemKind =
  | 'not-json'
  | 'not-an-object'
  | 'missing'
  | 'unknown-field'
  | 'wrong-type'
  | 'bad-schema'
  | 'bad-id'
  | 'bad-key'
  | 'duplicate-key'
  | 'duplicate-stage'
  | 'empty-text'
  | 'too-long'
  | 'too-many'
  | 'unknown-placeholder'
  | 'bad-field-name'
  | 'bad-time'
  | 'out-of-range'
  | 'bad-choice'
  | 'duplicate-user'
  | 'bad-date'
  | 'wrong-smart-process';

/**
 * One problem: where (`path`, e.g. `stages[0].templates[1].key`; `` for the whole document), what
 * kind, and the offending value or token when it helps the admin find it (`detail`, plain text).
 */
export interface PlaybookProblem {
  path: string;
  kind: PlaybookProblemKind;
  detail?: string;
}

/** What a stored or imported playbook turned out to be. */
export type PlaybookParseOutcome =
  | { kind: 'ok'; document: PlaybookDocument }
  /** Written by a newer Smart Tasks (`schema` > PLAYBOOK_SCHEMA): show read-only, never overwrite. */
  | { kind: 'newer-schema'; schema: number }
  | { kind: 'invalid'; problems: PlaybookProblem[] };

export interface ParseOptions {
  /** When set, a document of another smart process is refused (`wrong-smart-process`). */
  entityTypeId?: number;
}

const PRIORITIES: readonly TaskPriority[] = ['low', 'medium', 'high'];
const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;
/** ISO 8601 date-time with an offset or Z, as the portal and `toPortalDateTime` write it. */
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const STAGE_ID = /^[A-Za-z0-9_:\-.]{1,100}$/;

const DOCUMENT_FIELDS = ['schema', 'entityTypeId', 'revision', 'savedAt', 'savedBy', 'stages'];
const STAGE_FIELDS = ['stageId', 'templates'];
const TEMPLATE_FIELDS = [
  'key',
  'title',
  'description',
  'responsible',
  'participantIds',
  'observerIds',
  'deadline',
  'priority',
  'checklist',
];

/**
 * Reads a playbook document: `json` is a JSON string (how it is stored and exported) or an already
 * parsed value (how a portal might hand an option back). Never throws.
 *
 * Order: not JSON / not an object → invalid; a `schema` above PLAYBOOK_SCHEMA → newer-schema
 * (nothing else is looked at: the newer format may differ anywhere); otherwise every field is
 * validated and all problems are listed.
 */
export function parsePlaybookDocument(json: unknown, options: ParseOptions = {}): PlaybookParseOutcome {
  let value: unknown = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json);
    } catch {
      return { kind: 'invalid', problems: [{ path: '', kind: 'not-json' }] };
    }
  }
  if (!isRecord(value)) return { kind: 'invalid', problems: [{ path: '', kind: 'not-an-object' }] };
  const schema = value.schema;
  if (typeof schema === 'number' && Number.isInteger(schema) && schema > PLAYBOOK_SCHEMA) {
    return { kind: 'newer-schema', schema };
  }

  const problems: PlaybookProblem[] = [];
  const check = new Checker(problems);
  check.onlyFields(value, DOCUMENT_FIELDS, '');
  if (schema === undefined) problems.push({ path: 'schema', kind: 'missing' });
  else if (schema !== PLAYBOOK_SCHEMA) problems.push({ path: 'schema', kind: 'bad-schema', detail: String(schema) });

  const entityTypeId = check.positiveInt(value.entityTypeId, 'entityTypeId');
  if (entityTypeId !== null && options.entityTypeId !== undefined && entityTypeId !== options.entityTypeId) {
    problems.push({ path: 'entityTypeId', kind: 'wrong-smart-process', detail: String(entityTypeId) });
  }
  const revision = check.intInRange(value.revision, 'revision', 0, Number.MAX_SAFE_INTEGER);
  const savedAt = check.string(value.savedAt, 'savedAt');
  if (savedAt !== null && savedAt !== '' && !ISO_WITH_OFFSET.test(savedAt)) {
    problems.push({ path: 'savedAt', kind: 'bad-date', detail: savedAt });
  }
  const savedBy = check.intInRange(value.savedBy, 'savedBy', 0, Number.MAX_SAFE_INTEGER);

  const stages: StagePlaybook[] = [];
  const rawStages = check.array(value.stages, 'stages', PLAYBOOK_LIMITS.stages);
  const stageIds = new Set<string>();
  const keys = new Set<string>();
  rawStages?.forEach((rawStage, stageIndex) => {
    const stagePath = `stages[${stageIndex}]`;
    if (!isRecord(rawStage)) {
      problems.push({ path: stagePath, kind: 'wrong-type' });
      return;
    }
    check.onlyFields(rawStage, STAGE_FIELDS, stagePath);
    const stageId = check.string(rawStage.stageId, `${stagePath}.stageId`);
    if (stageId !== null) {
      if (stageId !== ANY_STAGE && !STAGE_ID.test(stageId)) {
        problems.push({ path: `${stagePath}.stageId`, kind: 'bad-id', detail: stageId });
      } else if (stageIds.has(stageId)) {
        problems.push({ path: `${stagePath}.stageId`, kind: 'duplicate-stage', detail: stageId });
      }
      stageIds.add(stageId);
    }
    const templates: PlaybookTemplate[] = [];
    const rawTemplates = check.array(rawStage.templates, `${stagePath}.templates`, PLAYBOOK_LIMITS.templatesPerStage);
    rawTemplates?.forEach((rawTemplate, templateIndex) => {
      const template = check.template(rawTemplate, `${stagePath}.templates[${templateIndex}]`, keys);
      if (template) templates.push(template);
    });
    if (stageId !== null) stages.push({ stageId, templates });
  });

  if (problems.length > 0 || entityTypeId === null || revision === null || savedAt === null || savedBy === null) {
    return { kind: 'invalid', problems };
  }
  return { kind: 'ok', document: { schema: PLAYBOOK_SCHEMA, entityTypeId, revision, savedAt, savedBy, stages } };
}

/**
 * The JSON string stored in the app option and exported: fields in a fixed order (so an export
 * diffs cleanly), nothing else. Does not validate: pass documents that parsed or were built by
 * the editor's operations.
 */
export function serialisePlaybookDocument(document: PlaybookDocument): string {
  return JSON.stringify({
    schema: document.schema,
    entityTypeId: document.entityTypeId,
    revision: document.revision,
    savedAt: document.savedAt,
    savedBy: document.savedBy,
    stages: document.stages.map((stage) => ({
      stageId: stage.stageId,
      templates: stage.templates.map(serialisableTemplate),
    })),
  });
}

function serialisableTemplate(template: PlaybookTemplate): PlaybookTemplate {
  return {
    key: template.key,
    title: template.title,
    description: template.description,
    responsible: template.responsible,
    participantIds: [...template.participantIds],
    observerIds: [...template.observerIds],
    deadline: template.deadline,
    priority: template.priority,
    checklist: [...template.checklist],
  };
}

/** A smart process's document before its first save: no stages, revision 0, never saved. */
export function emptyPlaybookDocument(entityTypeId: number): PlaybookDocument {
  return { schema: PLAYBOOK_SCHEMA, entityTypeId, revision: 0, savedAt: '', savedBy: 0, stages: [] };
}

/**
 * The templates that apply to an item in `stageId`: the stage's own, in order, then those of
 * ANY_STAGE, in order; a key already listed is not listed again. For `stageId` = ANY_STAGE, just
 * ANY_STAGE's.
 */
export function templatesForStage(document: PlaybookDocument, stageId: string): PlaybookTemplate[] {
  const own = document.stages.find((stage) => stage.stageId === stageId)?.templates ?? [];
  const any =
    stageId === ANY_STAGE ? [] : (document.stages.find((stage) => stage.stageId === ANY_STAGE)?.templates ?? []);
  const seen = new Set<string>();
  const result: PlaybookTemplate[] = [];
  for (const template of [...own, ...any]) {
    if (seen.has(template.key)) continue;
    seen.add(template.key);
    result.push(template);
  }
  return result;
}

/** The placeholder tokens in a text that this app version does not know (e.g. `{titel}`). */
export function unknownPlaceholders(text: string): string[] {
  const unknown: string[] = [];
  for (const match of text.matchAll(PLACEHOLDER_TOKEN)) {
    const [token, name, field] = match;
    const known = field !== undefined ? name === 'field' : (PLAYBOOK_PLACEHOLDERS as readonly string[]).includes(name!);
    if (!known) unknown.push(token);
  }
  return unknown;
}

/** Collects problems while reading untrusted values; each reader returns null when the value is unusable. */
class Checker {
  constructor(private readonly problems: PlaybookProblem[]) {}

  onlyFields(value: Record<string, unknown>, allowed: readonly string[], path: string): void {
    for (const field of Object.keys(value)) {
      if (!allowed.includes(field))
        this.problems.push({ path: join(path, field), kind: 'unknown-field', detail: field });
    }
  }

  string(value: unknown, path: string): string | null {
    if (value === undefined) {
      this.problems.push({ path, kind: 'missing' });
      return null;
    }
    if (typeof value !== 'string') {
      this.problems.push({ path, kind: 'wrong-type' });
      return null;
    }
    return value;
  }

  intInRange(value: unknown, path: string, min: number, max: number): number | null {
    if (value === undefined) {
      this.problems.push({ path, kind: 'missing' });
      return null;
    }
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      this.problems.push({ path, kind: 'wrong-type' });
      return null;
    }
    if (value < min || value > max) {
      this.problems.push({ path, kind: 'out-of-range', detail: String(value) });
      return null;
    }
    return value;
  }

  positiveInt(value: unknown, path: string): number | null {
    if (value === undefined) {
      this.problems.push({ path, kind: 'missing' });
      return null;
    }
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0) {
      this.problems.push({ path, kind: 'bad-id', detail: String(value) });
      return null;
    }
    return value;
  }

  array(value: unknown, path: string, max: number): unknown[] | null {
    if (value === undefined) {
      this.problems.push({ path, kind: 'missing' });
      return null;
    }
    if (!Array.isArray(value)) {
      this.problems.push({ path, kind: 'wrong-type' });
      return null;
    }
    if (value.length > max) {
      this.problems.push({ path, kind: 'too-many', detail: String(max) });
      return null;
    }
    return value as unknown[];
  }

  text(
    value: unknown,
    path: string,
    maxLength: number,
    options: { required: boolean; placeholders: boolean },
  ): string | null {
    const text = this.string(value, path);
    if (text === null) return null;
    if (options.required && text.trim() === '') {
      this.problems.push({ path, kind: 'empty-text' });
      return null;
    }
    if ([...text].length > maxLength) {
      this.problems.push({ path, kind: 'too-long', detail: String(maxLength) });
      return null;
    }
    if (options.placeholders) {
      const unknown = unknownPlaceholders(text);
      if (unknown.length > 0) {
        this.problems.push({ path, kind: 'unknown-placeholder', detail: unknown.join(' ') });
        return null;
      }
    }
    return text;
  }

  userIds(value: unknown, path: string): number[] | null {
    const raw = this.array(value, path, PLAYBOOK_LIMITS.users);
    if (!raw) return null;
    const ids: number[] = [];
    let usable = true;
    raw.forEach((entry, index) => {
      const id = this.positiveInt(entry, `${path}[${index}]`);
      if (id === null) usable = false;
      else if (ids.includes(id)) {
        this.problems.push({ path: `${path}[${index}]`, kind: 'duplicate-user', detail: String(id) });
        usable = false;
      } else ids.push(id);
    });
    return usable ? ids : null;
  }

  responsible(value: unknown, path: string): ResponsibleRule | null {
    if (!isRecord(value)) {
      this.problems.push({ path, kind: value === undefined ? 'missing' : 'wrong-type' });
      return null;
    }
    switch (value.kind) {
      case 'item-responsible':
      case 'clicking-user':
        this.onlyFields(value, ['kind'], path);
        return { kind: value.kind };
      case 'user': {
        this.onlyFields(value, ['kind', 'userId'], path);
        const userId = this.positiveInt(value.userId, `${path}.userId`);
        return userId === null ? null : { kind: 'user', userId };
      }
      case 'item-field': {
        this.onlyFields(value, ['kind', 'field'], path);
        const field = this.string(value.field, `${path}.field`);
        if (field === null) return null;
        if (!ITEM_FIELD_NAME.test(field)) {
          this.problems.push({ path: `${path}.field`, kind: 'bad-field-name', detail: field });
          return null;
        }
        return { kind: 'item-field', field };
      }
      default:
        this.problems.push({ path: `${path}.kind`, kind: 'bad-choice', detail: String(value.kind) });
        return null;
    }
  }

  deadline(value: unknown, path: string): DeadlineRule | null | undefined {
    if (value === null) return null;
    if (!isRecord(value)) {
      this.problems.push({ path, kind: value === undefined ? 'missing' : 'wrong-type' });
      return undefined;
    }
    if (value.unit === 'working-days') {
      this.onlyFields(value, ['unit', 'amount', 'timeOfDay'], path);
      const amount = this.intInRange(value.amount, `${path}.amount`, 0, PLAYBOOK_LIMITS.workingDays);
      const timeOfDay = this.string(value.timeOfDay, `${path}.timeOfDay`);
      if (timeOfDay !== null && !TIME_OF_DAY.test(timeOfDay)) {
        this.problems.push({ path: `${path}.timeOfDay`, kind: 'bad-time', detail: timeOfDay });
        return undefined;
      }
      return amount === null || timeOfDay === null ? undefined : { unit: 'working-days', amount, timeOfDay };
    }
    if (value.unit === 'hours') {
      this.onlyFields(value, ['unit', 'amount'], path);
      const amount = this.intInRange(value.amount, `${path}.amount`, 1, PLAYBOOK_LIMITS.hours);
      return amount === null ? undefined : { unit: 'hours', amount };
    }
    this.problems.push({ path: `${path}.unit`, kind: 'bad-choice', detail: String(value.unit) });
    return undefined;
  }

  template(value: unknown, path: string, keys: Set<string>): PlaybookTemplate | null {
    if (!isRecord(value)) {
      this.problems.push({ path, kind: 'wrong-type' });
      return null;
    }
    this.onlyFields(value, TEMPLATE_FIELDS, path);
    const key = this.string(value.key, `${path}.key`);
    if (key !== null) {
      if (!TEMPLATE_KEY_PATTERN.test(key)) this.problems.push({ path: `${path}.key`, kind: 'bad-key', detail: key });
      else if (keys.has(key)) this.problems.push({ path: `${path}.key`, kind: 'duplicate-key', detail: key });
      keys.add(key);
    }
    const title = this.text(value.title, `${path}.title`, PLAYBOOK_LIMITS.titleLength, {
      required: true,
      placeholders: true,
    });
    const description = this.text(value.description, `${path}.description`, PLAYBOOK_LIMITS.descriptionLength, {
      required: false,
      placeholders: true,
    });
    const responsible = this.responsible(value.responsible, `${path}.responsible`);
    const participantIds = this.userIds(value.participantIds, `${path}.participantIds`);
    const observerIds = this.userIds(value.observerIds, `${path}.observerIds`);
    const deadline = this.deadline(value.deadline, `${path}.deadline`);
    let priority: TaskPriority | null = null;
    if (typeof value.priority === 'string' && (PRIORITIES as readonly string[]).includes(value.priority)) {
      priority = value.priority as TaskPriority;
    } else {
      this.problems.push({
        path: `${path}.priority`,
        kind: value.priority === undefined ? 'missing' : 'bad-choice',
        ...(value.priority === undefined ? {} : { detail: String(value.priority) }),
      });
    }
    const rawChecklist = this.array(value.checklist, `${path}.checklist`, PLAYBOOK_LIMITS.checklistItems);
    const checklist: string[] = [];
    let checklistUsable = rawChecklist !== null;
    rawChecklist?.forEach((line, index) => {
      const text = this.text(line, `${path}.checklist[${index}]`, PLAYBOOK_LIMITS.checklistItemLength, {
        required: true,
        placeholders: false,
      });
      if (text === null) checklistUsable = false;
      else checklist.push(text);
    });
    if (
      key === null ||
      title === null ||
      description === null ||
      responsible === null ||
      participantIds === null ||
      observerIds === null ||
      deadline === undefined ||
      priority === null ||
      !checklistUsable
    ) {
      return null;
    }
    return { key, title, description, responsible, participantIds, observerIds, deadline, priority, checklist };
  }
}

function join(path: string, field: string): string {
  return path === '' ? field : `${path}.${field}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
