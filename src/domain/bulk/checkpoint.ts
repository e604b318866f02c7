/**
 * Everything a bulk run needs to continue after a reload, a dropped connection or a cancel,
 * as plain JSON. Its size does not grow with the number of items: it keeps a cursor, counts,
 * a bounded list of links for the report, and the failed items (needed to retry them).
 */
import { filterProblems, type BulkItemFilter } from './item-filter';
import { isRunId } from './run-marker';
import { templateProblems, type TaskTemplate } from './task-template';
import type { StepFailureReason } from './bulk-ports';
import { shortenText } from '../text';

export const CHECKPOINT_VERSION = 1;
/** Links to created tasks kept for the final report; older ones are counted, not listed. */
export const REPORT_LINK_LIMIT = 500;
const TITLE_KEPT = 120;

export type FailureReason = StepFailureReason | 'item-missing';

export interface CreatedTaskLink {
  itemId: number;
  itemTitle: string;
  taskId: number;
}

/** Why the run gave an item no task of its own. */
export type SkipReason =
  /** "Only items with no open linked task": the item had one. */
  | 'open-task'
  /** The item's task was a newer copy of another run's made in the same moment, and was removed. */
  | 'other-run';

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
}

export type RunStatus = 'running' | 'paused' | 'finished';

export interface BulkRunCheckpoint {
  version: typeof CHECKPOINT_VERSION;
  runId: string;
  filter: BulkItemFilter;
  template: TaskTemplate;
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
  unverified: Array<{ itemId: number; taskId: number }>;
  /** Items matching the filter when the run started. */
  matched: number;
  counts: { created: number; skipped: number; failed: number; copiesRemoved: number };
  created: CreatedTaskLink[];
  createdNotListed: number;
  /** Skipped items for the report; older than the last REPORT_LINK_LIMIT only counted. Missing in checkpoints stored before it existed. */
  skippedItems: SkippedItem[];
  failures: FailedItem[];
  /** Time spent running (not paused), for "time left". */
  activeMs: number;
  startedAt: number;
}

export function newCheckpoint(input: {
  runId: string;
  filter: BulkItemFilter;
  template: TaskTemplate;
  currentUserId: number;
  markerLine: string;
  matched: number;
  now: number;
}): BulkRunCheckpoint {
  return {
    version: CHECKPOINT_VERSION,
    runId: input.runId,
    filter: { ...input.filter },
    template: { ...input.template, responsible: { ...input.template.responsible } },
    currentUserId: input.currentUserId,
    markerLine: input.markerLine,
    status: 'running',
    pausedBecause: null,
    scan: { afterId: 0, complete: false },
    retryQueue: [],
    unverified: [],
    matched: input.matched,
    counts: { created: 0, skipped: 0, failed: 0, copiesRemoved: 0 },
    created: [],
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
    counts: { ...checkpoint.counts, failed: 0 },
    failures: [],
  };
}

export interface RunProgress {
  created: number;
  skipped: number;
  failed: number;
  copiesRemoved: number;
  remaining: number;
  /** Share done, 0…1. */
  fraction: number;
}

