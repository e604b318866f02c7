import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import type { BulkItem } from './bulk-ports';
import { runBulk, type BulkProgress } from './bulk-runner';
import {
  newCheckpoint,
  parseCheckpoint,
  progressOf,
  queueFailedForRetry,
  REPORT_LINK_LIMIT,
  type BulkRunCheckpoint,
} from './checkpoint';
import type { BulkItemFilter } from './item-filter';
import { runMarkerLine } from './run-marker';
import type { TaskTemplate } from './task-template';
import { InMemoryBulkPortal } from './testing/in-memory-bulk-portal';

const runId = 'smart-tasks-run-00112233aabbccdd';
const everyItem: BulkItemFilter = {
  entityTypeId: 177,
  categoryId: 7,
  stageId: null,
  responsibleId: null,
  onlyWithoutOpenTask: false,
};
const template: TaskTemplate = {
  title: 'Check {title} (#{id}) at {stage}',
  description: 'For {responsible}',
  responsible: { kind: 'item' },
  deadline: '2026-12-04T18:00:00+03:00',
};
const currentUserId = 9;

async function startRun(portal: InMemoryBulkPortal, filter = everyItem): Promise<BulkRunCheckpoint> {
  return newCheckpoint({
    runId,
    filter,
    template,
    currentUserId,
    markerLine: runMarkerLine('Created by Smart Tasks, run', runId),
    matched: await portal.countItems(filter),
    now: portal.now(),
  });
}

/** Runs and keeps what was saved last, as the surface keeps it in storage (JSON). */
async function run(
  portal: InMemoryBulkPortal,
  checkpoint: BulkRunCheckpoint,
  options: { signal?: AbortSignal; onProgress?: (progress: BulkProgress) => void } = {},
) {
  const saved: { last: string | null } = { last: null };
  const finished = runBulk(checkpoint, portal, portal, {
    ...options,
    save: (value) => void (saved.last = JSON.stringify(value)),
  });
  return { finished, saved };
}

/** Lets a never-returning request (a reload) settle the test: what was saved is what survives. */
async function untilStuck(): Promise<void> {
  for (let turn = 0; turn < 50; turn += 1) await new Promise((resolve) => setTimeout(resolve, 0));
}

function expectExactlyOneTaskPerItem(portal: InMemoryBulkPortal, itemCount: number): void {
  const perItem = portal.runTasks(runId);
  expect(perItem.size).toBe(itemCount);
  expect([...perItem.values()].every((count) => count === 1)).toBe(true);
}

