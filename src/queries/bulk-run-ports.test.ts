/**
 * The bulk run over the boundary's ports, on a fake portal that costs time as a cloud portal
 * does: each tasks.task.add reports ~0.93 s of processing and the app's operating time for the
 * method (b24restdocs settings/performance/limits.md). The runner's clock is virtual and moves
 * the fake portal's clock with it, so ten minutes of portal time pass in milliseconds.
 */
import { describe, expect, it } from 'vitest';
import { BitrixError } from '../bitrix/errors';
import type { RestTask } from '../bitrix/rest-types';
import type { RunnerClock } from '../domain/bulk/bulk-ports';
import { runBulk, type BulkProgress } from '../domain/bulk/bulk-runner';
import { newCheckpoint } from '../domain/bulk/checkpoint';
import { peopleForItem, playbookPlan } from '../domain/bulk/playbook-plan';
import { runMarkerLine } from '../domain/bulk/run-marker';
import type { PlaybookTemplate } from '../domain/playbooks/playbook';
import type { PlaybookPerson } from '../domain/playbooks/playbook-render';
import { createFakeBoundary, type FakeBoundary } from '../testing/fake-boundary';
import { fakeTaskHandlers, fakeTaskStore } from '../testing/fake-tasks';
import { bulkRunPorts } from './bulk-run-ports';

const runId = 'smart-tasks-run-0123456789abcdef';
const ADD_SECONDS = 0.93;
const LIMIT_SECONDS = 480;

interface CloudPortal {
  boundary: FakeBoundary;
  clock: RunnerClock;
  tasks: Array<RestTask & { ufCrmTask: string[] }>;
  /** Per create batch: how many commands it carried. */
  batches: number[];
  /** Commands refused with OPERATION_TIME_LIMIT. */
  refused: number;
  /** The app's operating time of tasks.task.add, portal seconds, and when its oldest basket drops. */
  operating: { seconds: number; resetAt: number };
  /** Portal time now, ms. */
  now(): number;
}

/** `itemCount` items in funnel 11 of smart process 183; the operating window starts at `operatingSeconds`. */
function cloudPortal(
  itemCount: number,
  options: { operatingSeconds: number; resetInMs: number; blockAfterAdds?: number },
): CloudPortal {
  let virtualMs = 0;
  const portal: CloudPortal = {
    boundary: undefined as unknown as FakeBoundary,
    clock: {
      now: () => virtualMs,
      async sleep(milliseconds, signal) {
        signal?.throwIfAborted();
        virtualMs += milliseconds;
        portal.boundary.setPortalClockSkew(virtualMs);
      },
    },
    tasks: [],
    batches: [],
    refused: 0,
    operating: { seconds: options.operatingSeconds, resetAt: 0 },
    now: () => portal.boundary.portalNow(),
  };
  let adds = 0;
  let lastBatchOf = -1;
  const boundary = createFakeBoundary({
    'crm.item.list': ({ filter = {} }) => {
      const after = Number(filter['>id'] ?? 0);
      const ids = Array.from({ length: itemCount }, (_, index) => index + 1)
        .filter((id) => id > after)
        .slice(0, 50);
      return {
        items: ids.map((id) => ({
          id,
          title: `Request ${id}`,
          categoryId: 11,
          stageId: 'DT183_11:NEW',
          assignedById: 2,
        })),
      };
    },
    'tasks.task.list': ({ filter = {} }) => {
      const codes = ([] as unknown[]).concat(filter.UF_CRM_TASK ?? []).map(String);
      const tasks = portal.tasks.filter((task) => task.ufCrmTask.some((code) => codes.includes(code)));
      return { result: { tasks: tasks.slice(0, 50) }, total: tasks.length };
    },
    'tasks.task.add': ({ fields }) => {
      // The window moved on: the oldest basket dropped.
      if (portal.now() >= portal.operating.resetAt) {
        portal.operating = { seconds: Math.max(0, portal.operating.seconds - 120), resetAt: portal.now() + 60_000 };
      }
      const blocked =
        portal.operating.seconds > LIMIT_SECONDS ||
        (options.blockAfterAdds !== undefined && adds >= options.blockAfterAdds && portal.now() < blockedUntil);
      if (blocked) {
        portal.refused += 1;
        throw new BitrixError({
          kind: 'rate-limit',
          code: 'OPERATION_TIME_LIMIT',
          status: 429,
          portalDescription: 'Method is blocked due to operation time limit.',
        });
      }
      adds += 1;
      portal.operating.seconds += ADD_SECONDS;
      if (lastBatchOf !== boundary.roundTrips.length) {
        lastBatchOf = boundary.roundTrips.length;
        portal.batches.push(0);
      }
      portal.batches[portal.batches.length - 1]! += 1;
      const task = {
        id: String(9000 + portal.tasks.length),
        title: fields.TITLE,
        description: fields.DESCRIPTION ?? '',
        status: '2',
        createdBy: '1',
        ufCrmTask: fields.UF_CRM_TASK ?? [],
      };
      portal.tasks.push(task);
      return { task: { id: task.id, title: task.title } };
    },
  });
  portal.boundary = boundary;
  portal.operating.resetAt = boundary.portalNow() + options.resetInMs;
  const blockedUntil = portal.operating.resetAt;
  boundary.setCommandTime('tasks.task.add', () => ({
    processingSeconds: ADD_SECONDS,
    operatingSeconds: portal.operating.seconds,
    operatingResetAt: portal.operating.resetAt,
  }));
  return portal;
}

