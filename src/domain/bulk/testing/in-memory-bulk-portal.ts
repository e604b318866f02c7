/**
 * An in-memory portal behind the bulk runner's own ports (not the SDK): items generated on
 * demand (10,000 cost nothing until read), tasks linked by item, faults on demand, a virtual
 * clock, and counters of what the runner asked for. Every handed-out item is a fresh object
 * the portal does not keep, so a test can count how many the runner still holds.
 */
import {
  BulkStepError,
  PAGE_SIZE,
  type BulkItem,
  type BulkPorts,
  type CreateOutcome,
  type LinkedTaskFacts,
  type RunnerClock,
} from '../bulk-ports';
import type { BulkItemFilter } from '../item-filter';
import { carriesRunMarker } from '../run-marker';
import type { TaskDraft } from '../task-template';

export interface StoredTask {
  id: number;
  itemId: number;
  title: string;
  description: string;
  responsibleId: number;
  deadline: string | null;
  open: boolean;
}

/** What the next `createBatch` call does instead of answering normally. */
export type CreateFault =
  /** The whole request is refused before anything is written (HTTP 503). */
  | 'rate-limited'
  /** The tasks are written, then the connection drops: the caller sees an error. */
  | 'dropped-after-write'
  /** The tasks are written, then the page is reloaded: the call never returns. */
  | 'reload-after-write'
  /** The first `count` commands are written, then the page is reloaded mid-batch. */
  | { reloadAfter: number }
  /** Some commands of the batch answer QUERY_LIMIT_EXCEEDED (the rest are written). */
  | { rateLimitCommands: number }
  /** Items with these ids are refused by the portal (validation). */
  | { rejectItems: readonly number[] }
  /**
   * The request reaches the portal twice (a browser resending a POST whose reused connection
   * dropped): every task is written twice, the answer names the second copies.
   */
  | 'resent-by-browser';

export class InMemoryBulkPortal implements BulkPorts, RunnerClock {
  readonly tasks = new Map<number, StoredTask[]>();
  readonly deletedItems = new Set<number>();
  createFaults: CreateFault[] = [];
  /** Fails the next N reads (page, re-check) as unreachable. */
  failNextReads = 0;
  requests = 0;
  createCalls = 0;
  clockMs = 0;
  /** Called when an item object is handed out; lets a test watch them. */
  onItemHandedOut: (item: BulkItem) => void = () => {};
  /** Runs before each page is read; a test can look at memory there. */
  beforePage: () => Promise<void> = async () => {};
  /** Largest number of items asked for in one read. */
  largestRead = 0;
  private nextTaskId = 1000;

  /** Items 1…itemCount, except deleted ones; stage and responsible follow the id. */
  constructor(
    private readonly itemCount: number,
    private readonly options: { latencyMs?: number } = {},
  ) {}

  item(id: number): BulkItem | undefined {
    if (id < 1 || id > this.itemCount || this.deletedItems.has(id)) return undefined;
    const stage = ['NEW', 'PREPARATION', 'CLIENT'][id % 3] as string;
    const responsibleId = id % 5 === 0 ? null : (id % 4) + 1;
    const item: BulkItem = {
      id,
      title: `Item ${id}`,
      stageId: `DT177_7:${stage}`,
      stageName: stage.toLowerCase(),
      responsibleId,
      responsibleName: responsibleId === null ? '' : `User ${responsibleId}`,
    };
    this.onItemHandedOut(item);
    return item;
  }

  private matches(id: number, filter: BulkItemFilter): boolean {
    if (id < 1 || id > this.itemCount || this.deletedItems.has(id)) return false;
    const stage = ['NEW', 'PREPARATION', 'CLIENT'][id % 3];
    if (filter.stageId !== null && filter.stageId !== `DT177_7:${stage}`) return false;
    const responsibleId = id % 5 === 0 ? null : (id % 4) + 1;
    if (filter.responsibleId !== null && filter.responsibleId !== responsibleId) return false;
    return true;
  }

  /** Tasks of the run (those whose description carries its id), by item. */
  runTasks(runId: string): Map<number, number> {
    const perItem = new Map<number, number>();
    for (const [itemId, list] of this.tasks) {
      const count = list.filter((task) => carriesRunMarker(task.description, runId)).length;
      if (count > 0) perItem.set(itemId, count);
    }
    return perItem;
  }

  addOpenTask(itemId: number): void {
    this.store({ itemId, itemTitle: '', title: 'Existing', description: '', responsibleId: 1, deadline: null }, true);
  }

  private async request(): Promise<void> {
    this.requests += 1;
    this.clockMs += this.options.latencyMs ?? 200;
  }

  private async read(): Promise<void> {
    await this.request();
    if (this.failNextReads > 0) {
      this.failNextReads -= 1;
      throw new Error('Network Error');
    }
  }

