/**
 * Creates one linked task per matching item, 50 at a time, and can be stopped and resumed at
 * any point without creating a task twice:
 * - items are read in keyset pages (`id > cursor`), one page in memory at a time;
 * - before creating tasks for a page, the run asks which items already carry this run's task
 *   (a request that "failed" may have been written; a reload may have cut a page in half);
 * - the cursor moves past a page only after every item of it is dealt with, and the
 *   checkpoint is saved after each page;
 * - a create request can reach the portal twice without the app ever seeing it (a browser
 *   resends a POST whose reused connection dropped before the answer), so each page's tasks are
 *   checked for copies in the next page's re-check (same round trip), and copies are deleted.
 * Rate limits pause and continue; a portal that refuses an item fails that item only.
 */
import {
  BulkStepError,
  PAGE_SIZE,
  type BulkItem,
  type LinkedTaskFacts,
  type BulkPorts,
  type CreateOutcome,
  type RunnerClock,
  type StepFailureReason,
} from './bulk-ports';
import {
  keptTitle,
  progressOf,
  REPORT_LINK_LIMIT,
  type BulkRunCheckpoint,
  type FailureReason,
  type RunProgress,
  type SkipReason,
} from './checkpoint';
import { draftTask } from './task-template';
import { PaceEstimator } from './time-left';

export interface BulkProgress extends RunProgress {
  status: BulkRunCheckpoint['status'];
  /** Milliseconds, from the recent pace; null while unknown. */
  timeLeftMs: number | null;
  /** What the run is waiting out right now, if anything. */
  waitingFor: 'rate-limit' | 'connection' | 'operating-limit' | 'sdk-pacing' | null;
  /**
   * While the portal blocks a method for its operating-time limit: when the run goes on, in
   * milliseconds since the epoch by the PORTAL's clock (its `operating_reset_at`). Else null.
   */
  continuesAt: number | null;
}

export interface RunOptions {
  signal?: AbortSignal;
  onProgress?: (progress: BulkProgress) => void;
  /** Persist the checkpoint (called after every page and when the run stops). */
  save: (checkpoint: BulkRunCheckpoint) => void | Promise<void>;
}

/** How often a step is tried before the run gives up on it. */
type Retryable = Exclude<StepFailureReason, 'rejected'>;

/**
 * How often a step is tried before the run gives up on it. An operating-time block is never
 * given up on: the portal said when it ends, and a limit is no reason to fail an item.
 */
const ATTEMPTS: Record<Retryable, number> = {
  'rate-limited': 12,
  unreachable: 5,
  'operating-limit': Number.POSITIVE_INFINITY,
};

/** When the portal blocks a method but did not say until when: look again after a minute (one basket, limits.md). */
const OPERATING_BLOCK_UNKNOWN_MS = 60_000;
/** A little past the portal's reset time: its baskets turn on whole seconds. */
const OPERATING_RESET_MARGIN_MS = 1_000;

function noAttempts(): Record<Retryable, number> {
  return { 'rate-limited': 0, unreachable: 0, 'operating-limit': 0 };
}

export function backoffMs(reason: Exclude<Retryable, 'operating-limit'>, attempt: number): number {
  const base = reason === 'rate-limited' ? 2000 : 1000;
  const ceiling = reason === 'rate-limited' ? 30_000 : 15_000;
  return Math.min(base * 2 ** Math.max(0, attempt - 1), ceiling);
}

class RunStopped extends Error {}

export async function runBulk(
  start: BulkRunCheckpoint,
  ports: BulkPorts,
  clock: RunnerClock,
  options: RunOptions,
): Promise<BulkRunCheckpoint> {
  return new BulkRun(structuredClone(start), ports, clock, options).execute();
}

class BulkRun {
  private readonly pace = new PaceEstimator();
  private tickAt: number;

  constructor(
    private readonly checkpoint: BulkRunCheckpoint,
    private readonly ports: BulkPorts,
    private readonly clock: RunnerClock,
    private readonly options: RunOptions,
  ) {
    this.tickAt = clock.now();
  }

  async execute(): Promise<BulkRunCheckpoint> {
    const checkpoint = this.checkpoint;
    checkpoint.status = 'running';
    checkpoint.pausedBecause = null;
    this.pace.record(this.clock.now(), this.dealtWith());
    this.emit(null);
    try {
      await this.drainRetryQueue();
      await this.scan();
      await this.verifyLastPage();
      checkpoint.status = 'finished';
    } catch (error) {
      checkpoint.status = 'paused';
      if (!(error instanceof RunStopped)) {
        const step = asStepError(error);
        checkpoint.pausedBecause = { reason: step.reason, message: step.message };
      }
    }
    await this.save();
    this.emit(null);
    return checkpoint;
  }

