import { describe, expect, it } from 'vitest';
import type { PlaybookTemplate } from '../playbooks/playbook';
import type { PlaybookPerson } from '../playbooks/playbook-render';
import { runBulk } from './bulk-runner';
import { newCheckpoint, parseCheckpoint, queueFailedForRetry, type BulkRunCheckpoint } from './checkpoint';
import type { BulkItemFilter } from './item-filter';
import { playbookPlan } from './playbook-plan';
import { runMarkerLine } from './run-marker';
import { InMemoryBulkPortal } from './testing/in-memory-bulk-portal';

const runId = 'smart-tasks-run-00112233aabbccdd';
const markerLine = runMarkerLine('Created by Smart Tasks in bulk, run', runId);
const stage: BulkItemFilter = {
  entityTypeId: 177,
  categoryId: 7,
  stageId: null,
  responsibleId: null,
  onlyWithoutOpenTask: false,
};

function template(key: string, overrides: Partial<PlaybookTemplate> = {}): PlaybookTemplate {
  return {
    key,
    title: `${key} {title}`,
    description: `About #{id} in {stage}`,
    responsible: { kind: 'user', userId: 2 },
    participantIds: [],
    observerIds: [],
    deadline: { unit: 'working-days', amount: 2, timeOfDay: '18:00' },
    priority: 'high',
    checklist: [],
    ...overrides,
  };
}

/** Three templates, two with checklists: 1 + 2, 1, 1 + 3 commands per item. */
const playbook = [
  template('call', { checklist: ['Dial', 'Log the call'] }),
  template('visit', { responsible: { kind: 'clicking-user' } }),
  template('offer', { checklist: ['Draft', 'Send', 'Follow up'], priority: 'low' }),
];
const keys = playbook.map((entry) => entry.key);
const currentUserId = 9;
const people = new Map<number, PlaybookPerson>(
  [1, 2, 3, 4].map((id) => [id, { name: `User ${id}`, active: true }] as const),
);

function plan(templates = playbook) {
  return playbookPlan({
    templates,
    currentUserId,
    markerLine,
    funnelName: 'Sales',
    smartProcessTitle: 'Deals',
    people,
    now: () => new Date('2026-11-30T10:00:00Z'),
    timeZone: 'Europe/Berlin',
  });
}

async function startRun(portal: InMemoryBulkPortal, templates = playbook): Promise<BulkRunCheckpoint> {
  return newCheckpoint({
    runId,
    filter: stage,
    template: null,
    playbook: { stageId: 'DT177_7:NEW', revision: 4, templates },
    currentUserId,
    markerLine,
    matched: await portal.countItems(stage),
    now: portal.now(),
  });
}

function run(portal: InMemoryBulkPortal, checkpoint: BulkRunCheckpoint, templates = playbook) {
  const saved: { last: string | null } = { last: null };
  const finished = runBulk(checkpoint, portal, portal, {
    plan: plan(templates),
    save: (value) => void (saved.last = JSON.stringify(value)),
  });
  return { finished, saved };
}

async function untilStuck(): Promise<void> {
  for (let turn = 0; turn < 50; turn += 1) await new Promise((resolve) => setTimeout(resolve, 0));
}

/** Every item holds exactly one task of each template (this run's or an earlier one): none missing, none twice. */
function expectEveryTemplateOnce(portal: InMemoryBulkPortal, itemCount: number): void {
  const wrong: Array<{ itemId: number; keys: string[] }> = [];
  for (let itemId = 1; itemId <= itemCount; itemId += 1) {
    const has = portal.templateKeysOf(itemId);
    if (has.join() !== [...keys].sort().join()) wrong.push({ itemId, keys: has });
  }
  expect(wrong).toEqual([]);
  expect([...portal.runTasksByKey(runId).values()].filter((count) => count > 1)).toEqual([]);
}

