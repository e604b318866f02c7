/**
 * Issue 7's "Done means": two tabs and two users on one 983-item bulk run (smart process 183,
 * funnel "Support", only items with no open linked task), without and with faults, and what the
 * portal holds after it: items left with no open linked task and items with two or more bulk
 * tasks, both must be 0.
 *
 * The story, as a tester would play it in one browser:
 * 1. user 1 starts the run in tab A; once ~100 tasks exist, opens the same panel in tab B
 *    (which must say "Running in another tab" and offer no Resume);
 * 2. user 3 opens the panel in the same browser (must not see user 1's run);
 * 3. user 3, on another computer, starts a run of the same funnel with the same filter;
 * 4. tab A is closed mid-run; tab B takes over (Resume); both runs finish.
 * User 3 cannot see tasks of user 1 in which they take no part (the portal's task rights), so two
 * separate runs of two users over the same items may both create: reported apart, as a limit.
 * With faults: 300 ms latency, three batch requests answered by a proxy's 503 page after the
 * portal ran them, five create commands refused with QUERY_LIMIT_EXCEEDED, two create requests
 * whose connection drops after the write.
 */
import type { FrameLocator } from '@playwright/test';
import { BULK_STAGE, portalRestClient, type PortalRest } from '../e2e/support/app';
import { openListToolbarApp } from '../e2e/support/portal';
import { confirmBulkRun } from '../e2e/support/bulk-run';

/** The start button: the exact number of tasks, or at most so many before they are counted. */
const START = /^Create (up to )?[1-9][\d,]* tasks?$/;
import type { FaultSettings } from '../portal/control-client';
import { atLatencies, type BenchEnvironment, type BenchResult } from './support/harness';

const SUPPORT = 11;

interface Variant {
  name: string;
  faults: FaultSettings;
}

const VARIANTS: Variant[] = [
  { name: 'two tabs, two users, 983 items, no faults (100 ms latency)', faults: { latencyMs: 100 } },
  {
    name: 'two tabs, two users, 983 items, with faults (300 ms latency, proxy 503 after write, 429/503 limits, dropped answers)',
    faults: {
      latencyMs: 300,
      fail: [
        { method: 'batch', count: 3, when: 'after', answer: 'proxy-html' },
        {
          method: 'tasks.task.add',
          count: 5,
          error: 'QUERY_LIMIT_EXCEEDED',
          status: 503,
          description: 'Too many requests',
        },
      ],
      drop: [{ method: 'tasks.task.add', count: 2, when: 'after' }],
    },
  },
];

async function supportItemIds(rest: PortalRest): Promise<number[]> {
  const ids: number[] = [];
  for (let afterId = 0; ;) {
    const page = await rest<{ items: Array<{ id: number }> }>('crm.item.list', {
      entityTypeId: BULK_STAGE.entityTypeId,
      select: ['id'],
      filter: { categoryId: SUPPORT, '>id': afterId },
      order: { id: 'ASC' },
      start: -1,
    });
    ids.push(...page.items.map((item) => item.id));
    if (page.items.length < 50) return ids;
    afterId = page.items.at(-1)!.id;
  }
}

/** Per item: open linked tasks (any), and tasks made by bulk runs. */
async function linkedTasks(
  rest: PortalRest,
  itemIds: readonly number[],
): Promise<{ open: Map<number, number>; bulk: Map<number, number>; perRun: Map<string, Map<number, number>> }> {
  const open = new Map<number, number>();
  const bulk = new Map<number, number>();
  const perRun = new Map<string, Map<number, number>>();
  for (let from = 0; from < itemIds.length; from += 50) {
    const codes = itemIds.slice(from, from + 50).map((id) => `Tb7_${id}`);
    for (let start = 0; ; start += 50) {
      const result = await rest<{
        tasks: Array<{ status?: string; description?: string; ufCrmTask?: string[] | false }>;
      }>('tasks.task.list', {
        filter: { UF_CRM_TASK: codes },
        select: ['ID', 'STATUS', 'DESCRIPTION', 'UF_CRM_TASK'],
        order: { ID: 'asc' },
        start,
      });
      for (const task of result.tasks) {
        for (const code of task.ufCrmTask || []) {
          if (!codes.includes(code)) continue;
          const id = Number(code.split('_')[1]);
          if (task.status !== '5') open.set(id, (open.get(id) ?? 0) + 1);
          const run = /smart-tasks-run-[0-9a-f]{16}/.exec(task.description ?? '')?.[0];
          if (run) {
            bulk.set(id, (bulk.get(id) ?? 0) + 1);
            const counts = perRun.get(run) ?? new Map<number, number>();
            counts.set(id, (counts.get(id) ?? 0) + 1);
            perRun.set(run, counts);
          }
        }
      }
      if (result.tasks.length < 50) break;
    }
  }
  return { open, bulk, perRun };
}

async function chooseSupport(panel: FrameLocator): Promise<void> {
  await panel.getByRole('combobox', { name: 'Funnel' }).selectOption({ label: 'Support' });
  await panel.getByRole('checkbox', { name: 'Only items with no open linked task' }).setChecked(true);
  await panel.getByRole('button', { name: START }).waitFor({ timeout: 60_000 });
}

