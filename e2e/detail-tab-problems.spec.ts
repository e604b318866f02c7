/**
 * The tab when things are not as they should be: a deleted item, no right to see it, a token
 * that expired while the tab stayed open, and the app opened outside Bitrix24.
 */
import { expect, test } from '@playwright/test';
import { openDetailTab } from './support/portal';
import { appRequests, control, portalRest, tasksLinkedTo } from './support/app';

const APP_URL = `http://127.0.0.1:${Number(process.env.E2E_APP_PORT ?? 5180)}/`;

test.beforeEach(async () => {
  await control.reset();
});

test('an item deleted while the tab was opening gets a clear message, not a blank frame', async ({ page }) => {
  // Someone deletes the item between the portal showing its form and the tab asking for it.
  let deleted = false;
  await page.route(
    (url) => url.pathname.startsWith('/rest/'),
    async (route) => {
      if (!deleted) {
        deleted = true;
        await portalRest('crm.item.delete', { entityTypeId: 177, id: 30 });
      }
      await route.continue();
    },
  );
  const tab = await openDetailTab(page, { entityTypeId: 177, itemId: 30 });
  const alert = tab.getByRole('alert');
  await expect(alert).toContainText('This item no longer exists');
  // Asking again cannot bring a deleted item back: no "Try again" that would only fail again.
  await expect(alert.getByRole('button', { name: 'Try again' })).toHaveCount(0);
});

test('a smart process deleted while the tab was opening is named as such, not as a missing item', async ({ page }) => {
  // An administrator empties and deletes the whole smart process between the portal showing the
  // card and the tab asking for it. The portal answers crm.type.getByEntityTypeId with
  // `"error": 0` inside the batch (SDK 2.2.0 took that for a success).
  let deleted = false;
  await page.route(
    (url) => url.pathname.startsWith('/rest/'),
    async (route) => {
      if (!deleted) {
        deleted = true;
        for (;;) {
          const { items } = await portalRest<{ items: Array<{ id: number }> }>('crm.item.list', {
            entityTypeId: 177,
            select: ['id'],
            order: { id: 'ASC' },
            start: -1,
          });
          if (items.length === 0) break;
          await portalRest('batch', {
            halt: 0,
            cmd: Object.fromEntries(
              items.map((item) => [`d${item.id}`, `crm.item.delete?entityTypeId=177&id=${item.id}`]),
            ),
          });
        }
        await portalRest('crm.type.delete', { id: 7 });
      }
      await route.continue();
    },
  );
  const tab = await openDetailTab(page, { entityTypeId: 177, itemId: 29 });
  const alert = tab.getByRole('alert');
  await expect(alert).toContainText('This smart process no longer exists');
  await expect(alert).not.toContainText('This item no longer exists');
});

test('a funnel or stage list that fails inside the first batch says so, and "Try again" brings it back', async ({
  page,
}) => {
  await control.setFaults({
    fail: [
      {
        method: 'crm.category.list',
        count: 1,
        error: 'INTERNAL_SERVER_ERROR',
        status: 500,
        description: 'Internal error',
      },
      {
        method: 'crm.status.list',
        count: 1,
        error: 'INTERNAL_SERVER_ERROR',
        status: 500,
        description: 'Internal error',
      },
    ],
  });
  const tab = await openDetailTab(page, { entityTypeId: 177, itemId: 29 });
  const header = tab.locator('header');
  await expect(header.getByText('The funnel could not be loaded.')).toBeVisible();
  await expect(header.getByText('The stages could not be loaded.')).toBeVisible();
  await expect(tab.getByRole('list', { name: 'Stages' })).toHaveCount(0);

  await header.getByRole('button', { name: 'Try again' }).first().click();
  await expect(header.getByText('General', { exact: true })).toBeVisible();
  await expect(header.getByText('The stages could not be loaded.')).toHaveCount(0);
});

test('a user without the right to see the item is told so', async ({ page }) => {
  // Lukas Becker may not read the "Purchase" smart process.
  const tab = await openDetailTab(page, { entityTypeId: 156, itemId: 12, user: 6 });
  await expect(tab.getByRole('alert')).toContainText('You cannot see this item');
});

test('a token that expired while the tab was open is refreshed, and the click still makes one task', async ({
  page,
}) => {
  const before = await tasksLinkedTo('Tb1_29');
  const tab = await openDetailTab(page, { entityTypeId: 177, itemId: 29 });
  await expect(tab.locator('li.dt-task')).toHaveCount(5);
  await expect(tab.getByRole('button', { name: 'PO-2026-0012 Safety gloves' })).toBeVisible();
  expect(await control.expireTokens()).toBeGreaterThan(0);
  await control.clearRequests();

  await tab.getByRole('button', { name: 'Create task', exact: true }).click();

  await expect(tab.getByRole('status').filter({ hasText: 'Task created' })).toBeVisible();
  const requests = await appRequests();
  expect(requests.map((entry) => entry.status)).toEqual([401, 200]);
  const ids = new Set(before.map((task) => task.id));
  expect((await tasksLinkedTo('Tb1_29')).filter((task) => !ids.has(task.id))).toHaveLength(1);
});

test('when the portal refuses to refresh the token (the session ended), the click says the session ended and creates nothing', async ({
  page,
}) => {
  // The portal posts the frame its tokens; a refresh token works once. Using it up here is what a
  // portal does when the user's session ended elsewhere: the frame's own refresh is refused.
  let refreshId = '';
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.frame() !== page.mainFrame()) {
      const posted = new URLSearchParams(request.postData() ?? '').get('REFRESH_ID');
      if (posted) refreshId = posted;
    }
  });
  const before = await tasksLinkedTo('Tb1_29');
  const tab = await openDetailTab(page, { entityTypeId: 177, itemId: 29 });
  await expect(tab.locator('li.dt-task')).toHaveCount(5);
  expect(refreshId).not.toBe('');
  await control.refreshToken(refreshId);
  expect(await control.expireTokens()).toBeGreaterThan(0);

  await tab.getByRole('button', { name: 'Create task', exact: true }).click();

  // The SDK waits for the refresh that never comes (10 s), then the app reads the cause.
  const outcome = tab.getByText('Your Bitrix24 session has ended, so nothing was sent.');
  await expect(outcome).toBeVisible({ timeout: 20_000 });
  await expect(tab.getByText(/Not sure/i)).toHaveCount(0);
  const ids = new Set(before.map((task) => task.id));
  expect((await tasksLinkedTo('Tb1_29')).filter((task) => !ids.has(task.id))).toHaveLength(0);
});

test('opened outside Bitrix24, the app explains how to install it and how to try it', async ({ page, request }) => {
  await page.goto(`${APP_URL}index.html`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Smart Tasks for Bitrix24');
  await expect(page.getByText(`${APP_URL}index.html`)).toBeVisible();
  await expect(page.getByText(`${APP_URL}install.html`)).toBeVisible();
  await expect(page.getByText('crm, task, user, placement')).toBeVisible();
  await expect(page.getByText(/npm install && npm start/)).toBeVisible();

  // The handler answers the portal's POST.
  const posted = await request.post(`${APP_URL}index.html?DOMAIN=127.0.0.1&PROTOCOL=0&LANG=en&APP_SID=x`, {
    form: { AUTH_ID: 'x', PLACEMENT: 'DEFAULT' },
  });
  expect(posted.status()).toBe(200);
  expect(await posted.text()).toContain('<div id="root">');
});
