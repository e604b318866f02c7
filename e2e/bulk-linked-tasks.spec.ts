/**
 * A manager opens "Bulk linked tasks" from a smart process's list toolbar, chooses the items
 * (funnel, stage, responsible, only those without an open task), sees how many match, and runs:
 * one linked task per item, 50 per request, even when the page reloads half-way or the portal
 * asks to slow down. A report lists what was created and retries what failed.
 */
import { expect, test, type FrameLocator, type Page } from '@playwright/test';
import { BULK_STAGE, control, fillBulkStage, portalRest } from './support/app';
import { openListToolbarApp } from './support/portal';
import { confirmBulkRun } from './support/bulk-run';

const RUN_SIZE = 300;

interface ListedTask {
  id: string;
  title: string;
  description?: string;
  ufCrmTask?: string[] | false;
}

/**
 * The test's own REST calls (setting up items, counting tasks) go around the portal's rate
 * limit, so they never eat the budget the app runs under.
 */
async function outsideRateLimit<T>(work: () => Promise<T>): Promise<T> {
  const { rateLimit } = await control.configure({});
  await control.configure({ rateLimit: null });
  try {
    return await work();
  } finally {
    await control.configure({ rateLimit });
  }
}

/** Fills funnel "Field service", stage "Technician on site" up to exactly RUN_SIZE items; their ids. */
async function itemsOnSite(): Promise<number[]> {
  const ids = await outsideRateLimit(() => fillBulkStage(portalRest, RUN_SIZE));
  expect(ids).toHaveLength(RUN_SIZE);
  return ids;
}

/** Tasks created by bulk runs, per linked item: the portal's own record of what happened. */
async function bulkTasksPerItem(itemIds: number[]): Promise<Map<number, number>> {
  return outsideRateLimit(() => countBulkTasks(itemIds));
}

async function countBulkTasks(itemIds: number[]): Promise<Map<number, number>> {
  const codes = itemIds.map((id) => `Tb7_${id}`);
  const perItem = new Map<number, number>();
  for (let start = 0; ; start += 50) {
    const result = await portalRest<{ tasks: ListedTask[] }>('tasks.task.list', {
      filter: { UF_CRM_TASK: codes },
      select: ['ID', 'TITLE', 'DESCRIPTION', 'UF_CRM_TASK'],
      order: { ID: 'asc' },
      start,
    });
    for (const task of result.tasks) {
      if (!task.description?.includes('smart-tasks-run-')) continue;
      for (const code of task.ufCrmTask || []) {
        const id = Number(code.split('_')[1]);
        perItem.set(id, (perItem.get(id) ?? 0) + 1);
      }
    }
    if (result.tasks.length < 50) return perItem;
  }
}

async function expectExactlyOneEach(itemIds: number[]): Promise<void> {
  const perItem = await bulkTasksPerItem(itemIds);
  expect(perItem.size).toBe(itemIds.length);
  expect([...perItem.values()].filter((count) => count !== 1)).toEqual([]);
}

async function chooseOnSiteItems(panel: FrameLocator, options: { onlyWithoutOpenTask: boolean }): Promise<void> {
  await panel.getByRole('combobox', { name: 'Funnel' }).selectOption({ label: 'Field service' });
  await panel.getByRole('combobox', { name: 'Stage' }).selectOption({ label: 'Technician on site' });
  await panel
    .getByRole('checkbox', { name: 'Only items with no open linked task' })
    .setChecked(options.onlyWithoutOpenTask);
  await expect(panel.getByText(`${RUN_SIZE} items match.`)).toBeVisible();
}

async function openBulk(page: Page): Promise<FrameLocator> {
  const panel = await openListToolbarApp(page, { entityTypeId: BULK_STAGE.entityTypeId });
  await expect(panel.getByRole('heading', { name: 'Linked tasks in bulk: Service Requests' })).toBeVisible();
  return panel;
}

const created = (panel: FrameLocator) => panel.locator('[data-count="created"]');
const bulkReport = (panel: FrameLocator) => panel.getByTestId('bulk-report');

async function startRun(panel: FrameLocator): Promise<void> {
  await confirmBulkRun(panel, `Create ${RUN_SIZE} tasks`);
}

/** RUN_SIZE items on site, the panel open and choosing exactly them. */
async function readyToRun(page: Page): Promise<{ itemIds: number[]; panel: FrameLocator }> {
  const itemIds = await itemsOnSite();
  const panel = await openBulk(page);
  await chooseOnSiteItems(panel, { onlyWithoutOpenTask: false });
  return { itemIds, panel };
}

