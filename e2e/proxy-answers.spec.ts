/**
 * Between the browser and a cloud Bitrix24 stand proxies. When the portal has written the task
 * and a proxy then answers with its own 503 page or a plain 429, nothing says the task was not
 * created: the app checks, finds the one task, and the next click is not a second copy of it.
 * Only the portal's own QUERY_LIMIT_EXCEEDED body is a refusal.
 */
import { expect, test, type FrameLocator, type Page } from '@playwright/test';
import { openDetailTab } from './support/portal';
import { control, tasksLinkedTo, type PortalTask } from './support/app';

const DEFAULT_TITLE = 'Equipment Purchase: Washing Machine';

async function newTasks(before: PortalTask[]): Promise<PortalTask[]> {
  const ids = new Set(before.map((task) => task.id));
  return (await tasksLinkedTo('Tb1_29')).filter((task) => !ids.has(task.id));
}

async function openTab(page: Page): Promise<FrameLocator> {
  const tab = await openDetailTab(page, { entityTypeId: 177, itemId: 29 });
  await expect(tab.locator('li.dt-task')).toHaveCount(5);
  // The tab's follow-up lookups are done: the fault is for the click's request alone.
  await expect(tab.getByRole('button', { name: 'PO-2026-0012 Safety gloves' })).toBeVisible();
  return tab;
}

test.beforeEach(async () => {
  await control.reset();
});

for (const answer of ['proxy-html', 'proxy-text'] as const) {
  test(`a ${answer === 'proxy-html' ? '503 page' : '429'} from a proxy after the portal wrote the task: one task, and the user is told it exists`, async ({
    page,
  }) => {
    const before = await tasksLinkedTo('Tb1_29');
    const tab = await openTab(page);
    await control.setFaults({ fail: [{ method: 'tasks.task.add', count: 1, answer, when: 'after' }] });

    await tab.getByRole('button', { name: 'Create task', exact: true }).click();

    await expect(tab.getByRole('status').filter({ hasText: 'Task created' })).toBeVisible({ timeout: 20_000 });
    await expect(tab.getByText('The task was not created')).toHaveCount(0);
    await expect(tab.getByText('Bitrix24 is busy')).toHaveCount(0);
    expect(await newTasks(before)).toHaveLength(1);
    await expect(tab.locator('li.dt-task', { hasText: DEFAULT_TITLE })).toHaveCount(1);
  });
}

test('the portal’s own QUERY_LIMIT_EXCEEDED is a refusal: nothing created, and the user may click again', async ({
  page,
}) => {
  const before = await tasksLinkedTo('Tb1_29');
  const tab = await openTab(page);
  await control.setFaults({
    fail: [{ method: 'batch', count: 1, error: 'QUERY_LIMIT_EXCEEDED', status: 503, description: 'Too many requests' }],
  });

  await tab.getByRole('button', { name: 'Create task', exact: true }).click();

  await expect(tab.getByText('The task was not created')).toBeVisible();
  expect(await newTasks(before)).toHaveLength(0);
  await tab.getByRole('button', { name: 'Create task', exact: true }).click();
  await expect(tab.getByRole('status').filter({ hasText: 'Task created' })).toBeVisible();
  expect(await newTasks(before)).toHaveLength(1);
});
