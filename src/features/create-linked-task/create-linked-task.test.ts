import { describe, expect, it } from 'vitest';
import { createIntentStore, LATE_LANDING_WINDOW_MS, memoryStorage } from '../../domain/create-intent';
import type { RestTask } from '../../bitrix';
import type { TaskDraft } from '../../domain/task-draft';
import { createFakeBoundary, portalError } from '../../testing/fake-boundary';
import { fakeCrm, fakeCrmHandlers } from '../../testing/fake-crm';
import { fakeTaskHandlers, fakeTaskStore } from '../../testing/fake-tasks';
import {
  CreateFailedError,
  CreateNotLandedError,
  CreateTargetGoneError,
  CreateUnconfirmedError,
  createLinkedTask,
  recheckRecentKeys,
  settlePendingCreate,
  type CreateDependencies,
} from './create-linked-task';

const draft: TaskDraft = {
  title: 'Equipment Purchase: Washing Machine',
  description: 'From the CRM',
  responsibleId: 2,
  participantIds: [],
  deadline: null,
  priority: 'medium',
};
const input = {
  entityTypeId: 177,
  itemId: 29,
  linkCode: 'Tb1_29',
  itemUrl: 'https://portal.example.com/crm/type/177/details/29/',
  itemLabel: 'Washing Machine',
  draft,
  currentUserId: 1,
};
const CREATE_BATCH = ['crm.item.get', 'tasks.task.add', 'tasks.task.get', 'tasks.task.list'];

/**
 * A fake portal whose clock (`clock`, ms) is the one the app must use; the tasks it creates are
 * stamped with it, and `sleep` moves it on.
 */
function setUp(storage = memoryStorage(), userId = 1) {
  let clock = Date.parse('2026-11-30T10:00:00Z');
  const store = fakeTaskStore({ now: () => clock, currentUserId: userId });
  const crm = fakeCrm();
  const boundary = createFakeBoundary({ ...fakeCrmHandlers(crm), ...fakeTaskHandlers(store) });
  const deps: CreateDependencies = {
    boundary,
    intents: createIntentStore(storage, { portal: 'member-1', userId }),
    now: () => clock,
    sleep: async (ms) => {
      clock += ms;
    },
  };
  return { store, crm, boundary, deps, storage, advance: (ms: number) => (clock += ms) };
}

const methodsOf = (boundary: ReturnType<typeof createFakeBoundary>) => boundary.roundTrips.map((trip) => trip.methods);

