/**
 * A manager opens the Smart Tasks tab of a smart-process item: the item at a glance (stage,
 * responsible, fields by type) and the tasks already linked to it, fetched in one round trip.
 */
import { expect, test } from '@playwright/test';
import { closeSlider, openDetailTab, topSlider } from './support/portal';
import { appRequests, control, portalRest } from './support/app';

test.beforeEach(async () => {
  await control.reset();
});

test('the tab shows what the card does not: the funnel, responsible, fields and linked tasks', async ({ page }) => {
  const tab = await openDetailTab(page, { entityTypeId: 177, itemId: 29 });

  // The frame's heading names the item for screen readers; the card shows title and stage above.
  await expect(tab.getByRole('heading', { level: 1 })).toContainText('Washing Machine');
  await expect(tab.getByRole('heading', { level: 1 })).toContainText('#29');
  // Visually hidden (a 1 px clip), not drawn a second time.
  expect((await tab.getByRole('heading', { level: 1 }).boundingBox())!.height).toBeLessThanOrEqual(1);
  await expect(page.getByRole('heading', { name: 'Washing Machine' }).first()).toBeVisible();
  const header = tab.locator('header');
  await expect(header.getByText('General', { exact: true })).toBeVisible();
  await expect(header.getByText('Maxim Orlov')).toBeVisible();
  await expect(tab.getByRole('list', { name: 'Stages' })).toHaveCount(0);
  await expect(tab.locator('.st-stage-pill')).toHaveCount(0);

  // Fields by type: text, number, money, date, boolean, enumeration, employee, CRM link, multiple.
  const fields = tab.getByRole('region', { name: 'Fields' });
  await expect(fields.getByText('Miele Professional')).toBeVisible();
  await expect(fields.getByText('€3,400.00').first()).toBeVisible();
  await expect(fields.getByText('WM-8841-A')).toBeVisible();
  await expect(fields.getByText('WM-8841-B')).toBeVisible();
  await expect(fields.getByText('Daniel Park').first()).toBeVisible();
  await expect(fields.getByRole('button', { name: 'PO-2026-0012 Safety gloves' })).toBeVisible();
  const { item } = await portalRest<{ item: Record<string, string> }>('crm.item.get', { entityTypeId: 177, id: 29 });
  const [year, month, day] = item.ufCrm7DeliveryDate!.slice(0, 10).split('-').map(Number) as [number, number, number];
  const deliveryDate = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(
    Date.UTC(year, month - 1, day),
  );
  await expect(fields.locator('[data-field="ufCrm7DeliveryDate"]')).toContainText(deliveryDate);
  await expect(fields.locator('[data-field="ufCrm7Warranty"]')).toContainText('Yes');
  // A status code shows its name from the portal's directory (crm.status.list), not the code.
  await expect(fields.locator('[data-field="sourceId"] dd')).toHaveText('Other');

  // Linked tasks: open ones first, the completed one last, overdue marked.
  const tasks = tab.getByRole('region', { name: /Linked tasks/ });
  const rows = tasks.locator('li.dt-task');
  await expect(rows).toHaveCount(5);
  await expect(rows.last()).toContainText('Request quotes from three suppliers');
  await expect(rows.last()).toContainText('Completed');
  await expect(tasks.locator('li.dt-task', { hasText: 'Check the installation site' })).toContainText('Overdue');
});

test('the first render takes one REST round trip; names it could not know come in one more', async ({ page }) => {
  // Hold every REST request after the first until the tab has shown its content.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  let restRequests = 0;
  await page.route(
    (url) => url.pathname.startsWith('/rest/'),
    async (route) => {
      restRequests += 1;
      if (restRequests > 1) await held;
      await route.continue();
    },
  );
  await control.clearRequests();

  const tab = await openDetailTab(page, { entityTypeId: 177, itemId: 29 });
  await expect(tab.getByRole('heading', { level: 1 })).toContainText('Washing Machine');
  await expect(tab.locator('header').getByText('General', { exact: true })).toBeVisible();
  await expect(tab.locator('li.dt-task')).toHaveCount(5);
  await expect(tab.getByText('Miele Professional')).toBeVisible();
  await expect(tab.locator('[data-field="sourceId"] dd')).toHaveText('Other');
  const first = await appRequests();
  expect(first.map((entry) => entry.method)).toEqual(['batch']);
  expect(first[0]!.commands).toEqual(
    expect.arrayContaining([
      'crm.item.get',
      'crm.type.getbyentitytypeid',
      'crm.category.list',
      'crm.status.list',
      'crm.item.fields',
      'tasks.task.list',
      'user.current',
      'user.get',
    ]),
  );

  // The linked purchase's title: one more batch, of name lookups only.
  release();
  await expect(tab.getByRole('button', { name: 'PO-2026-0012 Safety gloves' })).toBeVisible();
  const all = await appRequests();
  expect(all).toHaveLength(2);
  for (const command of all[1]!.commands ?? []) expect(['user.get', 'crm.item.list']).toContain(command);
});

test('a linked task opens in the portal’s task slider, and the list is fresh when the slider closes', async ({
  page,
}) => {
  const tab = await openDetailTab(page, { entityTypeId: 177, itemId: 29 });
  const row = tab.locator('li.dt-task', { hasText: 'Approve the purchase budget' });
  await expect(row).toContainText('Pending');
  await tab.getByRole('link', { name: 'Open task “Approve the purchase budget”' }).click();
  await expect(topSlider(page)).toBeVisible();
  await expect(topSlider(page)).toContainText('Approve the purchase budget');

  // Meanwhile the task is completed (as its responsible would in the slider).
  await portalRest('tasks.task.complete', { taskId: 103 });
  await closeSlider(page);
  await expect(row).toContainText('Completed');
});