describe('a bulk run', () => {
  it('creates exactly one linked task per item, 50 per request, with the template filled in', async () => {
    const portal = new InMemoryBulkPortal(300);
    const { finished } = await run(portal, await startRun(portal));
    const result = await finished;

    expect(result.status).toBe('finished');
    expect(result.counts).toEqual({ created: 300, skipped: 0, failed: 0, copiesRemoved: 0, tasks: 300 });
    expectExactlyOneTaskPerItem(portal, 300);
    expect(portal.createCalls).toBe(6);
    const task = portal.tasks.get(4)![0]!;
    expect(task.title).toBe('Check Item 4 (#4) at preparation');
    expect(task.description).toBe(`For User 1\n\nCreated by Smart Tasks, run ${runId}`);
    expect(task.responsibleId).toBe(1);
    expect(task.deadline).toBe(template.deadline);
    // Item 5 has no responsible: the task goes to the user who runs it.
    expect(portal.tasks.get(5)![0]!.responsibleId).toBe(currentUserId);
    expect(result.created.map((link) => link.itemId)).toEqual(Array.from({ length: 300 }, (_, index) => index + 1));
    expect(progressOf(result)).toMatchObject({ remaining: 0, fraction: 1 });
  });

  it('gives every task to one chosen user when asked', async () => {
    const portal = new InMemoryBulkPortal(60);
    const checkpoint = await startRun(portal);
    checkpoint.template!.responsible = { kind: 'user', userId: 3 };
    await (
      await run(portal, checkpoint)
    ).finished;
    expect(new Set([...portal.tasks.values()].flat().map((task) => task.responsibleId))).toEqual(new Set([3]));
  });

  it('covers only items of the chosen stage and responsible', async () => {
    const portal = new InMemoryBulkPortal(300);
    const filter = { ...everyItem, stageId: 'DT177_7:NEW', responsibleId: 1 };
    const checkpoint = await startRun(portal, filter);
    const result = await (await run(portal, checkpoint)).finished;
    const expected = Array.from({ length: 300 }, (_, index) => index + 1).filter(
      (id) => id % 3 === 0 && id % 5 !== 0 && id % 4 === 0,
    );
    expect(checkpoint.matched).toBe(expected.length);
    expect([...portal.runTasks(runId).keys()].sort((a, b) => a - b)).toEqual(expected);
    expect(result.counts.created).toBe(expected.length);
  });

  it('skips items that already have an open linked task, when asked to', async () => {
    const portal = new InMemoryBulkPortal(120);
    for (const itemId of [3, 51, 52, 120]) portal.addOpenTask(itemId);
    const result = await (
      await run(portal, await startRun(portal, { ...everyItem, onlyWithoutOpenTask: true }))
    ).finished;

    expect(result.counts).toEqual({ created: 116, skipped: 4, failed: 0, copiesRemoved: 0, tasks: 116 });
    for (const itemId of [3, 51, 52, 120]) expect(portal.runTasks(runId).has(itemId)).toBe(false);
  });

  it('resumes after a reload in the middle of a batch without creating any task twice', async () => {
    const portal = new InMemoryBulkPortal(300);
    // The third batch is cut after 20 of its 50 tasks were written: the page reloads.
    portal.createFaults = [{ rejectItems: [] }, { rejectItems: [] }, { reloadAfter: 20 }];
    const first = await run(portal, await startRun(portal));
    await untilStuck();
    expect(portal.runTasks(runId).size).toBe(120);

    const restored = parseCheckpoint(first.saved.last);
    expect(restored).not.toBeNull();
    expect(restored!.status).toBe('paused');
    expect(restored!.scan.afterId).toBe(100);
    const resumed = await (await run(portal, restored!)).finished;

    expect(resumed.status).toBe('finished');
    expectExactlyOneTaskPerItem(portal, 300);
    expect(resumed.counts).toEqual({ created: 300, skipped: 0, failed: 0, copiesRemoved: 0, tasks: 300 });
  });

  it('resumes after a reload that came just after a whole batch was written', async () => {
    const portal = new InMemoryBulkPortal(150);
    portal.createFaults = [{ rejectItems: [] }, 'reload-after-write'];
    const first = await run(portal, await startRun(portal));
    await untilStuck();

    const resumed = await (await run(portal, parseCheckpoint(first.saved.last)!)).finished;

    expectExactlyOneTaskPerItem(portal, 150);
    expect(resumed.counts.created).toBe(150);
  });

  it('re-checks after a dropped connection instead of sending the batch again blindly', async () => {
    const portal = new InMemoryBulkPortal(100);
    portal.createFaults = ['dropped-after-write'];
    const result = await (await run(portal, await startRun(portal))).finished;

    expectExactlyOneTaskPerItem(portal, 100);
    expect(result.counts).toEqual({ created: 100, skipped: 0, failed: 0, copiesRemoved: 0, tasks: 100 });
    expect(portal.createCalls).toBe(2);
  });

  it('waits out rate limits, for a whole batch or some of its commands, and carries on', async () => {
    const portal = new InMemoryBulkPortal(300);
    portal.createFaults = [
      'rate-limited',
      'rate-limited',
      { rateLimitCommands: 30 },
      { rejectItems: [] },
      'rate-limited',
    ];
    const waits: Array<BulkProgress['waitingFor']> = [];
    const result = await (
      await run(portal, await startRun(portal), { onProgress: (progress) => waits.push(progress.waitingFor) })
    ).finished;

    expect(result.counts).toEqual({ created: 300, skipped: 0, failed: 0, copiesRemoved: 0, tasks: 300 });
    expectExactlyOneTaskPerItem(portal, 300);
    expect(waits.filter((wait) => wait === 'rate-limit')).toHaveLength(4);
    // Backs off more each time within a batch.
    expect(portal.sleeps.slice(0, 2)).toEqual([2000, 4000]);
  });

  it('reports items the portal refuses, and creates them when retried', async () => {
    const portal = new InMemoryBulkPortal(80);
    portal.createFaults = [{ rejectItems: [7, 8] }];
    const result = await (await run(portal, await startRun(portal))).finished;

    expect(result.status).toBe('finished');
    expect(result.counts).toEqual({ created: 78, skipped: 0, failed: 2, copiesRemoved: 0, tasks: 78 });
    expect(result.failures).toEqual([
      { itemId: 7, itemTitle: 'Item 7', reason: 'rejected', message: 'Task title is not specified' },
      { itemId: 8, itemTitle: 'Item 8', reason: 'rejected', message: 'Task title is not specified' },
    ]);

    const retried = await (await run(portal, queueFailedForRetry(result))).finished;

    expect(retried.counts).toEqual({ created: 80, skipped: 0, failed: 0, copiesRemoved: 0, tasks: 80 });
    expect(retried.failures).toEqual([]);
    expectExactlyOneTaskPerItem(portal, 80);
  });

  it('reports an item deleted before its retry', async () => {
    const portal = new InMemoryBulkPortal(10);
    portal.createFaults = [{ rejectItems: [4] }];
    const result = await (await run(portal, await startRun(portal))).finished;
    portal.deletedItems.add(4);
    const retried = await (await run(portal, queueFailedForRetry(result))).finished;
    expect(retried.failures).toEqual([{ itemId: 4, itemTitle: '', reason: 'item-missing', message: '' }]);
  });

  it('stops when cancelled and continues later from where it stopped', async () => {
    const portal = new InMemoryBulkPortal(300);
    const controller = new AbortController();
    const checkpoint = await startRun(portal);
    const cancelled = await (
      await run(portal, checkpoint, {
        signal: controller.signal,
        onProgress: (progress) => {
          if (progress.created >= 100) controller.abort();
        },
      })
    ).finished;

    expect(cancelled.status).toBe('paused');
    expect(cancelled.pausedBecause).toBeNull();
    expect(cancelled.counts.created).toBe(100);
    expect(portal.runTasks(runId).size).toBe(100);

    const resumed = await (await run(portal, cancelled)).finished;
    expect(resumed.status).toBe('finished');
    expectExactlyOneTaskPerItem(portal, 300);
  });

  it('pauses with the reason when the connection stays down, and resumes later', async () => {
    const portal = new InMemoryBulkPortal(120);
    const checkpoint = await startRun(portal);
    portal.failNextReads = 5;
    const paused = await (await run(portal, checkpoint)).finished;

    expect(paused.status).toBe('paused');
    expect(paused.pausedBecause).toEqual({ reason: 'unreachable', message: 'Network Error' });
    expect(portal.runTasks(runId).size).toBe(0);

    const resumed = await (await run(portal, paused)).finished;
    expect(resumed.status).toBe('finished');
    expectExactlyOneTaskPerItem(portal, 120);
  });

  it('tells how much is left and how long it will take', async () => {
    const portal = new InMemoryBulkPortal(500);
    const seen: BulkProgress[] = [];
    await (
      await run(portal, await startRun(portal), { onProgress: (progress) => seen.push(progress) })
    ).finished;

    const middle = seen.find((progress) => progress.created === 250)!;
    expect(middle).toMatchObject({ remaining: 250, failed: 0, fraction: 0.5 });
    // Three requests of 200 ms per 50 items: about 3 s for the other 250.
    expect(middle.timeLeftMs).toBe(3000);
    expect(seen.at(-1)).toMatchObject({ status: 'finished', remaining: 0, timeLeftMs: 0 });
  });
});

