/**
 * A manager creates a task for the item with one click: exactly one task, linked to the item
 * as `Tb1_29`, whatever happens to the click (double clicks, a lost connection, a reload).
 */
import { expect, test, type FrameLocator, type Page } from '@playwright/test';
import { openDetailTab } from './support/portal';
import { appRequests, control, tasksLinkedTo, type PortalTask } from './support/app';

const DEFAULT_TITLE = 'Equipment Purchase: Washing Machine';

async function newTasks(before: PortalTask[]): Promise<PortalTask[]> {
  const ids = new Set(before.map((task) => task.id));
  return (await tasksLinkedTo('Tb1_29')).filter((task) => !ids.has(task.id));
}

function createButton(tab: FrameLocator) {
  return tab.getByRole('button', { name: 'Create task', exact: true });
}

/** A deliberate second task after one exists: "Create another", and the user confirms the twin. */
async function createAnother(tab: FrameLocator) {
  await tab.getByRole('button', { name: 'Create another', exact: true }).click();
  await tab.getByRole('button', { name: 'Create a second task' }).click();
}

async function openTab(page: Page): Promise<FrameLocator> {
  const tab = await openDetailTab(page, { entityTypeId: 177, itemId: 29 });
  await expect(tab.locator('li.dt-task')).toHaveCount(5);
  return tab;
}

test.beforeEach(async () => {
  await control.reset();
});

test('one click creates exactly one task, linked to the item, in one round trip', async ({ page }) => {
  const before = await tasksLinkedTo('Tb1_29');
  const tab = await openTab(page);
  await control.clearRequests();

  await createButton(tab).click();

  await expect(tab.getByRole('status').filter({ hasText: 'Task created' })).toBeVisible();
  await expect(tab.locator('li.dt-task', { hasText: DEFAULT_TITLE })).toBeVisible();
  await expect(tab.locator('li.dt-task')).toHaveCount(6);

  const requests = await appRequests();
  expect(requests).toHaveLength(1);
  // Check the item, create, read back with UF_CRM_TASK, and look for copies: one batch.
  expect(requests[0]).toMatchObject({
    method: 'batch',
    commands: ['crm.item.get', 'tasks.task.add', 'tasks.task.get', 'tasks.task.list'],
  });

  const created = await newTasks(before);
  expect(created).toHaveLength(1);
  const task = created[0]!;
  expect(task.title).toBe(DEFAULT_TITLE);
  expect(task.ufCrmTask).toEqual(['Tb1_29']);
  expect(task.responsibleId).toBe('2'); // the item's responsible, Maxim Orlov
  expect(task.createdBy).toBe('1');
  expect(task.deadline).not.toBeNull();
  expect(task.description).toContain('/crm/type/177/details/29/');

  // The confirmation links to the new task.
  await tab
    .getByRole('status')
    .getByRole('link', { name: `Open task “${DEFAULT_TITLE}”` })
    .click();
  await expect(page.getByTestId('slider').last()).toContainText(DEFAULT_TITLE);
});

test('a double click still makes one task', async ({ page }) => {
  const before = await tasksLinkedTo('Tb1_29');
  const tab = await openTab(page);
  await createButton(tab).dblclick();
  await expect(tab.getByRole('status').filter({ hasText: 'Task created' })).toBeVisible();
  await expect(tab.locator('li.dt-task')).toHaveCount(6);
  expect(await newTasks(before)).toHaveLength(1);
});

test('a connection dropped after the portal created the task still leaves one', async ({ page }) => {
  const before = await tasksLinkedTo('Tb1_29');
  const tab = await openTab(page);
  await control.setFaults({ drop: [{ method: 'tasks.task.add', count: 1, when: 'after' }] });

  await createButton(tab).click();

  // Either the app found its task by its key, or Chromium resent the POST on a new connection
  // and the app removed the copy: one way or the other, one task.
  await expect(tab.getByRole('status').filter({ hasText: 'Task created' })).toBeVisible({ timeout: 20_000 });
  await expect(tab.locator('li.dt-task', { hasText: DEFAULT_TITLE })).toBeVisible();
  expect(await newTasks(before)).toHaveLength(1);

  // Clicking again afterwards is a new, deliberate task (its open twin is pointed out first).
  await createAnother(tab);
  await expect(tab.locator('li.dt-task', { hasText: DEFAULT_TITLE })).toHaveCount(2);
  expect(await newTasks(before)).toHaveLength(2);
});

test('when Bitrix24 fails inside, the tab says the task was not created, and the next click creates one', async ({
  page,
}) => {
  const before = await tasksLinkedTo('Tb1_29');
  const tab = await openTab(page);
  await expect(tab.getByRole('button', { name: 'PO-2026-0012 Safety gloves' })).toBeVisible(); // the tab's own requests are done
  await control.setFaults({ fail: [{ method: 'batch', count: 1, error: 'INTERNAL_SERVER_ERROR', status: 500 }] });

  await createButton(tab).click();
  await expect(tab.getByRole('alert').filter({ hasText: 'The task was not created' })).toBeVisible();
  expect(await newTasks(before)).toHaveLength(0);

  await createButton(tab).click();
  await expect(tab.getByRole('status').filter({ hasText: 'Task created' })).toBeVisible();
  expect(await newTasks(before)).toHaveLength(1);
});

test('the portal’s own validation error is shown in its words', async ({ page }) => {
  const before = await tasksLinkedTo('Tb1_29');
  const tab = await openTab(page);
  await control.setFaults({
    fail: [
      {
        method: 'tasks.task.add',
        count: 1,
        error: 'ERROR_CORE',
        status: 400,
        description: 'Responsible person not specified<br>',
      },
    ],
  });

  await createButton(tab).click();
  const alert = tab.getByRole('alert').filter({ hasText: 'The task was not created' });
  await expect(alert).toContainText('Bitrix24 says: Responsible person not specified');
  expect(await newTasks(before)).toHaveLength(0);
});

test('a reload in the middle of the request does not make a second task', async ({ page }) => {
  const before = await tasksLinkedTo('Tb1_29');
  let tab = await openTab(page);
  await control.setFaults({ slow: [{ method: 'tasks.task.add', ms: 2_500 }] });

  await createButton(tab).click();
  await expect(createButton(tab)).toHaveCount(0); // the button now says it is creating
  await page.reload();
  await control.clearFaults();

  tab = await openDetailTab(page, { entityTypeId: 177, itemId: 29 });
  await expect(tab.getByRole('status').filter({ hasText: 'no second task was created' })).toBeVisible({
    timeout: 30_000,
  });
  await expect(tab.locator('li.dt-task', { hasText: DEFAULT_TITLE })).toHaveCount(1);
  await createAnother(tab);
  await expect(tab.locator('li.dt-task', { hasText: DEFAULT_TITLE })).toHaveCount(2);
  expect(await newTasks(before)).toHaveLength(2);
});
