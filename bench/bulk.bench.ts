/**
 * Bulk linked tasks from the list toolbar: round trips, bytes and items per second for a run over
 * 300 items and over every item of a smart process (1,240), on a local portal and on one 150 ms
 * away that keeps Bitrix24's default leaky bucket (2 requests/s, burst 50).
 */
import type { Page } from '@playwright/test';
import { BULK_STAGE, fillBulkStage, portalRestClient } from '../e2e/support/app';
import { openListToolbarApp } from '../e2e/support/portal';
import { atLatencies, inFreshPage, requestTotals, type BenchEnvironment, type BenchResult } from './support/harness';

interface Scenario {
  name: string;
  latencyMs: number;
  rateLimit: { drainPerSecond: number; burst: number } | null;
  /** 300: funnel Field service, stage Technician on site filled up to 300 items; all: every item. */
  items: 300 | 'all';
}

const SCENARIOS: Scenario[] = [
  { name: '300 items, local portal, no rate limit', latencyMs: 0, rateLimit: null, items: 300 },
  { name: '1,240 items (all), local portal, no rate limit', latencyMs: 0, rateLimit: null, items: 'all' },
  {
    name: '300 items, 150 ms away, bucket 2/s burst 50',
    latencyMs: 150,
    rateLimit: { drainPerSecond: 2, burst: 50 },
    items: 300,
  },
  {
    name: '1,240 items (all), 150 ms away, bucket 2/s burst 50',
    latencyMs: 150,
    rateLimit: { drainPerSecond: 2, burst: 50 },
    items: 'all',
  },
];

async function runOnce(environment: BenchEnvironment, page: Page, scenario: Scenario): Promise<BenchResult> {
  const panel = await openListToolbarApp(page, { entityTypeId: BULK_STAGE.entityTypeId });
  if (scenario.items === 300) {
    await panel.getByRole('combobox', { name: 'Funnel' }).selectOption({ label: 'Field service' });
    await panel.getByRole('combobox', { name: 'Stage' }).selectOption({ label: 'Technician on site' });
  }
  await panel.getByRole('checkbox', { name: 'Only items with no open linked task' }).setChecked(false);
  // The button carries the count once it is known (at first, and on a slow portal for a while, it may say 0).
  const start = panel.getByRole('button', {
    name: scenario.items === 300 ? 'Create 300 tasks' : /^Create [1-9][\d,]* tasks$/,
  });
  await start.waitFor();
  const items = Number(/(\d+)/.exec((await start.textContent())?.replace(/,/g, '') ?? '')?.[1]);

  await environment.control.configure({ rateLimit: scenario.rateLimit });
  await environment.control.clearRequests();
  const heapBefore = await usedHeap(page);
  const started = performance.now();
  await start.click();
  // The confirmation's own start button (it sums the run up before anything is created).
  await panel.getByTestId('bulk-confirm').getByRole('button').first().click();
  const report = panel.getByTestId('bulk-report');
  await report.waitFor({ timeout: 15 * 60_000 });
  const seconds = (performance.now() - started) / 1000;
  const summary = (await report.locator('.st-alert').first().textContent()) ?? '';
  const heapAfter = await usedHeap(page);

  const log = await environment.control.requests();
  const { bytesSent, bytesReceived } = requestTotals(log);
  const metrics: BenchResult['metrics'] = {
    'items in the run': items,
    outcome: summary.replace(/^Run finished/, '').trim(),
    'round trips': log.length,
    'round trips per 50 items': Number(((log.length * 50) / items).toFixed(2)),
    'create batches (tasks.task.add, sized by measured cost)': log.filter((entry) =>
      entry.commands?.includes('tasks.task.add'),
    ).length,
    'refused by the bucket (503)': log.filter((entry) => entry.status === 503).length,
    'OPERATION_TIME_LIMIT met (calls and batch commands)': log.reduce(
      (sum, entry) => sum + (entry.operationTimeLimited ?? 0),
      0,
    ),
    'requests over 10 portal s': log.filter((entry) => (entry.duration ?? 0) > 10).length,
    'longest request, portal s': Number(Math.max(0, ...log.map((entry) => entry.duration ?? 0)).toFixed(1)),
    'cut off at the request time limit (504)': log.filter((entry) => entry.status === 504).length,
    'bytes sent': bytesSent,
    'bytes received': bytesReceived,
    'bytes per item (both ways)': Math.round((bytesSent + bytesReceived) / items),
    'wall time, s': Number(seconds.toFixed(1)),
    [`wall time, portal s (${environment.costs.cost}, time scale ${environment.costs.timeScale})`]: Number(
      environment.portalSeconds(seconds * 1000).toFixed(1),
    ),
    'items per second': Number((items / seconds).toFixed(1)),
  };
  if (heapBefore !== null && heapAfter !== null)
    metrics['frame JS heap after − before, MB'] = Number(((heapAfter - heapBefore) / 1e6).toFixed(1));
  return { name: scenario.name, metrics };
}

/** Chromium's coarse JS heap figure of the app frame (null where the browser does not tell). */
async function usedHeap(page: Page): Promise<number | null> {
  const frame = page.frames().find((candidate) => candidate.url().includes('/index.html'));
  if (!frame) return null;
  return frame.evaluate(
    () => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? null,
  );
}

export default async function bulkBenchmark(): Promise<BenchResult[]> {
  return atLatencies(
    [0, 150],
    async (environment, latencyMs) => {
      const results: BenchResult[] = [];
      for (const scenario of SCENARIOS.filter((candidate) => candidate.latencyMs === latencyMs)) {
        await environment.control.reset();
        await environment.control.configure({ rateLimit: null });
        // Setting up the stage is not measured: done without the portal's costs.
        if (scenario.items === 300)
          await environment.withoutCosts(() =>
            fillBulkStage(portalRestClient(environment.portal.origin, environment.control), 300),
          );
        results.push(await inFreshPage(environment, (page) => runOnce(environment, page, scenario), { reset: false }));
      }
      return results;
      // A cloud run of 1,240 tasks takes ~20–25 portal minutes (cloud-costs.md); scale 20 measures it in about one.
    },
    { cost: 'cloud', timeScale: 20 },
  );
}
