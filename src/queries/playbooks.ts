/**
 * A smart process's stage playbook, read and saved where Bitrix24 keeps app settings.
 *
 * Storage: the APP OPTION `playbook_<entityTypeId>` (app.option.get / app.option.set; docs
 * api-reference/common/settings/app-option-get.md, app-option-set.md). Everyone using the app may
 * read it; only a portal admin may write it, which is exactly who may change a playbook. The value
 * is a JSON STRING of the PlaybookDocument (a string survives the portal's PHP serialisation
 * unchanged; nested arrays would come back as maps).
 *
 * Why options and not the app's entity storage (entity.*), in short (details and doc paths in
 * src/README.md, "Where playbooks are stored"): admin-only writes and reads for every user are the
 * platform's own rule for options (common/settings/index.md), where entity storage needs an ACCESS
 * table the app would have to keep right (entity/index.md); options need no new scope (entity
 * storage needs `entity`); and one `app.option.get` fits into the tab's first batch. Limits: the
 * docs give none for an option's value; the portal keeps all of an app's options in one value of
 * 65,535 bytes as PHP serialises them (not documented; the emulator enforces it,
 * portal/option-limits.ts), which every smart process's playbook shares: a save that would pass
 * it is refused before it is sent (domain/playbooks/option-budget.ts).
 *
 * Reading fits into any batch: `playbookOptionCommand(entityTypeId)` and
 * `readPlaybookOption(result)`.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  command,
  useBitrix,
  type BatchCommand,
  type BatchEntry,
  type BitrixBoundary,
  type RestStatus,
} from '../bitrix';
import type { FieldDefinition } from '../domain/fields';
import type { PlaybookDocument } from '../domain/playbooks/playbook';
import {
  parsePlaybookDocument,
  serialisePlaybookDocument,
  type PlaybookParseOutcome,
  type PlaybookProblem,
} from '../domain/playbooks/playbook-document';
import type { Stage } from '../domain/stages';
import { APP_OPTIONS_MAX_BYTES, optionsBytesWith, optionsMap } from '../domain/playbooks/option-budget';
import { toPortalDateTime } from '../domain/working-days';
import {
  decodeFieldDefinitions,
  decodeItem,
  decodeStages,
  fieldsCommand,
  stagesCommand,
  type Category,
  type CrmItem,
} from './items';
import { decodeSetupBasics, setupBasicsCommands } from './setup-basics';
import type { SmartProcess } from './smart-processes';
import { decodeUser, USER_SELECT, usersByIdCommand, type CurrentUser, type User } from './users';

/** What is stored for a smart process: nothing yet, or what the stored value parsed to. */
export type StoredPlaybook = { kind: 'none' } | PlaybookParseOutcome;

export const playbookKeys = {
  all: ['playbook'] as const,
  document: (entityTypeId: number) => [...playbookKeys.all, entityTypeId] as const,
  editor: (entityTypeId: number) => [...playbookKeys.all, 'editor', entityTypeId] as const,
  previewItem: (entityTypeId: number, categoryId: number, stageId: string) =>
    [...playbookKeys.all, 'preview-item', entityTypeId, categoryId, stageId] as const,
};

/** `playbook_<N>`: the option name of smart process N's playbook. */
export function playbookOptionName(entityTypeId: number): string {
  return `playbook_${entityTypeId}`;
}

/** The batch command that reads smart process N's playbook option. */
export function playbookOptionCommand(entityTypeId: number) {
  return command('app.option.get', { option: playbookOptionName(entityTypeId) });
}

/**
 * What app.option.get answered for one playbook option → none configured, or the parse outcome.
 * A portal answers a missing option with null, '' or [] (PHP's empty array); all mean "none".
 * Pass `entityTypeId` to refuse a document of another smart process stored under this name.
 */
export function readPlaybookOption(result: unknown, entityTypeId?: number): StoredPlaybook {
  if (result === undefined || result === null || result === '' || (Array.isArray(result) && result.length === 0)) {
    return { kind: 'none' };
  }
  return parsePlaybookDocument(result, entityTypeId === undefined ? {} : { entityTypeId });
}

