/**
 * Everything a bulk run needs to continue after a reload, a dropped connection or a cancel,
 * as plain JSON. Its size does not grow with the number of items: it keeps a cursor, counts,
 * a bounded list of links for the report, and the failed items (needed to retry them).
 */
import { PLAYBOOK_SCHEMA, type PlaybookTemplate } from '../playbooks/playbook';
import { parsePlaybookDocument } from '../playbooks/playbook-document';
import { filterProblems, type BulkItemFilter } from './item-filter';
import { isRunId } from './run-marker';
import { templateProblems, type TaskTemplate } from './task-template';
import type { StepFailureReason } from './bulk-ports';
import { shortenText } from '../text';

/** 2: a run may apply a stage playbook (`playbook`), and counts its tasks apart from its items. Version 1 still reads. */
export const CHECKPOINT_VERSION = 2;
/** Links to created tasks kept for the final report; older ones are counted, not listed. */
export const REPORT_LINK_LIMIT = 500;
const TITLE_KEPT = 120;

export type FailureReason =
  | StepFailureReason
  | 'item-missing'
  /** A playbook template's responsible rule named nobody who may get the task (deactivated, unknown, empty field). */
  | 'no-responsible';

export interface CreatedTaskLink {
  itemId: number;
  itemTitle: string;
  taskId: number;
  /** The playbook template of the task; null (or absent in older checkpoints) for the single template. */
  templateKey?: string | null;
  /** The task's title as created (shortened), for a playbook run's report; absent for the single template. */
  taskTitle?: string;
}

/** A stage playbook applied by a run: the templates as they were when it started (a later edit does not change a running run). */
export interface PlaybookRun {
  /** The stage the run's items are in (its templates: the stage's own, then "any stage"'s). */
  stageId: string;
  /** The document's revision the templates come from. */
  revision: number;
  templates: PlaybookTemplate[];
}

/** Why the run gave an item no task of its own. */
export type SkipReason =
  /** "Only items with no open linked task": the item had one. */
  | 'open-task'
  /** The item's task was a newer copy of another run's made in the same moment, and was removed. */
  | 'other-run'
  /** A playbook run: the item already had a task of every template. */
  | 'has-templates';

/** An item the run left without a task on purpose, for the report (the last REPORT_LINK_LIMIT are kept). */
export interface SkippedItem {
  itemId: number;
  itemTitle: string;
  reason: SkipReason;
}

export interface FailedItem {
  itemId: number;
  itemTitle: string;
  reason: FailureReason;
  /** The portal's own words where it gave any. */
  message: string;
  /** Tasks the run did make for the item (a playbook's other templates), already counted: a retry does not count them again. */
  taskIds?: number[];
}

export type RunStatus = 'running' | 'paused' | 'finished';

export interface BulkRunCheckpoint {
  version: typeof CHECKPOINT_VERSION;
  runId: string;
  filter: BulkItemFilter;
  /** The single task template of the form; null when the run applies a playbook. */
  template: TaskTemplate | null;
  /** The stage playbook the run applies; null for a single-template run. */
  playbook: PlaybookRun | null;
  currentUserId: number;
  /** Translated once at the start so every task of the run carries the same line. */
  markerLine: string;
  status: RunStatus;
  /** Why a run paused by itself (not by cancel), e.g. the connection dropped. */
  pausedBecause: { reason: StepFailureReason; message: string } | null;
  /** Items up to `afterId` (ascending ids) are dealt with. */
  scan: { afterId: number; complete: boolean };
  /** Failed items queued for another try, dealt with before the scan continues. */
  retryQueue: number[];
  /** Tasks of the last page, not yet checked for copies (at most one page's worth). */
  unverified: UnverifiedTask[];
  /** Tasks already counted for the items in the retry queue (made before those items failed). */
  retryCounted: number[];
  /**
   * Items and tasks of the page under way already counted: a run paused in the middle of a page
   * deals with that page again when it resumes (to find its tasks and copies), and must not count
   * or list them twice. Emptied once the page is done. Missing in older checkpoints (read as empty).
   */
  pageCounted: { items: number[]; tasks: number[] };
  /** Items matching the filter when the run started. */
  matched: number;
  /**
   * Items: `created` got the tasks they were missing, `skipped` needed none, `failed` did not get
   * all of theirs. `tasks`: tasks made (equal to `created` for the single template).
   */
  counts: { created: number; skipped: number; failed: number; copiesRemoved: number; tasks: number };
  created: CreatedTaskLink[];
  /** Checklist lines the portal refused on tasks that were made (their tasks exist; the report says so). */
  checklistLinesMissing: number;
  createdNotListed: number;
  /** Skipped items for the report; older than the last REPORT_LINK_LIMIT only counted. Missing in checkpoints stored before it existed. */
  skippedItems: SkippedItem[];
  failures: FailedItem[];
  /** Time spent running (not paused), for "time left". */
  activeMs: number;
  startedAt: number;
}