describe('a bulk run that applies a stage playbook', () => {
  it('gives each of 300 items the templates it is missing, with checklists, 50 commands per request at most', async () => {
    const portal = new InMemoryBulkPortal(300);
    // Some items have some of the templates already (made in the card, or completed long ago).
    portal.addTemplateTask(1, 'call');
    portal.addTemplateTask(2, 'call', { open: false });
    portal.addTemplateTask(2, 'offer');
    for (const key of keys) portal.addTemplateTask(3, key);
    // A task without a template key does not stand in for any template.
    portal.addOpenTask(4);

    const result = await run(portal, await startRun(portal)).finished;

    expect(result.status).toBe('finished');
    expect(result.counts).toEqual({
      created: 299,
      skipped: 1,
      failed: 0,
      copiesRemoved: 0,
      tasks: 300 * 3 - 1 - 2 - 3,
    });
    expectEveryTemplateOnce(portal, 300);
    // Item 1 got only "visit" and "offer"; item 3 nothing (skipped: it had them all).
    expect(
      portal.tasks
        .get(1)!
        .filter((task) => task.description.includes(runId))
        .map((task) => task.templateKey),
    ).toEqual(['visit', 'offer']);
    expect(result.skippedItems).toEqual([{ itemId: 3, itemTitle: 'Item 3', reason: 'has-templates' }]);
    const offer = portal.tasks.get(10)!.find((task) => task.templateKey === 'offer')!;
    expect(offer.title).toBe('offer Item 10');
    expect(offer.description).toBe(`About #10 in preparation\n\n${markerLine}`);
    expect(offer.checklist).toEqual(['Draft', 'Send', 'Follow up']);
    expect(offer.responsibleId).toBe(2);
    // Two working days later (Wed, Dec 2), 18:00 in Berlin.
    expect(offer.deadline).toBe('2026-12-02T17:00:00.000Z');
    expect(portal.tasks.get(10)!.find((task) => task.templateKey === 'visit')!.responsibleId).toBe(currentUserId);
    // 8 commands an item: six items (48 commands) a request, never past the batch limit.
    expect(Math.max(...portal.createCommands)).toBeLessThanOrEqual(50);
    expect(portal.createCommands.reduce((sum, commands) => sum + commands, 0)).toBe(
      300 * 8 - (1 + 2) * 2 - (1 + 3) - 8,
    );
    // The report names each task by its title (the last REPORT_LINK_LIMIT are listed).
    expect(result.created.find((link) => link.itemId === 290 && link.templateKey === 'call')?.taskTitle).toBe(
      'call Item 290',
    );
  });

  it('makes no task twice when answers are lost, requests are resent, the portal slows it down, or the page reloads', async () => {
    const portal = new InMemoryBulkPortal(300);
    portal.createFaults = [
      'dropped-after-write',
      'resent-by-browser',
      { rateLimitCommands: 4 },
      'rate-limited',
      { rejectItems: [] },
      'resent-by-browser',
      // The page reloads on the third page of items, after 4 of a request's tasks were written.
      ...Array.from({ length: 14 }, () => ({ rejectItems: [] })),
      { reloadAfter: 4 },
    ];
    const first = run(portal, await startRun(portal));
    await untilStuck();
    const restored = parseCheckpoint(first.saved.last)!;
    expect(restored.playbook?.templates.map((entry) => entry.key)).toEqual(keys);

    const resumed = await run(portal, restored).finished;

    expect(resumed.status).toBe('finished');
    expectEveryTemplateOnce(portal, 300);
    expect(resumed.counts).toMatchObject({ created: 300, skipped: 0, failed: 0, tasks: 900 });
    expect(resumed.counts.copiesRemoved).toBeGreaterThan(0);
  });

  it('counts each item and task once when paused in the middle of a page, reloaded and resumed', async () => {
    const portal = new InMemoryBulkPortal(12);
    // Item 3 has every template: skipped before the first request goes out.
    for (const key of keys) portal.addTemplateTask(3, key);
    const pause = new AbortController();
    const createBatch = portal.createBatch.bind(portal);
    // The user pauses while the first request (items 1, 2, 4…7) is under way.
    portal.createBatch = async (entityTypeId, drafts) => {
      const outcomes = await createBatch(entityTypeId, drafts);
      pause.abort();
      return outcomes;
    };
    const saved: { last: string | null } = { last: null };
    const paused = await runBulk(await startRun(portal), portal, portal, {
      plan: plan(),
      signal: pause.signal,
      save: (value) => void (saved.last = JSON.stringify(value)),
    });
    expect(paused.status).toBe('paused');
    expect(paused.counts).toMatchObject({ created: 6, skipped: 1, tasks: 18 });
    portal.createBatch = createBatch;

    // The page reloads: the run resumes from what the browser stored.
    const resumed = await run(portal, parseCheckpoint(saved.last)!).finished;

    expect(resumed.status).toBe('finished');
    expectEveryTemplateOnce(portal, 12);
    expect(resumed.counts).toEqual({ created: 11, skipped: 1, failed: 0, copiesRemoved: 0, tasks: 33 });
    expect(resumed.skippedItems.map((item) => item.itemId)).toEqual([3]);
    const taskIds = resumed.created.map((link) => link.taskId);
    expect(taskIds).toHaveLength(33);
    expect(new Set(taskIds).size).toBe(33);
    // Every task is listed by its title, none as a bare "task for the item".
    expect(resumed.created.filter((link) => link.taskTitle === undefined)).toEqual([]);
  });

  it('reports an item whose template the portal refuses, keeps its other tasks, and a retry makes only the refused one', async () => {
    const portal = new InMemoryBulkPortal(20);
    // The first request (items 1…6) is refused for item 2: all three of its templates.
    portal.createFaults = [{ rejectItems: [2] }];
    const result = await run(portal, await startRun(portal)).finished;

    expect(result.counts).toEqual({ created: 19, skipped: 0, failed: 1, copiesRemoved: 0, tasks: 57 });
    expect(result.failures).toEqual([
      { itemId: 2, itemTitle: 'Item 2', reason: 'rejected', message: 'Task title is not specified' },
    ]);

    const retried = await run(portal, queueFailedForRetry(result)).finished;
    expect(retried.counts).toEqual({ created: 20, skipped: 0, failed: 0, copiesRemoved: 0, tasks: 60 });
    expectEveryTemplateOnce(portal, 20);
  });

  it('counts a partly made item once: a retry finds the tasks made before it failed and does not count them again', async () => {
    const portal = new InMemoryBulkPortal(6);
    const first = await run(portal, await startRun(portal)).finished;
    expect(first.counts.tasks).toBe(18);
    // Pretend the run had failed item 2 after making its tasks (a later template refused).
    const failed: BulkRunCheckpoint = {
      ...first,
      counts: { ...first.counts, created: 5, failed: 1 },
      failures: [
        {
          itemId: 2,
          itemTitle: 'Item 2',
          reason: 'rejected',
          message: 'no',
          taskIds: portal.tasks.get(2)!.map((task) => task.id),
        },
      ],
    };
    const retried = await run(portal, queueFailedForRetry(failed)).finished;
    expect(retried.counts).toEqual({ created: 6, skipped: 0, failed: 0, copiesRemoved: 0, tasks: 18 });
    expect(retried.retryCounted).toEqual([]);
  });

  it('fails an item whose template names nobody to give the task to, and says why', async () => {
    const portal = new InMemoryBulkPortal(10);
    const templates = [template('call', { responsible: { kind: 'item-responsible' } })];
    const result = await run(portal, await startRun(portal, templates), templates).finished;
    // Items 5 and 10 have no responsible.
    expect(result.failures.map((failure) => [failure.itemId, failure.reason])).toEqual([
      [5, 'no-responsible'],
      [10, 'no-responsible'],
    ]);
    expect(result.counts).toMatchObject({ created: 8, failed: 2, tasks: 8 });
  });

  it('removes its task when another run made the same template for the item in the same moment (the older stays)', async () => {
    const portal = new InMemoryBulkPortal(100);
    const checkpoint = await startRun(portal);
    const other = { ...structuredClone(checkpoint), runId: 'smart-tasks-run-99887766554433aa', currentUserId: 3 };
    other.markerLine = runMarkerLine('Created by Smart Tasks in bulk, run', other.runId);
    const [first, second] = await Promise.all([
      runBulk(checkpoint, portal, portal, { plan: plan(), save: () => undefined }),
      runBulk(other, portal, portal, {
        plan: playbookPlan({ ...planContext(), markerLine: other.markerLine }),
        save: () => undefined,
      }),
    ]);
    for (let itemId = 1; itemId <= 100; itemId += 1) expect(portal.templateKeysOf(itemId)).toEqual([...keys].sort());
    expect(first.counts.tasks + second.counts.tasks).toBe(300);
    expect(first.counts.failed + second.counts.failed).toBe(0);
  });
});

function planContext() {
  return {
    templates: playbook,
    currentUserId,
    markerLine,
    funnelName: 'Sales',
    smartProcessTitle: 'Deals',
    people,
    now: () => new Date('2026-11-30T10:00:00Z'),
    timeZone: 'Europe/Berlin',
  };
}

describe('playbookPlan: the template’s BBCode', () => {
  it('keeps the admin’s tags, escapes the item’s title and the marker line, and says the text is BBCode', () => {
    const outcome = plan([template('bold', { description: '[b]Stage[/b] {title}' })]).draft(
      {
        id: 10,
        title: '[URL=https://evil.example]x[/URL]',
        responsibleId: 2,
        responsibleName: 'User 2',
        stageName: 'Prep',
        stageId: 'DT177_7:NEW',
      },
      'bold',
    );
    expect(outcome.ok && outcome.draft.descriptionBbcode).toBe(true);
    expect(outcome.ok && outcome.draft.description).toBe(
      `[b]Stage[/b] [\u2060URL=https:\u2060//evil.example]x[\u2060/URL]\n\n${markerLine}`,
    );
  });
});
