/**
 * Page helpers for end-to-end tests that run the app inside the emulated portal. Each opens
 * a portal page the way a user would (Playwright's `baseURL` is the portal) and returns the
 * app frame as a FrameLocator. Controls are found by the portal's stable data-testids.
 */
import { expect, type Frame, type FrameLocator, type Locator, type Page } from '@playwright/test';
import { appPagePath, detailPath, listPath, type PageQuery } from '../../portal/host/paths';

export interface PortalPageOptions {
  /** Acting user (`?user=`); the portal's default is user 1, an administrator. */
  user?: number;
  /** Interface language (`?lang=`); the portal's language by default. */
  lang?: string;
}

export interface ItemOptions extends PortalPageOptions {
  entityTypeId: number;
  itemId: number;
}

export interface EntryChoice {
  /** Title of the menu entry, tab or button to use when the app bound more than one. */
  title?: string;
}

const APP_FRAME = 'iframe[data-testid="app-frame"]';

function query(options: PortalPageOptions): PageQuery {
  return { user: options.user, lang: options.lang };
}

export function placementCode(
  entityTypeId: number,
  suffix:
    | 'DETAIL_TAB'
    | 'DETAIL_ACTIVITY'
    | 'DETAIL_TOOLBAR'
    | 'LIST_MENU'
    | 'LIST_TOOLBAR'
    | 'ACTIVITY_TIMELINE_MENU'
    | 'ROBOT_DESIGNER_TOOLBAR',
): string {
  return `CRM_DYNAMIC_${entityTypeId}_${suffix}`;
}

/** The top-most open slider. */
export function topSlider(page: Page): Locator {
  return page.getByTestId('slider').last();
}

/** The app frame inside the top-most slider. */
export function sliderAppFrame(page: Page): FrameLocator {
  return topSlider(page).locator(APP_FRAME).contentFrame();
}

/** The iframe element of an app frame, e.g. to measure it or read its `name`. */
export function appFrameElement(page: Page, placement?: string): Locator {
  return page.locator(placement ? `${APP_FRAME}[data-placement="${placement}"]` : APP_FRAME);
}

/** The Playwright Frame behind an app iframe, for `frame.evaluate(...)`. */
export async function frameOf(iframe: Locator): Promise<Frame> {
  const handle = await iframe.elementHandle();
  const frame = await handle?.contentFrame();
  if (!frame) throw new Error('The app iframe has no frame');
  return frame;
}

async function chooseMenuEntry(page: Page, menuButton: Locator, placement: string, choice: EntryChoice): Promise<void> {
  await menuButton.click();
  const menu = menuButton.locator('xpath=..').getByRole('menu');
  const entries = menu.locator(`[role="menuitem"][data-placement="${placement}"]`);
  const entry = choice.title ? entries.filter({ hasText: choice.title }).first() : entries.first();
  await entry.click();
  await expect(topSlider(page)).toBeVisible();
}

/** Opens the item card with the app's DETAIL_TAB selected (`?active_tab=`), as `npm start` prints it. */
export async function openDetailTab(page: Page, options: ItemOptions & EntryChoice): Promise<FrameLocator> {
  const code = placementCode(options.entityTypeId, 'DETAIL_TAB');
  await page.goto(detailPath(options.entityTypeId, options.itemId, { ...query(options), activeTab: code }));
  if (options.title) await page.getByRole('tab', { name: options.title }).click();
  const panel = page.locator(`[data-testid="app-tab-panel"][data-placement="${code}"]:visible`);
  await expect(panel.locator(APP_FRAME)).toBeAttached();
  return panel.locator(APP_FRAME).contentFrame();
}

/** Opens the card's "Applications" toolbar menu and the app's DETAIL_TOOLBAR entry (a slider). */
export async function openDetailToolbarApp(page: Page, options: ItemOptions & EntryChoice): Promise<FrameLocator> {
  await page.goto(detailPath(options.entityTypeId, options.itemId, query(options)));
  await chooseMenuEntry(
    page,
    page.getByTestId('detail-toolbar-apps'),
    placementCode(options.entityTypeId, 'DETAIL_TOOLBAR'),
    options,
  );
  return sliderAppFrame(page);
}