  private async drainRetryQueue(): Promise<void> {
    const checkpoint = this.checkpoint;
    while (checkpoint.retryQueue.length > 0) {
      this.stopIfCancelled();
      const ids = checkpoint.retryQueue.slice(0, PAGE_SIZE);
      const items = await this.read(() => this.ports.itemsByIds(checkpoint.filter.entityTypeId, ids));
      const found = new Set(items.map((item) => item.id));
      for (const id of ids) if (!found.has(id)) this.recordFailed({ id, title: '' }, 'item-missing', '');
      await this.dealWith(items);
      checkpoint.retryQueue = checkpoint.retryQueue.slice(ids.length);
      await this.save();
      this.emit(null);
    }
  }

  private async scan(): Promise<void> {
    const checkpoint = this.checkpoint;
    while (!checkpoint.scan.complete) {
      this.stopIfCancelled();
      const afterId = checkpoint.scan.afterId;
      const page = await this.read(() => this.ports.pageItems(checkpoint.filter, afterId));
      if (page.length > 0) {
        await this.dealWith(page);
        checkpoint.scan.afterId = Math.max(afterId, ...page.map((item) => item.id));
      }
      // A short page is the last one (keyset paging without counting).
      if (page.length < PAGE_SIZE) checkpoint.scan.complete = true;
      await this.save();
      this.emit(null);
    }
  }

  /** The last page's tasks have no next page to be checked with: check them on their own. */
  private async verifyLastPage(): Promise<void> {
    const checkpoint = this.checkpoint;
    if (checkpoint.unverified.length === 0) return;
    this.stopIfCancelled();
    const facts = await this.read(() =>
      this.ports.findExisting(
        checkpoint.filter.entityTypeId,
        [],
        checkpoint.runId,
        checkpoint.unverified.map((pair) => pair.itemId),
      ),
    );
    await this.removeCopies(this.copiesAmongUnverified(facts));
    checkpoint.unverified = [];
  }

  /**
   * Copies among the previous page's tasks: every task of the run on an item except its OLDEST
   * (lowest id). Not "every task but the one this tab recorded": a second runner of the same run
   * (another tab, a resent request) records other ids, and two runners each deleting what the
   * other made leave items with no task at all. The oldest is the same for every runner and is
   * never deleted, so an item's last task always stays. The report is pointed at the kept task.
   */
  private copiesAmongUnverified(facts: ReadonlyMap<number, LinkedTaskFacts>): number[] {
    return this.checkpoint.unverified.flatMap((pair) => {
      const fact = facts.get(pair.itemId);
      const [kept, ...copies] = fact?.runTaskIds ?? [];
      const other = fact?.oldestOtherOpenTaskId ?? null;
      if (kept !== undefined && this.checkpoint.filter.onlyWithoutOpenTask && other !== null && other < kept) {
        // Another run (another user's) gave the item its open task first: ours is the newer copy.
        // The item keeps that task, so removing all of ours never leaves it without one.
        this.unrecordCreated(pair.itemId);
        return [kept, ...copies];
      }
      if (kept !== undefined && kept !== pair.taskId) this.relinkReport(pair.itemId, kept);
      return copies;
    });
  }

  /** An item counted as created whose task turned out to be a newer copy of another run's: skipped after all. */
  private unrecordCreated(itemId: number): void {
    const checkpoint = this.checkpoint;
    checkpoint.counts.created = Math.max(0, checkpoint.counts.created - 1);
    const title = checkpoint.created.find((link) => link.itemId === itemId)?.itemTitle ?? '';
    this.recordSkipped({ id: itemId, title }, 'other-run');
    checkpoint.created = checkpoint.created.filter((link) => link.itemId !== itemId);
  }

  /** The report links the task that stays for the item, not a copy that is about to go. */
  private relinkReport(itemId: number, taskId: number): void {
    const link = this.checkpoint.created.find((entry) => entry.itemId === itemId);
    if (link) link.taskId = taskId;
  }

  /** Deletes copies (safe to repeat); a copy that cannot be deleted stays, it is not worth stopping for. */
  private async removeCopies(taskIds: readonly number[]): Promise<void> {
    for (let start = 0; start < taskIds.length; start += PAGE_SIZE) {
      const chunk = taskIds.slice(start, start + PAGE_SIZE);
      try {
        await this.read(() => this.ports.deleteTasks(chunk));
        this.checkpoint.counts.copiesRemoved += chunk.length;
      } catch (error) {
        if (error instanceof RunStopped) throw error;
      }
    }
  }

