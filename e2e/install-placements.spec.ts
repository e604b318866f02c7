/**
 * An administrator opens Smart Tasks for the first time: it binds itself to every smart
 * process and finishes its install without a click; opening it again changes nothing; its
 * page is the settings where surfaces are switched on and off.
 */
import { expect, test, type Page } from '@playwright/test';
import { manifest } from '../placements/manifest';
import { openAppPage } from './support/portal';
import { appRequests, control, portalRest } from './support/app';

const APP_URL = `http://127.0.0.1:${Number(process.env.E2E_APP_PORT ?? 5180)}/`;
const HANDLER = new URL(manifest.entries.handler, APP_URL).toString();
const SMART_PROCESSES = [177, 156, 183, 187];
const DEFAULT_SURFACES = manifest.surfaces.filter((surface) => surface.enabledByDefault);

interface Binding {
  placement: string;
  handler: string;
  title: string;
  langAll: Record<string, { TITLE: string }>;
}

const bindings = () => portalRest<Binding[]>('placement.get', {});
const installed = async () => (await portalRest<{ INSTALLED: boolean }>('app.info', {})).INSTALLED;

function expectedPlacements(): string[] {
  return SMART_PROCESSES.flatMap((id) =>
    DEFAULT_SURFACES.map((surface) => surface.placement.replace('{entityTypeId}', String(id))),
  ).sort();
}

async function waitForInstall(page: Page): Promise<void> {
  // The portal reloads its page with ?install_finished=Y once the app finishes its install.
  await expect(page.getByTestId('install-finished')).toBeVisible({ timeout: 30_000 });
}

test.beforeEach(async () => {
  await control.reset({ fresh: true });
});

test('the first run binds every default surface on every smart process and finishes the install', async ({ page }) => {
  expect(await installed()).toBe(false);
  expect(await bindings()).toEqual([]);

  await openAppPage(page);
  await waitForInstall(page);

  expect(await installed()).toBe(true);
  const bound = await bindings();
  expect(bound.map((binding) => binding.placement).sort()).toEqual(expectedPlacements());
  expect(new Set(bound.map((binding) => binding.handler))).toEqual(new Set([HANDLER]));
  const tab = bound.find((binding) => binding.placement === 'CRM_DYNAMIC_177_DETAIL_TAB')!;
  expect(tab.langAll.en?.TITLE).toBe('Tasks');
  expect(tab.langAll.ru?.TITLE).toBe('Задачи');
  expect(tab.langAll.de?.TITLE).toBe('Aufgaben');

  // The binds went out in batches (at most 50 commands each), not one request per placement.
  const requests = await appRequests();
  expect(requests.filter((entry) => entry.method === 'placement.bind')).toHaveLength(0);
  const bindBatches = requests.filter((entry) => entry.commands?.includes('placement.bind'));
  expect(bindBatches.length).toBeGreaterThanOrEqual(1);
  expect(bindBatches.every((entry) => (entry.commands?.length ?? 0) <= 50)).toBe(true);

  // After the install the page is the settings, with every surface shown.
  const app = page.getByTestId('app-page').locator('iframe[data-testid="app-frame"]').contentFrame();
  await expect(app.getByRole('table')).toBeVisible();
  await expect(app.getByRole('switch', { name: 'Show “Tasks” in Equipment Purchase' })).toBeChecked();
  await expect(app.locator('td[data-bound="true"]')).toHaveCount(expectedPlacements().length);
});

test('opening the app page again binds nothing new', async ({ page }) => {
  await openAppPage(page);
  await waitForInstall(page);
  const before = await bindings();
  await control.clearRequests();

  const app = await openAppPage(page);
  await expect(app.getByRole('table')).toBeVisible();
  await app.getByRole('button', { name: 'Sync with Bitrix24' }).click();
  await expect(app.getByText('Everything is up to date.')).toBeVisible();

  const requests = await appRequests();
  const commands = requests.flatMap((entry) => entry.commands ?? [entry.method]);
  expect(commands).not.toContain('placement.bind');
  expect(commands).not.toContain('placement.unbind');
  expect(await bindings()).toEqual(before);
});