export function progressOf(checkpoint: BulkRunCheckpoint): RunProgress {
  const { created, skipped, failed, copiesRemoved } = checkpoint.counts;
  const dealtWith = created + skipped + failed;
  // Items can be added or change stage while a run goes on: never show a negative remainder.
  const remaining = checkpoint.scan.complete
    ? checkpoint.retryQueue.length
    : Math.max(checkpoint.retryQueue.length, checkpoint.matched - dealtWith, 0);
  const total = dealtWith + remaining;
  return { created, skipped, failed, copiesRemoved, remaining, fraction: total === 0 ? 1 : dealtWith / total };
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
  if (!isRecord(value) || value.version !== CHECKPOINT_VERSION || !isRunId(value.runId)) return null;
  const filter = value.filter;
  const template = value.template;
  const scan = value.scan;
  const counts = value.counts;
  if (!isRecord(filter) || !isRecord(template) || !isRecord(scan) || !isRecord(counts)) return null;
  // A damaged filter must not widen the run to items the user never chose: reject it whole.
  const categoryId = nullable(filter.categoryId, wholeNumber);
  const stageId = nullable(filter.stageId, text);
  const responsibleId = nullable(filter.responsibleId, positiveInteger);
  const entityTypeId = positiveInteger(filter.entityTypeId);
  const deadline = nullable(template.deadline, text);
  if ([categoryId, stageId, responsibleId, deadline].includes(INVALID) || entityTypeId === undefined) return null;
  if (typeof filter.onlyWithoutOpenTask !== 'boolean') return null;
  const parsedFilter: BulkItemFilter = {
    entityTypeId,
    categoryId: categoryId as number | null,
    stageId: stageId as string | null,
    responsibleId: responsibleId as number | null,
    onlyWithoutOpenTask: filter.onlyWithoutOpenTask,
  };
  const responsible = template.responsible;
  const chosenUser = isRecord(responsible) ? positiveInteger(responsible.userId) : undefined;
  const chosenResponsible: TaskTemplate['responsible'] | null =
    isRecord(responsible) && responsible.kind === 'item'
      ? { kind: 'item' }
      : isRecord(responsible) && responsible.kind === 'user' && chosenUser !== undefined
        ? { kind: 'user', userId: chosenUser }
        : null;
  if (chosenResponsible === null) return null;
  const parsedTemplate: TaskTemplate = {
    title: text(template.title) ?? '',
    description: text(template.description) ?? '',
    responsible: chosenResponsible,
    deadline: deadline as string | null,
  };
  const currentUserId = positiveInteger(value.currentUserId);
  if (currentUserId === undefined || filterProblems(parsedFilter).length > 0) return null;
  if (templateProblems(parsedTemplate).length > 0) return null;
  const status = value.status === 'finished' ? 'finished' : 'paused';
  const pausedBecause =
    isRecord(value.pausedBecause) && isReason(value.pausedBecause.reason)
      ? { reason: value.pausedBecause.reason, message: text(value.pausedBecause.message) ?? '' }
      : null;
  return {
    version: CHECKPOINT_VERSION,
    runId: value.runId,
    filter: parsedFilter,
    template: parsedTemplate,
    currentUserId,
    // The run id alone is what finds the run's tasks again; the label around it is cosmetic.
    markerLine: text(value.markerLine)?.includes(value.runId) ? (value.markerLine as string) : value.runId,
    // A run found in storage is not running in this tab: it resumes only when asked.
    status,
    pausedBecause,
    scan: { afterId: wholeNumber(scan.afterId) ?? 0, complete: scan.complete === true },
    retryQueue: Array.isArray(value.retryQueue) ? value.retryQueue.map(positiveInteger).filter(isDefined) : [],
    unverified: Array.isArray(value.unverified) ? value.unverified.map(parsePair).filter(isDefined).slice(0, 50) : [],
    matched: wholeNumber(value.matched) ?? 0,
    counts: {
      created: wholeNumber(counts.created) ?? 0,
      skipped: wholeNumber(counts.skipped) ?? 0,
      failed: wholeNumber(counts.failed) ?? 0,
      copiesRemoved: wholeNumber(counts.copiesRemoved) ?? 0,
    },
    created: Array.isArray(value.created)
      ? value.created.map(parseLink).filter(isDefined).slice(-REPORT_LINK_LIMIT)
      : [],
    createdNotListed: wholeNumber(value.createdNotListed) ?? 0,
    skippedItems: Array.isArray(value.skippedItems)
      ? value.skippedItems.map(parseSkipped).filter(isDefined).slice(-REPORT_LINK_LIMIT)
      : [],
    failures: Array.isArray(value.failures) ? value.failures.map(parseFailure).filter(isDefined) : [],
    activeMs: wholeNumber(value.activeMs) ?? 0,
    startedAt: wholeNumber(value.startedAt) ?? 0,
  };
}

function parsePair(value: unknown): { itemId: number; taskId: number } | undefined {
  if (!isRecord(value)) return undefined;
  const itemId = positiveInteger(value.itemId);
  const taskId = positiveInteger(value.taskId);
  return itemId === undefined || taskId === undefined ? undefined : { itemId, taskId };
}

function parseLink(value: unknown): CreatedTaskLink | undefined {
  if (!isRecord(value)) return undefined;
  const itemId = positiveInteger(value.itemId);
  const taskId = positiveInteger(value.taskId);
  if (itemId === undefined || taskId === undefined) return undefined;
  return { itemId, taskId, itemTitle: text(value.itemTitle) ?? '' };
}

function parseSkipped(value: unknown): SkippedItem | undefined {
  if (!isRecord(value)) return undefined;
  const itemId = positiveInteger(value.itemId);
  if (itemId === undefined || (value.reason !== 'open-task' && value.reason !== 'other-run')) return undefined;
  return { itemId, itemTitle: text(value.itemTitle) ?? '', reason: value.reason };
}

function parseFailure(value: unknown): FailedItem | undefined {
  if (!isRecord(value)) return undefined;
  const itemId = positiveInteger(value.itemId);
  if (itemId === undefined) return undefined;
  const reason = isReason(value.reason) || value.reason === 'item-missing' ? value.reason : 'unreachable';
  return { itemId, itemTitle: text(value.itemTitle) ?? '', reason, message: text(value.message) ?? '' };
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