  async countItems(filter: BulkItemFilter): Promise<number> {
    await this.read();
    let count = 0;
    for (let id = 1; id <= this.itemCount; id += 1) if (this.matches(id, filter)) count += 1;
    return count;
  }

  async pageItems(filter: BulkItemFilter, afterId: number): Promise<BulkItem[]> {
    await this.beforePage();
    await this.read();
    const page: BulkItem[] = [];
    for (let id = afterId + 1; id <= this.itemCount && page.length < PAGE_SIZE; id += 1) {
      if (this.matches(id, filter)) page.push(this.item(id) as BulkItem);
    }
    this.largestRead = Math.max(this.largestRead, page.length);
    return page;
  }

  async itemsByIds(_entityTypeId: number, ids: readonly number[]): Promise<BulkItem[]> {
    await this.read();
    if (ids.length > PAGE_SIZE) throw new Error('more than 50 ids in one request');
    return ids.map((id) => this.item(id)).filter((item): item is BulkItem => item !== undefined);
  }

  async findExisting(
    _entityTypeId: number,
    itemIds: readonly number[],
    runId: string | null,
    alsoRunTasksOf: readonly number[] = [],
  ): Promise<ReadonlyMap<number, LinkedTaskFacts>> {
    await this.read();
    if (itemIds.length > PAGE_SIZE || alsoRunTasksOf.length > PAGE_SIZE)
      throw new Error('more than 50 items in one re-check');
    const facts = new Map<number, LinkedTaskFacts>();
    for (const itemId of [...alsoRunTasksOf, ...itemIds]) {
      const list = this.tasks.get(itemId) ?? [];
      const own = runId === null ? [] : list.filter((task) => carriesRunMarker(task.description, runId));
      facts.set(itemId, {
        runTaskIds: own.map((task) => task.id).sort((a, b) => a - b),
        hasOpenTask: list.some((task) => task.open && !own.includes(task)),
        oldestOtherOpenTaskId:
          list
            .filter((task) => task.open && !own.includes(task))
            .map((task) => task.id)
            .sort((a, b) => a - b)[0] ?? null,
      });
    }
    return facts;
  }

  readonly deleted: number[] = [];

  async deleteTasks(taskIds: readonly number[]): Promise<void> {
    await this.request();
    if (taskIds.length > PAGE_SIZE) throw new Error('more than 50 deletions in one request');
    for (const [itemId, list] of this.tasks) {
      this.tasks.set(
        itemId,
        list.filter((task) => !taskIds.includes(task.id)),
      );
    }
    this.deleted.push(...taskIds);
  }

  async createBatch(_entityTypeId: number, drafts: readonly TaskDraft[]): Promise<CreateOutcome[]> {
    await this.request();
    this.createCalls += 1;
    if (drafts.length > PAGE_SIZE) throw new Error('Max batch length exceeded');
    const fault = this.createFaults.shift();
    if (fault === 'rate-limited') throw new BulkStepError('rate-limited', 'Too many requests');
    if (typeof fault === 'object' && 'reloadAfter' in fault) {
      for (const draft of drafts.slice(0, fault.reloadAfter)) this.store(draft, true);
      return new Promise<never>(() => {});
    }
    if (fault === 'resent-by-browser') for (const draft of drafts) this.store(draft, true);
    const rateLimited = typeof fault === 'object' && 'rateLimitCommands' in fault ? fault.rateLimitCommands : 0;
    const rejected = new Set(typeof fault === 'object' && 'rejectItems' in fault ? fault.rejectItems : []);
    const outcomes = drafts.map((draft, index): CreateOutcome => {
      if (index < rateLimited)
        return { itemId: draft.itemId, kind: 'failed', reason: 'rate-limited', message: 'Too many requests' };
      if (rejected.has(draft.itemId)) {
        return { itemId: draft.itemId, kind: 'failed', reason: 'rejected', message: 'Task title is not specified' };
      }
      return { itemId: draft.itemId, kind: 'created', taskId: this.store(draft, true).id };
    });
    if (fault === 'dropped-after-write') throw new Error('Network Error');
    if (fault === 'reload-after-write') return new Promise<never>(() => {});
    return outcomes;
  }

  private store(draft: Omit<TaskDraft, 'itemId'> & { itemId: number }, open: boolean): StoredTask {
    const task: StoredTask = { ...draft, id: (this.nextTaskId += 1), open };
    const list = this.tasks.get(draft.itemId) ?? [];
    list.push(task);
    this.tasks.set(draft.itemId, list);
    return task;
  }

  now(): number {
    return this.clockMs;
  }

  readonly sleeps: number[] = [];

  async sleep(milliseconds: number, signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    this.sleeps.push(milliseconds);
    this.clockMs += milliseconds;
  }
}
