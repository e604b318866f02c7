/**
 * A manager handles the item's linked tasks from the Tasks tab without leaving the card (issue
 * 12): each action one request through the real SDK, shown at once, within the rights the
 * portal reports (the task's `action` flags), and rolled back with a message on refusal.
 */
import { expect, test, type FrameLocator, type Locator, type Page } from '@playwright/test';
import { appFrameElement, openDetailTab, pickUserInPicker, topSlider } from './support/portal';
import { appRequests, control, portalRest } from './support/app';

interface PortalTaskState {
  id: string;
  status: string;
  responsibleId: string;
  deadline: string | null;
}

async function portalTask(taskId: number): Promise<PortalTaskState> {
  const result = await portalRest<{ task: PortalTaskState }>('tasks.task.get', {
    taskId,
    select: ['ID', 'STATUS', 'RESPONSIBLE_ID', 'DEADLINE'],
  });
  return result.task;
}

function taskRow(tab: FrameLocator, title: string): Locator {
  return tab.locator('li.dt-task', { has: tab.getByRole('link', { name: `Open task “${title}”` }) });
}

/** Opens a row's menu and waits until it lists what the user may do. */
async function openMenu(tab: FrameLocator, title: string): Promise<Locator> {
  const row = taskRow(tab, title);
  await row.getByRole('button', { name: `Actions for “${title}”` }).click();
  const menu = row.getByRole('menu');
  await expect(menu).toBeVisible();
  await expect(menu.getByText('Checking what you can do with this task…')).toHaveCount(0);
  return menu;
}

async function openTab(page: Page, user?: number): Promise<FrameLocator> {
  const tab = await openDetailTab(page, { entityTypeId: 177, itemId: 29, user });
  await expect(tab.locator('li.dt-task').first()).toBeVisible();
  return tab;
}

test.beforeEach(async () => {
  await control.reset();
});

test('completing a linked task from the tab: one request, shown at once, done in the portal', async ({ page }) => {
  const title = 'Approve the purchase budget';
  const tab = await openTab(page);
  const row = taskRow(tab, title);
  await expect(row).toContainText('Pending');
  const menu = await openMenu(tab, title);
  await control.clearRequests();

  await menu.getByRole('menuitem', { name: 'Complete' }).click();

  await expect(row).toContainText('Completed');
  await expect(row.getByRole('status')).toHaveCount(0);
  // One request about tasks (a names lookup the tab may still have had on its way does not count).
  const taskRequests = (await appRequests()).filter((entry) =>
    (entry.commands ?? [entry.method]).some((method) => method.startsWith('tasks.')),
  );
  expect(taskRequests.map((entry) => entry.method)).toEqual(['tasks.task.complete']);
  expect((await portalTask(103)).status).toBe('5');

  // The portal's own task page says so too.
  await tab.getByRole('link', { name: `Open task “${title}”` }).click();
  await expect(topSlider(page).locator('iframe').contentFrame().getByTestId('task-status')).toHaveText('Completed');
});

test('a double click on Complete completes once and opens nothing', async ({ page }) => {
  const title = 'Approve the purchase budget';
  const tab = await openTab(page);
  const row = taskRow(tab, title);
  const menu = await openMenu(tab, title);
  await control.clearRequests();

  await menu.getByRole('menuitem', { name: 'Complete' }).dblclick();

  await expect(row).toContainText('Completed');
  await expect(row.getByRole('status')).toHaveCount(0);
  const completes = (await appRequests()).filter((entry) => entry.method === 'tasks.task.complete');
  expect(completes).toHaveLength(1);
  await expect(page.getByTestId('slider')).toHaveCount(0);
  expect((await portalTask(103)).status).toBe('5');
});

test('opening the tab reads no rights; the first menu reads them for every visible task in one batch', async ({
  page,
}) => {
  await control.clearRequests();
  const tab = await openTab(page);
  await expect(tab.locator('li.dt-task')).toHaveCount(5);
  const opening = await appRequests();
  expect(opening.flatMap((entry) => entry.commands ?? [entry.method])).not.toContain('tasks.task.getaccess');
  await control.clearRequests();

  await openMenu(tab, 'Approve the purchase budget');
  await openMenu(tab, 'Sign the delivery note for the washing machine');
  const rights = await appRequests();
  expect(rights).toHaveLength(1);
  expect(rights[0]!.method).toBe('batch');
  expect(rights[0]!.commands).toEqual(Array(5).fill('tasks.task.getaccess'));
});