/** A task of the run not yet checked for copies: same item, same template key, same run. */
export interface UnverifiedTask {
  itemId: number;
  taskId: number;
  /** null for the single template. */
  templateKey: string | null;
}

/** One page of items with every template of the longest playbook (checkpoints bound what they keep). */
const UNVERIFIED_KEPT = 50 * 20;

export function newCheckpoint(input: {
  runId: string;
  filter: BulkItemFilter;
  /** Exactly one of `template` and `playbook`. */
  template: TaskTemplate | null;
  playbook?: PlaybookRun | null;
  currentUserId: number;
  markerLine: string;
  matched: number;
  now: number;
}): BulkRunCheckpoint {
  return {
    version: CHECKPOINT_VERSION,
    runId: input.runId,
    filter: { ...input.filter },
    template: input.template ? { ...input.template, responsible: { ...input.template.responsible } } : null,
    playbook: input.playbook ? structuredClone(input.playbook) : null,
    currentUserId: input.currentUserId,
    markerLine: input.markerLine,
    status: 'running',
    pausedBecause: null,
    scan: { afterId: 0, complete: false },
    retryQueue: [],
    unverified: [],
    retryCounted: [],
    pageCounted: { items: [], tasks: [] },
    matched: input.matched,
    counts: { created: 0, skipped: 0, failed: 0, copiesRemoved: 0, tasks: 0 },
    created: [],
    checklistLinesMissing: 0,
    createdNotListed: 0,
    skippedItems: [],
    failures: [],
    activeMs: 0,
    startedAt: input.now,
  };
}

export function keptTitle(title: string): string {
  return shortenText(title, TITLE_KEPT);
}

/** Puts the failed items back in the queue; the next run tries them again (re-checking first). */
export function queueFailedForRetry(checkpoint: BulkRunCheckpoint): BulkRunCheckpoint {
  const ids = checkpoint.failures.map((failure) => failure.itemId);
  return {
    ...checkpoint,
    status: 'running',
    pausedBecause: null,
    retryQueue: [...checkpoint.retryQueue, ...ids.filter((id) => !checkpoint.retryQueue.includes(id))],
    retryCounted: [...checkpoint.retryCounted, ...checkpoint.failures.flatMap((failure) => failure.taskIds ?? [])],
    counts: { ...checkpoint.counts, failed: 0 },
    failures: [],
  };
}

export interface RunProgress {
  /** Items that got their tasks. */
  created: number;
  /** Tasks made. */
  tasks: number;
  skipped: number;
  failed: number;
  copiesRemoved: number;
  remaining: number;
  /** Share done, 0…1. */
  fraction: number;
}

export function progressOf(checkpoint: BulkRunCheckpoint): RunProgress {
  const { created, skipped, failed, copiesRemoved, tasks } = checkpoint.counts;
  const dealtWith = created + skipped + failed;
  // Items can be added or change stage while a run goes on: never show a negative remainder.
  const remaining = checkpoint.scan.complete
    ? checkpoint.retryQueue.length
    : Math.max(checkpoint.retryQueue.length, checkpoint.matched - dealtWith, 0);
  const total = dealtWith + remaining;
  return { created, tasks, skipped, failed, copiesRemoved, remaining, fraction: total === 0 ? 1 : dealtWith / total };
}

