/**
 * The one-click guarantee under what a real portal and a real browser do to a click: two users
 * in one browser, hostile item titles, a write that lands after the app gave up on it, a
 * connection that dropped before the write, a computer clock hours off the portal's, an item or
 * a whole smart process deleted while its tab is open. Whatever happens: never two tasks for one
 * click, never a task for an item that is gone, and a message that says what happened.
 */
import { expect, test, type FrameLocator, type Page } from '@playwright/test';
import { taskViewPath } from '../portal/host/paths';
import { openDetailTab } from './support/portal';
import { control, portalRest, tasksLinkedTo, tasksTitled, type PortalTask } from './support/app';

const DEFAULT_TITLE = 'Equipment Purchase: Washing Machine';

function createButton(tab: FrameLocator) {
  return tab.getByRole('button', { name: 'Create task', exact: true });
}

async function openTab(page: Page, options: { user?: number; itemId?: number } = {}): Promise<FrameLocator> {
  const tab = await openDetailTab(page, { entityTypeId: 177, itemId: options.itemId ?? 29, user: options.user });
  await expect(createButton(tab)).toBeEnabled();
  return tab;
}

async function newTasks(before: PortalTask[], code = 'Tb1_29'): Promise<PortalTask[]> {
  const ids = new Set(before.map((task) => task.id));
  return (await tasksLinkedTo(code)).filter((task) => !ids.has(task.id));
}

test.beforeEach(async () => {
  await control.reset();
});

test('a pending click of user 1 never holds up user 3 in the same browser', async ({ page }) => {
  const before = await tasksLinkedTo('Tb1_29');
  let tab = await openTab(page, { user: 1 });
  await control.setFaults({ slow: [{ method: 'tasks.task.add', ms: 3_000 }] });
  await createButton(tab).click();
  await expect(createButton(tab)).toHaveCount(0); // Olivia's request is on its way…
  // …when Sophie signs in in the same browser tab (the same sessionStorage).
  tab = await openDetailTab(page, { entityTypeId: 177, itemId: 29, user: 3 });
  await control.clearFaults();

  await expect(createButton(tab)).toBeEnabled({ timeout: 5_000 });
  await createButton(tab).click();
  await expect(tab.getByRole('status').filter({ hasText: 'Task created' })).toBeVisible({ timeout: 5_000 });
  const sophies = (await newTasks(before)).filter((task) => task.createdBy === '3');
  expect(sophies).toHaveLength(1);
  // Olivia's own request lands too: one task for each click, no more.
  await expect
    .poll(async () => (await newTasks(before)).map((task) => task.createdBy).sort(), { timeout: 10_000 })
    .toEqual(['1', '3']);
});

test('an item titled with BBCode adds no link and no formatting to the task', async ({ page }) => {
  const hostile = '[URL=https://evil.example/pay]Pay invoice[/URL] [B]urgent[/B] [B]rest';
  await portalRest('crm.item.update', { entityTypeId: 177, id: 29, fields: { title: hostile } });
  const before = await tasksLinkedTo('Tb1_29');
  const tab = await openTab(page);
  await createButton(tab).click();
  await expect(tab.getByRole('status').filter({ hasText: 'Task created' })).toBeVisible();
  const [task] = await newTasks(before);
  expect(task).toBeDefined();

  // The task card, as Bitrix24 renders the description's BBCode.
  await page.goto(taskViewPath(1, Number(task!.id)));
  const description = page.getByTestId('task-description');
  await expect(description).toContainText('Pay invoice');
  await expect(description.locator('a[href*="evil.example"]')).toHaveCount(0);
  await expect(description.locator('b, strong')).toHaveCount(0);
  // The only link is the app's own, back to the item.
  await expect(description.locator('a')).toHaveCount(1);
  await expect(description.locator('a')).toHaveAttribute('href', /\/crm\/type\/177\/details\/29\//);
  // What the reader sees is the title as written.
  expect((await description.innerText()).replace(/\u2060/g, '')).toContain(hostile);
});

test('a connection dropped before the write: "not created" at once, and the next click creates without waiting', async ({
  page,
}) => {
  const before = await tasksLinkedTo('Tb1_29');
  const tab = await openTab(page);
  // Two: Chromium resends a POST once when its reused connection drops.
  await control.setFaults({ drop: [{ method: 'tasks.task.add', count: 2, when: 'before' }] });

  await createButton(tab).click();
  const alert = tab.getByRole('alert').filter({ hasText: 'No task has arrived' });
  await expect(alert).toBeVisible({ timeout: 10_000 });
  await expect(alert).toContainText('no task from this click has arrived');
  expect(await newTasks(before)).toHaveLength(0);
  await control.clearFaults();

  await createButton(tab).click();
  await expect(tab.getByRole('status').filter({ hasText: 'Task created' })).toBeVisible({ timeout: 5_000 });
  expect(await newTasks(before)).toHaveLength(1);
});

test('a write that lands after the app gave up on it leaves one task: the next open deletes the late copy', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const before = await tasksLinkedTo('Tb1_29');
  let tab = await openTab(page);
  // The portal takes 36 s: the SDK gives up after 30 s, the portal still writes at 36 s.
  await control.setFaults({ slow: [{ method: 'tasks.task.add', ms: 36_000 }] });
  await createButton(tab).click();
  await expect(tab.getByRole('alert').filter({ hasText: 'No task has arrived' })).toBeVisible({ timeout: 40_000 });
  await control.clearFaults();

  // The user clicks again at once: sent under the same key, created.
  await createButton(tab).click();
  await expect(tab.getByRole('status').filter({ hasText: 'Task created' })).toBeVisible({ timeout: 10_000 });
  const first = await newTasks(before);
  expect(first).toHaveLength(1);

  // The first request lands late: a copy of the same click.
  await expect.poll(async () => (await newTasks(before)).length, { timeout: 20_000 }).toBe(2);

  // The next open of the tab looks for copies again and deletes the newer one.
  tab = await openTab(page);
  await expect
    .poll(async () => (await newTasks(before)).map((task) => task.id), { timeout: 15_000 })
    .toEqual([first[0]!.id]);
  await expect(tab.locator('li.dt-task', { hasText: DEFAULT_TITLE })).toHaveCount(1);
});