/** Like `readPlaybookOption`, from a batch entry: a failed read throws its BitrixError. */
export function readPlaybookEntry(entry: BatchEntry<unknown>, entityTypeId?: number): StoredPlaybook {
  if (!entry.ok) throw entry.error;
  return readPlaybookOption(entry.result, entityTypeId);
}

/** Smart process N's stored playbook (any user may read it). */
export function usePlaybook(entityTypeId: number) {
  const boundary = useBitrix();
  return useQuery({
    queryKey: playbookKeys.document(entityTypeId),
    queryFn: async (): Promise<StoredPlaybook> => {
      const answers = await boundary.batch({ playbook: playbookOptionCommand(entityTypeId) });
      return readPlaybookEntry(answers.playbook, entityTypeId);
    },
  });
}

/** Why a save was refused; nothing was written, and the editor keeps what the admin typed. */
export type PlaybookSaveRefusal =
  /** Only a portal admin may write app options (app.option.set). */
  | { kind: 'not-admin' }
  /** The document does not pass validation (e.g. an empty title). */
  | { kind: 'invalid'; problems: PlaybookProblem[] }
  /**
   * With it, all of the app's options would pass the portal's room for them (APP_OPTIONS_MAX_BYTES,
   * domain/playbooks/option-budget.ts): `bytes` they would take, `limit`.
   */
  | { kind: 'too-large'; bytes: number; limit: number }
  /** Another admin saved since the editor read it: their revision, when (ISO, portal clock) and who. */
  | { kind: 'newer-revision'; revision: number; savedAt: string; savedBy: number }
  /** What is stored was written by a newer Smart Tasks: never overwritten. */
  | { kind: 'newer-schema'; schema: number };

/** Thrown by `savePlaybook` when it wrote nothing on purpose; `refusal` says why. */
export class PlaybookSaveRefused extends Error {
  override readonly name = 'PlaybookSaveRefused';
  constructor(readonly refusal: PlaybookSaveRefusal) {
    super(`Playbook not saved: ${refusal.kind}`);
  }
}

export interface PlaybookSaveInput {
  /** The document as edited (its revision is the one the editor started from). */
  document: PlaybookDocument;
  /** The revision the editor read (0 = nothing was stored). */
  baseRevision: number;
  /** The admin saving it. */
  userId: number;
}

/**
 * Saves smart process N's playbook: two round trips, the re-read of all the app's options, then
 * app.option.set.
 *
 * Refuses (PlaybookSaveRefused, nothing written) a user who is not an admin, a document that does
 * not validate, a save over a stored document that is of a newer schema or has a revision newer
 * than `baseRevision` (another admin saved meanwhile: a save now would undo their change), and one
 * after which the app's options together would pass APP_OPTIONS_MAX_BYTES (every smart process's
 * playbook shares that room; see domain/playbooks/option-budget.ts). The saved document has the next revision and `savedAt` by the
 * PORTAL's clock with its offset. Portal failures reject with their BitrixError (an unanswered
 * set may have been written: the editor keeps the content; saving again finds this admin's own
 * revision with the same content and takes it as the save instead of refusing or writing twice).
 */
