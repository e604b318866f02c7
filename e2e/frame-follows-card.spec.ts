/**
 * The tab's frame follows the card's width as the browser window changes: the app asks the
 * portal for its height only, so no empty strip appears when the window widens and the right
 * edge is not cut when it narrows (Bitrix24's own frames behave alike).
 */
import { expect, test, type Locator } from '@playwright/test';
import { control } from './support/app';
import { appFrameElement, openDetailTab, placementCode } from './support/portal';

test.beforeEach(async () => {
  await control.reset();
});

/** The iframe's width and the width of the box it sits in (the card's tab panel). */
async function widths(iframe: Locator): Promise<{ frame: number; container: number }> {
  return iframe.evaluate((element) => {
    // The frame's layout box is what the portal sizes; the box that holds it is the card's tab.
    const holder = element.closest('.app-frame-layout')?.parentElement as HTMLElement;
    const style = getComputedStyle(holder);
    const content = holder.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight);
    return { frame: element.getBoundingClientRect().width, container: content };
  });
}

test('widening and narrowing the window: the frame keeps the card width, its content too', async ({ page }) => {
  await page.setViewportSize({ width: 1000, height: 900 });
  const tab = await openDetailTab(page, { entityTypeId: 177, itemId: 29 });
  await expect(tab.getByRole('region', { name: /Linked tasks/ })).toBeVisible();
  const iframe = appFrameElement(page, placementCode(177, 'DETAIL_TAB'));
  // The app has sized its frame at least once (its height follows the content).
  await expect.poll(async () => (await iframe.boundingBox())?.height ?? 0).toBeGreaterThan(200);

  for (const width of [1600, 700, 445, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await expect
      .poll(
        async () => {
          const measured = await widths(iframe);
          return Math.abs(measured.frame - measured.container);
        },
        { message: `frame width at a ${width} px window` },
      )
      .toBeLessThanOrEqual(1);
    // Nothing of the tab sticks out of the frame on the right, nor leaves a strip beside it.
    const surface = await tab
      .locator('.st-surface')
      .first()
      .evaluate((element) => ({
        right: element.getBoundingClientRect().right,
        viewport: document.documentElement.clientWidth,
      }));
    expect(surface.right).toBeLessThanOrEqual(surface.viewport + 1);
    const frameBox = await iframe.boundingBox();
    expect(Math.abs((frameBox?.width ?? 0) - surface.viewport)).toBeLessThanOrEqual(1);
  }
});