/** Reads a stored checkpoint (untrusted: old versions, other tabs, hand edits); null if unusable. */
export function parseCheckpoint(stored: unknown): BulkRunCheckpoint | null {
  let value = stored;
  if (typeof stored === 'string') {
    try {
      value = JSON.parse(stored);
    } catch {
      return null;
    }
  }
  // Version 1 (single template only) reads as a version 2 run of its template.
  if (!isRecord(value) || (value.version !== 1 && value.version !== CHECKPOINT_VERSION) || !isRunId(value.runId))
    return null;
  const filter = value.filter;
  const scan = value.scan;
  const counts = value.counts;
  if (!isRecord(filter) || !isRecord(scan) || !isRecord(counts)) return null;
  // A damaged filter must not widen the run to items the user never chose: reject it whole.
  const categoryId = nullable(filter.categoryId, wholeNumber);
  const stageId = nullable(filter.stageId, text);
  const responsibleId = nullable(filter.responsibleId, positiveInteger);
  const entityTypeId = positiveInteger(filter.entityTypeId);
  if ([categoryId, stageId, responsibleId].includes(INVALID) || entityTypeId === undefined) return null;
  if (typeof filter.onlyWithoutOpenTask !== 'boolean') return null;
  const parsedFilter: BulkItemFilter = {
    entityTypeId,
    categoryId: categoryId as number | null,
    stageId: stageId as string | null,
    responsibleId: responsibleId as number | null,
    onlyWithoutOpenTask: filter.onlyWithoutOpenTask,
  };
  // Exactly one of the two: a run never changes from a template to a playbook or back.
  const playbook =
    value.version === 1 || value.playbook == null ? null : parsePlaybookRun(value.playbook, entityTypeId);
  if (playbook === undefined) return null;
  const parsedTemplate = playbook === null ? parseTemplate(value.template) : value.template == null ? null : undefined;
  if (parsedTemplate === undefined) return null;
  const currentUserId = positiveInteger(value.currentUserId);
  if (currentUserId === undefined || filterProblems(parsedFilter).length > 0) return null;
  const status = value.status === 'finished' ? 'finished' : 'paused';
  const pausedBecause =
    isRecord(value.pausedBecause) && isReason(value.pausedBecause.reason)
      ? { reason: value.pausedBecause.reason, message: text(value.pausedBecause.message) ?? '' }
      : null;
  const created = wholeNumber(counts.created) ?? 0;
  return {
    version: CHECKPOINT_VERSION,
    runId: value.runId,
    filter: parsedFilter,
    template: parsedTemplate,
    playbook,
    currentUserId,
    // The run id alone is what finds the run's tasks again; the label around it is cosmetic.
    markerLine: text(value.markerLine)?.includes(value.runId) ? (value.markerLine as string) : value.runId,
    // A run found in storage is not running in this tab: it resumes only when asked.
    status,
    pausedBecause,
    scan: { afterId: wholeNumber(scan.afterId) ?? 0, complete: scan.complete === true },
    retryQueue: Array.isArray(value.retryQueue) ? value.retryQueue.map(positiveInteger).filter(isDefined) : [],
    unverified: Array.isArray(value.unverified)
      ? value.unverified.map(parseUnverified).filter(isDefined).slice(0, UNVERIFIED_KEPT)
      : [],
    retryCounted: Array.isArray(value.retryCounted)
      ? value.retryCounted.map(positiveInteger).filter(isDefined).slice(0, UNVERIFIED_KEPT)
      : [],
    pageCounted: parsePageCounted(value.pageCounted),
    matched: wholeNumber(value.matched) ?? 0,
    counts: {
      created,
      skipped: wholeNumber(counts.skipped) ?? 0,
      failed: wholeNumber(counts.failed) ?? 0,
      copiesRemoved: wholeNumber(counts.copiesRemoved) ?? 0,
      // Version 1 made one task per item created.
      tasks: wholeNumber(counts.tasks) ?? created,
    },
    // Runs stored before a mid-page pause stopped counting twice may list a task or item twice: once each.
    created: Array.isArray(value.created)
      ? onceEach(value.created.map(parseLink).filter(isDefined), (link) => link.taskId).slice(-REPORT_LINK_LIMIT)
      : [],
    checklistLinesMissing: wholeNumber(value.checklistLinesMissing) ?? 0,
    createdNotListed: wholeNumber(value.createdNotListed) ?? 0,
    skippedItems: Array.isArray(value.skippedItems)
      ? onceEach(value.skippedItems.map(parseSkipped).filter(isDefined), (item) => item.itemId).slice(
          -REPORT_LINK_LIMIT,
        )
      : [],
    failures: Array.isArray(value.failures) ? value.failures.map(parseFailure).filter(isDefined) : [],
    activeMs: wholeNumber(value.activeMs) ?? 0,
    startedAt: wholeNumber(value.startedAt) ?? 0,
  };
}

/** The form's template, or undefined when it is damaged. */
function parseTemplate(template: unknown): TaskTemplate | undefined {
  if (!isRecord(template)) return undefined;
  const deadline = nullable(template.deadline, text);
  if (deadline === INVALID) return undefined;
  const responsible = template.responsible;
  const chosenUser = isRecord(responsible) ? positiveInteger(responsible.userId) : undefined;
  const chosenResponsible: TaskTemplate['responsible'] | null =
    isRecord(responsible) && responsible.kind === 'item'
      ? { kind: 'item' }
      : isRecord(responsible) && responsible.kind === 'user' && chosenUser !== undefined
        ? { kind: 'user', userId: chosenUser }
        : null;
  if (chosenResponsible === null) return undefined;
  const parsed: TaskTemplate = {
    title: text(template.title) ?? '',
    description: text(template.description) ?? '',
    responsible: chosenResponsible,
    deadline,
  };
  return templateProblems(parsed).length > 0 ? undefined : parsed;
}