export async function savePlaybook(boundary: BitrixBoundary, input: PlaybookSaveInput): Promise<PlaybookDocument> {
  if (!boundary.session.isAdmin) throw new PlaybookSaveRefused({ kind: 'not-admin' });
  const entityTypeId = input.document.entityTypeId;
  const checked = parsePlaybookDocument(serialisePlaybookDocument(input.document), { entityTypeId });
  if (checked.kind === 'invalid') throw new PlaybookSaveRefused({ kind: 'invalid', problems: checked.problems });

  const name = playbookOptionName(entityTypeId);
  // All options at once: the revision check and the room the other options already take.
  const { result } = await boundary.call('app.option.get', {});
  const options = optionsMap(result);
  const stored = readPlaybookOption(options[name]);
  if (stored.kind === 'newer-schema') throw new PlaybookSaveRefused({ kind: 'newer-schema', schema: stored.schema });
  const storedRevision = stored.kind === 'ok' ? stored.document.revision : 0;
  if (
    stored.kind === 'ok' &&
    storedRevision > input.baseRevision &&
    stored.document.savedBy === input.userId &&
    sameContent(stored.document, input.document)
  ) {
    // This admin's earlier save, whose answer was lost, did land: it is the save; nothing is written twice.
    return stored.document;
  }
  if (stored.kind === 'ok' && storedRevision > input.baseRevision) {
    throw new PlaybookSaveRefused({
      kind: 'newer-revision',
      revision: storedRevision,
      savedAt: stored.document.savedAt,
      savedBy: stored.document.savedBy,
    });
  }

  const saved: PlaybookDocument = {
    ...input.document,
    revision: Math.max(storedRevision, input.baseRevision) + 1,
    savedAt: toPortalDateTime(new Date(boundary.portalNow()), boundary.portalUtcOffsetMinutes()),
    savedBy: input.userId,
  };
  const json = serialisePlaybookDocument(saved);
  const bytes = optionsBytesWith(options, name, json);
  if (bytes > APP_OPTIONS_MAX_BYTES) {
    throw new PlaybookSaveRefused({ kind: 'too-large', bytes, limit: APP_OPTIONS_MAX_BYTES });
  }
  await boundary.call('app.option.set', { options: { [name]: json } });
  return saved;
}

/** Same stages and templates (revision, date and author aside). */
function sameContent(a: PlaybookDocument, b: PlaybookDocument): boolean {
  const content = (document: PlaybookDocument) =>
    serialisePlaybookDocument({ ...document, revision: 0, savedAt: '', savedBy: 0 });
  return content(a) === content(b);
}

/** The save as a mutation: on success the stored playbook in the cache becomes the saved one. */
export function useSavePlaybook(entityTypeId: number) {
  const boundary = useBitrix();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PlaybookSaveInput) => savePlaybook(boundary, input),
    onSuccess: (document) => {
      const stored: StoredPlaybook = { kind: 'ok', document };
      queryClient.setQueryData(playbookKeys.document(entityTypeId), stored);
      // An editor opened again later starts from what was just saved, not from what it first read.
      queryClient.setQueryData<PlaybookEditorSetup>(playbookKeys.editor(entityTypeId), (setup) =>
        setup
          ? {
              ...setup,
              stored,
              options: { ...setup.options, [playbookOptionName(entityTypeId)]: serialisePlaybookDocument(document) },
            }
          : setup,
      );
    },
  });
}

/** Everything the editor shows besides the playbook itself. */
export interface PlaybookEditorSetup {
  smartProcess: SmartProcess;
  categories: Category[];
  /** Each funnel's stages in their order. */
  stagesByCategory: ReadonlyMap<number, Stage[]>;
  /** Every item field (for `{field:<name>}` help) and, among them, the user-type ones (responsible rule). */
  fields: FieldDefinition[];
  currentUser: CurrentUser;
  /** What is stored now. */
  stored: StoredPlaybook;
  /** All the app's options as read (for the room a save would leave: option-budget.ts). */
  options: Readonly<Record<string, unknown>>;
  /** Names of the users the stored playbook names (fixed responsibles, participants, observers). */
  people: ReadonlyMap<number, User>;
}

const USER_FIELD_TYPES = new Set(['user', 'employee']);

/** The item fields a responsible rule may name: single-value user fields. */
export function userTypeFields(fields: readonly FieldDefinition[]): FieldDefinition[] {
  return fields.filter((field) => USER_FIELD_TYPES.has(field.type) && !field.isMultiple && !field.isDeprecated);
}

/** Every user id a document names (for one user.get). */
export function peopleInDocument(document: PlaybookDocument): number[] {
  const ids = new Set<number>();
  for (const stage of document.stages) {
    for (const template of stage.templates) {
      if (template.responsible.kind === 'user') ids.add(template.responsible.userId);
      for (const id of [...template.participantIds, ...template.observerIds]) ids.add(id);
    }
  }
  return [...ids].sort((a, b) => a - b);
}

