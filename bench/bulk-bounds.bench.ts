/**
 * Bulk linked tasks on a cloud portal (issue 8): a run over 500 items and over all 1,240 items of
 * smart process 183, with the emulator's `cloud` costs (tasks.task.add ≈ 0.934 s of portal work),
 * its operating-time limit (480 s per method per app in ten one-minute baskets, limits.md), the
 * default leaky bucket (2 requests/s, burst 50) and a time scale, so ~25 portal minutes pass in a
 * few. Reports the wall time (portal seconds) against the two lower bounds the portal sets:
 *
 * - operating bound: the creates' own work S = N × 0.934 s can use at most 480 s of every ten
 *   minutes, so T ≥ S + k × (600 − 480) with k = ⌈S / 480⌉ − 1 (each full budget costs the
 *   rest of its window idle);
 * - rate bound: Q requests through a bucket of 50 draining 2 per second take ≥ (Q − 50) / 2 s;
 *
 * and the ratio to the larger; requests over 10 portal seconds (must be 0), 429s and 503s met,
 * items with two tasks and items without one (both must be 0), items failed (must be 0).
 *
 * Time scale 8 by default (BENCH_TIME_SCALE overrides): the SDK paces requests by the machine's
 * clock (its bucket of 2/s), so a faster scale would measure the SDK's bucket, not the portal.
 */
import type { FrameLocator, Locator, Page } from '@playwright/test';
import { BULK_STAGE, fillBulkStage, portalRestClient, type PortalRest } from '../e2e/support/app';
import { countBulkTasksPerItem } from '../e2e/support/bulk-run';
import { openListToolbarApp } from '../e2e/support/portal';
import { atLatencies, inFreshPage, type BenchEnvironment, type BenchResult } from './support/harness';

/** tasks.task.add in the `cloud` profile (portal/rest/cost-model.ts, from tasks-task-add.md). */
const ADD_SECONDS = 0.934;
const OPERATING_LIMIT = 480;
const OPERATING_WINDOW = 600;
const BUCKET = { drainPerSecond: 2, burst: 50 };

interface Scenario {
  name: string;
  /** 500: funnel Field service, stage Technician on site filled up to 500; all: every item. */
  items: 500 | 'all';
}

const SCENARIOS: Scenario[] = [
  { name: 'bulk of 500 items, cloud portal', items: 500 },
  { name: 'bulk of all 1,240 items, cloud portal', items: 'all' },
];

/** Lower bound (portal s) that the operating budget sets on `creates` tasks.task.add in a row. */
export function operatingBound(creates: number, addSeconds = ADD_SECONDS): number {
  const work = creates * addSeconds;
  const fullBudgets = Math.max(0, Math.ceil(work / OPERATING_LIMIT) - 1);
  return work + fullBudgets * (OPERATING_WINDOW - OPERATING_LIMIT);
}

/** Lower bound (portal s) that the leaky bucket sets on `requests` requests. */
export function rateBound(requests: number): number {
  return Math.max(0, (requests - BUCKET.burst) / BUCKET.drainPerSecond);
}

async function itemIdsOf(rest: PortalRest, filter: Record<string, unknown>): Promise<number[]> {
  const ids: number[] = [];
  for (let afterId = 0; ;) {
    const page = await rest<{ items: Array<{ id: number }> }>('crm.item.list', {
      entityTypeId: BULK_STAGE.entityTypeId,
      select: ['id'],
      filter: { ...filter, '>id': afterId },
      order: { id: 'ASC' },
      start: -1,
    });
    ids.push(...page.items.map((item) => item.id));
    if (page.items.length < 50) return ids;
    afterId = page.items.at(-1)!.id;
  }
}

/**
 * One measured bulk run on `environment`'s portal: the cloud cost profile with OPERATING_LIMIT and
 * the BUCKET rate limit, the portal's counters cleared; then `start` is clicked, and the button
 * `confirmButton` picks in the confirmation (which sums the run up first); waits for the report.
 * Returns the wall time in portal seconds, the report's summary (without "Run finished") and the
 * portal's request log. Afterwards costs and limits are off: counting is not part of the run.
 */
