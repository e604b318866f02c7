/**
 * What the bulk runner needs from the world, as the domain sees it. The surface implements
 * these over the Bitrix24 boundary; the unit tests implement them in memory.
 */
import type { BulkItemFilter } from './item-filter';
import type { TaskDraft, TemplateItem } from './task-template';

export const PAGE_SIZE = 50;

export interface BulkItem extends TemplateItem {
  stageId: string;
}

export interface LinkedTaskFacts {
  /**
   * The tasks this run created for the item, oldest first: normally none or one. More than one
   * means a create request reached the portal twice (a browser resends a POST whose reused
   * connection dropped before the answer, unseen by the app).
   */
  runTaskIds: number[];
  /** The item has a linked task that is not completed (this run's own tasks aside). */
  hasOpenTask: boolean;
  /**
   * The lowest id among those other open linked tasks, null when none (or not asked). With "only
   * items with no open linked task", another runner (another user's run) may give an item its
   * task between this run's check and its create: the newer of the two is then removed.
   */
  oldestOtherOpenTaskId?: number | null;
}

export type CreateOutcome =
  | { itemId: number; kind: 'created'; taskId: number }
  | {
      itemId: number;
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
   * Linked tasks of these items (up to 50): this run's tasks, and whether another open one
   * exists. `alsoRunTasksOf` (up to 50 more items) asks only for this run's tasks: the previous
   * page's, checked for copies in the same round trip.
   */
  findExisting(
    entityTypeId: number,
    itemIds: readonly number[],
    runId: string | null,
    alsoRunTasksOf?: readonly number[],
  ): Promise<ReadonlyMap<number, LinkedTaskFacts>>;
  /** Deletes copies this run made (up to 50 tasks, one request). */
  deleteTasks(taskIds: readonly number[]): Promise<void>;
  /**
   * How to send the next create request for `wanted` more items, from what the portal said about
   * earlier ones (cost per command, operating time). Without it: 50 per request, no holds.
   */
  createPacing?(wanted: number): CreatePacing;
  /** Creates up to 50 linked tasks in one request; one outcome per draft, in order. */
  createBatch(entityTypeId: number, drafts: readonly TaskDraft[]): Promise<CreateOutcome[]>;
}

/** How the next create request goes out (BulkPorts.createPacing). */
export interface CreatePacing {
  /** Commands in the next create request, 1…50. */
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
