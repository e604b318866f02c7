/**
 * What the bulk runner needs from the world, as the domain sees it. The surface implements
 * these over the Bitrix24 boundary; the unit tests implement them in memory.
 */
import type { TaskPriority } from '../tasks';
import type { BulkItemFilter } from './item-filter';
import type { TaskDraft, TemplateItem } from './task-template';

export const PAGE_SIZE = 50;

export interface BulkItem extends TemplateItem {
  stageId: string;
  /**
   * Every field as crm.item.list returned it (camelCase), for a playbook's `{field:…}` and
   * item-field responsible; only when the run asked for them. Held for one page only.
   */
  values?: Readonly<Record<string, unknown>>;
}

/**
 * One task a run creates: the single template's task for an item, or one stage-playbook
 * template's (`templateKey`, written as the task's XML_ID).
 */
export interface BulkTaskDraft extends TaskDraft {
  /** The playbook template the task is made from; null for the single-template run (no XML_ID). */
  templateKey: string | null;
  /**
   * true = `description` is a playbook template's BBCode (portal values escaped by the render,
   * the marker line too): sent as written. Absent = the single template's plain text, escaped whole.
   */
  descriptionBbcode?: boolean;
  priority: TaskPriority;
  /** Participants (ACCOMPLICES), user ids. */
  participantIds: number[];
  /** Observers (AUDITORS), user ids. */
  observerIds: number[];
  /** Checklist item titles, in order: task.checklistitem.add in the same request as the task. */
  checklist: string[];
}

/** Commands one draft costs in a batch: the task and each of its checklist items. */
export function commandsOf(draft: Pick<BulkTaskDraft, 'checklist'>): number {
  return 1 + draft.checklist.length;
}

/** A task of this run on an item (its back link carries the run's id). */
export interface RunTask {
  taskId: number;
  /** From its XML_ID; null for a single-template run's task. */
  templateKey: string | null;
}

/** A linked task of the item that this run did not make. */
export interface OtherTask {
  taskId: number;
  open: boolean;
  /** From its XML_ID (`smart-tasks:template:<key>`); null when it carries none. */
  templateKey: string | null;
}

export interface LinkedTaskFacts {
  /**
   * The tasks this run created for the item, oldest (lowest id) first. More than one for the
   * same template key means a create request reached the portal twice (a browser resends a POST
   * whose reused connection dropped before the answer, unseen by the app).
   */
  runTasks: RunTask[];
  /**
   * The item's other linked tasks, lowest id first: the open ones (`others: 'open'`), or every
   * one whatever its status (`others: 'all'`, a playbook run: a completed task of a template
   * still means the item has it).
   */
  otherTasks: OtherTask[];
}

/** What BulkPorts.findExisting is asked. */
export interface ExistingQuery {
  entityTypeId: number;
  /** Up to 50 items: this run's tasks and their other linked tasks. */
  itemIds: readonly number[];
  /** The run whose own tasks are looked for; null = none (counting before a run). */
  runId: string | null;
  /**
   * Up to 50 more items: the previous page's, checked for copies in the same round trip (this
   * run's tasks, and the other tasks that may have made one of them a newer copy).
   */
  alsoRunTasksOf?: readonly number[];
  /** Which other linked tasks: open ones only (single template), or all of them with their template keys (playbook). */
  others: 'open' | 'all';
}

/** One outcome per draft of a create request. */
export type CreateOutcome =
  | {
      itemId: number;
      templateKey: string | null;
      kind: 'created';
      taskId: number;
      /** Checklist lines the portal refused for good or whose answer is unknown; 0 normally. */
      checklistMissing?: number;
      /** Checklist lines the portal refused for a limit (nothing written): sent again after the wait. */
      checklistRetry?: ChecklistLine[];
    }
  | {
      itemId: number;
      templateKey: string | null;
      kind: 'failed';
      reason: StepFailureReason;
      message: string;
      /** For `operating-limit`: see BulkStepError.blockedUntil. */
      blockedUntil?: BulkStepError['blockedUntil'];
    };

