import { describe, expect, it } from 'vitest';
import { BitrixError } from '../../bitrix';
import { createIntentStore, LATE_LANDING_WINDOW_MS, memoryStorage } from '../../domain/create-intent';
import type { RenderedTemplate } from '../../domain/playbooks/playbook-render';
import { requestKeyIn } from '../../domain/task-draft';
import { createFakeBoundary, portalError } from '../../testing/fake-boundary';
import { fakeCrm, fakeCrmHandlers, fakeItemListByStage } from '../../testing/fake-crm';
import { fakeTaskHandlers, fakeTaskStore } from '../../testing/fake-tasks';
import {
  CreateNotLandedError,
  CreateTargetGoneError,
  type CreateDependencies,
} from '../create-linked-task/create-linked-task';
import { recheckRecentKeys } from '../create-linked-task/request-key-search';
import {
  createPlaybookTasks,
  PlaybookStageMovedError,
  settlePendingPlaybook,
  type PlaybookCreateInput,
} from './create-playbook-tasks';

const rendered = (key: string, overrides: Partial<RenderedTemplate> = {}): RenderedTemplate => ({
  templateKey: key,
  draft: {
    title: `Task ${key} for Washing Machine`,
    description: `Do ${key}`,
    responsibleId: 2,
    participantIds: [],
    deadline: new Date('2026-12-02T15:00:00Z'),
    priority: 'high',
  },
  observerIds: [4],
  checklist: [`${key}: first`, `${key}: second`],
  responsibleProblem: null,
  peopleLeftOut: [],
  ...overrides,
});

const APPROVAL = 'DT177_7:CLIENT';
const input = (templates = [rendered('budget'), rendered('contract'), rendered('approve')]): PlaybookCreateInput => ({
  entityTypeId: 177,
  itemId: 29,
  linkCode: 'Tb1_29',
  itemUrl: 'https://portal.example.com/crm/type/177/details/29/',
  itemLabel: 'Washing Machine',
  currentUserId: 1,
  expectedStageId: APPROVAL,
  templates,
});

/** A fake portal whose clock (`clock`) stamps the tasks; crm.item.list filters the item by id and stage. */
function setUp(storage = memoryStorage()) {
  let clock = Date.parse('2026-11-30T10:00:00Z');
  const store = fakeTaskStore({ now: () => clock });
  const crm = fakeCrm();
  const boundary = createFakeBoundary({
    ...fakeCrmHandlers(crm),
    ...fakeTaskHandlers(store),
    'crm.item.list': fakeItemListByStage(crm),
  });
  const deps: CreateDependencies = {
    boundary,
    intents: createIntentStore(storage, { portal: 'member-1', userId: 1 }),
    now: () => clock,
    sleep: async (ms) => {
      clock += ms;
    },
  };
  return { store, crm, boundary, deps, storage, advance: (ms: number) => (clock += ms) };
}

const keysOf = (store: ReturnType<typeof fakeTaskStore>) => store.tasks.map((task) => task.xmlId).sort();