/**
 * The editor's data in two round trips: the smart process, its funnels, fields, the current user
 * and the stored playbook; then every funnel's stages and the people the playbook names. A failed
 * playbook read fails the load (an editor that could not read what is stored must not offer to
 * save over it).
 */
export async function loadPlaybookEditor(boundary: BitrixBoundary, entityTypeId: number): Promise<PlaybookEditorSetup> {
  const first = await boundary.batch({
    ...setupBasicsCommands(entityTypeId),
    fields: fieldsCommand(entityTypeId),
    // Every option (a few KB): this playbook, and the room the others leave it.
    options: command('app.option.get', {}),
  });
  const { smartProcess, categories, currentUser } = decodeSetupBasics(first, entityTypeId, [first.options]);
  const options = optionsMap(first.options.ok ? first.options.result : null);
  const stored = readPlaybookOption(options[playbookOptionName(entityTypeId)], entityTypeId);
  const fields = first.fields.ok ? decodeFieldDefinitions(first.fields.result.fields) : [];

  const commands: Record<string, BatchCommand> = {};
  for (const category of categories.slice(0, 49))
    commands[`stages${category.id}`] = stagesCommand(entityTypeId, category.id);
  const peopleIds = stored.kind === 'ok' ? peopleInDocument(stored.document) : [];
  if (peopleIds.length > 0) commands.people = usersByIdCommand(peopleIds);
  const second = Object.keys(commands).length > 0 ? await boundary.batch(commands) : {};
  const stagesByCategory = new Map<number, Stage[]>();
  for (const category of categories) {
    const answer = second[`stages${category.id}`];
    if (answer && !answer.ok) throw answer.error;
    stagesByCategory.set(
      category.id,
      answer ? decodeStages(answer.result as RestStatus[]).sort((a, b) => a.sort - b.sort) : [],
    );
  }
  const people = new Map<number, User>();
  const peopleAnswer = second.people;
  if (peopleAnswer?.ok) {
    for (const row of peopleAnswer.result as Parameters<typeof decodeUser>[0][]) {
      const user = decodeUser(row);
      if (user) people.set(user.id, user);
    }
  }
  return { smartProcess, categories, stagesByCategory, fields, currentUser, stored, options, people };
}

export function usePlaybookEditorSetup(entityTypeId: number) {
  const boundary = useBitrix();
  return useQuery({
    queryKey: playbookKeys.editor(entityTypeId),
    queryFn: () => loadPlaybookEditor(boundary, entityTypeId),
    staleTime: Infinity,
    // The editor holds the admin's edits: a background refetch must not replace what they started from.
    refetchOnWindowFocus: false,
  });
}

/** The item the live preview renders on, with the names its rules and placeholders need. */
export interface PreviewItem {
  item: CrmItem;
  people: ReadonlyMap<number, User>;
}

/**
 * The newest item in a stage (ANY_STAGE: in the funnel), with the names of its responsible and
 * user-field users: two round trips at most. Null when the stage holds no item.
 */
export async function loadPreviewItem(
  boundary: BitrixBoundary,
  entityTypeId: number,
  categoryId: number,
  stageId: string | null,
  userFields: readonly string[],
): Promise<PreviewItem | null> {
  const { result } = await boundary.call('crm.item.list', {
    entityTypeId,
    select: ['*', 'uf*'],
    filter: stageId ? { stageId, categoryId } : { categoryId },
    order: { id: 'DESC' },
    start: 0,
  });
  const row = result.items[0];
  if (!row) return null;
  const item = decodeItem(entityTypeId, row);
  const ids = new Set<number>();
  if (item.assignedById) ids.add(item.assignedById);
  for (const field of userFields) {
    const id = Number(item.values[field]);
    if (Number.isInteger(id) && id > 0) ids.add(id);
  }
  const people = new Map<number, User>();
  if (ids.size > 0) {
    const answer = await boundary.call('user.get', { filter: { ID: [...ids] }, select: USER_SELECT });
    for (const rowUser of answer.result) {
      const user = decodeUser(rowUser);
      if (user) people.set(user.id, user);
    }
  }
  return { item, people };
}
