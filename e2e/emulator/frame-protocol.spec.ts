/**
 * The emulator hosts a real, unmodified B24Frame (the SDK's UMD build, in a probe app served from
 * another origin) exactly as Bitrix24 does: POSTed frames, init data, REST with token refresh,
 * frame resizing, sliders, pickers, options, the install flow, and the classic BX24 wire format.
 */
import { expect, type Page } from '@playwright/test';
import {
  appFrameElement,
  cancelPicker,
  closeSlider,
  openAppPage,
  openDetailActivityApp,
  openDetailTab,
  openDetailToolbarApp,
  openListRowMenuApp,
  openListToolbarApp,
  openTimelineMenuApp,
  pickUserInPicker,
  pickUsersInPicker,
  placementCode,
  topSlider,
} from '../support/portal';
import { ProbeFrame } from './probe-frame';
import { probeTest } from './probe-test';
import { BROKEN_HANDLER_TEXT } from './probe-server';
import { startTestPortal, type TestPortal } from './test-portal';

const TYPE = 177;
const ITEM = 29;
const TAB = placementCode(TYPE, 'DETAIL_TAB');

const test = probeTest;

async function openProbeTab(page: Page, options: { user?: number; lang?: string } = {}): Promise<ProbeFrame> {
  await openDetailTab(page, { entityTypeId: TYPE, itemId: ITEM, ...options });
  return new ProbeFrame(
    page.locator(`[data-testid="app-tab-panel"][data-placement="${TAB}"] iframe[data-testid="app-frame"]`),
  );
}

function sliderProbe(page: Page): ProbeFrame {
  return new ProbeFrame(topSlider(page).locator('iframe[data-testid="app-frame"]'));
}

test('a detail tab is POSTed as Bitrix24 does and the SDK reads placement, options and language', async ({
  page,
  portal,
  probeApp,
}) => {
  const probe = await openProbeTab(page, { user: 2, lang: 'de' });
  const init = await probe.ready();
  const portalHost = new URL(portal.origin).host;

  expect(init.placement).toBe(TAB);
  expect(init.options).toEqual({
    ID: String(ITEM),
    URI: expect.stringContaining(`/crm/type/${TYPE}/details/${ITEM}/`),
  });
  expect(init.lang).toBe('de');
  expect(init.isAdmin).toBe(false);
  expect(init.targetOrigin).toBe(portal.origin);
  expect(init.windowName).toMatch(new RegExp(`^${portalHost.replace(/\./g, '\\.')}\\|0\\|[0-9a-f]{32}$`));
  expect(init.windowName.split('|')[2]).toBe(init.appSid);

  const post = probeApp
    .pageLoads()
    .filter((request) => request.method === 'POST' && request.query.APP_SID === init.appSid);
  expect(post).toHaveLength(1);
  expect(post[0]?.query).toEqual({ DOMAIN: portalHost, PROTOCOL: '0', LANG: 'de', APP_SID: init.appSid });
  expect(Object.keys(post[0]?.fields ?? {})).toEqual([
    'AUTH_ID',
    'AUTH_EXPIRES',
    'REFRESH_ID',
    'SERVER_ENDPOINT',
    'APPLICATION_TOKEN',
    'APPLICATION_SCOPE',
    'member_id',
    'status',
    'PLACEMENT',
    'PLACEMENT_OPTIONS',
  ]);
  expect(post[0]?.fields.AUTH_ID).toBe(init.accessToken);
  expect(post[0]?.fields.PLACEMENT).toBe(TAB);
  expect(JSON.parse(post[0]?.fields.PLACEMENT_OPTIONS ?? '')).toEqual(init.options);
});

test('the SDK calls REST with the frame token and survives an expired token by refreshing it', async ({
  page,
  portal,
}) => {
  const probe = await openProbeTab(page, { user: 2 });
  await probe.ready();
  const before = await probe.run('call', 'user.current');
  expect(before).toMatchObject({ ok: true, result: { ID: '2' } });
  const firstToken = await probe.run('accessToken');

  await portal.expireTokens();
  const after = await probe.run('call', 'user.current');
  expect(after).toMatchObject({ ok: true, result: { ID: '2' } });
  expect(await probe.run('accessToken')).not.toBe(firstToken);
});

test('resizeWindow really resizes the frame and answers the measured size', async ({ page }) => {
  const probe = await openProbeTab(page);
  await probe.ready();
  await probe.run('resize', 640, 777);
  await expect.poll(async () => (await appFrameElement(page, TAB).boundingBox())?.height).toBe(777);
  expect((await appFrameElement(page, TAB).boundingBox())?.width).toBe(640);
  const answer = await probe.classic('resizeWindow', { width: '100%', height: 321 });
  expect(answer).toMatchObject({ answered: true, result: { width: expect.any(Number), height: 321 } });
  expect((await appFrameElement(page, TAB).boundingBox())?.height).toBe(321);
});