describe('a create request that reaches the portal twice', () => {
  it('finds the copies with the next page’s re-check and deletes them, without an extra round trip', async () => {
    const portal = new InMemoryBulkPortal(150);
    portal.createFaults = ['resent-by-browser'];
    const result = await (await run(portal, await startRun(portal))).finished;

    expectExactlyOneTaskPerItem(portal, 150);
    expect(result.counts).toEqual({ created: 150, skipped: 0, failed: 0, copiesRemoved: 50, tasks: 150 });
    expect(portal.deleted).toHaveLength(50);
    // The links in the report name the tasks that stayed.
    const kept = new Set([...portal.tasks.values()].flat().map((task) => task.id));
    expect(result.created.every((link) => kept.has(link.taskId))).toBe(true);
  });

  it('also on the last page, checked on its own at the end', async () => {
    const portal = new InMemoryBulkPortal(120);
    portal.createFaults = [{ rejectItems: [] }, { rejectItems: [] }, 'resent-by-browser'];
    const result = await (await run(portal, await startRun(portal))).finished;
    expectExactlyOneTaskPerItem(portal, 120);
    expect(result.counts.copiesRemoved).toBe(20);
    expect(result.unverified).toEqual([]);
  });

  it('and when a reload came between the copy and its check', async () => {
    const portal = new InMemoryBulkPortal(100);
    portal.createFaults = ['resent-by-browser', 'reload-after-write'];
    const first = await run(portal, await startRun(portal));
    await untilStuck();
    const restored = parseCheckpoint(first.saved.last)!;
    expect(restored.unverified).toHaveLength(50);

    const resumed = await (await run(portal, restored)).finished;
    expectExactlyOneTaskPerItem(portal, 100);
    expect(resumed.counts.created).toBe(100);
  });
});