test('empty fields fold under “show all”', async ({ page }) => {
  const tab = await openDetailTab(page, { entityTypeId: 177, itemId: 29 });
  const fields = tab.getByRole('region', { name: 'Fields' });
  const toggle = fields.getByRole('button', { name: /Show all fields/ });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  const before = await fields.locator('.dt-field').count();
  await toggle.click();
  await expect(fields.getByRole('button', { name: 'Hide empty fields' })).toHaveAttribute('aria-expanded', 'true');
  expect(await fields.locator('.dt-field').count()).toBeGreaterThan(before);
});

test('on a Russian portal the tab speaks Russian and formats dates the Russian way', async ({ page }) => {
  const tab = await openDetailTab(page, { entityTypeId: 177, itemId: 29, lang: 'ru' });
  await expect(tab.getByRole('region', { name: /Связанные задачи/ })).toContainText('5 задач');
  await expect(tab.getByRole('button', { name: 'Создать задачу', exact: true })).toBeVisible();
  await expect(tab.getByRole('button', { name: 'Настроить…' })).toBeVisible();
  await expect(tab.getByText('Воронка', { exact: true })).toBeVisible();
  await expect(tab.locator('li.dt-task', { hasText: 'Check the installation site' })).toContainText('Просрочена');
  await expect(tab.locator('li.dt-task').first()).toContainText(/\d{1,2} [а-я]+\.? 2026 г\./);
  await expect(tab.getByRole('region', { name: 'Поля' })).toContainText('Да');
});

test('the frame fits its content, growing and shrinking with it', async ({ page }) => {
  const tab = await openDetailTab(page, { entityTypeId: 177, itemId: 29 });
  const iframe = page.locator(
    '[data-testid="app-tab-panel"][data-placement="CRM_DYNAMIC_177_DETAIL_TAB"]:visible iframe[data-testid="app-frame"]',
  );
  const fields = tab.getByRole('region', { name: 'Fields' });
  await expect(fields.getByText('Miele Professional')).toBeVisible();
  const contentHeight = () =>
    tab.locator('.st-frame').evaluate((element) => Math.ceil(element.getBoundingClientRect().height));
  const frameHeight = async () => Math.round((await iframe.boundingBox())!.height);

  await expect.poll(async () => Math.abs((await frameHeight()) - (await contentHeight()))).toBeLessThanOrEqual(2);
  const folded = await frameHeight();

  await fields.getByRole('button', { name: /Show all fields/ }).click();
  await expect.poll(frameHeight).toBeGreaterThan(folded);
  await expect.poll(async () => Math.abs((await frameHeight()) - (await contentHeight()))).toBeLessThanOrEqual(2);

  await fields.getByRole('button', { name: 'Hide empty fields' }).click();
  await expect.poll(frameHeight).toBe(folded);
});

test('an item titled with 10,000 characters leaves the tab unharmed: no sideways scrolling, the create button in view', async ({
  page,
}) => {
  const words = 'Washing machine with a very long name '.repeat(200);
  const title = `${words}${'X'.repeat(10_000 - words.length)}`;
  expect(title).toHaveLength(10_000);
  await portalRest('crm.item.update', { entityTypeId: 177, id: 29, fields: { title } });

  const tab = await openDetailTab(page, { entityTypeId: 177, itemId: 29 });
  const heading = tab.getByRole('heading', { level: 1 });
  await expect(heading).toContainText('#29');
  // The card shows the title; the tab's heading (for screen readers) carries a cut of it.
  expect(((await heading.textContent()) ?? '').length).toBeLessThan(300);
  // Nothing runs off to the side: the frame needs no horizontal scrolling.
  const frame = page.frameLocator('iframe[data-testid="app-frame"]').first();
  expect(await frame.locator('html').evaluate((html) => html.scrollWidth <= html.clientWidth)).toBe(true);

  const create = tab.getByRole('button', { name: 'Create task', exact: true });
  const button = (await create.boundingBox())!;
  const viewport = page.viewportSize()!;
  expect(button.y + button.height).toBeLessThanOrEqual(viewport.height);
  expect(button.x + button.width).toBeLessThanOrEqual(viewport.width);
  await page.screenshot({ path: 'test-results/long-title.png' });
});

test('a deactivated responsible is marked, and the click lets the user choose instead of giving them a task', async ({
  page,
}) => {
  // Maxim Orlov, responsible for item 29, leaves the company.
  await portalRest('user.update', { ID: 2, ACTIVE: 'N' });
  const before = (
    await portalRest<{ tasks: unknown[] }>('tasks.task.list', { filter: { UF_CRM_TASK: 'Tb1_29' }, select: ['ID'] })
  ).tasks.length;

  const tab = await openDetailTab(page, { entityTypeId: 177, itemId: 29 });
  const header = tab.locator('header');
  await expect(header.getByText('Maxim Orlov')).toBeVisible();
  await expect(header.getByText('Deactivated')).toBeVisible();

  await tab.getByRole('button', { name: 'Create task', exact: true }).click();
  await expect(
    tab.getByText('Maxim Orlov is deactivated in Bitrix24, so the task does not go to them. Choose who gets it.'),
  ).toBeVisible();
  await expect(tab.getByRole('form', { name: 'New task' })).toBeVisible();
  const after = (
    await portalRest<{ tasks: unknown[] }>('tasks.task.list', { filter: { UF_CRM_TASK: 'Tb1_29' }, select: ['ID'] })
  ).tasks.length;
  expect(after).toBe(before);
});
