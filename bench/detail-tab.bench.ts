/**
 * Opening the detail tab of item 29: REST round trips and bytes for the first content and in
 * all, and time from the frame's navigation to its first content — on a local portal and on
 * one 150 ms away. For contrast, the same reads as separate calls instead of one batch.
 */
import type { Page } from '@playwright/test';
import {
  atLatencies,
  DETAIL_TAB_FRAME,
  DETAIL_TAB_PATH,
  inFreshPage,
  median,
  percentile,
  repeat,
  requestTotals,
  type BenchResult,
} from './support/harness';

const RUNS = 7;

/** When the tab first showed content: ms after the frame's navigation began, and as epoch ms. */
async function firstContent(page: Page): Promise<{ sinceFrameStart: number; epoch: number }> {
  const frame = page.frameLocator(DETAIL_TAB_FRAME);
  await frame.getByRole('heading', { level: 1 }).waitFor();
  await frame.getByRole('button', { name: 'PO-2026-0012 Safety gloves' }).waitFor();
  const handle = await page.locator(DETAIL_TAB_FRAME).elementHandle();
  const appFrame = await handle!.contentFrame();
  return appFrame!.evaluate(() => {
    const mark = performance.getEntriesByName('smart-tasks:first-content')[0]!;
    return { sinceFrameStart: mark.startTime, epoch: performance.timeOrigin + mark.startTime };
  });
}

/** The tab's reads one by one (what an app without batching would do), from Node, to compare. */
async function sequentialReads(origin: string, token: string): Promise<{ ms: number; roundTrips: number }> {
  const calls: Array<[string, Record<string, unknown>]> = [
    ['crm.item.get', { entityTypeId: 177, id: 29 }],
    ['crm.type.getByEntityTypeId', { entityTypeId: 177 }],
    ['crm.enum.ownertype', {}],
    ['crm.category.list', { entityTypeId: 177 }],
    ['crm.status.list', { filter: { ENTITY_ID: 'DYNAMIC_177_STAGE_7' } }],
    ['crm.item.fields', { entityTypeId: 177 }],
    ['crm.status.list', { filter: { ENTITY_ID: 'SOURCE' } }],
    [
      'tasks.task.list',
      { filter: { UF_CRM_TASK: 'Tb1_29' }, select: ['ID', 'TITLE', 'STATUS', 'RESPONSIBLE_ID', 'DEADLINE'] },
    ],
    ['user.current', {}],
    ['user.get', { filter: { ID: [2] } }],
  ];
  const started = performance.now();
  for (const [method, params] of calls) {
    const response = await fetch(`${origin}/rest/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...params, auth: token }),
    });
    await response.arrayBuffer();
  }
  return { ms: performance.now() - started, roundTrips: calls.length };
}

export default async function detailTabBenchmark(): Promise<BenchResult[]> {
  return atLatencies([0, 150], async (environment, latencyMs): Promise<BenchResult[]> => {
    const runs = await repeat(RUNS, () =>
      inFreshPage(environment, async (page) => {
        await environment.control.clearRequests();
        // Count the REST requests sent before the first content was on screen.
        const requestTimes: number[] = [];
        page.on('request', (request) => {
          if (new URL(request.url()).pathname.startsWith('/rest/')) requestTimes.push(Date.now());
        });
        await page.goto(DETAIL_TAB_PATH);
        const shown = await firstContent(page);
        const tripsAtFirstContent = requestTimes.filter((time) => time <= shown.epoch).length;
        await page.waitForTimeout(300 + latencyMs * 2);
        const totals = requestTotals(await environment.control.requests());
        return {
          ...totals,
          toFirstContent: shown.sinceFrameStart,
          tripsToFirstContent: Math.min(tripsAtFirstContent, totals.roundTrips),
        };
      }),
    );
    const token = environment.portal.issueAppToken(1).accessToken;
    const sequential = await sequentialReads(environment.portal.origin, token);
    return [
      {
        name: `detail tab, item 29, portal latency ${latencyMs} ms (${RUNS} runs)`,
        metrics: {
          'round trips to first content (max)': Math.max(...runs.tripsToFirstContent),
          'round trips in all (max)': Math.max(...runs.roundTrips),
          'bytes sent (median)': median(runs.bytesSent),
          'bytes received (median)': median(runs.bytesReceived),
          'frame start → first content, ms (median)': Math.round(median(runs.toFirstContent)),
          'frame start → first content, ms (p95)': Math.round(percentile(runs.toFirstContent, 95)),
        },
      },
      {
        name: `for contrast: the same reads one call at a time, latency ${latencyMs} ms`,
        metrics: { 'round trips': sequential.roundTrips, ms: Math.round(sequential.ms) },
      },
    ];
  });
}