  /** Creates the run's task for each item of one page, unless it has one or is to be skipped. */
  private async dealWith(items: readonly BulkItem[]): Promise<void> {
    const checkpoint = this.checkpoint;
    const entityTypeId = checkpoint.filter.entityTypeId;
    let pending = items;
    const attempts = noAttempts();
    const createdHere: Array<{ itemId: number; taskId: number }> = [];
    let verifyPrevious = true;
    while (pending.length > 0) {
      this.stopIfCancelled();
      const previous = verifyPrevious ? checkpoint.unverified.map((pair) => pair.itemId) : [];
      const facts = await this.read(() =>
        this.ports.findExisting(
          entityTypeId,
          pending.map((item) => item.id),
          checkpoint.runId,
          previous,
        ),
      );
      const copies = verifyPrevious ? this.copiesAmongUnverified(facts) : [];
      verifyPrevious = false;
      const toCreate: BulkItem[] = [];
      for (const item of pending) {
        const fact = facts.get(item.id);
        const [kept, ...extra] = fact?.runTaskIds ?? [];
        if (kept !== undefined) {
          this.recordCreated(item, kept);
          copies.push(...extra);
        } else if (checkpoint.filter.onlyWithoutOpenTask && fact?.hasOpenTask) this.recordSkipped(item, 'open-task');
        else toCreate.push(item);
      }
      if (copies.length > 0) await this.removeCopies(copies);
      checkpoint.unverified = [];
      if (toCreate.length === 0) break;

      // In requests the portal can finish well inside the SDK's timeout, paced by its operating budget.
      let rest = toCreate;
      let retry: BulkItem[] = [];
      let retryStep: BulkStepError | null = null;
      let refusedWhole = false;
      while (rest.length > 0) {
        this.stopIfCancelled();
        const pacing = this.ports.createPacing?.(rest.length) ?? {
          batchSize: PAGE_SIZE,
          hold: null,
          sdkWillSlow: false,
        };
        if (pacing.hold) {
          await this.holdFor(pacing.hold);
          continue;
        }
        const chunk = rest.slice(0, Math.max(1, Math.min(PAGE_SIZE, pacing.batchSize)));
        rest = rest.slice(chunk.length);
        const drafts = chunk.map((item) =>
          draftTask(checkpoint.template, item, {
            currentUserId: checkpoint.currentUserId,
            markerLine: checkpoint.markerLine,
          }),
        );
        if (pacing.sdkWillSlow) this.emit('sdk-pacing');
        let outcomes: CreateOutcome[];
        try {
          outcomes = await this.ports.createBatch(entityTypeId, drafts);
        } catch (error) {
          const step = asStepError(error);
          if (step.reason === 'rejected') {
            for (const item of chunk) this.recordFailed(item, 'rejected', step.message);
            refusedWhole = true;
            continue;
          }
          // Whatever was written is found by the re-check at the top of the loop.
          retry = [...chunk, ...rest];
          retryStep = step;
          break;
        }
        const byItem = new Map(outcomes.map((outcome) => [outcome.itemId, outcome]));
        const unsettled: BulkItem[] = [];
        for (const item of chunk) {
          const outcome = byItem.get(item.id);
          if (outcome?.kind === 'created') {
            this.recordCreated(item, outcome.taskId);
            createdHere.push({ itemId: item.id, taskId: outcome.taskId });
          } else if (outcome?.kind === 'failed' && outcome.reason === 'rejected')
            this.recordFailed(item, 'rejected', outcome.message);
          else {
            unsettled.push(item);
            // The strongest reason to wait decides: an operating-time block, then a rate limit.
            const reason = outcome?.kind === 'failed' ? outcome.reason : 'unreachable';
            if (retryStep === null || rank(reason) >= rank(retryStep.reason)) {
              retryStep = new BulkStepError(
                reason,
                outcome?.kind === 'failed' ? outcome.message : '',
                outcome?.kind === 'failed' ? (outcome.blockedUntil ?? null) : null,
              );
            }
          }
        }
        this.emit(null);
        if (unsettled.length > 0) {
          retry = [...unsettled, ...rest];
          break;
        }
      }
      if (retry.length === 0 || retryStep === null) {
        if (refusedWhole || rest.length === 0) break;
        continue;
      }
      if (!(await this.waitBeforeRetry(retryStep, ++attempts[retryStep.reason as Retryable]))) {
        for (const item of retry) this.recordFailed(item, retryStep.reason, retryStep.message);
        break;
      }
      pending = retry;
    }
    // What this page created is checked for copies with the next page (or at the end).
    checkpoint.unverified = createdHere;
  }

