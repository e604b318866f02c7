/**
 * An in-memory portal behind the bulk runner's own ports (not the SDK): items generated on
 * demand (10,000 cost nothing until read), tasks linked by item, faults on demand, a virtual
 * clock, and counters of what the runner asked for. Every handed-out item is a fresh object
 * the portal does not keep, so a test can count how many the runner still holds.
 */
import {
  BulkStepError,
  commandsOf,
  PAGE_SIZE,
  type BulkItem,
  type BulkPorts,
  type BulkTaskDraft,
  type CreateOutcome,
  type ExistingQuery,
  type LinkedTaskFacts,
  type RunnerClock,
} from '../bulk-ports';
import type { BulkItemFilter } from '../item-filter';
import { carriesRunMarker } from '../run-marker';

export interface StoredTask {
  id: number;
  itemId: number;
  title: string;
  description: string;
  responsibleId: number;
  deadline: string | null;
  open: boolean;
  /** From its XML_ID: the playbook template it was made from; null when none. */
  templateKey: string | null;
  checklist: string[];
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

type StoredDraft = Pick<BulkTaskDraft, 'itemId' | 'title' | 'description' | 'responsibleId' | 'deadline'> &
  Partial<Pick<BulkTaskDraft, 'templateKey' | 'checklist'>>;

const EXISTING: StoredDraft = { itemId: 0, title: 'Existing', description: '', responsibleId: 1, deadline: null };

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

  /** Tasks of the run by item and template key (`<itemId>:<key>`): more than 1 is a duplicate. */
  runTasksByKey(runId: string): Map<string, number> {
    const perSlot = new Map<string, number>();
    for (const [itemId, list] of this.tasks) {
      for (const task of list) {
        if (!carriesRunMarker(task.description, runId)) continue;
        const slot = `${itemId}:${task.templateKey ?? ''}`;
        perSlot.set(slot, (perSlot.get(slot) ?? 0) + 1);
      }
    }
    return perSlot;
  }

  /** Template keys of every task an item has (any run, any status), sorted. */
  templateKeysOf(itemId: number): string[] {
    return (this.tasks.get(itemId) ?? [])
      .map((task) => task.templateKey)
      .filter((key): key is string => key !== null)
      .sort();
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
    this.store({ ...EXISTING, itemId }, true);
  }

  /** A task of a playbook template someone made earlier (a click in the card, another run). */
  addTemplateTask(itemId: number, templateKey: string, options: { open?: boolean } = {}): void {
    this.store({ ...EXISTING, itemId, templateKey }, options.open ?? true);
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

  async findExisting(query: ExistingQuery): Promise<ReadonlyMap<number, LinkedTaskFacts>> {
    await this.read();
    const { itemIds, runId, alsoRunTasksOf = [] } = query;
    if (itemIds.length > PAGE_SIZE || alsoRunTasksOf.length > PAGE_SIZE)
      throw new Error('more than 50 items in one re-check');
    const facts = new Map<number, LinkedTaskFacts>();
    for (const itemId of [...alsoRunTasksOf, ...itemIds]) {
      const list = this.tasks.get(itemId) ?? [];
      const own = runId === null ? [] : list.filter((task) => carriesRunMarker(task.description, runId));
      facts.set(itemId, {
        runTasks: own
          .map((task) => ({ taskId: task.id, templateKey: task.templateKey }))
          .sort((a, b) => a.taskId - b.taskId),
        // The previous page's items too: another run may have given them a task meanwhile.
        otherTasks: list
          .filter((task) => !own.includes(task) && (query.others === 'all' || task.open))
          .map((task) => ({ taskId: task.id, open: task.open, templateKey: task.templateKey }))
          .sort((a, b) => a.taskId - b.taskId),
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

  /** Commands of every create request, in order. */
  readonly createCommands: number[] = [];

  async createBatch(_entityTypeId: number, drafts: readonly BulkTaskDraft[]): Promise<CreateOutcome[]> {
    await this.request();
    this.createCalls += 1;
    const commands = drafts.reduce((sum, draft) => sum + commandsOf(draft), 0);
    this.createCommands.push(commands);
    if (commands > PAGE_SIZE) throw new Error('Max batch length exceeded');
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
      const { itemId, templateKey } = draft;
      if (index < rateLimited)
        return { itemId, templateKey, kind: 'failed', reason: 'rate-limited', message: 'Too many requests' };
      if (rejected.has(draft.itemId)) {
        return { itemId, templateKey, kind: 'failed', reason: 'rejected', message: 'Task title is not specified' };
      }
      return { itemId, templateKey, kind: 'created', taskId: this.store(draft, true).id };
    });
    if (fault === 'dropped-after-write') throw new Error('Network Error');
    if (fault === 'reload-after-write') return new Promise<never>(() => {});
    return outcomes;
  }

  private store(draft: StoredDraft, open: boolean): StoredTask {
    const task: StoredTask = {
      id: (this.nextTaskId += 1),
      itemId: draft.itemId,
      title: draft.title,
      description: draft.description,
      responsibleId: draft.responsibleId,
      deadline: draft.deadline,
      open,
      templateKey: draft.templateKey ?? null,
      checklist: [...(draft.checklist ?? [])],
    };
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