/** Clicks the app's DETAIL_ACTIVITY button above the timeline (opened like openApplication, in a slider). */
export async function openDetailActivityApp(page: Page, options: ItemOptions & EntryChoice): Promise<FrameLocator> {
  await page.goto(detailPath(options.entityTypeId, options.itemId, query(options)));
  const buttons = page
    .getByTestId('timeline-menubar')
    .locator(`[data-placement="${placementCode(options.entityTypeId, 'DETAIL_ACTIVITY')}"]`);
  await (options.title ? buttons.filter({ hasText: options.title }).first() : buttons.first()).click();
  await expect(topSlider(page)).toBeVisible();
  return sliderAppFrame(page);
}

/** Opens a timeline record's menu (the first record unless `activityId`) and the app's ACTIVITY_TIMELINE_MENU entry. */
export async function openTimelineMenuApp(
  page: Page,
  options: ItemOptions & EntryChoice & { activityId?: number },
): Promise<FrameLocator> {
  await page.goto(detailPath(options.entityTypeId, options.itemId, query(options)));
  const records = page.getByTestId('timeline-record');
  const record =
    options.activityId === undefined
      ? records.first()
      : records.and(page.locator(`[data-activity-id="${options.activityId}"]`));
  await chooseMenuEntry(
    page,
    record.getByTestId('timeline-record-menu'),
    placementCode(options.entityTypeId, 'ACTIVITY_TIMELINE_MENU'),
    options,
  );
  return sliderAppFrame(page);
}

/** Opens the list's "Applications" toolbar menu and the app's LIST_TOOLBAR entry. */
export async function openListToolbarApp(
  page: Page,
  options: PortalPageOptions & EntryChoice & { entityTypeId: number; category?: number },
): Promise<FrameLocator> {
  await page.goto(listPath(options.entityTypeId, { ...query(options), category: options.category }));
  await chooseMenuEntry(
    page,
    page.getByTestId('list-toolbar-apps'),
    placementCode(options.entityTypeId, 'LIST_TOOLBAR'),
    options,
  );
  return sliderAppFrame(page);
}

/** Finds the item in the list (its search) and opens the app's LIST_MENU entry in that row's menu. */
export async function openListRowMenuApp(page: Page, options: ItemOptions & EntryChoice): Promise<FrameLocator> {
  await page.goto(listPath(options.entityTypeId, { ...query(options), find: String(options.itemId) }));
  const row = page.locator(`[data-testid="list-row"][data-item-id="${options.itemId}"]`);
  await chooseMenuEntry(
    page,
    row.getByTestId('list-row-menu'),
    placementCode(options.entityTypeId, 'LIST_MENU'),
    options,
  );
  return sliderAppFrame(page);
}

export interface AutomationOptions extends PortalPageOptions {
  entityTypeId: number;
  /** The funnel (category) whose automation rules to open. */
  categoryId: number;
}

/**
 * Opens a funnel's automation rules designer (`/crm/type/<id>/automation/<categoryId>/`) the way a
 * user gets there: the list of that funnel, then its "Automation rules" button.
 */
export async function openAutomationDesigner(page: Page, options: AutomationOptions): Promise<Locator> {
  await page.goto(listPath(options.entityTypeId, { ...query(options), category: options.categoryId }));
  await page.getByTestId('automation-rules-link').click();
  const designer = page.getByTestId('automation-designer');
  await expect(designer).toHaveAttribute('data-category-id', String(options.categoryId));
  return designer;
}

/**
 * Opens the automation rules designer and the app's ROBOT_DESIGNER_TOOLBAR entry in its header
 * menu (a slider; PLACEMENT_OPTIONS `{"URI":"/crm/type/<id>/automation/<categoryId>/"}`).
 */
