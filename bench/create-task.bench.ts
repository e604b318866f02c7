/**
 * One click on "Create task" in the detail tab: round trips, bytes, and time from the click to
 * the confirmation (the frame's own performance marks), locally and 150 ms away.
 */
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

const RUNS = 5;

export default async function createTaskBenchmark(): Promise<BenchResult[]> {
  return atLatencies([0, 150], async (environment, latencyMs) => {
    const runs = await repeat(RUNS, () =>
      inFreshPage(environment, async (page) => {
        await page.goto(DETAIL_TAB_PATH);
        const iframe = page.locator(DETAIL_TAB_FRAME);
        const frame = iframe.contentFrame();
        await frame.getByRole('button', { name: 'PO-2026-0012 Safety gloves' }).waitFor();
        await environment.control.clearRequests();
        await frame.getByRole('button', { name: 'Create task', exact: true }).click();
        await frame.getByText('Task created').waitFor();
        const appFrame = await (await iframe.elementHandle())!.contentFrame();
        const clickToConfirmation = await appFrame!.evaluate(() => {
          const start = performance.getEntriesByName('smart-tasks:create-start').at(-1)!;
          const done = performance.getEntriesByName('smart-tasks:create-done').at(-1)!;
          return done.startTime - start.startTime;
        });
        return { clickToConfirmation, ...requestTotals(await environment.control.requests()) };
      }),
    );
    return [
      {
        name: `one-click create, portal latency ${latencyMs} ms (${RUNS} runs)`,
        metrics: {
          'round trips (max)': Math.max(...runs.roundTrips),
          'bytes sent (median)': median(runs.bytesSent),
          'bytes received (median)': median(runs.bytesReceived),
          'click → confirmation, ms (median)': Math.round(median(runs.clickToConfirmation)),
          'click → confirmation, ms (p95)': Math.round(percentile(runs.clickToConfirmation, 95)),
        },
      },
    ];
  });
}