export type StepFailureReason =
  /** The portal asked us to slow down for a moment (`QUERY_LIMIT_EXCEEDED`, a 503 of the leaky bucket). */
  | 'rate-limited'
  /**
   * The portal blocks the method for minutes: its operating time for this app is used up
   * (`429 OPERATION_TIME_LIMIT`, limits.md). Never a reason to fail an item: the run waits until
   * the portal's `operating_reset_at`.
   */
  | 'operating-limit'
  /** No answer, or a server error: the step may or may not have happened. */
  | 'unreachable'
  /** The portal refused (validation, rights): trying again will not help. */
  | 'rejected';

/** One checklist line of a task that exists. */
export interface ChecklistLine {
  taskId: number;
  title: string;
  /** task.checklistitem.add SORT_INDEX: its place in the task's checklist. */
  sortIndex: number;
}

/** What became of one line of BulkPorts.addChecklistLines. */
export type ChecklistLineOutcome = 'added' | StepFailureReason;

/** Thrown by a port when a whole step failed; any other error counts as `unreachable`. */
export class BulkStepError extends Error {
  constructor(
    readonly reason: StepFailureReason,
    message: string,
    /**
     * For `operating-limit`: when the portal lets the method run again, in milliseconds since the
     * epoch by the PORTAL's clock (`operating_reset_at` × 1000), and how long that is from now
     * (ms, measured against the portal's clock). Null when the portal did not say.
     */
    readonly blockedUntil: { portalTime: number; waitMs: number } | null = null,
  ) {
    super(message);
    this.name = 'BulkStepError';
  }
}

export interface BulkPorts {
  /** How many items match the filter (funnel, stage, responsible). */
  countItems(filter: BulkItemFilter): Promise<number>;
  /** Up to 50 items with `id > afterId`, ascending by id. */
  pageItems(filter: BulkItemFilter, afterId: number): Promise<BulkItem[]>;
  /** The items with these ids (up to 50) that still exist. */
  itemsByIds(entityTypeId: number, ids: readonly number[]): Promise<BulkItem[]>;
  /**
   * Linked tasks of these items (ExistingQuery): this run's tasks with their template keys, and
   * the items' other linked tasks. Every item asked about has an entry. One round trip normally.
   */
  findExisting(query: ExistingQuery): Promise<ReadonlyMap<number, LinkedTaskFacts>>;
  /** Deletes copies this run made (up to 50 tasks, one request). */
  deleteTasks(taskIds: readonly number[]): Promise<void>;
  /**
   * How to send the next create request for the `pending` drafts (in order), from what the
   * portal said about earlier ones (cost per command, operating time). Without it: as many as
   * fit 50 commands, no holds.
   */
  createPacing?(pending: readonly BulkTaskDraft[]): CreatePacing;
  /**
   * Creates linked tasks (and their checklists) in one request of at most 50 commands; one
   * outcome per draft, in order.
   */
  createBatch(entityTypeId: number, drafts: readonly BulkTaskDraft[]): Promise<CreateOutcome[]>;
  /**
   * Adds checklist lines to tasks that exist (up to 50, one request): the lines a create request's
   * portal refused for a limit. One outcome per line, in order. Optional: without it such lines
   * are reported as missing.
   */
  addChecklistLines?(lines: readonly ChecklistLine[]): Promise<ChecklistLineOutcome[]>;
}

/** How the next create request goes out (BulkPorts.createPacing). */
export interface CreatePacing {
  /** Drafts in the next create request (at least 1); the runner also keeps it within 50 commands. */
  batchSize: number;
  /** Hold first (the method's operating budget is about to run out), until when; null = go. */
  hold: { portalTime: number; waitMs: number } | null;
  /** The SDK will hold the next request by itself (its operating block at limit − 5 s): say so. */
  sdkWillSlow: boolean;
}

export interface RunnerClock {
  now(): number;
  /** Resolves after `milliseconds`, or rejects when `signal` aborts. */
  sleep(milliseconds: number, signal?: AbortSignal): Promise<void>;
}
