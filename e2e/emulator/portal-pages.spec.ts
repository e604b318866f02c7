/**
 * The emulator's own pages for stage playbooks, in a real browser: the automation rules designer
 * reached from the list, whose header menu opens the app's ROBOT_DESIGNER_TOOLBAR entry with the
 * designer's URI (docs widgets/crm/robot-designer-toolbar.md), and the card's stage bar that moves
 * an item as a user does.
 */
import { expect } from '@playwright/test';
import { detailPath } from '../../portal/host/paths';
import {
  moveItemOnStageBar,
  openAutomationDesigner,
  openDetailTab,
  openRobotDesignerEntry,
  placementCode,
  topSlider,
} from '../support/portal';
import { ProbeFrame } from './probe-frame';
import { probeTest } from './probe-test';
import type { TestPortal } from './test-portal';

const test = probeTest;

/**
 * Binds a placement for the app as its install would (placement.bind needs an app token), unless
 * the demo state already has it bound (placements/placements.json lists it).
 */
async function bind(portal: TestPortal, placement: string, handler: string, title: string): Promise<void> {
  const issued = (await (
    await fetch(`${portal.origin}/_emulator/tokens`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ userId: 1 }),
    })
  ).json()) as { access_token: string };
  const response = await fetch(`${portal.origin}/rest/placement.bind`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${issued.access_token}` },
    body: JSON.stringify({ PLACEMENT: placement, HANDLER: handler, TITLE: title }),
  });
  const answer = (await response.json()) as { result?: boolean; error_description?: string };
  if (answer.result !== true) expect(answer.error_description).toContain('Handler already binded');
}

test('the list’s Automation rules button opens the funnel’s designer, whose menu opens the app with the designer URI', async ({
  page,
  portal,
  probeApp,
}) => {
  const code = placementCode(177, 'ROBOT_DESIGNER_TOOLBAR');
  await bind(portal, code, `${probeApp.origin}/index.html`, 'Stage playbooks');

  const designer = await openAutomationDesigner(page, { entityTypeId: 177, categoryId: 9, user: 1 });
  await expect(designer.getByTestId('automation-stage')).toHaveText([/New/, /Sourcing/, /Delivered/, /Cancelled/]);
  await expect(page).toHaveURL(/\/crm\/type\/177\/automation\/9\/\?user=1$/);

  await openRobotDesignerEntry(page, { entityTypeId: 177, categoryId: 7, user: 1 });
  const init = await new ProbeFrame(topSlider(page).locator('iframe[data-testid="app-frame"]')).ready();
  expect(init.placement).toBe(code);
  expect(init.options).toEqual({ URI: '/crm/type/177/automation/7/' });
  expect(init.isAdmin).toBe(true);
});

test('a click on the card’s stage bar moves the item in place, an open detail tab is not reloaded, and the card keeps the stage', async ({
  page,
}) => {
  await openDetailTab(page, { entityTypeId: 177, itemId: 29, user: 2 });
  const tab = new ProbeFrame(page.locator('[data-testid="app-tab-panel"]:visible iframe[data-testid="app-frame"]'));
  const { appSid } = await tab.ready();
  const bar = page.getByTestId('stage-bar');
  await expect(bar.locator('[aria-current="step"]')).toHaveText('Approval');
  expect(
    await moveItemOnStageBar(page, { entityTypeId: 177, itemId: 29, user: 2, stage: 'next', stayOnPage: true }),
  ).toBe('DT177_7:UC_ORDERED');
  await expect(bar.locator('[aria-current="step"]')).toHaveText('Ordered');
  await expect(page.getByTestId('item-stage')).toHaveText('Ordered');
  // The app in the tab is the same frame (Bitrix24 tells it nothing about the move).
  expect((await tab.run('init')) as { appSid: string }).toMatchObject({ appSid });
  await page.reload();
  await expect(page.getByTestId('item-stage')).toHaveAttribute('data-stage-id', 'DT177_7:UC_ORDERED');

  // Lukas (6) has no rights to "Purchase": the portal refuses and says so; the stage stays.
  await page.goto(detailPath(156, 12, { user: 6 }));
  const before = await page.getByTestId('item-stage').getAttribute('data-stage-id');
  await page.getByTestId('stage-bar').getByTestId('stage-bar-stage').last().click();
  await expect(page.getByTestId('portal-notification')).toContainText('The item was not moved');
  await page.reload();
  await expect(page.getByTestId('item-stage')).toHaveAttribute('data-stage-id', before!);
});