async function createdIn(panel: FrameLocator): Promise<number> {
  return Number(/\d+/.exec((await panel.locator('[data-count="created"]').first().textContent()) ?? '')?.[0] ?? 0);
}

async function visible(panel: FrameLocator, text: string): Promise<boolean> {
  return (await panel.getByText(text).count()) > 0;
}

async function runVariant(environment: BenchEnvironment, variant: Variant): Promise<BenchResult> {
  const { control, browser, portal } = environment;
  await control.reset();
  await control.configure({ cost: 'instant', operatingLimitSeconds: null });
  const rest = portalRestClient(portal.origin, control);
  const itemIds = await supportItemIds(rest);

  const oliviaBrowser = await browser.newContext({ baseURL: portal.origin });
  const sophieBrowser = await browser.newContext({ baseURL: portal.origin });
  try {
    const tabA = await oliviaBrowser.newPage();
    const panelA = await openListToolbarApp(tabA, { entityTypeId: BULK_STAGE.entityTypeId });
    await chooseSupport(panelA);
    await control.setFaults(variant.faults);
    const started = performance.now();
    await confirmBulkRun(panelA, START);
    for (let waited = 0; (await createdIn(panelA)) < 100 && waited < 300; waited += 1) await tabA.waitForTimeout(200);

    const tabB = await oliviaBrowser.newPage();
    const panelB = await openListToolbarApp(tabB, { entityTypeId: BULK_STAGE.entityTypeId });
    await panelB
      .getByText('Running in another tab')
      .waitFor({ timeout: 30_000 })
      .catch(() => undefined);
    const secondTabFollows =
      (await visible(panelB, 'Running in another tab')) &&
      (await panelB.getByRole('button', { name: 'Resume' }).count()) === 0;

    // Another user of the same browser (the emulator's ?user=, as a shared computer would be).
    const tabC = await oliviaBrowser.newPage();
    const panelC = await openListToolbarApp(tabC, { entityTypeId: BULK_STAGE.entityTypeId, user: 3 });
    await panelC.getByRole('combobox', { name: 'Funnel' }).waitFor();
    const otherUserSeesRun =
      (await visible(panelC, 'Running in another tab')) || (await visible(panelC, 'The run is paused'));
    await tabC.close();

    // User 3, on another computer, runs the same funnel with the same filter at the same time.
    const tabD = await sophieBrowser.newPage();
    const panelD = await openListToolbarApp(tabD, { entityTypeId: BULK_STAGE.entityTypeId, user: 3 });
    await chooseSupport(panelD);
    await confirmBulkRun(panelD, START);

    await tabA.close();
    await panelB.getByText('The run is paused').waitFor({ timeout: 120_000 });
    await panelB.getByRole('button', { name: 'Resume' }).click();
    const reportB = panelB.getByTestId('bulk-report');
    await reportB.waitFor({ timeout: 30 * 60_000 });
    const seconds = (performance.now() - started) / 1000;
    const summaryB = ((await reportB.locator('.st-alert').first().textContent()) ?? '')
      .replace(/^Run finished/, '')
      .trim();
    const reportD = panelD.getByTestId('bulk-report');
    await reportD.waitFor({ timeout: 30 * 60_000 });
    const summaryD = ((await reportD.locator('.st-alert').first().textContent()) ?? '')
      .replace(/^Run finished/, '')
      .trim();

    await control.clearFaults();
    const { open, bulk, perRun } = await linkedTasks(rest, itemIds);
    const log = await control.requests();
    return {
      name: variant.name,
      metrics: {
        'items in funnel Support': itemIds.length,
        'second tab shows "Running in another tab", no Resume': secondTabFollows ? 'yes' : 'NO',
        'user 3 sees user 1’s run': otherUserSeesRun ? 'YES' : 'no',
        'user 1’s run (tab B after taking over)': summaryB,
        'user 3’s run at the same time (same filter)': summaryD,
        'items without an open linked task': itemIds.filter((id) => !open.has(id)).length,
        'items with two or more tasks of one run (tabs A+B)': Math.max(
          0,
          ...[...perRun.values()].map((counts) => [...counts.values()].filter((count) => count > 1).length),
        ),
        'items given a task by both users’ runs': [...bulk.values()].filter((count) => count > 1).length,
        'wall time of user 1’s run, s': Number(seconds.toFixed(1)),
        'requests dropped or refused (0/429/503)': log.filter(
          (entry) => entry.status === 0 || entry.status === 429 || entry.status === 503,
        ).length,
      },
    };
  } finally {
    await oliviaBrowser.close();
    await sophieBrowser.close();
  }
}

export default async function bulkConcurrencyBenchmark(): Promise<BenchResult[]> {
  return atLatencies(
    [0],
    async (environment) => {
      const results: BenchResult[] = [];
      for (const variant of VARIANTS) results.push(await runVariant(environment, variant));
      return results;
    },
    { cost: 'instant', timeScale: 1 },
  );
}