/** The report says every item got its task, and the portal holds exactly one for each. */
async function expectEveryItemDone(panel: FrameLocator, itemIds: number[], timeout: number): Promise<void> {
  await expect(bulkReport(panel)).toContainText(`${RUN_SIZE} created, 0 skipped, 0 failed.`, { timeout });
  await expectExactlyOneEach(itemIds);
}

test.describe.configure({ timeout: 180_000 });

test.beforeEach(async () => {
  await control.reset();
});

test('shows how many items match, then creates exactly one linked task for each of 300', async ({ page }) => {
  const { itemIds, panel } = await readyToRun(page);
  await panel.getByRole('textbox', { name: 'Title' }).fill('Inspect {title} (#{id}) at {stage}');
  await control.clearRequests();

  await startRun(panel);
  await expectEveryItemDone(panel, itemIds, 120_000);
  const sample = await outsideRateLimit(() =>
    portalRest<{ tasks: ListedTask[] }>('tasks.task.list', {
      filter: { UF_CRM_TASK: `Tb7_${itemIds[0]}` },
      select: ['ID', 'TITLE', 'UF_CRM_TASK'],
    }),
  );
  expect(sample.tasks.map((task) => task.title)).toContainEqual(
    expect.stringMatching(/^Inspect .+ \(#\d+\) at Technician on site$/),
  );

  // Create batches sized by the portal's measured cost: a small first one, then up to 50 per
  // request on this quick portal; every item exactly once.
  const requests = await control.requests();
  const createBatches = requests.filter((entry) => entry.commands?.includes('tasks.task.add'));
  const sizes = createBatches.map((entry) => entry.commands!.length);
  expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(RUN_SIZE);
  expect(Math.max(...sizes)).toBeLessThanOrEqual(50);
  expect(createBatches.length).toBeLessThanOrEqual(RUN_SIZE / 50 + 1);

  // The report links each task; the first opens in the portal's task slider.
  await bulkReport(panel)
    .getByRole('button', { name: /^Open the task for/ })
    .first()
    .click();
  await expect(page.getByTestId('slider')).toHaveCount(2);
});

test('a reload half-way through a run resumes without creating any task twice', async ({ page }) => {
  const ready = await readyToRun(page);
  const { itemIds } = ready;
  let { panel } = ready;
  // The first batch of tasks is written by the portal but its answer never arrives (the browser
  // quietly sends it again on a reused connection, which is dropped too: two copies exist); the
  // page is reloaded while the run waits to look for them.
  await control.setFaults({ drop: [{ method: 'tasks.task.add', count: 2, when: 'after' }] });
  await control.setFaults({ latencyMs: 150 });
  await startRun(panel);
  // As soon as the portal has dropped the answer (the app is still finding out what happened).
  await expect
    .poll(
      async () =>
        (await control.requests()).some((entry) => entry.status === 0 && entry.commands?.includes('tasks.task.add')),
      {
        intervals: [100],
        timeout: 60_000,
      },
    )
    .toBe(true);
  await page.reload();
  // The portal holds the tasks of the batch whose answer was lost (the first, small one: nothing was measured yet).
  expect((await bulkTasksPerItem(itemIds)).size).toBeGreaterThan(0);

  panel = await openBulk(page);
  await expect(panel.getByText('The run is paused')).toBeVisible();
  await panel.getByRole('button', { name: 'Resume' }).click();
  await expectEveryItemDone(panel, itemIds, 120_000);
});

test('a reload at any moment of a running run, then resume: still exactly 300', async ({ page }) => {
  const ready = await readyToRun(page);
  const { itemIds } = ready;
  let { panel } = ready;
  await control.setFaults({ latencyMs: 200 });
  await startRun(panel);
  await expect(created(panel)).toHaveText(/Created: (1\d\d)/, { timeout: 60_000 });
  await page.reload();

  panel = await openBulk(page);
  await panel.getByRole('button', { name: 'Resume' }).click();
  await expectEveryItemDone(panel, itemIds, 120_000);
});

test('the portal answering QUERY_LIMIT_EXCEEDED along the way only slows the run down', async ({ page }) => {
  const { itemIds, panel } = await readyToRun(page);
  await control.setFaults({
    fail: [
      {
        method: 'tasks.task.add',
        count: 30,
        error: 'QUERY_LIMIT_EXCEEDED',
        status: 503,
        description: 'Too many requests',
      },
      {
        method: 'tasks.task.list',
        count: 1,
        error: 'QUERY_LIMIT_EXCEEDED',
        status: 503,
        description: 'Too many requests',
      },
    ],
  });
  await startRun(panel);
  await expect(panel.getByText('Bitrix24 asked to slow down; continuing in a moment…')).toBeVisible({
    timeout: 60_000,
  });
  await expectEveryItemDone(panel, itemIds, 150_000);
});

test('a portal with a tight leaky bucket refuses whole requests with QUERY_LIMIT_EXCEEDED; the run waits and finishes', async ({
  page,
}) => {
  const { itemIds, panel } = await readyToRun(page);
  await control.clearRequests();
  await control.configure({ rateLimit: { drainPerSecond: 1, burst: 4 } });
  await startRun(panel);
  await expectEveryItemDone(panel, itemIds, 150_000);
  const refused = (await control.requests()).filter((entry) => entry.status === 503);
  expect(refused.length).toBeGreaterThan(0);
});

test('items the portal refuses are reported, and a retry creates them', async ({ page }) => {
  const { itemIds, panel } = await readyToRun(page);
  await control.setFaults({
    fail: [
      {
        method: 'tasks.task.add',
        count: 3,
        error: 'ERROR_CORE',
        status: 400,
        description: 'Responsible person not specified<br>',
      },
    ],
  });
  await startRun(panel);
  const report = bulkReport(panel);
  await expect(report).toContainText(`${RUN_SIZE - 3} created, 0 skipped, 3 failed.`, { timeout: 120_000 });
  await expect(report.getByRole('region', { name: 'Items without a task' }).getByRole('listitem')).toHaveCount(3);
  await expect(report).toContainText('Responsible person not specified');

  await report.getByRole('button', { name: 'Retry the failed ones' }).click();
  await expectEveryItemDone(panel, itemIds, 60_000);
});

test('only items with no open linked task get one; the others are counted and skipped', async ({ page }) => {
  const panel = await openListToolbarApp(page, { entityTypeId: 177 });
  await panel.getByRole('combobox', { name: 'Funnel' }).selectOption({ label: 'General' });
  await expect(panel.getByText('53 items match.')).toBeVisible();
  const withoutOpen = panel.getByText(/of them (has|have) no open linked task/);
  await expect(withoutOpen).toBeVisible({ timeout: 30_000 });
  const expected = Number(/(\d+) of them/.exec((await withoutOpen.textContent()) ?? '')?.[1]);
  expect(expected).toBeGreaterThan(0);
  expect(expected).toBeLessThan(53);

  // The button carries the exact number the count above says.
  await confirmBulkRun(panel, `Create ${expected} tasks`);
  const report = panel.getByTestId('bulk-report');
  await expect(report).toContainText(`${expected} created, ${53 - expected} skipped, 0 failed.`, { timeout: 60_000 });
  // Item 29 already had open tasks: it got no new one.
  const item29 = await outsideRateLimit(() =>
    portalRest<{ tasks: ListedTask[] }>('tasks.task.list', {
      filter: { UF_CRM_TASK: 'Tb1_29' },
      select: ['ID', 'DESCRIPTION'],
    }),
  );
  expect(item29.tasks.filter((task) => task.description?.includes('smart-tasks-run-'))).toHaveLength(0);
});

test('cancel stops the run; it can be resumed later', async ({ page }) => {
  const { itemIds, panel } = await readyToRun(page);
  await control.setFaults({ latencyMs: 200 });
  await startRun(panel);
  await expect(created(panel)).toHaveText(/Created: [1-9]\d*/, { timeout: 60_000 });
  await panel.getByRole('button', { name: 'Pause' }).click();
  await expect(panel.getByText('The run is paused')).toBeVisible({ timeout: 30_000 });
  const atCancel = (await bulkTasksPerItem(itemIds)).size;
  expect(atCancel).toBeLessThan(RUN_SIZE);

  await control.setFaults({ latencyMs: 0 });
  await panel.getByRole('button', { name: 'Resume' }).click();
  await expect(bulkReport(panel)).toContainText(`${RUN_SIZE} created`, { timeout: 120_000 });
  await expectExactlyOneEach(itemIds);
});
