/**
 * A smart process whose settings do not let tasks link to its items: the tab says so before
 * any click; a portal administrator switches links on from the tab.
 */
import { expect, test } from '@playwright/test';
import { openDetailTab } from './support/portal';
import { control, portalRest, tasksLinkedTo } from './support/app';

test.beforeEach(async () => {
  await control.reset();
});

test('an ordinary user learns that links are off and whom to ask', async ({ page }) => {
  const tab = await openDetailTab(page, { entityTypeId: 187, itemId: 1, user: 2 });
  const notice = tab.getByRole('alert').filter({ hasText: 'Tasks cannot be linked to these items yet' });
  await expect(notice).toContainText('Ask a Bitrix24 administrator');
  await expect(notice.getByRole('button')).toHaveCount(0);
  await expect(tab.getByRole('button', { name: 'Create task', exact: true })).toBeDisabled();
});

test('an administrator switches links on and creates a linked task', async ({ page }) => {
  const tab = await openDetailTab(page, { entityTypeId: 187, itemId: 1 });
  const notice = tab.getByRole('alert').filter({ hasText: 'Tasks cannot be linked to these items yet' });
  await notice.getByRole('button', { name: 'Allow links to tasks' }).click();
  await expect(tab.getByRole('status').filter({ hasText: 'Links to tasks are on' })).toBeVisible();

  const { type } = await portalRest<{
    type: { linkedUserFields: Record<string, string>; isUseInUserfieldEnabled: string };
  }>('crm.type.getByEntityTypeId', { entityTypeId: 187 });
  expect(type.linkedUserFields['TASKS_TASK|UF_CRM_TASK']).toBe('Y');
  expect(type.isUseInUserfieldEnabled).toBe('Y');

  await tab.getByRole('button', { name: 'Create task', exact: true }).click();
  await expect(tab.getByRole('status').filter({ hasText: 'Task created' })).toBeVisible();
  const linked = await tasksLinkedTo('Tbb_1');
  expect(linked).toHaveLength(1);
  expect(linked[0]!.ufCrmTask).toEqual(['Tbb_1']);
});
