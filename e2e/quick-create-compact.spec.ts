/**
 * Issue 9.4 in the real portal: the quick-create panel is a compact panel in its (wide) slider,
 * it mentions the item's open tasks, and "More options…" opens the item's card on its Tasks tab,
 * where the full form is.
 */
import { expect, test } from '@playwright/test';
import { control } from './support/app';
import { openDetailActivityApp, placementCode, topSlider } from './support/portal';

test.beforeEach(async () => {
  await control.reset();
});

test('the panel is compact, mentions the open tasks, and "More options…" leads to the full form', async ({ page }) => {
  await page.setViewportSize({ width: 1600, height: 900 });
  const panel = await openDetailActivityApp(page, { entityTypeId: 177, itemId: 29 });
  await expect(panel.getByRole('heading', { level: 1 })).toHaveText('Washing Machine');
  // Item 29 has open linked tasks in the seed: the panel says so before a twin is made.
  await expect(panel.getByText(/This item already has (an open task|\d+ open tasks)/)).toBeVisible();
  // A 4-control form is not stretched over a 1,300 px slider.
  const width = await panel.locator('section.qc').evaluate((element) => element.getBoundingClientRect().width);
  expect(width).toBeLessThanOrEqual(600);
  await expect(panel.getByRole('button', { name: 'Change the responsible person' })).toBeVisible();
  await expect(panel.getByLabel('Deadline')).toBeVisible();

  await panel.getByRole('button', { name: 'More options…' }).click();
  // The card opens on the app's Tasks tab, with its Customize… form at hand.
  // The portal opens the card in a slider of its own (openPath), above the panel's.
  const card = topSlider(page).locator('iframe').first().contentFrame();
  const tab = card.locator(
    `[data-testid="app-tab-panel"][data-placement="${placementCode(177, 'DETAIL_TAB')}"]:visible`,
  );
  await expect(tab).toBeVisible({ timeout: 15_000 });
  await expect(tab.locator('iframe').first().contentFrame().getByRole('button', { name: 'Customize…' })).toBeVisible({
    timeout: 15_000,
  });
});
