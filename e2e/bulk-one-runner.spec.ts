/**
 * One bulk run, one runner (issue 7.1, 7.2): a manager who opens the same bulk run in a second
 * tab sees it "running in another tab" with its live progress and cannot start it twice; once
 * the first tab is gone the second takes it over. Another user of the same browser never sees
 * or resumes someone else's run. Every item ends with exactly one task.
 */
import { expect, test } from '@playwright/test';
import { control, fillBulkStage, portalRest } from './support/app';
import {
  bulkReport,
  confirmBulkRun,
  createdCount,
  lostAndDoubled,
  openBulkPanel,
  outsideLimits,
} from './support/bulk-run';

const RUN_SIZE = 300;

test.describe.configure({ timeout: 240_000 });

test.beforeEach(async () => {
  await control.reset();
});

async function itemsOnSite(): Promise<number[]> {
  const ids = await outsideLimits(() => fillBulkStage(portalRest, RUN_SIZE));
  expect(ids).toHaveLength(RUN_SIZE);
  return ids;
}

async function chooseOnSite(panel: Awaited<ReturnType<typeof openBulkPanel>>): Promise<void> {
  await panel.getByRole('combobox', { name: 'Funnel' }).selectOption({ label: 'Field service' });
  await panel.getByRole('combobox', { name: 'Stage' }).selectOption({ label: 'Technician on site' });
  await panel.getByRole('checkbox', { name: 'Only items with no open linked task' }).setChecked(false);
  await expect(panel.getByText(`${RUN_SIZE} items match.`)).toBeVisible();
}

test('a second tab shows the run going on in the first, live, and takes it over only once the first is closed', async ({
  page,
}) => {
  const itemIds = await itemsOnSite();
  const first = await openBulkPanel(page);
  await chooseOnSite(first);
  await control.setFaults({ latencyMs: 300 });
  await confirmBulkRun(first, `Create ${RUN_SIZE} tasks`);
  await expect(createdCount(first)).toHaveText(/Created: [1-9]\d*/, { timeout: 60_000 });

  const secondPage = await page.context().newPage();
  const second = await openBulkPanel(secondPage);
  await expect(second.getByText('Running in another tab')).toBeVisible();
  await expect(second.getByRole('button', { name: 'Resume' })).toHaveCount(0);
  await expect(second.getByRole('button', { name: /^Create \d/ })).toHaveCount(0);
  // Its numbers follow the first tab's.
  const seen = Number(/\d+/.exec((await createdCount(second).textContent()) ?? '')?.[0]);
  await expect
    .poll(async () => Number(/\d+/.exec((await createdCount(second).textContent()) ?? '')?.[0]), { timeout: 60_000 })
    .toBeGreaterThan(seen);

  // The first tab goes away mid-run: the second may now carry it on.
  await page.close();
  await expect(second.getByText('The run is paused')).toBeVisible({ timeout: 30_000 });
  await control.setFaults({ latencyMs: 0 });
  await second.getByRole('button', { name: 'Resume' }).click();
  await expect(bulkReport(second)).toContainText('0 failed.', { timeout: 120_000 });
  expect(await lostAndDoubled(itemIds)).toEqual({ withoutTask: [], withTwoOrMore: [] });
});

test('a tab whose setup form was open when another tab started the run switches to following it', async ({ page }) => {
  await itemsOnSite();
  const secondPage = await page.context().newPage();
  const second = await openBulkPanel(secondPage);
  await chooseOnSite(second);

  const first = await openBulkPanel(page);
  await chooseOnSite(first);
  await control.setFaults({ latencyMs: 300 });
  await confirmBulkRun(first, `Create ${RUN_SIZE} tasks`);
  await expect(second.getByText('Running in another tab')).toBeVisible({ timeout: 30_000 });
  await first.getByRole('button', { name: 'Pause' }).click();
  await expect(first.getByText('The run is paused')).toBeVisible({ timeout: 30_000 });
});

test('another user of the same browser neither sees nor resumes a paused run (issue 7.2)', async ({ page }) => {
  await itemsOnSite();
  const olivia = await openBulkPanel(page);
  await chooseOnSite(olivia);
  await olivia.getByRole('textbox', { name: 'Title' }).fill('Olivia’s inspection of {title}');
  await control.setFaults({ latencyMs: 300 });
  await confirmBulkRun(olivia, `Create ${RUN_SIZE} tasks`);
  await expect(createdCount(olivia)).toHaveText(/Created: [1-9]\d*/, { timeout: 60_000 });
  await olivia.getByRole('button', { name: 'Pause' }).click();
  await expect(olivia.getByText('The run is paused')).toBeVisible({ timeout: 30_000 });

  const sophie = await openBulkPanel(page, 3);
  await expect(sophie.getByRole('combobox', { name: 'Funnel' })).toBeVisible();
  await expect(sophie.getByText('The run is paused')).toHaveCount(0);
  await expect(sophie.getByRole('button', { name: 'Resume' })).toHaveCount(0);
  await expect(sophie.getByText('Olivia’s inspection')).toHaveCount(0);

  const oliviaAgain = await openBulkPanel(page, 1);
  await expect(oliviaAgain.getByText('The run is paused')).toBeVisible();
});
