import { describe, expect, it } from 'vitest';
import { createIntentStore, INTENT_SETTLE_MS, memoryStorage } from '../domain/create-intent';
import type { TaskDraft } from '../domain/task-draft';
import { createFakeBoundary, portalError } from '../testing/fake-boundary';
import { fakeTaskHandlers, fakeTaskStore } from '../testing/fake-tasks';
import { CreateFailedError, CreateUnconfirmedError, createLinkedTask, settlePendingCreate, type CreateDependencies } from './create-linked-task';

const draft: TaskDraft = { title: 'Equipment Purchase: Washing Machine', description: 'From the CRM', responsibleId: 2, participantIds: [], deadline: null, priority: 'medium' };
const input = {
  entityTypeId: 177,
  itemId: 29,
  linkCode: 'Tb1_29',
  itemUrl: 'https://portal.example.com/crm/type/177/details/29/',
  itemLabel: 'Washing Machine',
  draft,
  currentUserId: 1,
};

function setUp(storage = memoryStorage()) {
  const store = fakeTaskStore();
  const boundary = createFakeBoundary(fakeTaskHandlers(store));
  let clock = 1_000_000;
  const deps: CreateDependencies = {
    boundary,
    intents: createIntentStore(storage, 'member-1'),
    now: () => clock,
    sleep: async (ms) => {
      clock += ms;
    },
  };
  return { store, boundary, deps, storage, advance: (ms: number) => (clock += ms) };
}

describe('createLinkedTask', () => {
  it('creates the task linked to the item and verifies the link in one round trip', async () => {
    const { store, boundary, deps } = setUp();
    const created = await createLinkedTask(deps, input);
    expect(store.tasks).toHaveLength(1);
    expect(store.tasks[0]!.ufCrmTask).toEqual(['Tb1_29']);
    expect(created).toMatchObject({ linkKept: true, recovered: false, task: { title: draft.title } });
    expect(boundary.roundTrips).toEqual([{ kind: 'batch', methods: ['tasks.task.add', 'tasks.task.get', 'tasks.task.list'] }]);
  });

  it('removes the copy a browser made by resending the request, keeping one task', async () => {
    const { store, boundary, deps } = setUp();
    boundary.resendNextRoundTrip();
    const created = await createLinkedTask(deps, input);
    expect(store.tasks).toHaveLength(1);
    expect(created.task.id).toBe(1001);
    expect(created.duplicatesLeft).toBe(0);
    expect(boundary.roundTrips.map((trip) => trip.methods)).toEqual([
      ['tasks.task.add', 'tasks.task.get', 'tasks.task.list'],
      ['tasks.task.delete'],
    ]);
  });

  it('leaves deliberate tasks with the same title alone', async () => {
    const { store, deps } = setUp();
    await createLinkedTask(deps, input);
    await createLinkedTask(deps, input);
    expect(store.tasks).toHaveLength(2);
  });

  it('says so when the portal dropped the link', async () => {
    const { store, deps } = setUp();
    store.linkableCodes.clear();
    const created = await createLinkedTask(deps, input);
    expect(created.linkKept).toBe(false);
  });

  it('finds the task instead of creating a second one when the connection dropped after the portal created it', async () => {
    const { store, boundary, deps } = setUp();
    boundary.failNextRoundTrip(portalError('network', 'NETWORK_ERROR', 0), { afterRunning: true });
    const created = await createLinkedTask(deps, input);
    expect(created.recovered).toBe(true);
    expect(created.task.id).toBe(Number(store.tasks[0]!.id));
    // and a second click afterwards is a new, deliberate task
    await createLinkedTask(deps, input);
    expect(store.tasks).toHaveLength(2);
  });

  it('creates nothing twice when the click is repeated after an unconfirmed outcome', async () => {
    const { store, boundary, deps, advance } = setUp();
    // The request never reached the portal, and the portal cannot be searched either.
    boundary.failNextRoundTrip(portalError('network', 'NETWORK_ERROR', 0));
    boundary.setHandler('tasks.task.list', () => {
      throw portalError('network', 'NETWORK_ERROR', 0);
    });
    await expect(createLinkedTask(deps, input)).rejects.toBeInstanceOf(CreateUnconfirmedError);
    expect(store.tasks).toHaveLength(0);

    // Connection back, the request may still be landing: the next click looks before it creates.
    boundary.setHandler('tasks.task.list', fakeTaskHandlers(store)['tasks.task.list']!);
    await expect(createLinkedTask(deps, input)).rejects.toBeInstanceOf(CreateUnconfirmedError);
    advance(INTENT_SETTLE_MS);
    const created = await createLinkedTask(deps, input);
    expect(created.recovered).toBe(false);
    expect(store.tasks).toHaveLength(1);
  });

  it('uses the same key for a retried request, so the retry is recognised', async () => {
    const { store, boundary, deps, advance } = setUp();
    boundary.failNextRoundTrip(portalError('timeout', 'REQUEST_TIMEOUT', 408));
    await expect(createLinkedTask(deps, input)).rejects.toBeInstanceOf(CreateUnconfirmedError);
    const pendingKey = deps.intents.pending('177:29')?.key;
    advance(INTENT_SETTLE_MS);
    await createLinkedTask(deps, input);
    expect(pendingKey).toBeTruthy();
    expect(store.tasks[0]!.description).toContain(`smart_tasks_request=${pendingKey}`);
    expect(store.tasks).toHaveLength(1);
  });

  it('concludes at once when the portal answered with an internal error and made nothing', async () => {
    const { store, boundary, deps, storage } = setUp();
    boundary.failNextRoundTrip(portalError('server', 'INTERNAL_SERVER_ERROR', 500));
    await expect(createLinkedTask(deps, input)).rejects.toBeInstanceOf(CreateFailedError);
    expect(boundary.roundTrips.map((trip) => trip.methods)).toEqual([['tasks.task.add', 'tasks.task.get', 'tasks.task.list'], ['tasks.task.list']]);
    expect(storage.getItem('smart-tasks:create-intent:member-1:177:29')).toBeNull();
    await createLinkedTask(deps, input);
    expect(store.tasks).toHaveLength(1);
  });

  it('reports the portal’s refusal and remembers nothing', async () => {
    const { store, deps, storage } = setUp();
    await expect(createLinkedTask(deps, { ...input, draft: { ...draft, title: '' } })).rejects.toSatisfy(
      (error: unknown) => error instanceof CreateFailedError && error.reason.portalDescription === 'Task title is not specified',
    );
    expect(store.tasks).toHaveLength(0);
    expect(storage.getItem('smart-tasks:create-intent:member-1:177:29')).toBeNull();
  });

  it('treats a refused round trip (rate limit) as not created', async () => {
    const { store, boundary, deps } = setUp();
    boundary.failNextRoundTrip(portalError('rate-limit', 'QUERY_LIMIT_EXCEEDED', 503));
    await expect(createLinkedTask(deps, input)).rejects.toBeInstanceOf(CreateFailedError);
    await createLinkedTask(deps, input);
    expect(store.tasks).toHaveLength(1);
  });
});