  /** A read that is safe to repeat: retried on rate limits and lost connections. */
  private async read<T>(step: () => Promise<T>): Promise<T> {
    const attempts = noAttempts();
    for (;;) {
      this.stopIfCancelled();
      try {
        return await step();
      } catch (error) {
        const failure = asStepError(error);
        if (failure.reason === 'rejected') throw failure;
        if (!(await this.waitBeforeRetry(failure, ++attempts[failure.reason]))) throw failure;
      }
    }
  }

  /**
   * Waits before another try; false once the step has been tried often enough. An operating-time
   * block waits until the portal's reset time and shows the user when the run goes on.
   */
  private async waitBeforeRetry(step: BulkStepError, attempt: number): Promise<boolean> {
    const reason = step.reason as Retryable;
    if (attempt >= ATTEMPTS[reason]) return false;
    let waitMs: number;
    if (reason === 'operating-limit') {
      const until = step.blockedUntil;
      waitMs = until ? Math.max(0, until.waitMs) + OPERATING_RESET_MARGIN_MS : OPERATING_BLOCK_UNKNOWN_MS;
      this.emit('operating-limit', until ? until.portalTime + OPERATING_RESET_MARGIN_MS : null);
    } else {
      waitMs = backoffMs(reason, attempt);
      this.emit(reason === 'rate-limited' ? 'rate-limit' : 'connection');
    }
    try {
      await this.clock.sleep(waitMs, this.options.signal);
    } catch {
      throw new RunStopped();
    }
    return true;
  }

  /** Holds before sending more of a method the portal is about to block: "continues at …", cancellable. */
  private async holdFor(hold: { portalTime: number; waitMs: number }): Promise<void> {
    this.emit('operating-limit', hold.portalTime + OPERATING_RESET_MARGIN_MS);
    try {
      await this.clock.sleep(Math.max(0, hold.waitMs) + OPERATING_RESET_MARGIN_MS, this.options.signal);
    } catch {
      throw new RunStopped();
    }
  }

  private stopIfCancelled(): void {
    if (this.options.signal?.aborted) throw new RunStopped();
  }

  private recordCreated(item: { id: number; title: string }, taskId: number): void {
    const checkpoint = this.checkpoint;
    checkpoint.counts.created += 1;
    checkpoint.created.push({ itemId: item.id, itemTitle: keptTitle(item.title), taskId });
    if (checkpoint.created.length > REPORT_LINK_LIMIT) {
      checkpoint.created.shift();
      checkpoint.createdNotListed += 1;
    }
  }

  /** Counts a skipped item and keeps it (with its reason) for the report, the last REPORT_LINK_LIMIT only. */
  private recordSkipped(item: { id: number; title: string }, reason: SkipReason): void {
    const checkpoint = this.checkpoint;
    checkpoint.counts.skipped += 1;
    // Checkpoints stored before the list existed come without it.
    checkpoint.skippedItems ??= [];
    checkpoint.skippedItems.push({ itemId: item.id, itemTitle: keptTitle(item.title), reason });
    if (checkpoint.skippedItems.length > REPORT_LINK_LIMIT) checkpoint.skippedItems.shift();
  }

  private recordFailed(item: { id: number; title: string }, reason: FailureReason, message: string): void {
    this.checkpoint.counts.failed += 1;
    this.checkpoint.failures.push({ itemId: item.id, itemTitle: keptTitle(item.title), reason, message });
  }

  private dealtWith(): number {
    const { created, skipped, failed } = this.checkpoint.counts;
    return created + skipped + failed;
  }

  private async save(): Promise<void> {
    const now = this.clock.now();
    this.checkpoint.activeMs += Math.max(0, now - this.tickAt);
    this.tickAt = now;
    this.pace.record(now, this.dealtWith());
    await this.options.save(structuredClone(this.checkpoint));
  }

  private emit(waitingFor: BulkProgress['waitingFor'], continuesAt: number | null = null): void {
    if (!this.options.onProgress) return;
    const progress = progressOf(this.checkpoint);
    this.options.onProgress({
      ...progress,
      status: this.checkpoint.status,
      timeLeftMs: this.checkpoint.status === 'finished' ? 0 : this.pace.timeLeft(progress.remaining),
      waitingFor,
      continuesAt,
    });
  }
}

function rank(reason: StepFailureReason): number {
  return reason === 'operating-limit' ? 2 : reason === 'rate-limited' ? 1 : 0;
}

export function asStepError(error: unknown): BulkStepError {
  if (error instanceof BulkStepError) return error;
  return new BulkStepError('unreachable', error instanceof Error ? error.message : String(error));
}