describe('two runners on one run (two tabs, before the single-runner lock existed)', () => {
  /** Every item of the run keeps exactly one task: none lost, none doubled. */
  function expectNoItemLostOrDoubled(portal: InMemoryBulkPortal, itemCount: number): void {
    const perItem = portal.runTasks(runId);
    const without = Array.from({ length: itemCount }, (_, index) => index + 1).filter((id) => !perItem.has(id));
    const doubled = [...perItem].filter(([, count]) => count > 1).map(([id]) => id);
    expect({ without, doubled }).toEqual({ without: [], doubled: [] });
  }

  it('started together, they keep the oldest task of each item and never delete its last one', async () => {
    const portal = new InMemoryBulkPortal(300);
    const checkpoint = await startRun(portal);
    const [first, second] = await Promise.all([
      (await run(portal, structuredClone(checkpoint))).finished,
      (await run(portal, structuredClone(checkpoint))).finished,
    ]);

    expect([first.status, second.status]).toEqual(['finished', 'finished']);
    expect(portal.deleted.length).toBeGreaterThan(0);
    expectNoItemLostOrDoubled(portal, 300);
    // Each report links tasks that still exist.
    const kept = new Set([...portal.tasks.values()].flat().map((task) => task.id));
    for (const result of [first, second]) expect(result.created.filter((link) => !kept.has(link.taskId))).toEqual([]);
  });

  it('a second tab resuming from storage while the first still runs (issue 7.1)', async () => {
    const portal = new InMemoryBulkPortal(983);
    let saved: string | null = null;
    let second: Promise<BulkRunCheckpoint> | null = null;
    const first = runBulk(await startRun(portal), portal, portal, {
      save: (value) => void (saved = JSON.stringify(value)),
      onProgress: (progress) => {
        if (second === null && progress.created >= 100)
          second = runBulk(parseCheckpoint(saved)!, portal, portal, { save: () => undefined });
      },
    });
    await first;
    expect(second).not.toBeNull();
    // Set inside onProgress: TypeScript's narrowing does not see it and takes `second` for null.
    await (second as Promise<BulkRunCheckpoint> | null);

    expectNoItemLostOrDoubled(portal, 983);
  });
});