describe('settlePendingCreate (a reload cut the request off)', () => {
  it('finds the task the interrupted click created and forgets the key', async () => {
    const storage = memoryStorage();
    const first = setUp(storage);
    first.boundary.failNextRoundTrip(portalError('network', 'NETWORK_ERROR', 0), { afterRunning: true });
    first.boundary.setHandler('tasks.task.list', () => {
      throw portalError('network', 'NETWORK_ERROR', 0);
    });
    await expect(createLinkedTask(first.deps, input)).rejects.toBeInstanceOf(CreateUnconfirmedError);

    // The page reloads: a new boundary on the same portal, the same tab's storage.
    const reloaded = setUp(storage);
    reloaded.store.tasks.push(...first.store.tasks);
    const found = await settlePendingCreate(reloaded.deps, 177, 29, 'Tb1_29', 1);
    expect(found?.task.id).toBe(Number(first.store.tasks[0]!.id));
    expect(reloaded.deps.intents.pending('177:29')).toBeNull();
    await createLinkedTask(reloaded.deps, input);
    expect(reloaded.store.tasks).toHaveLength(2);
  });

  it('waits out a request that never landed, then lets the next click create', async () => {
    const storage = memoryStorage();
    const { deps, store } = setUp(storage);
    deps.intents.begin('177:29', deps.now());
    expect(await settlePendingCreate(deps, 177, 29, 'Tb1_29', 1)).toBeNull();
    expect(deps.intents.pending('177:29')).toBeNull();
    expect(store.tasks).toHaveLength(0);
  });
});
