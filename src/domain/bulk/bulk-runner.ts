/**
 * Gives every matching item the tasks of the run's plan it is missing (run-plan.ts: the form's
 * single template, or a stage playbook's templates), 50 items at a time, and can be stopped and
 * resumed at any point without creating a task twice:
 * - items are read in keyset pages (`id > cursor`), one page in memory at a time;
 * - before creating tasks for a page, the run asks which items already carry this run's task of
 *   each key (a request that "failed" may have been written; a reload may have cut a page in
 *   half), and which templates they have already from other tasks;
 * - the cursor moves past a page only after every item of it is dealt with, and the
 *   checkpoint is saved after each page;
 * - a create request can reach the portal twice without the app ever seeing it (a browser
 *   resends a POST whose reused connection dropped before the answer), so each page's tasks are
 *   checked for copies in the next page's re-check (same round trip), and copies are deleted: a
 *   copy is a task of the same item, the same template key and the same run.
 * Rate limits pause and continue; a portal that refuses an item fails that item only.
 */
import {
  BulkStepError,
  commandsOf,
  PAGE_SIZE,
  type BulkItem,
  type BulkPorts,
  type BulkTaskDraft,
  type ChecklistLine,
  type CreateOutcome,
  type LinkedTaskFacts,
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
  type UnverifiedTask,
} from './checkpoint';
import { otherTaskFor, runTasksFor, singleTemplatePlan, type RunPlan } from './run-plan';
import { PaceEstimator } from './time-left';

/** Commands in one batch (the portal's limit). */
const BATCH_COMMANDS = 50;

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
  /**
   * What each item gets. Required for a playbook run (its rendering needs the portal's clock,
   * names and zone); a single-template run defaults to its checkpoint's template.
   */
  plan?: RunPlan;
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

/** Runs (or resumes) a bulk run to its end or until stopped; the checkpoint it ends with. Throws when a playbook run gets no plan. */
export async function runBulk(
  start: BulkRunCheckpoint,
  ports: BulkPorts,
  clock: RunnerClock,
  options: RunOptions,
): Promise<BulkRunCheckpoint> {
  const plan =
    options.plan ??
    (start.template && !start.playbook
      ? singleTemplatePlan(start.template, { currentUserId: start.currentUserId, markerLine: start.markerLine })
      : null);
  if (!plan) throw new Error('A playbook run needs its plan');
  return new BulkRun(structuredClone(start), ports, clock, options, plan).execute();
}

/** One task to make: an item and a template key of the plan. */
interface Unit {
  item: BulkItem;
  key: string | null;
}

/** What became of an item's units in this pass over its page. */
interface ItemLedger {
  item: BulkItem;
  /** Units not settled yet. */
  open: number;
  /** Tasks made (or found made) by the run for the item. */
  taskIds: number[];
  failure: { reason: FailureReason; message: string } | null;
}

class BulkRun {
  private readonly pace = new PaceEstimator();
  /** Titles of the current and previous page's items, for the report of a copy found a page later. */
  private readonly titles = new Map<number, string>();
  private tickAt: number;

