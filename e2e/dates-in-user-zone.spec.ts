/**
 * Dates live in the user's Bitrix24 zone, not the computer's: Maxim Orlov's profile says
 * Asia/Vladivostok (UTC+10) while his laptop is set to Europe/Berlin. His one-click task is due
 * on the third working day at 18:00 Vladivostok time, and the tab shows times on that clock.
 * And "overdue" is decided by the portal's clock, not by a computer clock that is off.
 */
import { expect, test } from '@playwright/test';
import { openDetailTab } from './support/portal';
import { control, portalRest, tasksLinkedTo } from './support/app';

test.use({ timezoneId: 'Europe/Berlin' });

const VLADIVOSTOK = 'Asia/Vladivostok';

/** Calendar day and clock of an instant in a zone, read with Intl alone (independent of the app's code). */
function clockIn(ms: number, timeZone: string): { day: string; weekday: number; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      weekday: 'short',
    })
      .formatToParts(ms)
      .map((part) => [part.type, part.value]),
  );
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(parts.weekday!);
  return { day: `${parts.year}-${parts.month}-${parts.day}`, weekday, time: `${parts.hour}:${parts.minute}` };
}

/** The third working day (Mon–Fri) after `day` (`YYYY-MM-DD`); a weekend start counts from the Friday before. */
function thirdWorkingDayAfter(day: string): string {
  let date = new Date(`${day}T12:00:00Z`);
  let left = 3;
  while (left > 0) {
    date = new Date(date.getTime() + 86_400_000);
    if (date.getUTCDay() !== 0 && date.getUTCDay() !== 6) left -= 1;
  }
  return date.toISOString().slice(0, 10);
}

test.beforeEach(async () => {
  await control.reset();
});

test('a user in Vladivostok on a computer in Berlin gets the default deadline at 18:00 Vladivostok time, three working days on', async ({
  page,
}) => {
  expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe('Europe/Berlin');
  const profile = await portalRest<{ TIME_ZONE: string }>('user.current', {}, 2);
  expect(profile.TIME_ZONE).toBe(VLADIVOSTOK);

  const before = new Set((await tasksLinkedTo('Tb1_29')).map((task) => task.id));
  const tab = await openDetailTab(page, { entityTypeId: 177, itemId: 29, user: 2 });
  await expect(tab.locator('li.dt-task')).toHaveCount(5);
  const portalNow = Date.parse(await portalRest<string>('server.time', {}));

  await tab.getByRole('button', { name: 'Create task', exact: true }).click();
  await expect(tab.getByRole('status').filter({ hasText: 'Task created' })).toBeVisible();

  const created = (await tasksLinkedTo('Tb1_29')).filter((task) => !before.has(task.id));
  expect(created).toHaveLength(1);
  const deadline = Date.parse(created[0]!.deadline!);
  const due = clockIn(deadline, VLADIVOSTOK);
  expect(due.time).toBe('18:00');
  expect(due.day).toBe(thirdWorkingDayAfter(clockIn(portalNow, VLADIVOSTOK).day));

  // The tab shows the new task's deadline on the user's clock: 6:00 PM, not Berlin's 9:00/10:00 AM.
  const row = tab.locator(`li.dt-task[data-task-id="${created[0]!.id}"]`);
  await expect(row.locator('.dt-task__deadline')).toContainText('6:00 PM');
});

test('a task due within the hour is not overdue on a computer whose clock runs three hours ahead', async ({ page }) => {
  const portalNow = Date.parse(await portalRest<string>('server.time', {}));
  const deadline = new Date(portalNow + 3_600_000).toISOString();
  const { task } = await portalRest<{ task: { id: string } }>('tasks.task.add', {
    fields: { TITLE: 'Due within the hour', RESPONSIBLE_ID: 2, DEADLINE: deadline, UF_CRM_TASK: ['Tb1_29'] },
  });
  await page.clock.setFixedTime(new Date(Date.now() + 3 * 3_600_000));
  expect(await page.evaluate(() => Date.now())).toBeGreaterThan(portalNow + 2 * 3_600_000);

  const tab = await openDetailTab(page, { entityTypeId: 177, itemId: 29 });
  const row = tab.locator(`li.dt-task[data-task-id="${task.id}"]`);
  await expect(row).toContainText('Due within the hour');
  await expect(row).not.toContainText('Overdue');
  // A task really past its deadline is still marked.
  await expect(tab.locator('li.dt-task', { hasText: 'Check the installation site' })).toContainText('Overdue');
});