test('opening the app page shows what drifted and changes nothing; Sync repairs it and says what it did', async ({
  page,
}) => {
  await openAppPage(page);
  await waitForInstall(page);
  // Someone removed the list menu of Purchase and left a binding Smart Tasks does not declare.
  await portalRest('placement.unbind', { PLACEMENT: 'CRM_DYNAMIC_156_LIST_MENU', HANDLER });
  await portalRest('placement.bind', { PLACEMENT: 'CRM_DYNAMIC_177_FUNNELS_TOOLBAR', HANDLER, TITLE: 'Old entry' });
  const drifted = await bindings();
  await control.clearRequests();

  const app = await openAppPage(page);
  await expect(
    app.getByText('Bitrix24 differs from these settings in 2 places. Nothing changes until you sync:'),
  ).toBeVisible();
  await expect(app.getByText('Add: Row menu in the list, Purchase')).toBeVisible();
  const commands = (await appRequests()).flatMap((entry) => entry.commands ?? [entry.method]);
  expect(commands).not.toContain('placement.bind');
  expect(commands).not.toContain('placement.unbind');
  expect(await bindings()).toEqual(drifted);

  await app.getByRole('button', { name: 'Sync with Bitrix24' }).click();
  await expect(app.getByText('2 changes made.')).toBeVisible();
  await expect(app.getByText('Added: Row menu in the list, Purchase')).toBeVisible();

  const placements = (await bindings()).map((binding) => binding.placement).sort();
  expect(placements).toEqual(expectedPlacements());
});

test('switching a surface off unbinds it, switching it on binds it again', async ({ page }) => {
  await openAppPage(page);
  await waitForInstall(page);
  const app = await openAppPage(page);

  const toggle = app.getByRole('switch', { name: 'Show “Create linked task” in Purchase' }).first();
  await expect(toggle).toBeChecked();
  // Two surfaces share that title (toolbar and list menu); pick the list menu's cell.
  const listMenu = app.locator('td[data-placement="CRM_DYNAMIC_156_LIST_MENU"]').getByRole('switch');
  await listMenu.click();
  await expect(app.locator('td[data-placement="CRM_DYNAMIC_156_LIST_MENU"]')).toHaveAttribute('data-bound', 'false');
  expect((await bindings()).map((binding) => binding.placement)).not.toContain('CRM_DYNAMIC_156_LIST_MENU');

  // The choice is kept: the next visit does not bind it back.
  const again = await openAppPage(page);
  await expect(again.locator('td[data-placement="CRM_DYNAMIC_156_LIST_MENU"]').getByRole('switch')).not.toBeChecked();
  await again.locator('td[data-placement="CRM_DYNAMIC_156_LIST_MENU"]').getByRole('switch').click();
  await expect(again.locator('td[data-placement="CRM_DYNAMIC_156_LIST_MENU"]')).toHaveAttribute('data-bound', 'true');
  expect((await bindings()).map((binding) => binding.placement)).toContain('CRM_DYNAMIC_156_LIST_MENU');
});

test('a user who is not an administrator learns where the app lives and opens a recent item from the page', async ({
  page,
}) => {
  await control.reset({ fresh: false });
  const newest = await portalRest<{ items: Array<{ id: number; title: string }> }>('crm.item.list', {
    entityTypeId: 177,
    order: { id: 'DESC' },
    select: ['id', 'title'],
  });
  const item = newest.items[0]!;
  const app = await openAppPage(page, { user: 2 });
  await expect(app.getByText('Tab in the item card: “Tasks”')).toBeVisible();
  await expect(app.getByRole('switch')).toHaveCount(0);
  // The portal's page carries the app's name; the app does not repeat it.
  await expect(app.getByRole('heading', { name: 'Smart Tasks' })).toHaveCount(0);
  await app.getByRole('link', { name: item.title }).click();
  // The card opens in the portal's slider, on the app's tab; the page underneath stays.
  await expect(page.getByTestId('slider-page-frame')).toHaveAttribute(
    'src',
    new RegExp(`/crm/type/177/details/${item.id}/\\?active_tab=CRM_DYNAMIC_177_DETAIL_TAB`),
  );
  await expect(page).toHaveURL(/marketplace\/app\/1/);
});

test('the settings speak Russian on a Russian portal', async ({ page }) => {
  await control.reset({ fresh: false });
  const app = await openAppPage(page, { lang: 'ru' });
  await expect(app.getByRole('button', { name: 'Синхронизировать с Битрикс24' })).toBeVisible();
  await expect(app.getByRole('switch', { name: 'Показывать «Задачи» в Equipment Purchase' })).toBeChecked();
});