test('openPath opens a portal page in a slider and answers when it is closed', async ({ page }) => {
  const probe = await openProbeTab(page);
  await probe.ready();
  const tasks = (await probe.run('call', 'tasks.task.list', { select: ['ID', 'TITLE'] })) as {
    result: { tasks: Array<{ id: string; title: string }> };
  };
  const task = tasks.result.tasks[0];
  expect(task).toBeDefined();

  await probe.start('openPath', `/company/personal/user/1/tasks/task/view/${task?.id}/`);
  const slider = topSlider(page);
  await expect(slider).toHaveAttribute('data-slider-kind', 'page');
  await expect(slider.getByTestId('slider-page-frame').contentFrame().getByTestId('task-card')).toBeVisible();
  await expect(slider.getByTestId('slider-title')).toHaveText(task?.title ?? '');
  expect((await probe.outcome('openPath'))?.settled).toBe(false);

  await closeSlider(page);
  await expect
    .poll(() => probe.outcome('openPath'))
    .toEqual({ settled: true, value: { isOpenAtNewWindow: false, isClose: true } });
});

test('openApplication opens the app in a popup slider, which closeApplication closes, answering the opener', async ({
  page,
}) => {
  const probe = await openProbeTab(page);
  await probe.ready();
  await probe.start('openApplication', { view: 'popup', bx24_title: 'Probe popup', bx24_width: 900 });

  await expect(topSlider(page).getByTestId('slider-title')).toHaveText('Probe popup');
  const popup = sliderProbe(page);
  const init = await popup.ready();
  expect(init.placement).toBe('DEFAULT');
  expect(init.options).toEqual({ view: 'popup' });
  const outer = await probe.run('init');
  expect(init.appSid).not.toBe((outer as { appSid: string }).appSid);
  // Popups may not resize themselves: the portal drops the command without an answer.
  expect(await popup.classic('resizeWindow', { width: '100%', height: 300 })).toEqual({ answered: false });

  await popup.start('closeApplication');
  await expect(page.getByTestId('slider')).toHaveCount(0);
  await expect.poll(() => probe.outcome('openApplication')).toEqual({ settled: true, value: '' });
});

test('selectUser and selectUsers answer the documented user shape; a closed picker answers nothing', async ({
  page,
}) => {
  const probe = await openProbeTab(page);
  await probe.ready();

  await probe.start('selectUser');
  const options = page.getByTestId('user-picker').getByTestId('picker-option');
  const second = options.nth(1);
  const name = (await second.locator('.picker-option-name').textContent()) ?? '';
  const id = (await second.getAttribute('data-key')) ?? '';
  await pickUserInPicker(page, name);
  await expect.poll(() => probe.outcome('selectUser')).toMatchObject({ settled: true });
  const picked = (await probe.outcome('selectUser'))?.value as Record<string, unknown>;
  expect(picked).toEqual({
    id,
    name,
    photo: expect.any(String),
    position: expect.any(String),
    url: `/company/personal/user/${id}/`,
    sub: false,
    sup: false,
  });

  await probe.start('selectUsers');
  const third = (await options.nth(2).locator('.picker-option-name').textContent()) ?? '';
  await pickUsersInPicker(page, [name, third]);
  await expect
    .poll(async () =>
      ((await probe.outcome('selectUsers'))?.value as Array<{ name: string }> | undefined)?.map((user) => user.name),
    )
    .toEqual([name, third]);

  await probe.start('selectUser');
  await cancelPicker(page);
  await page.waitForTimeout(1000);
  expect(await probe.outcome('selectUser')).toEqual({ settled: false });
});