describe('createLinkedTask', () => {
  it('checks the item, creates the task linked to it and verifies the link in one round trip', async () => {
    const { store, boundary, deps } = setUp();
    const created = await createLinkedTask(deps, input);
    expect(store.tasks).toHaveLength(1);
    expect(store.tasks[0]!.ufCrmTask).toEqual(['Tb1_29']);
    expect(created).toMatchObject({
      linkKept: true,
      recovered: false,
      fromEarlierClick: false,
      task: { title: draft.title },
    });
    expect(boundary.roundTrips).toEqual([{ kind: 'batch', methods: CREATE_BATCH }]);
  });

  it('removes the copy a browser made by resending the request, keeping one task', async () => {
    const { store, boundary, deps } = setUp();
    boundary.resendNextRoundTrip();
    const created = await createLinkedTask(deps, input);
    expect(store.tasks).toHaveLength(1);
    expect(created.task.id).toBe(1001);
    expect(created.duplicatesLeft).toBe(0);
    expect(methodsOf(boundary)).toEqual([CREATE_BATCH, ['tasks.task.delete']]);
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
    expect(created).toMatchObject({ recovered: true, fromEarlierClick: false });
    expect(created.task.id).toBe(Number(store.tasks[0]!.id));
    // and a second click afterwards is a new, deliberate task
    await createLinkedTask(deps, input);
    expect(store.tasks).toHaveLength(2);
  });

  it('finds its task although the item’s title carries another request key (portal text is not the app’s mark)', async () => {
    const { store, boundary, deps } = setUp();
    const posing =
      'Washing Machine https://portal.example.com/?smart_tasks_request=ffffffff-0000-4000-8000-000000000000';
    boundary.failNextRoundTrip(portalError('network', 'NETWORK_ERROR', 0), { afterRunning: true });
    const created = await createLinkedTask(deps, {
      ...input,
      itemLabel: posing,
      draft: { ...draft, description: `Task for Equipment Purchase “${posing}”.` },
    });
    expect(created.recovered).toBe(true);
    expect(store.tasks).toHaveLength(1);
  });

  it('finds its task after a lost answer although the user created more than a page of other tasks since (a bulk run)', async () => {
    const { store, boundary, deps } = setUp();
    const list = fakeTaskHandlers(store)['tasks.task.list']!;
    const add = fakeTaskHandlers(store)['tasks.task.add']!;
    let bulkRan = false;
    // The portal answers one page (50) of a list.
    boundary.setHandler('tasks.task.list', async (params) => {
      if (!bulkRan && store.tasks.length > 0) {
        // Between the click and its lookup, a bulk run of the same user creates 60 tasks for other items.
        bulkRan = true;
        for (let index = 0; index < 60; index += 1)
          await add({ fields: { TITLE: `Boiler check ${index}`, RESPONSIBLE_ID: 2, UF_CRM_TASK: ['Tb7_1'] } });
      }
      const answer = (await list(params)) as { result: { tasks: RestTask[] }; total: number };
      return { result: { tasks: answer.result.tasks.slice(0, 50) }, total: answer.total };
    });
    boundary.failNextRoundTrip(portalError('network', 'NETWORK_ERROR', 0), { afterRunning: true });
    const click = createLinkedTask(deps, input);
    const created = await click;
    expect(created.recovered).toBe(true);
    expect(store.tasks.filter((task) => task.title === draft.title)).toHaveLength(1);
  });

  it('a connection dropped before the write: says nothing arrived at once, and the next click sends without waiting', async () => {
    const { store, boundary, deps } = setUp();
    boundary.failNextRoundTrip(portalError('network', 'NETWORK_ERROR', 0));
    const started = deps.now();
    await expect(createLinkedTask(deps, input)).rejects.toBeInstanceOf(CreateNotLandedError);
    expect(deps.now() - started).toBeLessThan(10_000);
    expect(store.tasks).toHaveLength(0);

    const key = deps.intents.pending('177:29')!.key;
    const created = await createLinkedTask(deps, input);
    expect(created).toMatchObject({ recovered: false, fromEarlierClick: false });
    expect(deps.now() - started).toBeLessThan(10_000);
    expect(store.tasks).toHaveLength(1);
    // The same key: should the first request still land, it is a copy of this one.
    expect(store.tasks[0]!.description).toContain(`smart_tasks_request=${key}`);
  });

  it('a write that lands late leaves one task: the re-check after the landing window deletes the newer copy', async () => {
    const { store, boundary, deps, advance } = setUp();
    // The SDK gave up (30 s); the portal is still working on the first request.
    boundary.failNextRoundTrip(portalError('timeout', 'REQUEST_TIMEOUT', 408));
    await expect(createLinkedTask(deps, input)).rejects.toBeInstanceOf(CreateNotLandedError);
    advance(20_000);
    const created = await createLinkedTask(deps, input);
    // ...and now the first request lands, with the same key.
    advance(30_000);
    await fakeTaskHandlers(store)['tasks.task.add']!({
      fields: {
        TITLE: draft.title,
        RESPONSIBLE_ID: 2,
        DESCRIPTION: store.tasks[0]!.description,
        UF_CRM_TASK: ['Tb1_29'],
      },
    });
    expect(store.tasks).toHaveLength(2);

    // Still inside the window: a search removes the copy, and the key is kept for one more.
    expect((await recheckRecentKeys(deps, 1)).deleted).toEqual([1002]);
    expect(deps.intents.recent()).toHaveLength(1);
    advance(LATE_LANDING_WINDOW_MS);
    expect(await recheckRecentKeys(deps, 1)).toEqual({ deleted: [], targets: [], left: 0 });
    expect(deps.intents.recent()).toEqual([]);
    expect(store.tasks.map((task) => Number(task.id))).toEqual([created.task.id]);
  });

  it('a late copy that appears only after the click is found on the next search, then the key is forgotten', async () => {
    const { store, boundary, deps, advance } = setUp();
    boundary.failNextRoundTrip(portalError('timeout', 'REQUEST_TIMEOUT', 408));
    await expect(createLinkedTask(deps, input)).rejects.toBeInstanceOf(CreateNotLandedError);
    await createLinkedTask(deps, input);
    advance(LATE_LANDING_WINDOW_MS - 5_000);
    await fakeTaskHandlers(store)['tasks.task.add']!({
      fields: {
        TITLE: draft.title,
        RESPONSIBLE_ID: 2,
        DESCRIPTION: store.tasks[0]!.description,
        UF_CRM_TASK: ['Tb1_29'],
      },
    });
    advance(10_000);
    const report = await recheckRecentKeys(deps, 1);
    expect(report).toEqual({ deleted: [1002], targets: ['177:29'], left: 0 });
    expect(store.tasks).toHaveLength(1);
    expect(deps.intents.recent()).toEqual([]);
  });

  it('keeps the task the user was told about, even when the late copy got the lower id', async () => {
    const { store, boundary, deps, advance } = setUp();
    boundary.failNextRoundTrip(portalError('timeout', 'REQUEST_TIMEOUT', 408));
    await expect(createLinkedTask(deps, input)).rejects.toBeInstanceOf(CreateNotLandedError);
    const told = await createLinkedTask(deps, input);
    // A portal that numbered the late request first (its id taken before it finished).
    store.tasks.unshift({ ...store.tasks[0]!, id: '999', createdDate: new Date(deps.now()).toISOString() });
    advance(LATE_LANDING_WINDOW_MS);
    expect((await recheckRecentKeys(deps, 1)).deleted).toEqual([999]);
    expect(store.tasks.map((task) => Number(task.id))).toEqual([told.task.id]);
  });

  it('says "not sure" only when the portal cannot be searched, and the next click looks before it sends', async () => {
    const { store, boundary, deps } = setUp();
    boundary.failNextRoundTrip(portalError('network', 'NETWORK_ERROR', 0), { afterRunning: true });
    boundary.setHandler('tasks.task.list', () => {
      throw portalError('network', 'NETWORK_ERROR', 0);
    });
    await expect(createLinkedTask(deps, input)).rejects.toBeInstanceOf(CreateUnconfirmedError);
    expect(store.tasks).toHaveLength(1);

    boundary.setHandler('tasks.task.list', fakeTaskHandlers(store)['tasks.task.list']!);
    const again = await createLinkedTask(deps, { ...input, draft: { ...draft, title: 'Second version' } });
    expect(again).toMatchObject({ recovered: true, fromEarlierClick: true, task: { title: draft.title } });
    expect(store.tasks).toHaveLength(1);
  });

  it('concludes at once when the portal answered with an internal error and made nothing', async () => {
    const { store, boundary, deps, storage } = setUp();
    boundary.failNextRoundTrip(portalError('server', 'INTERNAL_SERVER_ERROR', 500));
    await expect(createLinkedTask(deps, input)).rejects.toBeInstanceOf(CreateFailedError);
    expect(methodsOf(boundary)).toEqual([CREATE_BATCH, ['tasks.task.list', 'tasks.task.list']]);
    expect(storage.getItem('smart-tasks:create-intent:member-1:user-1:177:29')).toBeNull();
    await createLinkedTask(deps, input);
    expect(store.tasks).toHaveLength(1);
  });

  it('reports the portal’s refusal and remembers nothing', async () => {
    const { store, deps, storage } = setUp();
    await expect(createLinkedTask(deps, { ...input, draft: { ...draft, title: '' } })).rejects.toSatisfy(
      (error: unknown) =>
        error instanceof CreateFailedError && error.reason.portalDescription === 'Task title is not specified',
    );
    expect(store.tasks).toHaveLength(0);
    expect(storage.getItem('smart-tasks:create-intent:member-1:user-1:177:29')).toBeNull();
  });

  it('treats a refused round trip (rate limit) as not created', async () => {
    const { store, boundary, deps } = setUp();
    boundary.failNextRoundTrip(portalError('rate-limit', 'QUERY_LIMIT_EXCEEDED', 503));
    await expect(createLinkedTask(deps, input)).rejects.toBeInstanceOf(CreateFailedError);
    await createLinkedTask(deps, input);
    expect(store.tasks).toHaveLength(1);
  });

  it('a session that ended (token refresh refused) is a definite failure: nothing was sent, nothing is looked up', async () => {
    const { store, boundary, deps } = setUp();
    boundary.failNextRoundTrip(portalError('auth-expired', 'JSSDK_FRAME_REFRESH_AUTH_TIMEOUT', 401));
    await expect(createLinkedTask(deps, input)).rejects.toSatisfy(
      (error: unknown) => error instanceof CreateFailedError && error.reason.kind === 'auth-expired',
    );
    expect(methodsOf(boundary)).toEqual([CREATE_BATCH]);
    expect(deps.intents.pending('177:29')).toBeNull();
    expect(store.tasks).toHaveLength(0);
  });

  it('creates nothing for a deleted item, and says the item is gone', async () => {
    const { store, crm, deps } = setUp();
    crm.items = [];
    await expect(createLinkedTask(deps, input)).rejects.toSatisfy(
      (error: unknown) => error instanceof CreateTargetGoneError && error.gone === 'item',
    );
    expect(store.tasks).toHaveLength(0);
    expect(deps.intents.pending('177:29')).toBeNull();
  });

  it('creates nothing when the whole smart process was deleted, and says so', async () => {
    const { store, crm, boundary, deps } = setUp();
    crm.items = [];
    boundary.setHandler('crm.type.getByEntityTypeId', () => {
      throw portalError('not-found', 'NOT_FOUND', 400, 'Smart process not found');
    });
    await expect(createLinkedTask(deps, input)).rejects.toSatisfy(
      (error: unknown) => error instanceof CreateTargetGoneError && error.gone === 'smart-process',
    );
    expect(store.tasks).toHaveLength(0);
  });

  it('keeps users apart: user 1’s pending click does not hold up user 3 in the same browser', async () => {
    const storage = memoryStorage();
    const olivia = setUp(storage, 1);
    olivia.boundary.failNextRoundTrip(portalError('network', 'NETWORK_ERROR', 0));
    olivia.boundary.setHandler('tasks.task.list', () => {
      throw portalError('network', 'NETWORK_ERROR', 0);
    });
    await expect(createLinkedTask(olivia.deps, input)).rejects.toBeInstanceOf(CreateUnconfirmedError);

    const sophie = setUp(storage, 3);
    const created = await createLinkedTask(sophie.deps, { ...input, currentUserId: 3 });
    expect(created.recovered).toBe(false);
    expect(methodsOf(sophie.boundary)).toEqual([CREATE_BATCH]);
    expect(olivia.deps.intents.pending('177:29')).not.toBeNull();
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

  it('looks for a few seconds only; a request not found stays pending, and the next click sends at once', async () => {
    const storage = memoryStorage();
    const { deps, store } = setUp(storage);
    deps.intents.begin('177:29', deps.now());
    const started = deps.now();
    expect(await settlePendingCreate(deps, 177, 29, 'Tb1_29', 1)).toBeNull();
    expect(deps.now() - started).toBeLessThan(10_000);
    expect(deps.intents.pending('177:29')).not.toBeNull();
    await createLinkedTask(deps, input);
    expect(store.tasks).toHaveLength(1);
  });
});