export async function openRobotDesignerEntry(
  page: Page,
  options: AutomationOptions & EntryChoice,
): Promise<FrameLocator> {
  await openAutomationDesigner(page, options);
  await chooseMenuEntry(
    page,
    page.getByTestId('robot-designer-toolbar-apps'),
    placementCode(options.entityTypeId, 'ROBOT_DESIGNER_TOOLBAR'),
    options,
  );
  return sliderAppFrame(page);
}

/**
 * Moves an item to another stage as a user does: opens the card (unless `page` already shows it)
 * and clicks the stage on its stage bar — by name, or `'next'` for the stage after the current
 * one (`stage: 'next'`). The card redraws in place (an app open in a tab is not told); returns the new stage id.
 * For a test that needs no browser: `control.moveItemToStage({entityTypeId, id, stageId, userId})`.
 */
export async function moveItemOnStageBar(
  page: Page,
  options: ItemOptions & { stage: string; stayOnPage?: boolean },
): Promise<string> {
  if (!options.stayOnPage) await page.goto(detailPath(options.entityTypeId, options.itemId, query(options)));
  const stages = page.getByTestId('stage-bar').getByTestId('stage-bar-stage');
  let target: Locator;
  if (options.stage === 'next') {
    const ids = await stages.evaluateAll((buttons) =>
      buttons.map((button) => [button.getAttribute('data-stage-id'), button.getAttribute('aria-current')]),
    );
    const current = ids.findIndex(([, currentMark]) => currentMark === 'step');
    if (current < 0 || current + 1 >= ids.length) throw new Error('The item is already in the last stage');
    target = stages.nth(current + 1);
  } else {
    target = stages.filter({ hasText: options.stage }).first();
  }
  const stageId = (await target.getAttribute('data-stage-id')) ?? '';
  await target.click();
  await expect(page.getByTestId('item-stage')).toHaveAttribute('data-stage-id', stageId);
  return stageId;
}

/** Opens the app's own page (placement DEFAULT); `options` become its PLACEMENT_OPTIONS. */
export async function openAppPage(
  page: Page,
  options: PortalPageOptions & { appId?: number | string; options?: Record<string, string> } = {},
): Promise<FrameLocator> {
  await page.goto(
    appPagePath(options.appId ?? 1, { ...query(options), ...(options.options ? { options: options.options } : {}) }),
  );
  const frame = page.getByTestId('app-page').locator(APP_FRAME);
  await expect(frame).toBeAttached();
  return frame.contentFrame();
}

/** Closes the top-most slider with its close button and waits until it is gone. */
export async function closeSlider(page: Page): Promise<void> {
  const count = await page.getByTestId('slider').count();
  if (count === 0) throw new Error('No slider is open');
  await topSlider(page).getByTestId('slider-close').click();
  await expect(page.getByTestId('slider')).toHaveCount(count - 1);
}

/** In the open employee picker (selectUser), searches for a name and picks that person. */
export async function pickUserInPicker(page: Page, name: string): Promise<void> {
  const picker = page.getByTestId('user-picker');
  await expect(picker).toBeVisible();
  await picker.getByTestId('picker-search').fill(name);
  await picker.getByRole('option', { name }).first().click();
}

/** In the open multiple-employee picker (selectUsers), picks every name and confirms. */
export async function pickUsersInPicker(page: Page, names: string[]): Promise<void> {
  const picker = page.getByTestId('user-picker');
  await expect(picker).toBeVisible();
  for (const name of names) {
    await picker.getByTestId('picker-search').fill(name);
    await picker.getByRole('option', { name }).first().click();
  }
  await picker.getByTestId('picker-select').click();
  await expect(picker).toBeHidden();
}

/** Closes an open picker without choosing (the app gets no answer, as on a real portal). */
export async function cancelPicker(page: Page): Promise<void> {
  await page.getByTestId('picker-close').click();
  await expect(page.getByTestId('picker-overlay')).toHaveCount(0);
}
