/**
 * One click on "Create task" in the detail tab: round trips, bytes, and time from the click to
 * the confirmation (the frame's own performance marks), locally and 150 ms away.
 */
import { median, percentile, startEnvironment, type BenchResult } from './support/harness';

const RUNS = 5;
const TAB = 'CRM_DYNAMIC_177_DETAIL_TAB';

export default async function createTaskBenchmark(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const latencyMs of [0, 150]) {
    const environment = await startEnvironment({ latencyMs });
    try {
      const timings: number[] = [];
      const trips: number[] = [];
      const bytesIn: number[] = [];
      const bytesOut: number[] = [];
      for (let run = 0; run < RUNS; run += 1) {
        await environment.control.reset();
        const context = await environment.browser.newContext();
        const page = await context.newPage();
        await page.goto(`${environment.portal.origin}/crm/type/177/details/29/?active_tab=${TAB}`);
        const iframe = page.locator(`[data-testid="app-tab-panel"][data-placement="${TAB}"] iframe[data-testid="app-frame"]`);
        const frame = iframe.contentFrame();
        await frame.getByRole('button', { name: 'PO-2026-0012 Safety gloves' }).waitFor();
        await environment.control.clearRequests();
        await frame.getByRole('button', { name: 'Create task', exact: true }).click();
        await frame.getByText('Task created').waitFor();
        const appFrame = await (await iframe.elementHandle())!.contentFrame();
        timings.push(
          await appFrame!.evaluate(() => {
            const start = performance.getEntriesByName('smart-tasks:create-start').at(-1)!;
            const done = performance.getEntriesByName('smart-tasks:create-done').at(-1)!;
            return done.startTime - start.startTime;
          }),
        );
        const log = await environment.control.requests();
        trips.push(log.length);
        bytesIn.push(log.reduce((sum, entry) => sum + entry.bytesIn, 0));
        bytesOut.push(log.reduce((sum, entry) => sum + entry.bytesOut, 0));
        await context.close();
      }
      results.push({
        name: `one-click create, portal latency ${latencyMs} ms (${RUNS} runs)`,
        metrics: {
          'round trips (max)': Math.max(...trips),
          'bytes sent (median)': median(bytesIn),
          'bytes received (median)': median(bytesOut),
          'click → confirmation, ms (median)': Math.round(median(timings)),
          'click → confirmation, ms (p95)': Math.round(percentile(timings, 95)),
        },
      });
    } finally {
      await environment.close();
    }
  }
  return results;
}