  constructor(
    private readonly checkpoint: BulkRunCheckpoint,
    private readonly ports: BulkPorts,
    private readonly clock: RunnerClock,
    private readonly options: RunOptions,
    private readonly plan: RunPlan,
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
      for (const id of ids)
        if (!found.has(id) && !this.pageCounted().items.includes(id)) {
          this.pageCounted().items.push(id);
          this.recordFailed({ id, title: '' }, 'item-missing', '');
        }
      await this.dealWith(items);
      checkpoint.retryQueue = checkpoint.retryQueue.slice(ids.length);
      if (checkpoint.retryQueue.length === 0) checkpoint.retryCounted = [];
      checkpoint.pageCounted = { items: [], tasks: [] };
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
        checkpoint.pageCounted = { items: [], tasks: [] };
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
      this.ports.findExisting({
        entityTypeId: checkpoint.filter.entityTypeId,
        itemIds: [],
        runId: checkpoint.runId,
        alsoRunTasksOf: unverifiedItems(checkpoint.unverified),
        others: this.plan.others,
      }),
    );
    await this.removeCopies(this.copiesAmongUnverified(facts));
    checkpoint.unverified = [];
  }

  /**
   * Copies among the previous page's tasks: every task of the run of the same item and template
   * key except the OLDEST (lowest id). Not "every task but the one this tab recorded": a second
   * runner of the same run (another tab, a resent request) records other ids, and two runners
   * each deleting what the other made leave items with no task at all. The oldest is the same for
   * every runner and is never deleted, so an item's last task of a key always stays. The report
   * is pointed at the kept task.
   */
  private copiesAmongUnverified(facts: ReadonlyMap<number, LinkedTaskFacts>): number[] {
    const checkpoint = this.checkpoint;
    const removedWhole = new Map<number, { all: number; removed: number }>();
    const copies = checkpoint.unverified.flatMap((pair) => {
      const fact = facts.get(pair.itemId);
      const [kept, ...copies] = runTasksFor(pair.templateKey, fact);
      const other = otherTaskFor(pair.templateKey, checkpoint.filter, fact);
      const tally = removedWhole.get(pair.itemId) ?? { all: 0, removed: 0 };
      removedWhole.set(pair.itemId, tally);
      tally.all += 1;
      if (kept !== undefined && other !== null && other < kept) {
        // Another run (another user's, or a click in the card) gave the item this task first:
        // ours is the newer copy. The item keeps that task, so removing ours never leaves it without one.
        tally.removed += 1;
        this.unrecordTask(pair);
        return [kept, ...copies];
      }
      if (kept !== undefined && kept !== pair.taskId) this.relinkReport(pair, kept);
      return copies;
    });
    // An item all of whose tasks turned out to be newer copies of another run's was skipped after all.
    for (const [itemId, tally] of removedWhole) if (tally.all === tally.removed) this.unrecordItem(itemId);
    return copies;
  }

  /** A task counted as made that was a newer copy of another run's: no longer counted or linked. */
  private unrecordTask(pair: UnverifiedTask): void {
    const checkpoint = this.checkpoint;
    checkpoint.counts.tasks = Math.max(0, checkpoint.counts.tasks - 1);
    checkpoint.created = checkpoint.created.filter((link) => link.taskId !== pair.taskId);
  }

  /** An item counted as created whose tasks all were newer copies of another run's: skipped after all. */
  private unrecordItem(itemId: number): void {
    const checkpoint = this.checkpoint;
    checkpoint.counts.created = Math.max(0, checkpoint.counts.created - 1);
    const title = this.titles.get(itemId) ?? checkpoint.created.find((link) => link.itemId === itemId)?.itemTitle ?? '';
    this.recordSkipped({ id: itemId, title }, 'other-run');
    checkpoint.created = checkpoint.created.filter((link) => link.itemId !== itemId);
  }

  /** The report links the task that stays for the item and key, not a copy that is about to go. */
  private relinkReport(pair: UnverifiedTask, taskId: number): void {
    const link = this.checkpoint.created.find((entry) => entry.taskId === pair.taskId);
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

  /**
   * Gives each item of one page the tasks of the plan it is missing: this run's own tasks (found
   * again after a lost answer or a reload) count as made, tasks of other runs or clicks that
   * already fill a key are left alone, the rest is created in requests of at most 50 commands.
   */
  private async dealWith(items: readonly BulkItem[]): Promise<void> {
    const checkpoint = this.checkpoint;
    const entityTypeId = checkpoint.filter.entityTypeId;
    const ledgers = new Map<number, ItemLedger>(
      items.map((item) => [item.id, { item, open: this.plan.keys.length, taskIds: [], failure: null }]),
    );
    // Titles of this page and the previous one only (a copy is found one page later).
    for (const id of [...this.titles.keys()])
      if (!checkpoint.unverified.some((pair) => pair.itemId === id)) this.titles.delete(id);
    for (const item of items) this.titles.set(item.id, item.title);
    // null: the first look, every key of every item.
    let pending: Unit[] | null = null;
    const attempts = noAttempts();
    const createdHere: UnverifiedTask[] = [];
    const linesToRetry: ChecklistLine[] = [];
    let verifyPrevious = true;
    const settle = (
      unit: Unit,
      outcome: { taskId: number; counted: boolean; title?: string } | 'has' | FailureNote,
    ) => {
      const ledger = ledgers.get(unit.item.id)!;
      if (outcome === 'has') {
        // Nothing to make for this key.
      } else if ('taskId' in outcome) {
        ledger.taskIds.push(outcome.taskId);
        createdHere.push({ itemId: unit.item.id, taskId: outcome.taskId, templateKey: unit.key });
        if (outcome.counted) this.recordTask(unit, outcome.taskId, outcome.title);
      } else if (ledger.failure === null || ledger.failure.reason === 'no-responsible') ledger.failure = outcome;
      ledger.open -= 1;
      if (ledger.open === 0) this.recordItem(ledger);
    };
    while (pending === null || pending.length > 0) {
      this.stopIfCancelled();
      const units: Unit[] = pending ?? [];
      const itemIds = pending === null ? items.map((item) => item.id) : [...new Set(units.map((unit) => unit.item.id))];
      const previous = verifyPrevious ? unverifiedItems(checkpoint.unverified) : [];
      const facts = await this.read(() =>
        this.ports.findExisting({
          entityTypeId,
          itemIds,
          runId: checkpoint.runId,
          alsoRunTasksOf: previous,
          others: this.plan.others,
        }),
      );
      const copies = verifyPrevious ? this.copiesAmongUnverified(facts) : [];
      verifyPrevious = false;
      const toCreate: Array<{ unit: Unit; draft: BulkTaskDraft }> = [];
      const looked = pending ?? items.flatMap((item) => this.plan.keys.map((key) => ({ item, key })));
      for (const unit of looked) {
        const fact = facts.get(unit.item.id);
        const [kept, ...extra] = runTasksFor(unit.key, fact);
        if (kept !== undefined) {
          // A task of a retried item made before it failed was counted then; so was one made
          // earlier on this page before the run paused.
          settle(unit, {
            taskId: kept,
            counted: !checkpoint.retryCounted.includes(kept) && !this.pageCounted().tasks.includes(kept),
          });
          copies.push(...extra);
        } else if (otherTaskFor(unit.key, checkpoint.filter, fact) !== null) settle(unit, 'has');
        else {
          const drafted = this.plan.draft(unit.item, unit.key);
          if (drafted.ok) toCreate.push({ unit, draft: drafted.draft });
          else settle(unit, { reason: drafted.reason, message: '' });
        }
      }
      if (copies.length > 0) await this.removeCopies(copies);
      checkpoint.unverified = [];
      this.emit(null);
      if (toCreate.length === 0) break;

      // In requests the portal can finish well inside the SDK's timeout, paced by its operating budget.
      let rest = toCreate;
      let retry: Unit[] = [];
      let retryStep: BulkStepError | null = null;
      let refusedWhole = false;
      while (rest.length > 0) {
        this.stopIfCancelled();
        const drafts = rest.map((entry) => entry.draft);
        const pacing = this.ports.createPacing?.(drafts) ?? { batchSize: PAGE_SIZE, hold: null, sdkWillSlow: false };
        if (pacing.hold) {
          await this.holdFor(pacing.hold);
          continue;
        }
        const chunk = rest.slice(0, fitBatch(drafts, pacing.batchSize));
        rest = rest.slice(chunk.length);
        if (pacing.sdkWillSlow) this.emit('sdk-pacing');
        let outcomes: CreateOutcome[];
        try {
          outcomes = await this.ports.createBatch(
            entityTypeId,
            chunk.map((entry) => entry.draft),
          );
        } catch (error) {
          const step = asStepError(error);
          if (step.reason === 'rejected') {
            for (const entry of chunk) settle(entry.unit, { reason: 'rejected', message: step.message });
            refusedWhole = true;
            continue;
          }
          // Whatever was written is found by the re-check at the top of the loop.
          retry = [...chunk, ...rest].map((entry) => entry.unit);
          retryStep = step;
          break;
        }
        const unsettled: Unit[] = [];
        chunk.forEach((entry, index) => {
          const outcome = outcomes[index];
          if (outcome?.kind === 'created') {
            settle(entry.unit, { taskId: outcome.taskId, counted: true, title: entry.draft.title });
            // The task exists; lines the portal refused are said in the report, never sent twice;
            // lines it refused for a limit (not written) go again once the wait is over.
            checkpoint.checklistLinesMissing += outcome.checklistMissing ?? 0;
            linesToRetry.push(...(outcome.checklistRetry ?? []));
          } else if (outcome?.kind === 'failed' && outcome.reason === 'rejected')
            settle(entry.unit, { reason: 'rejected', message: outcome.message });
          else {
            unsettled.push(entry.unit);
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
        });
        this.emit(null);
        if (unsettled.length > 0) {
          retry = [...unsettled, ...rest.map((entry) => entry.unit)];
          break;
        }
      }
      await this.addLinesAgain(linesToRetry.splice(0));
      if (retry.length === 0 || retryStep === null) {
        if (refusedWhole || rest.length === 0) break;
        pending = [];
        continue;
      }
      if (!(await this.waitBeforeRetry(retryStep, ++attempts[retryStep.reason as Retryable]))) {
        for (const unit of retry) settle(unit, { reason: retryStep.reason, message: retryStep.message });
        break;
      }
      pending = retry;
    }
    // What this page made is checked for copies with the next page (or at the end).
    checkpoint.unverified = createdHere;
  }

  /**
   * Sends again checklist lines the portal refused for a limit (nothing was written), after the
   * wait the limit asks for; lines it refuses otherwise, or whose answer is lost, are counted as
   * missing (a lost answer may have written them: never sent twice).
   */
  private async addLinesAgain(lines: ChecklistLine[]): Promise<void> {
    const checkpoint = this.checkpoint;
    const attempts = noAttempts();
    let pending = lines;
    while (pending.length > 0) {
      if (!this.ports.addChecklistLines) {
        checkpoint.checklistLinesMissing += pending.length;
        return;
      }
      const chunk = pending.slice(0, BATCH_COMMANDS);
      const limited: ChecklistLine[] = [];
      let limit: BulkStepError | null = null;
      try {
        const outcomes = await this.ports.addChecklistLines(chunk);
        chunk.forEach((line, index) => {
          const outcome = outcomes[index] ?? 'unreachable';
          if (outcome === 'rate-limited' || outcome === 'operating-limit') {
            limited.push(line);
            if (limit === null || rank(outcome) > rank(limit.reason)) limit = new BulkStepError(outcome, '');
          } else if (outcome !== 'added') checkpoint.checklistLinesMissing += 1;
        });
      } catch (error) {
        const step = asStepError(error);
        if (step.reason === 'rate-limited' || step.reason === 'operating-limit') {
          limited.push(...chunk);
          limit = step;
        } else checkpoint.checklistLinesMissing += chunk.length;
      }
      pending = [...limited, ...pending.slice(chunk.length)];
      if (limit === null) continue;
      const wait: BulkStepError = limit;
      let again: boolean;
      try {
        again = await this.waitBeforeRetry(wait, ++attempts[wait.reason as Retryable]);
      } catch (stopped) {
        // Paused during the wait: the lines not sent are said in the report, not lost silently.
        checkpoint.checklistLinesMissing += pending.length;
        throw stopped;
      }
      if (!again) {
        checkpoint.checklistLinesMissing += pending.length;
        return;
      }
    }
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

  /** A task made for an item: counted, and linked in the report (the last REPORT_LINK_LIMIT). */
  private recordTask(unit: Unit, taskId: number, taskTitle?: string): void {
    const checkpoint = this.checkpoint;
    checkpoint.counts.tasks += 1;
    this.pageCounted().tasks.push(taskId);
    const link: BulkRunCheckpoint['created'][number] = {
      itemId: unit.item.id,
      itemTitle: keptTitle(unit.item.title),
      taskId,
    };
    if (unit.key !== null) {
      link.templateKey = unit.key;
      if (taskTitle !== undefined) link.taskTitle = keptTitle(taskTitle);
    }
    checkpoint.created.push(link);
    if (checkpoint.created.length > REPORT_LINK_LIMIT) {
      checkpoint.created.shift();
      checkpoint.createdNotListed += 1;
    }
  }

  /** An item whose every key is settled: failed if any task of it failed, created if it got any, else skipped. */
  private recordItem(ledger: ItemLedger): void {
    const { item, failure, taskIds } = ledger;
    // Settled before the run paused in the middle of this page: its outcome stands, counted once.
    const counted = this.pageCounted().items;
    if (counted.includes(item.id)) {
      // A failed item's tasks made now are counted: a retry must not count them again.
      const earlier = this.checkpoint.failures.find((entry) => entry.itemId === item.id);
      if (earlier && taskIds.length > 0) earlier.taskIds = [...new Set([...(earlier.taskIds ?? []), ...taskIds])];
      return;
    }
    counted.push(item.id);
    if (failure) this.recordFailed(item, failure.reason, failure.message, taskIds);
    else if (taskIds.length > 0) this.checkpoint.counts.created += 1;
    else this.recordSkipped(item, this.plan.others === 'all' ? 'has-templates' : 'open-task');
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

  private recordFailed(
    item: { id: number; title: string },
    reason: FailureReason,
    message: string,
    taskIds: readonly number[] = [],
  ): void {
    this.checkpoint.counts.failed += 1;
    const failure: BulkRunCheckpoint['failures'][number] = {
      itemId: item.id,
      itemTitle: keptTitle(item.title),
      reason,
      message,
    };
    if (taskIds.length > 0) failure.taskIds = [...taskIds];
    this.checkpoint.failures.push(failure);
  }

  /** What this page already counted (checkpoints stored before it existed come without it). */
  private pageCounted(): BulkRunCheckpoint['pageCounted'] {
    this.checkpoint.pageCounted ??= { items: [], tasks: [] };
    return this.checkpoint.pageCounted;
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

/** A unit failed for good, with the portal's words where it gave any. */
type FailureNote = { reason: FailureReason; message: string };

/** The items of unverified tasks, each once (up to 50: one page). */
function unverifiedItems(unverified: readonly UnverifiedTask[]): number[] {
  return [...new Set(unverified.map((pair) => pair.itemId))];
}

/** How many of the drafts (in order) go into the next request: at most `wanted`, at least 1, within 50 commands. */
export function fitBatch(drafts: readonly BulkTaskDraft[], wanted: number): number {
  let commands = 0;
  let count = 0;
  for (const draft of drafts) {
    if (count >= Math.max(1, wanted)) break;
    commands += commandsOf(draft);
    if (count > 0 && commands > BATCH_COMMANDS) break;
    count += 1;
  }
  return Math.max(1, count);
}

function rank(reason: StepFailureReason): number {
  return reason === 'operating-limit' ? 2 : reason === 'rate-limited' ? 1 : 0;
}

export function asStepError(error: unknown): BulkStepError {
  if (error instanceof BulkStepError) return error;
  return new BulkStepError('unreachable', error instanceof Error ? error.message : String(error));
}
