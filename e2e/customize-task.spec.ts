/**
 * A manager opens "Customize…" to set the task up before creating it: title, description,
 * responsible and participants from the portal's user picker, deadline and priority.
 */
import { expect, test, type FrameLocator, type Page } from '@playwright/test';
import { cancelPicker, openDetailTab, pickUserInPicker, pickUsersInPicker } from './support/portal';
import { control, tasksLinkedTo } from './support/app';

async function openForm(page: Page): Promise<FrameLocator> {
  const tab = await openDetailTab(page, { entityTypeId: 177, itemId: 29 });
  await tab.getByRole('button', { name: 'Customize…' }).click();
  await expect(tab.getByRole('form', { name: 'New task' })).toBeVisible();
  return tab;
}

test.beforeEach(async () => {
  await control.reset();
});

test('the form creates the task as set up, people chosen in the portal’s picker', async ({ page }) => {
  const tab = await openForm(page);
  const form = tab.getByRole('form', { name: 'New task' });
  await expect(form.getByLabel('Title')).toHaveValue('Equipment Purchase: Washing Machine');

  await form.getByLabel('Title').fill('Arrange the delivery slot');
  await form.getByLabel('Description').fill('Call the supplier about Tuesday morning.');
  await form.getByRole('button', { name: 'Choose responsible person' }).click();
  await pickUserInPicker(page, 'Sophie Wagner');
  await expect(form.getByRole('group', { name: 'Responsible person' })).toContainText('Sophie Wagner');
  await form.getByRole('button', { name: 'Add participants' }).click();
  await pickUsersInPicker(page, ['Elena Petrova', 'Amara Okafor']);
  await form.getByRole('button', { name: 'Remove Amara Okafor' }).click();
  await expect(form.getByRole('group', { name: 'Participants' })).toContainText('Elena Petrova');
  await form.getByLabel('Deadline').fill('03/14/2030, 04:30 PM');
  await form.getByLabel('Priority').selectOption('high');
  await form.getByRole('button', { name: 'Create task' }).click();

  await expect(tab.getByRole('status').filter({ hasText: 'Task created' })).toBeVisible();
  await expect(tab.getByRole('form', { name: 'New task' })).toHaveCount(0);
  await expect(tab.locator('li.dt-task', { hasText: 'Arrange the delivery slot' })).toContainText('Sophie Wagner');

  const task = (await tasksLinkedTo('Tb1_29')).find((entry) => entry.title === 'Arrange the delivery slot');
  expect(task).toBeDefined();
  expect(task!.responsibleId).toBe('3');
  expect(task!.accomplices).toEqual(['5']);
  expect(task!.priority).toBe('2');
  expect(task!.deadline).toMatch(/^2030-03-14T16:30:00/);
  expect(task!.description).toContain('Call the supplier about Tuesday morning.');
  expect(task!.description).toContain('/crm/type/177/details/29/');
  expect(task!.ufCrmTask).toEqual(['Tb1_29']);
});

test('a cancelled picker leaves the form working', async ({ page }) => {
  const tab = await openForm(page);
  const form = tab.getByRole('form', { name: 'New task' });
  await form.getByRole('button', { name: 'Choose responsible person' }).click();
  await cancelPicker(page);
  await expect(form.getByRole('group', { name: 'Responsible person' })).toContainText('Maxim Orlov');
  await form.getByLabel('Title').fill('Still works after the picker closed');
  await form.getByRole('button', { name: 'Create task' }).click();
  await expect(tab.getByRole('status').filter({ hasText: 'Task created' })).toBeVisible();
  expect(
    (await tasksLinkedTo('Tb1_29')).some(
      (task) => task.title === 'Still works after the picker closed' && task.responsibleId === '2',
    ),
  ).toBe(true);
});

test('mistakes are shown next to their fields and nothing is sent', async ({ page }) => {
  const tab = await openForm(page);
  const form = tab.getByRole('form', { name: 'New task' });
  const before = (await tasksLinkedTo('Tb1_29')).length;
  await form.getByLabel('Title').fill('   ');
  await form.getByLabel('Deadline').fill('01/01/2001, 10:00 AM');
  await form.getByRole('button', { name: 'Create task' }).click();

  await expect(form.getByLabel('Title')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByLabel('Title')).toHaveAccessibleDescription('Enter a title.');
  await expect(form.getByLabel('Deadline')).toHaveAccessibleDescription(/The deadline is in the past\./);
  await expect(form.getByLabel('Title')).toBeFocused();
  expect((await tasksLinkedTo('Tb1_29')).length).toBe(before);
});

test('an edited form is kept when the earlier click’s task turns up, and says the edit was not sent', async ({
  page,
}) => {
  const tab = await openForm(page);
  const form = tab.getByRole('form', { name: 'New task' });
  await form.getByLabel('Title').fill('First version');
  // The portal writes the task, then a proxy answers 502; and the task list cannot be read just now.
  await control.setFaults({
    fail: [
      { method: 'batch', count: 1, answer: 'proxy-html', status: 502, when: 'after' },
      { method: 'tasks.task.list', count: 10, error: 'ACCESS_DENIED', status: 403, description: 'Access denied' },
    ],
  });
  await form.getByRole('button', { name: 'Create task' }).click();
  await expect(tab.getByRole('alert').filter({ hasText: 'Not sure the task was created' })).toBeVisible({
    timeout: 15_000,
  });
  await control.clearFaults();

  await form.getByLabel('Title').fill('Second version');
  await form.getByRole('button', { name: 'Create task' }).click();

  await expect(
    tab.getByRole('status').filter({ hasText: 'Your earlier click did create “First version”' }),
  ).toContainText('Your changes in the form were not sent');
  await expect(tab.getByRole('form', { name: 'New task' }).getByLabel('Title')).toHaveValue('Second version');
  const titles = (await tasksLinkedTo('Tb1_29')).map((task) => task.title);
  expect(titles.filter((title) => title === 'First version')).toHaveLength(1);
  expect(titles).not.toContain('Second version');
});