/**
 * The run's playbook templates, validated as the playbook document validates them (keys,
 * rules, limits); undefined when anything is off: a run never creates from a damaged template.
 */
function parsePlaybookRun(value: unknown, entityTypeId: number): PlaybookRun | undefined {
  if (!isRecord(value) || typeof value.stageId !== 'string' || !Array.isArray(value.templates)) return undefined;
  const revision = wholeNumber(value.revision) ?? 0;
  const outcome = parsePlaybookDocument(
    {
      schema: PLAYBOOK_SCHEMA,
      entityTypeId,
      revision,
      savedAt: '',
      savedBy: 0,
      stages: [{ stageId: value.stageId, templates: value.templates }],
    },
    { entityTypeId },
  );
  if (outcome.kind !== 'ok' || value.templates.length === 0) return undefined;
  const stage = outcome.document.stages[0];
  return stage ? { stageId: stage.stageId, revision, templates: stage.templates } : undefined;
}

/** Bounded by one page: 50 items, each with every template of the longest playbook. */
function parsePageCounted(value: unknown): BulkRunCheckpoint['pageCounted'] {
  if (!isRecord(value)) return { items: [], tasks: [] };
  const ids = (list: unknown) =>
    Array.isArray(list) ? list.map(positiveInteger).filter(isDefined).slice(0, UNVERIFIED_KEPT) : [];
  return { items: ids(value.items), tasks: ids(value.tasks) };
}

function parseUnverified(value: unknown): UnverifiedTask | undefined {
  if (!isRecord(value)) return undefined;
  const itemId = positiveInteger(value.itemId);
  const taskId = positiveInteger(value.taskId);
  const templateKey = value.templateKey == null ? null : text(value.templateKey);
  if (itemId === undefined || taskId === undefined || templateKey === undefined) return undefined;
  return { itemId, taskId, templateKey };
}

function parseLink(value: unknown): CreatedTaskLink | undefined {
  if (!isRecord(value)) return undefined;
  const itemId = positiveInteger(value.itemId);
  const taskId = positiveInteger(value.taskId);
  if (itemId === undefined || taskId === undefined) return undefined;
  const link: CreatedTaskLink = { itemId, taskId, itemTitle: text(value.itemTitle) ?? '' };
  const templateKey = text(value.templateKey);
  if (templateKey !== undefined) link.templateKey = templateKey;
  const taskTitle = text(value.taskTitle);
  if (taskTitle !== undefined) link.taskTitle = keptTitle(taskTitle);
  return link;
}

function parseSkipped(value: unknown): SkippedItem | undefined {
  if (!isRecord(value)) return undefined;
  const itemId = positiveInteger(value.itemId);
  if (
    itemId === undefined ||
    (value.reason !== 'open-task' && value.reason !== 'other-run' && value.reason !== 'has-templates')
  )
    return undefined;
  return { itemId, itemTitle: text(value.itemTitle) ?? '', reason: value.reason };
}

function parseFailure(value: unknown): FailedItem | undefined {
  if (!isRecord(value)) return undefined;
  const itemId = positiveInteger(value.itemId);
  if (itemId === undefined) return undefined;
  const reason =
    isReason(value.reason) || value.reason === 'item-missing' || value.reason === 'no-responsible'
      ? value.reason
      : 'unreachable';
  const failure: FailedItem = {
    itemId,
    itemTitle: text(value.itemTitle) ?? '',
    reason,
    message: text(value.message) ?? '',
  };
  if (Array.isArray(value.taskIds)) failure.taskIds = value.taskIds.map(positiveInteger).filter(isDefined);
  return failure;
}

/** The first entry of each id (a task's first link carries its title), in order. */
function onceEach<T>(entries: T[], id: (entry: T) => number): T[] {
  const seen = new Set<number>();
  return entries.filter((entry) => !seen.has(id(entry)) && Boolean(seen.add(id(entry))));
}

function isReason(value: unknown): value is StepFailureReason {
  return value === 'rate-limited' || value === 'operating-limit' || value === 'unreachable' || value === 'rejected';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isDefined<T>(value: T | undefined): value is T {
  return value !== undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function wholeNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : undefined;
}

function positiveInteger(value: unknown): number | undefined {
  const number = wholeNumber(value);
  return number !== undefined && number > 0 ? number : undefined;
}

const INVALID = Symbol('invalid');

function nullable<T>(value: unknown, read: (value: unknown) => T | undefined): T | null | typeof INVALID {
  if (value === null || value === undefined) return null;
  return read(value) ?? INVALID;
}