test('a late copy is deleted without reopening: the re-check after the landing window', async ({ page }) => {
  test.setTimeout(180_000);
  const before = await tasksLinkedTo('Tb1_29');
  const tab = await openTab(page);
  await control.setFaults({ slow: [{ method: 'tasks.task.add', ms: 36_000 }] });
  await createButton(tab).click();
  await expect(tab.getByRole('alert').filter({ hasText: 'No task has arrived' })).toBeVisible({ timeout: 40_000 });
  await control.clearFaults();
  await createButton(tab).click();
  await expect(tab.getByRole('status').filter({ hasText: 'Task created' })).toBeVisible({ timeout: 10_000 });
  const first = await newTasks(before);
  await expect.poll(async () => (await newTasks(before)).length, { timeout: 20_000 }).toBe(2);

  // 65 s after the last send no request with the key can land: the tab searches and deletes.
  await expect
    .poll(async () => (await newTasks(before)).map((task) => task.id), { timeout: 90_000, intervals: [2_000] })
    .toEqual([first[0]!.id]);
  await expect(tab.locator('li.dt-task', { hasText: DEFAULT_TITLE })).toHaveCount(1);
});

test('a computer clock three hours ahead of the portal’s still finds the task whose answer was lost', async ({
  page,
}) => {
  await control.configure({ clockOffsetSeconds: -3 * 3600 });
  const before = await tasksLinkedTo('Tb1_29');
  const tab = await openTab(page);
  await control.setFaults({ fail: [{ method: 'batch', count: 1, answer: 'proxy-html', status: 502, when: 'after' }] });

  await createButton(tab).click();
  await expect(tab.getByRole('status').filter({ hasText: 'it did arrive' })).toBeVisible({ timeout: 15_000 });
  expect(await newTasks(before)).toHaveLength(1);
  // A deliberate second task: "Create another", and the open twin is confirmed.
  await tab.getByRole('button', { name: 'Create another', exact: true }).click();
  await tab.getByRole('button', { name: 'Create a second task' }).click();
  await expect(tab.locator('li.dt-task', { hasText: DEFAULT_TITLE })).toHaveCount(2);
  expect(await newTasks(before)).toHaveLength(2);
});

test('an item deleted while its tab is open gets no task, and the tab says why', async ({ page }) => {
  const tab = await openTab(page, { itemId: 30 });
  const title = (await tab.getByRole('heading', { level: 1 }).textContent()) ?? '';
  await portalRest('crm.item.delete', { entityTypeId: 177, id: 30 });

  await createButton(tab).click();
  const alert = tab.getByRole('alert').filter({ hasText: 'The task was not created' });
  await expect(alert).toContainText('This item no longer exists');
  expect(await tasksLinkedTo('Tb1_30')).toHaveLength(0);
  expect(title).not.toBe('');
});

test('a smart process deleted while an item’s tab is open gets no task, and the tab says so', async ({ page }) => {
  const tab = await openTab(page);
  // An administrator empties and deletes the whole smart process.
  const ids: number[] = [];
  for (let afterId = 0; ;) {
    const { items } = await portalRest<{ items: Array<{ id: number }> }>('crm.item.list', {
      entityTypeId: 177,
      select: ['id'],
      filter: { '>id': afterId },
      order: { id: 'ASC' },
      start: -1,
    });
    ids.push(...items.map((item) => item.id));
    if (items.length < 50) break;
    afterId = items.at(-1)!.id;
  }
  for (let start = 0; start < ids.length; start += 50) {
    await portalRest('batch', {
      halt: 0,
      cmd: Object.fromEntries(
        ids.slice(start, start + 50).map((id) => [`d${id}`, `crm.item.delete?entityTypeId=177&id=${id}`]),
      ),
    });
  }
  await portalRest('crm.type.delete', { id: 7 });

  await createButton(tab).click();
  const alert = tab.getByRole('alert').filter({ hasText: 'The task was not created' });
  await expect(alert).toContainText('This smart process no longer exists');
  expect(await tasksTitled(DEFAULT_TITLE)).toHaveLength(0);
});