test('every CRM placement opens in its place with the options the docs list', async ({ page }) => {
  const item = { entityTypeId: TYPE, itemId: ITEM };
  const cases = [
    { open: () => openDetailToolbarApp(page, item), suffix: 'DETAIL_TOOLBAR', options: { ENTITY_ID: String(ITEM) } },
    { open: () => openDetailActivityApp(page, item), suffix: 'DETAIL_ACTIVITY', options: { ID: String(ITEM) } },
    { open: () => openListRowMenuApp(page, item), suffix: 'LIST_MENU', options: { ID: String(ITEM) } },
    { open: () => openListToolbarApp(page, { entityTypeId: TYPE }), suffix: 'LIST_TOOLBAR', options: {} },
  ] as const;
  for (const { open, suffix, options } of cases) {
    await open();
    const init = await sliderProbe(page).ready();
    expect(init.placement).toBe(placementCode(TYPE, suffix));
    expect(init.options).toEqual({ ...options, URI: expect.stringMatching(/^\/crm\/type\/177\//) });
    await closeSlider(page);
  }

  await openTimelineMenuApp(page, item);
  const record = page.getByTestId('timeline-record').first();
  const activityId = await record.getAttribute('data-activity-id');
  const timeline = sliderProbe(page);
  const init = await timeline.ready();
  expect(init.placement).toBe(placementCode(TYPE, 'ACTIVITY_TIMELINE_MENU'));
  expect(init.options).toEqual({
    ENTITY_ID: String(ITEM),
    ASSOCIATED_ENTITY_ID: activityId,
    ASSOCIATED_ENTITY_TYPE_ID: '6',
    URI: expect.any(String),
  });
});

test('the timeline button opens a popup that may reload the card but not resize itself', async ({ page }) => {
  await openDetailActivityApp(page, { entityTypeId: TYPE, itemId: ITEM });
  const probe = sliderProbe(page);
  await probe.ready();
  expect(await probe.classic('getInterface')).toMatchObject({ result: { command: ['reloadData'], event: [] } });
  expect(await probe.classic('reloadData')).toEqual({
    answered: true,
    raw: expect.stringMatching(/^classic\w+:$/),
    result: '',
  });
  expect(await probe.classic('resizeWindow', { width: '100%', height: 300 })).toEqual({ answered: false });
  expect(await probe.classic('setTitle', { title: 'x' })).toEqual({ answered: false });
});

test('reloadData redraws the card under a detail tab and the list under a row menu entry (docs: DETAIL_TAB, DETAIL_ACTIVITY, LIST_MENU)', async ({
  page,
}) => {
  const rename = (probe: ProbeFrame, title: string) =>
    probe.run('call', 'crm.item.update', { entityTypeId: TYPE, id: ITEM, fields: { title } });
  const tab = await openProbeTab(page);
  await tab.ready();
  expect(await tab.classic('getInterface')).toMatchObject({ result: { command: ['reloadData'], event: [] } });
  const original = (await page.locator('#pagetitle').textContent()) ?? '';
  try {
    await rename(tab, 'Washing Machine, second unit');
    await expect(page.locator('#pagetitle')).toHaveText(original);
    expect(await tab.classic('reloadData')).toEqual({
      answered: true,
      raw: expect.stringMatching(/^classic\w+:$/),
      result: '',
    });
    await expect(page.locator('#pagetitle')).toHaveText('Washing Machine, second unit');

    await openListRowMenuApp(page, { entityTypeId: TYPE, itemId: ITEM });
    const menu = sliderProbe(page);
    await menu.ready();
    const row = page.locator(`[data-testid="list-row"][data-item-id="${ITEM}"]`);
    await rename(menu, 'Washing Machine, third unit');
    await expect(row).toContainText('second unit');
    expect(await menu.classic('getInterface')).toMatchObject({ result: { command: ['reloadData'], event: [] } });
    expect(await menu.classic('reloadData')).toMatchObject({ answered: true, result: '' });
    await expect(row).toContainText('third unit');
  } finally {
    const again = await openProbeTab(page);
    await again.ready();
    await rename(again, original);
  }
});

test('options set by the app are saved and come back in the next getInitData', async ({ page }) => {
  await openAppPage(page);
  const probe = new ProbeFrame(page.getByTestId('app-page').locator('iframe[data-testid="app-frame"]'));
  expect((await probe.ready()).placement).toBe('DEFAULT');
  await probe.run('setUserOption', 'view', 'board');
  await probe.run('setAppOption', 'mode', 'compact');

  await page.reload();
  await probe.ready();
  expect(await probe.run('userOption', 'view')).toBe('board');
  expect(await probe.run('appOption', 'mode')).toBe('compact');
});

test('frames on one page are kept apart by APP_SID', async ({ page }) => {
  const tab = await openProbeTab(page);
  const tabInit = await tab.ready();
  await page.getByTestId('detail-toolbar-apps').click();
  await page
    .getByRole('menuitem')
    .and(page.locator(`[data-placement="${placementCode(TYPE, 'DETAIL_TOOLBAR')}"]`))
    .click();
  const toolbar = sliderProbe(page);
  const toolbarInit = await toolbar.ready();

  expect(toolbarInit.placement).toBe(placementCode(TYPE, 'DETAIL_TOOLBAR'));
  expect(toolbarInit.options).toEqual({ ENTITY_ID: String(ITEM), URI: expect.any(String) });
  expect(toolbarInit.appSid).not.toBe(tabInit.appSid);
  // A message carrying the other frame's APP_SID is that frame's business: this frame gets no answer.
  expect(await tab.classic('getInitData', null, { appSid: toolbarInit.appSid })).toEqual({ answered: false });
  expect(await tab.classic('getInitData')).toMatchObject({ answered: true, result: { PLACEMENT: TAB } });
});

test('the classic BX24 wire format works; unknown, denied and foreign commands get no answer', async ({ page }) => {
  const probe = await openProbeTab(page);
  await probe.ready();

  const init = await probe.classic('getInitData');
  expect(init.raw).toMatch(/^classic\w+:\{/);
  expect(init.result).toMatchObject({
    PLACEMENT: TAB,
    PLACEMENT_OPTIONS: { ID: String(ITEM) },
    PROTOCOL: 0,
    PATH: '/rest',
    IS_ADMIN: true,
    INSTALL: false,
    FIRST_RUN: false,
    AUTH_EXPIRES: expect.any(String),
    MEMBER_ID: expect.any(String),
  });
  const refreshed = await probe.classic('refreshAuth');
  expect(refreshed.result).toEqual({
    AUTH_ID: expect.any(String),
    AUTH_EXPIRES: expect.any(String),
    REFRESH_ID: expect.any(String),
  });

  expect(await probe.classic('openPath', { path: '/settings/configs/' })).toMatchObject({
    result: { result: 'error', errorCode: 'PATH_NOT_AVAILABLE' },
  });
  expect(await probe.classic('getInterface')).toMatchObject({ result: { command: ['reloadData'], event: [] } });
  expect(await probe.objectForm('getInitData')).toMatchObject({ answered: true, result: { PLACEMENT: TAB } });

  // setTitle is the app page's alone; an unknown command is ignored.
  expect(await probe.classic('setTitle', { title: 'Hijacked' })).toEqual({ answered: false });
  await expect(page.locator('#pagetitle')).not.toHaveText('Hijacked');
  expect(await probe.classic('launchRockets', { now: true })).toEqual({ answered: false });
});

test.describe('a portal where the app is not installed yet', () => {
  let fresh: TestPortal;
  test.beforeAll(async ({ probeApp }) => {
    fresh = await startTestPortal({ appUrl: `${probeApp.origin}/`, fresh: true });
  });
  test.afterAll(async () => {
    await fresh.close();
  });

  test('an administrator runs the install; what it binds shows only once it is finished', async ({
    page,
    probeApp,
  }) => {
    const card = `${fresh.origin}/crm/type/${TYPE}/details/${ITEM}/`;
    await page.goto(`${fresh.origin}/marketplace/app/1/?user=2`);
    await expect(page.getByTestId('app-not-installed')).toContainText('not fully installed');

    await page.goto(`${fresh.origin}/marketplace/app/1/`);
    const probe = new ProbeFrame(page.getByTestId('app-page').locator('iframe[data-testid="app-frame"]'));
    const init = await probe.ready();
    expect(init).toMatchObject({ placement: 'DEFAULT', isInstallMode: true, isFirstRun: true });
    expect(new URL(init.location).pathname).toBe('/install.html');
    const bound = await probe.run('call', 'placement.bind', {
      PLACEMENT: TAB,
      HANDLER: `${probeApp.origin}/index.html`,
      TITLE: 'Probe tab',
    });
    expect(bound).toMatchObject({ ok: true });

    const cardPage = await page.context().newPage();
    await cardPage.goto(card);
    await expect(cardPage.getByRole('tab')).toHaveCount(1);

    await probe.start('installFinish');
    await expect(page).toHaveURL(/install_finished=Y/);
    const installed = await new ProbeFrame(
      page.getByTestId('app-page').locator('iframe[data-testid="app-frame"]'),
    ).ready();
    expect(installed).toMatchObject({ isInstallMode: false, isFirstRun: false });
    expect(new URL(installed.location).pathname).toBe('/index.html');
    expect(probeApp.pageLoads().some((request) => request.method === 'POST' && request.path === '/install.html')).toBe(
      true,
    );

    await cardPage.reload();
    await expect(cardPage.getByRole('tab', { name: 'Probe tab' })).toBeVisible();
    await cardPage.close();
  });
});

test('a handler that answers the POST with an error is shown in the frame', async ({ page, probeApp }) => {
  const broken = await startTestPortal({ appUrl: `${probeApp.origin}/broken/` });
  try {
    await page.goto(`${broken.origin}/marketplace/app/1/`);
    await expect(
      page.getByTestId('app-page').locator('iframe[data-testid="app-frame"]').contentFrame().getByTestId('probe-error'),
    ).toHaveText(BROKEN_HANDLER_TEXT);
  } finally {
    await broken.close();
  }
});