describe('createPlaybookTasks', () => {
  it('creates the 3 missing tasks, each linked, marked, with its checklist, deadline and observers, in ONE round trip', async () => {
    const { store, boundary, deps } = setUp();
    const result = await createPlaybookTasks(deps, input());
    expect(boundary.roundTrips).toHaveLength(1);
    expect(boundary.roundTrips[0]!.methods.length).toBeLessThanOrEqual(50);
    expect(keysOf(store)).toEqual([
      'smart-tasks:template:approve',
      'smart-tasks:template:budget',
      'smart-tasks:template:contract',
    ]);
    for (const task of store.tasks) {
      expect(task.ufCrmTask).toEqual(['Tb1_29']);
      expect(task.deadline).toBe('2026-12-02T18:00:00+03:00');
      expect(task.priority).toBe('2');
      expect(task.auditors).toEqual(['4']);
      expect(store.checklists.get(task.id)!.map((line) => line.title)).toHaveLength(2);
    }
    // One request key for the click, in every task's back link.
    expect(new Set(store.tasks.map((task) => requestKeyIn(task.description))).size).toBe(1);
    expect(result.tasks.map((entry) => [entry.templateKey, entry.source, entry.linkKept])).toEqual([
      ['budget', 'created', true],
      ['contract', 'created', true],
      ['approve', 'created', true],
    ]);
    expect(result).toMatchObject({ refused: null, notCreated: [], checklistMissing: [], duplicatesLeft: 0 });
  });

  it('a stale tab that still thinks a template is missing creates no second task: the portal’s read decides', async () => {
    const { store, deps } = setUp();
    await createPlaybookTasks(deps, input());
    // Another tab (or a list read before the first click) asks for the same templates again.
    const again = await createPlaybookTasks(deps, input());
    expect(store.tasks).toHaveLength(3);
    expect(again.tasks.map((entry) => entry.source)).toEqual(['already-linked', 'already-linked', 'already-linked']);
    expect(again.duplicatesLeft).toBe(0);
  });

  it('a request the browser resent (the batch ran twice) leaves one task per template', async () => {
    const { store, boundary, deps } = setUp();
    boundary.resendNextRoundTrip();
    const result = await createPlaybookTasks(deps, input());
    expect(keysOf(store)).toHaveLength(3);
    expect(result.tasks.map((entry) => entry.source)).toEqual(['created', 'created', 'created']);
  });

  it('a lost answer is looked up by the click’s key, with the browser’s clock 3 h off: 3 tasks, never 6', async () => {
    const { store, boundary, deps } = setUp();
    boundary.setPortalClockSkew(-3 * 3_600_000);
    boundary.failNextRoundTrip(portalError('timeout', 'TIMEOUT', 0), { afterRunning: true });
    const result = await createPlaybookTasks(deps, input());
    expect(store.tasks).toHaveLength(3);
    expect(result.tasks.map((entry) => entry.source)).toEqual(['recovered', 'recovered', 'recovered']);
    expect(result.notCreated).toEqual([]);
    expect(deps.intents.pending('177:29:playbook')).toBeNull();
  });

  it('a request that never arrived says so; the next click sends under the SAME key and makes 3', async () => {
    const { store, boundary, deps } = setUp();
    boundary.failNextRoundTrip(portalError('network', 'NETWORK', 0));
    await expect(createPlaybookTasks(deps, input())).rejects.toBeInstanceOf(CreateNotLandedError);
    expect(store.tasks).toHaveLength(0);
    const key = deps.intents.pending('177:29:playbook')!.key;
    await createPlaybookTasks(deps, input());
    expect(store.tasks).toHaveLength(3);
    expect(store.tasks.every((task) => requestKeyIn(task.description) === key)).toBe(true);
  });

  it('an earlier click that did land is found first: nothing is sent again', async () => {
    const { store, boundary, deps } = setUp();
    boundary.failNextRoundTrip(portalError('network', 'NETWORK', 0), { afterRunning: true });
    // The search right after the failure cannot reach the portal either.
    boundary.setHandler('tasks.task.list', () => {
      throw portalError('network', 'NETWORK', 0);
    });
    await expect(createPlaybookTasks(deps, input())).rejects.toThrow();
    boundary.setHandler('tasks.task.list', fakeTaskHandlers(store)['tasks.task.list']!);
    const trips = boundary.roundTrips.length;
    const result = await createPlaybookTasks(deps, input());
    expect(store.tasks).toHaveLength(3);
    expect(result.tasks.map((entry) => entry.source)).toEqual(['earlier-click', 'earlier-click', 'earlier-click']);
    expect(boundary.roundTrips.slice(trips).map((trip) => trip.methods)).toEqual([
      ['tasks.task.list', 'tasks.task.list'],
    ]);
  });

  it('creates nothing when the item left the stage the user saw, and names the new stage', async () => {
    const { store, crm, deps } = setUp();
    crm.items[0]!.stageId = 'DT177_7:SUCCESS';
    const failure = await createPlaybookTasks(deps, input()).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PlaybookStageMovedError);
    expect(failure).toMatchObject({ fromStageId: APPROVAL, toStageId: 'DT177_7:SUCCESS' });
    expect(store.tasks).toHaveLength(0);
  });

  it('creates nothing for a deleted item', async () => {
    const { store, crm, deps } = setUp();
    crm.items = [];
    await expect(createPlaybookTasks(deps, input())).rejects.toBeInstanceOf(CreateTargetGoneError);
    expect(store.tasks).toHaveLength(0);
  });

  it('a refused task stops the batch there: the tasks before it are whole, the rest is not created', async () => {
    const { store, boundary, deps } = setUp();
    const add = fakeTaskHandlers(store)['tasks.task.add']!;
    boundary.setHandler('tasks.task.add', (params) => {
      if (params.fields.XML_ID === 'smart-tasks:template:contract')
        throw new BitrixError({
          kind: 'access-denied',
          code: 'ERROR_CORE',
          status: 400,
          portalDescription: 'No access',
        });
      return add(params);
    });
    const result = await createPlaybookTasks(deps, input());
    expect(keysOf(store)).toEqual(['smart-tasks:template:budget']);
    expect(store.checklists.get(store.tasks[0]!.id)).toHaveLength(2);
    expect(result.refused?.templateKey).toBe('contract');
    expect(result.notCreated).toEqual(['contract', 'approve']);
  });

  it('a refused checklist line: its task stays and says which lines are missing; the templates after it wait for the next click', async () => {
    const { store, boundary, deps } = setUp();
    const addLine = fakeTaskHandlers(store)['task.checklistitem.add']!;
    boundary.setHandler('task.checklistitem.add', (params) => {
      if (params.FIELDS.TITLE.startsWith('contract'))
        throw new BitrixError({ kind: 'validation', code: 'ERROR_CORE', status: 400, portalDescription: 'Too long' });
      return addLine(params);
    });
    const result = await createPlaybookTasks(deps, input());
    expect(keysOf(store)).toEqual(['smart-tasks:template:budget', 'smart-tasks:template:contract']);
    expect(result.tasks.map((entry) => entry.templateKey)).toEqual(['budget', 'contract']);
    expect(result.refused?.templateKey).toBe('contract');
    expect(result.checklistMissing).toEqual([
      { templateKey: 'contract', taskId: Number(store.tasks[1]!.id), lines: 2 },
    ]);
    expect(result.notCreated).toEqual(['approve']);
    // The next click creates only what is still missing.
    boundary.setHandler('task.checklistitem.add', addLine);
    await createPlaybookTasks(deps, input([rendered('approve')]));
    expect(keysOf(store)).toHaveLength(3);
  });

  it('long checklists: the tasks go in the first batch (≤ 50 commands), the lines that did not fit follow', async () => {
    const { store, boundary, deps } = setUp();
    const long = (key: string) =>
      rendered(key, { checklist: Array.from({ length: 30 }, (_, index) => `${key} line ${index + 1}`) });
    const result = await createPlaybookTasks(deps, input([long('budget'), long('contract'), long('approve')]));
    expect(boundary.roundTrips.every((trip) => trip.methods.length <= 50)).toBe(true);
    expect(boundary.roundTrips[0]!.methods.filter((method) => method === 'tasks.task.add')).toHaveLength(3);
    expect(boundary.roundTrips).toHaveLength(2);
    for (const task of store.tasks) {
      const lines = store.checklists.get(task.id)!;
      expect(lines).toHaveLength(30);
      // In the playbook's order.
      expect([...lines].sort((a, b) => a.sortIndex - b.sortIndex).map((line) => line.title)).toEqual(
        Array.from({ length: 30 }, (_, index) => `${task.xmlId!.split(':')[2]} line ${index + 1}`),
      );
    }
    expect(result.checklistMissing).toEqual([]);
  });

  it('the late-copy re-check keeps one task PER TEMPLATE of a playbook click, not one per key', async () => {
    const { store, boundary, deps, advance } = setUp();
    boundary.failNextRoundTrip(portalError('timeout', 'TIMEOUT', 0), { afterRunning: true });
    await createPlaybookTasks(deps, input());
    expect(store.tasks).toHaveLength(3);
    // A copy of the same request lands late (a proxy resent it).
    const first = store.tasks[0]!;
    store.tasks.push({ ...first, id: '2001' });
    advance(LATE_LANDING_WINDOW_MS + 1_000);
    const report = await recheckRecentKeys(deps, 1, () => 'Tb1_29');
    expect(report.deleted).toEqual([2001]);
    expect(keysOf(store)).toEqual([
      'smart-tasks:template:approve',
      'smart-tasks:template:budget',
      'smart-tasks:template:contract',
    ]);
  });

  it('after a reload mid-request the next open searches all the while the batch may run, and the next click sends nothing more', async () => {
    const { store, boundary, deps } = setUp();
    boundary.failNextRoundTrip(portalError('network', 'NETWORK', 0), { afterRunning: true });
    boundary.setHandler('tasks.task.list', () => {
      throw portalError('network', 'NETWORK', 0);
    });
    await createPlaybookTasks(deps, input()).catch(() => undefined);
    boundary.setHandler('tasks.task.list', fakeTaskHandlers(store)['tasks.task.list']!);
    // The batch is still running on the portal: two of its tasks land only after the first search.
    const late = store.tasks.splice(1);
    const sleep = deps.sleep;
    deps.sleep = async (ms) => {
      store.tasks.push(...late.splice(0));
      await sleep(ms);
    };
    const found = await settlePendingPlaybook(deps, 177, 29, 'Tb1_29', 1);
    expect(found?.tasks.map((entry) => entry.templateKey).sort()).toEqual(['approve', 'budget', 'contract']);
    // It may still land: the key stays pending, so the next click looks first and sends nothing.
    expect(deps.intents.pending('177:29:playbook')).not.toBeNull();
    const trips = boundary.roundTrips.length;
    const again = await createPlaybookTasks(deps, input());
    expect(again.tasks.map((entry) => entry.source)).toEqual(['earlier-click', 'earlier-click', 'earlier-click']);
    expect(boundary.roundTrips.length - trips).toBe(1);
    expect(store.tasks).toHaveLength(3);
    expect(deps.intents.pending('177:29:playbook')).toBeNull();
  });

  it('a click left pending that can no longer land is settled on the next open', async () => {
    const { store, boundary, deps, advance } = setUp();
    boundary.failNextRoundTrip(portalError('network', 'NETWORK', 0));
    await expect(createPlaybookTasks(deps, input())).rejects.toBeInstanceOf(CreateNotLandedError);
    advance(LATE_LANDING_WINDOW_MS + 1_000);
    expect(await settlePendingPlaybook(deps, 177, 29, 'Tb1_29', 1)).toBeNull();
    expect(deps.intents.pending('177:29:playbook')).toBeNull();
    expect(store.tasks).toHaveLength(0);
  });
});
