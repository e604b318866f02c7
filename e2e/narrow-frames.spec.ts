/**
 * Narrow frames (issue 9.3): the app page (administrator and user) and the bulk panel work in a
 * 400 px wide window — nothing spills sideways and every action can be reached — and the settings
 * table at ~690 px neither splits a smart process's name mid-word nor cuts off a column or Sync.
 */
import { expect, test, type FrameLocator, type Locator } from '@playwright/test';
import { control } from './support/app';
import { openBulkPanel } from './support/bulk-run';
import { openAppPage } from './support/portal';

/** The app document's width against its frame's: what a user would have to scroll sideways for, px. */
async function sidewaysOverflow(frame: FrameLocator): Promise<number> {
  return frame.locator('html').evaluate((html) => html.scrollWidth - html.clientWidth);
}

/** The control lies inside the frame's width once scrolled to: reachable without sideways scrolling. */
async function expectReachable(control: Locator): Promise<void> {
  await control.scrollIntoViewIfNeeded();
  await expect(control).toBeVisible();
  const inside = await control.evaluate((element) => {
    const box = element.getBoundingClientRect();
    return box.left >= 0 && box.right <= element.ownerDocument.documentElement.clientWidth + 0.5 && box.width > 0;
  });
  expect(inside, await control.evaluate((element) => element.outerHTML.slice(0, 120))).toBe(true);
}

/** Each word of the element's text sits on one line (a word split over two lines has two boxes). */
async function wordsSplit(cell: Locator): Promise<string[]> {
  return cell.evaluate((element) => {
    const split: string[] = [];
    const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      for (const match of text.matchAll(/\S+/g)) {
        const range = element.ownerDocument.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const lines = new Set(
          [...range.getClientRects()].filter((rect) => rect.width > 0).map((rect) => Math.round(rect.top)),
        );
        if (lines.size > 1) split.push(match[0]);
      }
    }
    return split;
  });
}

test.beforeEach(async () => {
  await control.reset({ fresh: false });
});

test('the settings page at 400 px: no sideways overflow, Sync and every switch reachable', async ({ page }) => {
  await page.setViewportSize({ width: 400, height: 800 });
  const app = await openAppPage(page);
  await expect(app.getByRole('switch').first()).toBeVisible();
  expect(await sidewaysOverflow(app)).toBeLessThanOrEqual(0);
  await expectReachable(app.getByRole('button', { name: 'Sync with Bitrix24' }));
  const switches = app.getByRole('switch');
  for (const index of [0, 5, (await switches.count()) - 1]) await expectReachable(switches.nth(index));
});

test('the settings table at 690 px keeps names whole and its last column and Sync in view', async ({ page }) => {
  await page.setViewportSize({ width: 690, height: 800 });
  const app = await openAppPage(page);
  const names = app.locator('.ap-matrix tbody th');
  await expect(names.first()).toBeVisible();
  for (let index = 0; index < (await names.count()); index += 1) expect(await wordsSplit(names.nth(index))).toEqual([]);
  expect(await sidewaysOverflow(app)).toBeLessThanOrEqual(0);
  await expectReachable(app.getByRole('button', { name: 'Sync with Bitrix24' }));
  await expectReachable(app.locator('td[data-placement="CRM_DYNAMIC_177_LIST_TOOLBAR"]').getByRole('switch'));
});

test('the app page of a user who is not an administrator at 400 px', async ({ page }) => {
  await page.setViewportSize({ width: 400, height: 800 });
  const app = await openAppPage(page, { user: 2 });
  const link = app.getByRole('link').first();
  await expect(link).toBeVisible();
  expect(await sidewaysOverflow(app)).toBeLessThanOrEqual(0);
  await expectReachable(link);
});

test('the bulk panel at 400 px: no sideways overflow, and the run can be set up, confirmed and started', async ({
  page,
}) => {
  await page.setViewportSize({ width: 400, height: 800 });
  const panel = await openBulkPanel(page);
  const start = panel.getByRole('button', { name: /^Create (up to )?\d[\d,]* tasks?$/ });
  await expect(start).toBeVisible({ timeout: 30_000 });
  expect(await sidewaysOverflow(panel)).toBeLessThanOrEqual(0);
  for (const control of [
    panel.getByRole('combobox', { name: 'Funnel' }),
    panel.getByRole('combobox', { name: 'Stage' }),
    panel.getByRole('textbox', { name: 'Title' }),
    panel.getByRole('button', { name: 'Insert the responsible' }),
    panel.getByLabel('Deadline'),
    start,
  ])
    await expectReachable(control);

  await start.click();
  const confirm = panel.getByRole('alertdialog');
  await expect(confirm).toBeVisible();
  expect(await sidewaysOverflow(panel)).toBeLessThanOrEqual(0);
  await expectReachable(confirm.getByRole('button', { name: /^Create (up to )?\d/ }));
  await expectReachable(confirm.getByRole('button', { name: 'Back' }));
});
