/**
 * A stage playbook of 3 templates (each with a 3-line checklist) for one item: one click on
 * "Create the 3 missing tasks" in the detail tab. Counts round trips (the goal: 1), bytes both
 * ways, the portal's own time for the click's requests (cloud cost profile), and click →
 * confirmation from the frame's performance marks; locally and 150 ms away.
 */
import { portalRestClient } from '../e2e/support/app';
import { playbookDocument, playbookTemplate } from '../src/testing/fixtures';
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

const template = (key: string, title: string) =>
  playbookTemplate(key, {
    title,
    description: 'For {title} ({stage})',
    observerIds: [4],
    deadline: { unit: 'working-days', amount: 2, timeOfDay: '12:00' },
    priority: 'high',
    checklist: ['Check the figures', 'Ask the supplier', 'Write down the answer'],
  });

/** Item 29 "Washing Machine" is in "Approval" (DT177_7:CLIENT) in the seeded portal. */
const PLAYBOOK = JSON.stringify(
  playbookDocument([
    {
      stageId: 'DT177_7:CLIENT',
      templates: [
        template('check-budget', 'Check the budget of {title}'),
        template('draft-contract', 'Draft the contract for {title}'),
        template('buyer-approval', 'Get the buyer’s approval'),
      ],
    },
  ]),
);

export default async function playbookBenchmark(): Promise<BenchResult[]> {
  return atLatencies([0, 150], async (environment, latencyMs) => {
    const rest = portalRestClient(environment.portal.origin, environment.control);
    const runs = await repeat(RUNS, () =>
      inFreshPage(environment, async (page) => {
        // The admin stores the playbook (not measured).
        await environment.withoutCosts(() => rest('app.option.set', { options: { playbook_177: PLAYBOOK } }, 1));
        await page.goto(DETAIL_TAB_PATH);
        const iframe = page.locator(DETAIL_TAB_FRAME);
        const frame = iframe.contentFrame();
        const button = frame.getByRole('button', { name: 'Create the 3 missing tasks' });
        await button.waitFor();
        await frame.locator('button:has-text("Create the 3 missing tasks"):not([disabled])').waitFor();
        await environment.control.clearRequests();
        await button.click();
        await frame.getByText('3 tasks are created and linked to this item.').waitFor();
        const log = await environment.control.requests();
        const appFrame = await (await iframe.elementHandle())!.contentFrame();
        const clickToConfirmation = await appFrame!.evaluate(() => {
          const start = performance.getEntriesByName('smart-tasks:playbook-start').at(-1)!;
          const done = performance.getEntriesByName('smart-tasks:playbook-done').at(-1)!;
          return done.startTime - start.startTime;
        });
        const totals = requestTotals(log);
        return {
          clickToConfirmation,
          ...totals,
          commands: log.reduce((sum, entry) => sum + (entry.commands?.length ?? 1), 0),
          portalSeconds: log.reduce((sum, entry) => sum + (entry.duration ?? 0), 0),
        };
      }),
    );
    return [
      {
        name: `stage playbook, 3 missing tasks for one item, portal latency ${latencyMs} ms, ${environment.costs.cost} costs (${RUNS} runs)`,
        metrics: {
          'round trips (max)': Math.max(...runs.roundTrips),
          'commands in them (max)': Math.max(...runs.commands),
          'bytes sent (median)': median(runs.bytesSent),
          'bytes received (median)': median(runs.bytesReceived),
          'portal time, s (median)': Number(median(runs.portalSeconds).toFixed(3)),
          'click → confirmation, ms (median)': Math.round(median(runs.clickToConfirmation)),
          'click → confirmation, ms (p95)': Math.round(percentile(runs.clickToConfirmation, 95)),
        },
      },
    ];
  });
}