describe('two users’ runs over the same items, each “only items with no open linked task”', () => {
  it('leave each item exactly one open task: the newer of two made in the same moment goes', async () => {
    const portal = new InMemoryBulkPortal(300);
    const filter = { ...everyItem, onlyWithoutOpenTask: true };
    const olivia = await startRun(portal, filter);
    const sophie = { ...(await startRun(portal, filter)), runId: 'smart-tasks-run-99887766554433aa', currentUserId: 3 };
    sophie.markerLine = runMarkerLine('Created by Smart Tasks, run', sophie.runId);
    const [first, second] = await Promise.all([
      (await run(portal, olivia)).finished,
      (await run(portal, sophie)).finished,
    ]);

    const openPerItem = new Map(
      [...portal.tasks].map(([itemId, list]) => [itemId, list.filter((task) => task.open).length]),
    );
    const items = Array.from({ length: 300 }, (_, index) => index + 1);
    expect(items.filter((id) => (openPerItem.get(id) ?? 0) !== 1)).toEqual([]);
    // Together they report each item once as created, the rest as skipped.
    expect(first.counts.created + second.counts.created).toBe(300);
    expect(first.counts.failed + second.counts.failed).toBe(0);
  });
});

describe('a run over 10,000 items', () => {
  it('holds one page of items at a time and keeps a checkpoint of flat size', async () => {
    setFlagsFromString('--expose-gc');
    const collectGarbage = runInNewContext('gc') as () => void;
    const portal = new InMemoryBulkPortal(10_000, { latencyMs: 50 });
    const handedOut: Array<WeakRef<BulkItem>> = [];
    portal.onItemHandedOut = (item) => handedOut.push(new WeakRef(item));
    let pagesRead = 0;
    let mostItemsHeld = 0;
    portal.beforePage = async () => {
      pagesRead += 1;
      if (pagesRead % 25 !== 0) return;
      // End the current job so WeakRefs no longer pin their targets, then collect.
      await new Promise((resolve) => setTimeout(resolve, 0));
      collectGarbage();
      const alive = handedOut.filter((ref) => ref.deref() !== undefined);
      mostItemsHeld = Math.max(mostItemsHeld, alive.length);
      handedOut.splice(0, handedOut.length, ...alive);
    };
    const sizes = new Map<number, number>();
    const checkpoint = await startRun(portal);
    const result = await runBulk(checkpoint, portal, portal, {
      save: (saved) => {
        if (saved.counts.created % 2500 === 0) sizes.set(saved.counts.created, JSON.stringify(saved).length);
      },
    });

    expect(result.counts.created).toBe(10_000);
    expectExactlyOneTaskPerItem(portal, 10_000);
    expect(portal.largestRead).toBe(50);
    expect(mostItemsHeld).toBeGreaterThan(0);
    // Bounded by pages, not by the run: the page being dealt with and, until the promise chain
    // that read it has settled, the one before it (whether that one is still reachable when the
    // collector runs depends on timing, so the bound is two pages, never 10,000 items).
    expect(mostItemsHeld).toBeLessThanOrEqual(2 * 50);
    // The checkpoint stops growing once the report's link list is full.
    expect(result.created).toHaveLength(REPORT_LINK_LIMIT);
    expect(result.createdNotListed).toBe(10_000 - REPORT_LINK_LIMIT);
    // (Only the digits of longer ids add a little.)
    expect(sizes.get(10_000)).toBeLessThan(sizes.get(5_000)! * 1.05);
    expect(sizes.get(10_000)).toBeLessThan(40_000);
    // One page read, one re-check and one batch of creates per 50 items; the empty last page
    // and the last page's check for copies.
    expect(portal.requests).toBe(1 + 3 * 200 + 1 + 1);
  }, 60_000);
});