test('an observer without rights sees no Complete, only that the task is view-only', async ({ page }) => {
  // An administrator adds Sophie (user 3) as an observer of a task linked to the item.
  const { task } = await portalRest<{ task: { id: string } }>('tasks.task.add', {
    fields: { TITLE: 'Check the warranty terms', RESPONSIBLE_ID: 4, AUDITORS: [3], UF_CRM_TASK: ['Tb1_29'] },
  });
  const tab = await openTab(page, 3);
  const menu = await openMenu(tab, 'Check the warranty terms');
  await expect(menu).toContainText('You can view this task but not change it.');
  await expect(menu.getByRole('menuitem')).toHaveCount(0);
  // Escape closes it, and the focus goes back to its button.
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(
    taskRow(tab, 'Check the warranty terms').getByRole('button', { name: 'Actions for “Check the warranty terms”' }),
  ).toBeFocused();
  expect((await portalTask(Number(task.id))).status).toBe('2');
});

test('a refusal rolls back with a message naming what was refused and why', async ({ page }) => {
  const title = 'Sign the delivery note for the washing machine';
  // Amara (user 7) is its responsible: she may complete it.
  const tab = await openTab(page, 7);
  const row = taskRow(tab, title);
  const menu = await openMenu(tab, title);
  const complete = menu.getByRole('menuitem', { name: 'Complete' });
  await expect(complete).toBeVisible();
  // Meanwhile the task goes to Daniel (user 4) and Amara only observes it.
  await portalRest('tasks.task.update', { taskId: 104, fields: { RESPONSIBLE_ID: 4, AUDITORS: [7] } });

  await complete.click();

  const alert = row.getByRole('alert');
  await expect(alert).toContainText('The task was not completed');
  await expect(alert).toContainText('Bitrix24 does not allow you to do this with this task.');
  await expect(row).toContainText('Pending');
  await expect(row).not.toContainText('Completed');
  expect((await portalTask(104)).status).toBe('2');
  // The re-read brought the flags: nothing is offered any more.
  const again = await openMenu(tab, title);
  await expect(again).toContainText('You can view this task but not change it.');
});

test('the portal’s request limit: the row goes back and says nothing was changed', async ({ page }) => {
  const title = 'Approve the purchase budget';
  const tab = await openTab(page);
  const row = taskRow(tab, title);
  const menu = await openMenu(tab, title);
  await control.setFaults({
    fail: [
      {
        method: 'tasks.task.start',
        count: 1,
        error: 'QUERY_LIMIT_EXCEEDED',
        status: 503,
        description: 'Too many requests',
      },
    ],
  });

  await menu.getByRole('menuitem', { name: 'Start' }).click();

  await expect(row.getByRole('alert')).toContainText('The task was not started');
  await expect(row.getByRole('alert')).toContainText('Bitrix24 is busy right now (its request limit)');
  await expect(row).toContainText('Pending');
  expect((await portalTask(103)).status).toBe('2');
});

test('an answer lost after the portal completed the task: the task is read again, and the row says so', async ({
  page,
}) => {
  const title = 'Approve the purchase budget';
  const tab = await openTab(page);
  const row = taskRow(tab, title);
  const menu = await openMenu(tab, title);
  // The portal completes it, then the connection drops (and so does a copy the browser may resend).
  await control.setFaults({ drop: [{ method: 'tasks.task.complete', count: 2, when: 'after' }] });

  await menu.getByRole('menuitem', { name: 'Complete' }).click();

  await expect(row.getByRole('status').filter({ hasText: 'No clear answer from Bitrix24' })).toBeVisible();
  await expect(row).toContainText('The task was read again: it has been completed.');
  await expect(row).toContainText('Completed');
  expect((await portalTask(103)).status).toBe('5');
});

