/**
 * The look that belongs in Bitrix24 (issue 9, "A native look"), checked once in a real browser:
 * Air's button heights, and dates typed as the portal's language writes them in the customize
 * form and quick-create, read on the user's Bitrix24 clock.
 */
import { expect, test } from '@playwright/test';
import { control, tasksLinkedTo } from './support/app';
import { openDetailActivityApp, openDetailTab } from './support/portal';

test.beforeEach(async () => {
  await control.reset();
});

test('buttons have Air’s heights: 34 px, and 28 px small', async ({ page }) => {
  const tab = await openDetailTab(page, { entityTypeId: 177, itemId: 29 });
  const create = tab.getByRole('button', { name: 'Create task', exact: true });
  expect((await create.boundingBox())!.height).toBeCloseTo(34, 0);

  const panel = await openDetailActivityApp(page, { entityTypeId: 177, itemId: 29 });
  const change = panel.getByRole('button', { name: 'Change the responsible person' });
  expect((await change.boundingBox())!.height).toBeCloseTo(28, 0);
});

test('a German user types the deadline as “02.12.2030 18:00” in the customize form and gets 18:00 on their clock', async ({
  page,
}) => {
  const tab = await openDetailTab(page, { entityTypeId: 177, itemId: 29, lang: 'de' });
  await tab.getByRole('button', { name: 'Anpassen…' }).click();
  const form = tab.getByRole('form', { name: 'Neue Aufgabe' });
  const deadline = form.getByLabel('Frist');
  // The default, written the German way; the format is the field's hint.
  await expect(deadline).toHaveValue(/^\d{2}\.\d{2}\.\d{4}, 18:00$/);
  await expect(deadline).toHaveAccessibleDescription('TT.MM.JJJJ, hh:mm');
  await form.getByLabel('Titel').fill('Liefertermin abstimmen');
  await deadline.fill('02.12.2030 18:00');
  await form.getByRole('button', { name: 'Aufgabe erstellen' }).click();
  await expect(tab.getByRole('status').filter({ hasText: 'Aufgabe erstellt' })).toBeVisible();
  const task = (await tasksLinkedTo('Tb1_29')).find((entry) => entry.title === 'Liefertermin abstimmen');
  // User 1 has no zone of their own: the portal's (+03:00) is theirs.
  expect(task?.deadline).toMatch(/^2030-12-02T18:00:00\+03:00$/);
});

test('a Russian user’s wrong date in quick-create is called wrong and nothing is created', async ({ page }) => {
  const panel = await openDetailActivityApp(page, { entityTypeId: 177, itemId: 29, lang: 'ru' });
  const before = (await tasksLinkedTo('Tb1_29')).length;
  const deadline = panel.getByLabel('Крайний срок');
  await expect(deadline).toHaveValue(/^\d{2}\.\d{2}\.\d{4}, 18:00$/);
  await deadline.fill('31.02.2030 18:00');
  await panel.getByRole('button', { name: 'Создать задачу' }).click();
  await expect(panel.getByText('Введите дату и время в формате ДД.ММ.ГГГГ, чч:мм.')).toBeVisible();
  expect(await tasksLinkedTo('Tb1_29')).toHaveLength(before);
});