async function runOver(
  portal: CloudPortal,
  itemCount: number,
): Promise<{ result: Awaited<ReturnType<typeof runBulk>>; seen: BulkProgress[] }> {
  const seen: BulkProgress[] = [];
  const checkpoint = newCheckpoint({
    runId,
    filter: { entityTypeId: 183, categoryId: 11, stageId: null, responsibleId: null, onlyWithoutOpenTask: false },
    template: { title: 'Call {title}', description: '', responsible: { kind: 'item' }, deadline: null },
    currentUserId: 1,
    markerLine: runMarkerLine('Smart Tasks run', runId),
    matched: itemCount,
    now: portal.now(),
  });
  const ports = bulkRunPorts({
    boundary: portal.boundary,
    runId,
    entityTypeId: 183,
    shortCode: 'Tb7',
    currentUserId: 1,
    runStartedAt: checkpoint.startedAt,
    stageNames: new Map(),
    needsResponsibleNames: false,
    itemLabel: (item) => item.title,
  });
  const result = await runBulk(checkpoint, ports, portal.clock, {
    save: () => undefined,
    onProgress: (progress) => seen.push(progress),
  });
  return { result, seen };
}

function tasksPerItem(portal: CloudPortal): number[] {
  const perItem = new Map<string, number>();
  for (const task of portal.tasks) for (const code of task.ufCrmTask) perItem.set(code, (perItem.get(code) ?? 0) + 1);
  return [...perItem.values()];
}

describe('a bulk run on a portal that blocks tasks.task.add for its operating time (issue 8.7)', () => {
  it('stops calling the method until the portal’s reset time, says when it continues, and fails no item', async () => {
    // Other work of the app used the budget up: after 20 creates the method is blocked for 6 minutes.
    const portal = cloudPortal(100, { operatingSeconds: 0, resetInMs: 6 * 60_000, blockAfterAdds: 20 });
    const resetAt = portal.operating.resetAt;
    const { result, seen } = await runOver(portal, 100);

    expect(result.status).toBe('finished');
    expect(result.counts).toMatchObject({ created: 100, failed: 0 });
    expect(tasksPerItem(portal)).toEqual(Array(100).fill(1));
    // One refused request found the block; nothing was sent again before the reset.
    expect(portal.refused).toBeLessThanOrEqual(8);
    const waiting = seen.filter((progress) => progress.waitingFor === 'operating-limit');
    expect(waiting.length).toBeGreaterThan(0);
    expect(waiting[0]!.continuesAt).toBeGreaterThanOrEqual(resetAt);
    expect(waiting[0]!.continuesAt).toBeLessThanOrEqual(resetAt + 2_000);
  });
});

describe('a bulk run paced by the portal’s own feedback (issue 8)', () => {
  it('sends requests the portal finishes well inside the SDK’s 30 s and holds before the operating budget runs out', async () => {
    // 400 of 480 s already used in this window; the oldest basket drops in 3 minutes.
    const portal = cloudPortal(300, { operatingSeconds: 400, resetInMs: 3 * 60_000 });
    const { result, seen } = await runOver(portal, 300);

    expect(result.counts).toMatchObject({ created: 300, failed: 0 });
    expect(tasksPerItem(portal)).toEqual(Array(300).fill(1));
    // No request over 10 s of portal work; the first, unmeasured, one included.
    expect(Math.max(...portal.batches) * ADD_SECONDS).toBeLessThanOrEqual(10);
    // The run held (visibly) instead of meeting the 429 or the SDK's silent block.
    expect(portal.refused).toBe(0);
    expect(seen.some((progress) => progress.waitingFor === 'operating-limit' && progress.continuesAt !== null)).toBe(
      true,
    );
  });
});