test('a session that ended: the row goes back, nothing was sent, reload', async ({ page }) => {
  // A refresh token works once; using it up here is what a portal does when the user's session
  // ended elsewhere: the frame's own refresh is refused (as in detail-tab-problems.spec.ts).
  let refreshId = '';
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.frame() !== page.mainFrame()) {
      const posted = new URLSearchParams(request.postData() ?? '').get('REFRESH_ID');
      if (posted) refreshId = posted;
    }
  });
  const title = 'Approve the purchase budget';
  const tab = await openTab(page);
  const row = taskRow(tab, title);
  const menu = await openMenu(tab, title);
  expect(refreshId).not.toBe('');
  await control.refreshToken(refreshId);
  expect(await control.expireTokens()).toBeGreaterThan(0);

  await menu.getByRole('menuitem', { name: 'Complete' }).click();

  // The SDK waits for the refresh that never comes (10 s), then the app reads the cause.
  const alert = row.getByRole('alert');
  await expect(alert).toContainText('The task was not completed', { timeout: 20_000 });
  await expect(alert).toContainText('Your Bitrix24 session has ended, so nothing was sent.');
  await expect(row).toContainText('Pending');
  expect((await portalTask(103)).status).toBe('2');
});

test('the responsible changes through the portal’s picker, and the deadline in the user’s format and zone', async ({
  page,
}) => {
  const title = 'Approve the purchase budget';
  const tab = await openDetailTab(page, { entityTypeId: 177, itemId: 29, lang: 'de' });
  const row = tab.locator('li.dt-task', { has: tab.getByRole('link', { name: `Aufgabe „${title}“ öffnen` }) });
  await row.getByRole('button', { name: `Aktionen für „${title}“` }).click();
  await row.getByRole('menuitem', { name: 'Verantwortliche Person ändern…' }).click();
  await pickUserInPicker(page, 'Daniel Park');
  await expect(row).toContainText('Daniel Park');
  await expect.poll(async () => (await portalTask(103)).responsibleId).toBe('4');

  await row.getByRole('button', { name: `Aktionen für „${title}“` }).click();
  await row.getByRole('menuitem', { name: 'Frist ändern…' }).click();
  await row.getByLabel('Neue Frist').fill('04.12.2026, 18:00');
  await row.getByRole('button', { name: 'Speichern' }).click();
  await expect(row).toContainText('04.12.2026');
  // Olivia's profile names no zone: her clock is the portal's (+03:00), and so is the offset sent.
  await expect.poll(async () => (await portalTask(103)).deadline).toBe('2026-12-04T18:00:00+03:00');
});

test('in a 400 px frame the row, its menu and the deadline form fit, and the keyboard reaches every action', async ({
  page,
}) => {
  const title = 'Approve the purchase budget';
  const tab = await openTab(page);
  // The card's frame 400 px wide (the portal's own menu takes the rest of the window).
  const frameWidth = (await appFrameElement(page).boundingBox())!.width;
  await page.setViewportSize({ width: page.viewportSize()!.width - frameWidth + 400, height: 900 });
  await expect.poll(async () => Math.round((await appFrameElement(page).boundingBox())!.width)).toBe(400);
  const row = taskRow(tab, title);
  const button = row.getByRole('button', { name: `Actions for “${title}”` });
  await button.focus();
  await page.keyboard.press('Enter');
  const menu = row.getByRole('menu');
  await expect(menu.getByRole('menuitem', { name: 'Start' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: 'Complete' })).toBeFocused();
  await page.keyboard.press('End');
  await expect(menu.getByRole('menuitem', { name: 'Change responsible…' })).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(menu.getByRole('menuitem', { name: 'Change deadline…' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(row.getByLabel('New deadline')).toBeFocused();
  // Nothing to scroll sideways for, and every control inside the frame's width.
  expect(await tab.locator('html').evaluate((html) => html.scrollWidth - html.clientWidth)).toBeLessThanOrEqual(0);
  for (const control of [row.getByLabel('New deadline'), row.getByRole('button', { name: 'Save' }), button]) {
    const inside = await control.evaluate((element) => {
      const box = element.getBoundingClientRect();
      return box.left >= 0 && box.right <= element.ownerDocument.documentElement.clientWidth + 0.5;
    });
    expect(inside).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(row.getByLabel('New deadline')).toHaveCount(0);
});
