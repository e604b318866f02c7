/**
 * Linked tasks handled in place (issue 12), on item 29's tab with its 5 linked tasks: what
 * opening the tab costs for the rights (nothing: they are read on the user's intent), what the
 * first menu costs (one tasks.task.getaccess batch for every visible task), and completing a
 * task (one call): round trips, bytes, and the time until the user sees it — the row at once
 * (optimistic), the portal's answer one round trip later. On a local portal and one 150 ms away.
 */
import type { Locator, Page } from '@playwright/test';
import {
  atLatencies,
  DETAIL_TAB_FRAME,
  DETAIL_TAB_PATH,
  inFreshPage,
  median,
  repeat,
  requestTotals,
  type BenchResult,
} from './support/harness';

const RUNS = 5;
const TITLE = 'Approve the purchase budget';

function taskRow(page: Page): Locator {
  const frame = page.frameLocator(DETAIL_TAB_FRAME);
  return frame.locator('li.dt-task', { has: frame.getByRole('link', { name: `Open task “${TITLE}”` }) });
}

/** ms from the start of `act` until `until` is on screen (the test runner's clock). */
async function timed(page: Page, act: () => Promise<void>, until: Locator): Promise<number> {
  const started = Date.now();
  await act();
  await until.waitFor();
  return Date.now() - started;
}

export default async function taskActionsBenchmark(): Promise<BenchResult[]> {
  return atLatencies([0, 150], async (environment, latencyMs): Promise<BenchResult[]> => {
    const runs = await repeat(RUNS, () =>
      inFreshPage(environment, async (page) => {
        await environment.control.clearRequests();
        await page.goto(DETAIL_TAB_PATH);
        const row = taskRow(page);
        await row.waitFor();
        // Everything the tab reads on opening (the names lookup included) has landed.
        await page.waitForTimeout(300 + latencyMs * 2);
        const opening = await environment.control.requests();
        const rightsOnOpening = opening
          .flatMap((entry) => entry.commands ?? [entry.method])
          .filter((method) => method === 'tasks.task.getaccess').length;

        await environment.control.clearRequests();
        const button = row.getByRole('button', { name: `Actions for “${TITLE}”` });
        const menuReady = await timed(page, () => button.click(), row.getByRole('menuitem', { name: 'Complete' }));
        const rights = requestTotals(await environment.control.requests());

        // The usual way there: the pointer enters the list, and some 300 ms later opens another menu.
        await page.reload();
        await row.waitFor();
        await page.waitForTimeout(300 + latencyMs * 2);
        await row.getByRole('link', { name: `Open task “${TITLE}”` }).hover();
        await page.waitForTimeout(300);
        const menuAfterTravel = await timed(
          page,
          () => button.click(),
          row.getByRole('menuitem', { name: 'Complete' }),
        );

        await environment.control.clearRequests();
        const complete = row.getByRole('menuitem', { name: 'Complete' });
        const started = Date.now();
        await complete.click();
        await row.getByText('Completed').waitFor();
        const shownDone = Date.now() - started;
        await row.getByRole('status').waitFor({ state: 'detached' });
        const confirmed = Date.now() - started;
        const action = requestTotals(await environment.control.requests());
        return {
          rightsOnOpening,
          rightsRoundTrips: rights.roundTrips,
          rightsBytes: rights.bytesReceived,
          menuReady,
          menuAfterTravel,
          actionRoundTrips: action.roundTrips,
          actionBytesSent: action.bytesSent,
          actionBytes: action.bytesReceived,
          shownDone,
          confirmed,
        };
      }),
    );
    return [
      {
        name: `linked-task actions, item 29 (5 tasks), portal latency ${latencyMs} ms (${RUNS} runs)`,
        metrics: {
          'rights commands sent on opening the tab (max)': Math.max(...runs.rightsOnOpening),
          'first menu: round trips (max)': Math.max(...runs.rightsRoundTrips),
          'first menu: bytes received (median)': median(runs.rightsBytes),
          'first menu: click → actions listed, ms (median)': Math.round(median(runs.menuReady)),
          'first menu, pointer in the list 300 ms before: click → listed, ms (median)': Math.round(
            median(runs.menuAfterTravel),
          ),
          'complete: round trips (max)': Math.max(...runs.actionRoundTrips),
          'complete: bytes sent / received (median)': `${median(runs.actionBytesSent)} / ${median(runs.actionBytes)}`,
          'complete: click → row shows it done, ms (median)': Math.round(median(runs.shownDone)),
          'complete: click → portal confirmed, ms (median)': Math.round(median(runs.confirmed)),
        },
      },
    ];
  });
}