describe('a bulk run that applies a stage playbook over the boundary', () => {
  const templates: PlaybookTemplate[] = ['call', 'visit', 'offer'].map((key, index) => ({
    key,
    title: `${key} {title}`,
    description: '',
    responsible: { kind: 'item-responsible' },
    participantIds: [],
    observerIds: index === 0 ? [3] : [],
    deadline: { unit: 'hours', amount: 4 },
    priority: 'high',
    checklist: Array.from({ length: index * 2 }, (_, line) => `Step ${line + 1}`),
  }));

  it('writes each task with its XML_ID and its checklist in one request, and makes nothing twice after lost answers and resent requests', async () => {
    const store = fakeTaskStore({ linkableCodes: new Set(['Tb7']) });
    const tasks = fakeTaskHandlers(store);
    const items = Array.from({ length: 60 }, (_, index) => ({
      id: index + 1,
      title: `Request ${index + 1}`,
      categoryId: 11,
      stageId: 'DT183_11:NEW',
      assignedById: 2,
      ufCrm7_1: 'x',
    }));
    const boundary = createFakeBoundary({
      ...tasks,
      'crm.item.list': ({ filter = {}, select = [] }) => {
        expect(select).toContain('*');
        const after = Number(filter['>id'] ?? 0);
        return { items: items.filter((item) => item.id > after).slice(0, 50) };
      },
      'user.get': ({ filter = {} }) =>
        ([] as unknown[])
          .concat(filter.ID ?? [])
          .map((id) => ({ ID: String(id), NAME: 'User', LAST_NAME: String(id), ACTIVE: true })),
      'tasks.task.list': ({ filter = {}, start = 0 }) => {
        const codes = ([] as unknown[]).concat(filter.UF_CRM_TASK ?? []).map(String);
        const matching = store.tasks.filter(
          (task) =>
            task.ufCrmTask.some((code) => codes.includes(code)) &&
            (filter.CREATED_BY === undefined || task.createdBy === String(filter.CREATED_BY)),
        );
        return { result: { tasks: matching.slice(start, start + 50) }, total: matching.length };
      },
    });
    store.now = () => boundary.portalNow();
    // Someone made item 7's "visit" in the card earlier.
    void tasks['tasks.task.add']!({
      fields: { TITLE: 'visit', RESPONSIBLE_ID: 2, UF_CRM_TASK: ['Tb7_7'], XML_ID: 'smart-tasks:template:visit' },
    });
    const people = new Map<number, PlaybookPerson>();
    const markerLine = runMarkerLine('Smart Tasks run', runId);
    const checkpoint = newCheckpoint({
      runId,
      filter: {
        entityTypeId: 183,
        categoryId: 11,
        stageId: 'DT183_11:NEW',
        responsibleId: null,
        onlyWithoutOpenTask: false,
      },
      template: null,
      playbook: { stageId: 'DT183_11:NEW', revision: 1, templates },
      currentUserId: 1,
      markerLine,
      matched: 60,
      now: boundary.portalNow(),
    });
    const ports = bulkRunPorts({
      boundary,
      runId,
      entityTypeId: 183,
      shortCode: 'Tb7',
      currentUserId: 1,
      runStartedAt: checkpoint.startedAt,
      stageNames: new Map([['DT183_11:NEW', 'New']]),
      needsResponsibleNames: false,
      itemLabel: (item) => item.title,
      playbook: { people, peopleOf: (item) => peopleForItem(templates, item) },
    });
    let creates = 0;
    const createBatch = ports.createBatch.bind(ports);
    ports.createBatch = (entityTypeId, drafts) => {
      creates += 1;
      // The second create request is written but its answer is lost; the fourth reaches the portal twice.
      if (creates === 2)
        boundary.failNextRoundTrip(new BitrixError({ kind: 'network', code: 'NETWORK_ERROR', status: 0 }), {
          afterRunning: true,
        });
      if (creates === 4) boundary.resendNextRoundTrip();
      return createBatch(entityTypeId, drafts);
    };
    const clock: RunnerClock = { now: () => 0, sleep: async () => undefined };
    const result = await runBulk(checkpoint, ports, clock, {
      save: () => undefined,
      plan: playbookPlan({
        templates,
        currentUserId: 1,
        markerLine,
        funnelName: 'Support',
        smartProcessTitle: 'Service Requests',
        people,
        now: () => new Date(boundary.portalNow()),
        timeZone: 'UTC',
      }),
    });

    expect(result.counts).toMatchObject({ created: 60, failed: 0, tasks: 179 });
    // The resent request's copies (tasks and their lines) were found and removed.
    expect(creates).toBeGreaterThan(4);
    expect(result.counts.copiesRemoved).toBeGreaterThan(0);
    const perSlot = new Map<string, number>();
    for (const task of store.tasks)
      for (const code of task.ufCrmTask)
        perSlot.set(`${code} ${task.xmlId}`, (perSlot.get(`${code} ${task.xmlId}`) ?? 0) + 1);
    expect(perSlot.size).toBe(180);
    expect([...perSlot.values()].filter((count) => count !== 1)).toEqual([]);
    // Each remaining "offer" task has its four lines once, in order; "call" its observer.
    const offers = store.tasks.filter((task) => task.xmlId === 'smart-tasks:template:offer');
    expect(offers).toHaveLength(60);
    for (const offer of offers)
      expect(store.checklists.get(offer.id)?.map((line) => line.title)).toEqual([
        'Step 1',
        'Step 2',
        'Step 3',
        'Step 4',
      ]);
    expect(store.tasks.find((task) => task.xmlId === 'smart-tasks:template:call')?.auditors).toEqual(['3']);
    // Every create request within 50 commands, and within ~6 s of cloud portal work.
    const createTrips = boundary.roundTrips.filter((trip) => trip.methods.includes('tasks.task.add'));
    expect(Math.max(...createTrips.map((trip) => trip.methods.length))).toBeLessThanOrEqual(50);
    for (const trip of createTrips) {
      const seconds = trip.methods.reduce((sum, method) => sum + (method === 'tasks.task.add' ? 0.934 : 0.248), 0);
      expect(seconds).toBeLessThanOrEqual(7);
    }
  });
});