export async function measuredRun(
  environment: BenchEnvironment,
  panel: FrameLocator,
  start: Locator,
  confirmButton: (confirm: Locator) => Locator,
): Promise<{ wall: number; summary: string; log: Awaited<ReturnType<BenchEnvironment['control']['requests']>> }> {
  const { control } = environment;
  await control.useCloudProfile({ timeScale: environment.costs.timeScale, operatingLimitSeconds: OPERATING_LIMIT });
  await control.configure({ rateLimit: BUCKET });
  await control.clearOperating();
  await control.clearRequests();
  const started = performance.now();
  await start.click();
  await confirmButton(panel.getByTestId('bulk-confirm')).click();
  const report = panel.getByTestId('bulk-report');
  await report.waitFor({ timeout: 60 * 60_000 });
  const wall = environment.portalSeconds(performance.now() - started);
  const summary = ((await report.locator('.st-alert').first().textContent()) ?? '').replace(/^Run finished/, '').trim();
  const log = await control.requests();
  await control.configure({ cost: 'instant', rateLimit: null, operatingLimitSeconds: null });
  return { wall, summary, log };
}

async function runOnce(
  environment: BenchEnvironment,
  page: Page,
  scenario: Scenario,
  itemIds: number[],
): Promise<BenchResult> {
  const { control } = environment;
  const panel = await openListToolbarApp(page, { entityTypeId: BULK_STAGE.entityTypeId });
  if (scenario.items === 500) {
    await panel.getByRole('combobox', { name: 'Funnel' }).selectOption({ label: 'Field service' });
    await panel.getByRole('combobox', { name: 'Stage' }).selectOption({ label: 'Technician on site' });
  }
  await panel.getByRole('checkbox', { name: 'Only items with no open linked task' }).setChecked(false);
  const start = panel.getByRole('button', { name: `Create ${itemIds.length.toLocaleString('en-US')} tasks` });
  await start.waitFor({ timeout: 120_000 });

  // The confirmation's own start button (it sums the run up before anything is created).
  const { wall, summary, log } = await measuredRun(environment, panel, start, (confirm) =>
    confirm.getByRole('button').first(),
  );
  const perItem = await countBulkTasksPerItem(portalRestClient(environment.portal.origin, control), itemIds);
  const creates = log.filter((entry) => entry.commands?.includes('tasks.task.add'));
  const createCommands = creates.reduce(
    (sum, entry) => sum + entry.commands!.filter((name) => name === 'tasks.task.add').length,
    0,
  );
  const created = Number(/(\d+) created/.exec(summary)?.[1] ?? 0);
  const bounds = { operating: operatingBound(created), rate: rateBound(log.length) };
  const bound = Math.max(bounds.operating, bounds.rate);
  return {
    name: `${scenario.name} (time scale ${environment.costs.timeScale})`,
    metrics: {
      'items in the run': itemIds.length,
      outcome: summary,
      'wall time, portal s': Number(wall.toFixed(0)),
      'operating bound (creates × 0.934 s in 480 s / 10 min), s': Number(bounds.operating.toFixed(0)),
      'rate bound ((requests − 50) / 2 per s), s': Number(bounds.rate.toFixed(0)),
      'wall time / larger bound': Number((wall / bound).toFixed(3)),
      requests: log.length,
      'create requests (tasks.task.add commands)': `${creates.length} (${createCommands})`,
      'requests over 10 portal s': log.filter((entry) => (entry.duration ?? 0) > 10).length,
      'longest request, portal s': Number(Math.max(0, ...log.map((entry) => entry.duration ?? 0)).toFixed(1)),
      '429 met (OPERATION_TIME_LIMIT or other)':
        log.filter((entry) => entry.status === 429).length +
        log.reduce((sum, entry) => sum + (entry.operationTimeLimited ?? 0), 0),
      '503 met': log.filter((entry) => entry.status === 503).length,
      'items with two or more tasks': [...perItem.values()].filter((count) => count > 1).length,
      'items without a task': itemIds.filter((id) => !perItem.has(id)).length,
      'items failed': Number(/(\d+) failed/.exec(summary)?.[1] ?? -1),
    },
  };
}

export default async function bulkBoundsBenchmark(): Promise<BenchResult[]> {
  return atLatencies(
    [0],
    async (environment) => {
      const results: BenchResult[] = [];
      // BENCH_BULK_ITEMS=500 or =all runs one scenario (e.g. at a slower time scale).
      const only = process.env.BENCH_BULK_ITEMS;
      for (const scenario of SCENARIOS.filter((candidate) => !only || String(candidate.items) === only)) {
        await environment.control.reset();
        await environment.control.configure({ cost: 'instant', rateLimit: null, operatingLimitSeconds: null });
        const rest = portalRestClient(environment.portal.origin, environment.control);
        const itemIds = scenario.items === 500 ? await fillBulkStage(rest, 500) : await itemIdsOf(rest, {});
        results.push(
          await inFreshPage(environment, (page) => runOnce(environment, page, scenario, itemIds), { reset: false }),
        );
      }
      return results;
    },
    { cost: 'cloud', timeScale: 8 },
  );
}
