/**
 * The stage playbook in the card (issue 12, "In the card"), through the real SDK against the
 * emulated portal: a procurement manager (user 2, zone Asia/Vladivostok on a +03:00 portal) opens
 * "Washing Machine" in "Approval" and creates its 3 missing tasks in one click — each linked,
 * marked with its template, with its checklist and its deadline at 12:00 on the manager's clock;
 * a tab that still shows them missing creates none; a double click creates 3, not 6; after the
 * item moves on, the tab says so and offers the next stage's task. The playbook is stored as an
 * admin writes it (app.option.set; the editor's own e2e is playbook-editor.spec.ts).
 */
import { expect, test, type FrameLocator, type Page } from '@playwright/test';
import { playbookDocument, playbookTemplate } from '../src/testing/fixtures';
import { appRequests, control, portalRest } from './support/app';
import { appFrameElement, moveItemOnStageBar, openDetailTab, topSlider } from './support/portal';

const ENTITY_TYPE_ID = 177;
const ITEM_ID = 29;
const LINK_CODE = 'Tb1_29';
const APPROVAL = 'DT177_7:CLIENT';
const ORDERED = 'DT177_7:UC_ORDERED';
const MANAGER = 2;
const MANAGER_ZONE = 'Asia/Vladivostok';

const template = (key: string, title: string, checklist: string[]) =>
  playbookTemplate(key, {
    title,
    description: 'Stage “{stage}” of {title}',
    observerIds: [4],
    deadline: { unit: 'working-days', amount: 2, timeOfDay: '12:00' },
    priority: 'high',
    checklist,
  });

const PLAYBOOK = playbookDocument(
  [
    {
      stageId: APPROVAL,
      templates: [
        template('legal-review', 'Legal review: {title}', ['Contract draft', 'NDA signed']),
        template('budget-check', 'Budget check #{id}', ['Quote attached', 'Within budget', 'Cost centre']),
        template('ceo-sign-off', 'CEO sign-off: {title}', ['Summary sent']),
      ],
    },
    { stageId: ORDERED, templates: [template('track-delivery', 'Track the delivery of {title}', ['Tracking number'])] },
  ],
  { entityTypeId: ENTITY_TYPE_ID },
);

interface PlaybookTask {
  id: string;
  title: string;
  deadline: string | null;
  priority: string;
  xmlId: string | null;
  ufCrmTask?: string[] | false;
}

async function playbookTasks(): Promise<PlaybookTask[]> {
  const { tasks } = await portalRest<{ tasks: PlaybookTask[] }>('tasks.task.list', {
    filter: { UF_CRM_TASK: LINK_CODE },
    select: ['ID', 'TITLE', 'DEADLINE', 'PRIORITY', 'XML_ID', 'UF_CRM_TASK'],
  });
  return tasks.filter((task) => task.xmlId?.startsWith('smart-tasks:template:'));
}

async function checklistOf(taskId: string): Promise<string[]> {
  const items = await portalRest<Array<{ TITLE: string; PARENT_ID: string | number; SORT_INDEX: string }>>(
    'task.checklistitem.getlist',
    { TASKID: Number(taskId) },
  );
  // The portal lists the checklist itself too (PARENT_ID 0, "Checklist 1"): only its lines count, in their order.
  return items
    .filter((item) => Number(item.PARENT_ID) !== 0)
    .sort((a, b) => Number(a.SORT_INDEX) - Number(b.SORT_INDEX))
    .map((item) => item.TITLE);
}

/** The wall clock of an instant in a zone: "YYYY-MM-DD HH:MM" and the weekday (0 = Sunday). */
function wallClock(instant: string, zone: string): { text: string; weekday: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      weekday: 'short',
    })
      .formatToParts(new Date(instant))
      .map((part) => [part.type, part.value]),
  );
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(parts.weekday!);
  return { text: `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`, weekday };
}

async function openAsManager(page: Page): Promise<FrameLocator> {
  return openDetailTab(page, { entityTypeId: ENTITY_TYPE_ID, itemId: ITEM_ID, user: MANAGER });
}

/** The manager is no admin: "Create the N missing" first names the tasks; "Create them" sends them. */
async function confirmCreate(app: FrameLocator, how: 'click' | 'dblclick' = 'click') {
  await playbookPanel(app).getByRole('button', { name: 'Create them' })[how]();
}

function playbookPanel(app: FrameLocator) {
  return app.getByRole('region', { name: 'Stage playbook' });
}

test.beforeEach(async () => {
  await control.reset({ fresh: false });
  // An admin (user 1) stores the playbook as the editor does: the JSON string in playbook_177.
  await portalRest('app.option.set', { options: { playbook_177: JSON.stringify(PLAYBOOK) } }, 1);
});

test('a manager creates the 3 missing tasks of "Approval" in one click: linked, with checklists and deadlines in the manager’s zone', async ({
  page,
}) => {
  const app = await openAsManager(page);
  const panel = playbookPanel(app);
  await expect(panel.getByText('Legal review: Washing Machine')).toBeVisible();
  await expect(panel.getByText('Missing', { exact: true })).toHaveCount(3);
  const button = panel.getByRole('button', { name: 'Create the 3 missing tasks' });
  await expect(button).toBeEnabled();

  await control.clearRequests();
  await button.click();
  await confirmCreate(app);
  await expect(panel.getByText('3 tasks are created and linked to this item.')).toBeVisible();
  // One round trip for the click: one batch with the 3 tasks. (A slow start may add the tab's
  // light look at the item's stage when the pointer comes back after 15 s: that is no batch.)
  const batches = (await appRequests()).filter((entry) => entry.userId === MANAGER && entry.method === 'batch');
  expect(batches).toHaveLength(1);
  expect(batches[0]!.commands?.filter((method) => method === 'tasks.task.add')).toHaveLength(3);

  const tasks = await playbookTasks();
  expect(tasks.map((task) => task.xmlId).sort()).toEqual([
    'smart-tasks:template:budget-check',
    'smart-tasks:template:ceo-sign-off',
    'smart-tasks:template:legal-review',
  ]);
  const byKey = new Map(tasks.map((task) => [task.xmlId!.split(':')[2]!, task]));
  expect(byKey.get('budget-check')!.title).toBe('Budget check #29');
  expect(await checklistOf(byKey.get('legal-review')!.id)).toEqual(['Contract draft', 'NDA signed']);
  expect(await checklistOf(byKey.get('budget-check')!.id)).toEqual(['Quote attached', 'Within budget', 'Cost centre']);
  expect(await checklistOf(byKey.get('ceo-sign-off')!.id)).toEqual(['Summary sent']);
  for (const task of tasks) {
    expect(task.ufCrmTask).toEqual([LINK_CODE]);
    expect(task.priority).toBe('2');
    // 12:00 on the manager's Vladivostok clock (not the portal's +03:00, nor the browser's), on a working day.
    const clock = wallClock(task.deadline!, MANAGER_ZONE);
    expect(clock.text).toMatch(/ 12:00$/);
    expect([0, 6]).not.toContain(clock.weekday);
  }

  // Each shows its task now; a second click is not offered, and nothing more is created.
  await expect(panel.getByRole('button', { name: 'All created' })).toBeDisabled();
  await expect(panel.getByRole('link', { name: 'Open task “Budget check #29”' })).toBeVisible();
  await page.reload();
  await expect(playbookPanel(app).getByRole('button', { name: 'All created' })).toBeDisabled();
  expect(await playbookTasks()).toHaveLength(3);
});

test('a tab that still shows the tasks missing creates none: the portal judges what exists', async ({
  page,
  context,
}) => {
  const stale = await context.newPage();
  const staleApp = await openAsManager(stale);
  const staleButton = playbookPanel(staleApp).getByRole('button', { name: 'Create the 3 missing tasks' });
  await expect(staleButton).toBeEnabled();

  const app = await openAsManager(page);
  await playbookPanel(app).getByRole('button', { name: 'Create the 3 missing tasks' }).click();
  await confirmCreate(app);
  await expect(playbookPanel(app).getByText('3 tasks are created and linked to this item.')).toBeVisible();

  // The other tab was loaded before: it still offers them, and its click makes no second set.
  await staleButton.click();
  await confirmCreate(staleApp);
  await expect(playbookPanel(staleApp).getByText(/Already created in the meantime/)).toBeVisible();
  expect(await playbookTasks()).toHaveLength(3);
  await expect(playbookPanel(staleApp).getByRole('button', { name: 'All created' })).toBeDisabled();
});

test('a double click creates 3 tasks, not 6', async ({ page }) => {
  const app = await openAsManager(page);
  const button = playbookPanel(app).getByRole('button', { name: 'Create the 3 missing tasks' });
  await expect(button).toBeEnabled();
  await button.dblclick();
  await confirmCreate(app, 'dblclick');
  await expect(playbookPanel(app).getByRole('button', { name: 'All created' })).toBeVisible();
  expect(await playbookTasks()).toHaveLength(3);
});

test('after the item moves to the next stage on the card’s stage bar the tab says so and offers that stage’s task', async ({
  page,
}) => {
  const app = await openAsManager(page);
  const panel = playbookPanel(app);
  await expect(panel.getByRole('button', { name: 'Create the 3 missing tasks' })).toBeVisible();

  // The manager moves the item on to "Ordered" on the card's stage bar: the tab is not reloaded.
  const stageId = await moveItemOnStageBar(page, {
    entityTypeId: ENTITY_TYPE_ID,
    itemId: ITEM_ID,
    user: MANAGER,
    stage: 'next',
    stayOnPage: true,
  });
  expect(stageId).toBe(ORDERED);
  // Back in the tab a while later (the tab looks again at most every 15 s).
  await page.waitForTimeout(15_500);
  await appFrameElement(page, 'CRM_DYNAMIC_177_DETAIL_TAB').hover();
  await expect(panel.getByText('The item moved to a new stage')).toBeVisible();
  await expect(panel.getByText(/Moved from “Approval” to “Ordered” since you last saw it\./)).toBeVisible();
  await expect(panel.getByText('Track the delivery of Washing Machine')).toBeVisible();
  await panel.getByRole('button', { name: 'Create the missing task' }).click();
  await panel.getByRole('button', { name: 'Create them' }).click();
  await expect(panel.getByText('The task is created and linked to this item.')).toBeVisible();
  const tasks = await playbookTasks();
  expect(tasks.map((task) => task.xmlId)).toEqual(['smart-tasks:template:track-delivery']);
  expect(await checklistOf(tasks[0]!.id)).toEqual(['Tracking number']);
});

test('opening the card after the item moved on since the manager last saw it says so', async ({ page }) => {
  await expect(playbookPanel(await openAsManager(page)).getByText('Legal review: Washing Machine')).toBeVisible();
  // Moved on by someone else while the manager was away.
  await portalRest('crm.item.update', { entityTypeId: ENTITY_TYPE_ID, id: ITEM_ID, fields: { stageId: ORDERED } }, 1);
  const panel = playbookPanel(await openAsManager(page));
  await expect(
    panel.getByText(
      /Moved from “Approval” to “Ordered” since you last saw it\. 1 task of the new stage is still missing\./,
    ),
  ).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Create the missing task' })).toBeEnabled();
});

test('a tab loaded before the item moved creates none of the old stage’s tasks, and shows the new stage', async ({
  page,
}) => {
  const app = await openAsManager(page);
  const button = playbookPanel(app).getByRole('button', { name: 'Create the 3 missing tasks' });
  await expect(button).toBeEnabled();
  await portalRest('crm.item.update', { entityTypeId: ENTITY_TYPE_ID, id: ITEM_ID, fields: { stageId: ORDERED } }, 1);
  await button.click();
  await confirmCreate(app);
  await expect(
    playbookPanel(app).getByText(/It moved from “Approval” to “Ordered” after this card was loaded/),
  ).toBeVisible();
  expect(await playbookTasks()).toHaveLength(0);
  await expect(playbookPanel(app).getByText('Track the delivery of Washing Machine')).toBeVisible();
});

test('a lost answer with the computer’s clock 3 h ahead of the portal’s: the 3 tasks are found by the click’s key, never made twice', async ({
  page,
}) => {
  await control.configure({ clockOffsetSeconds: -3 * 3600 });
  const app = await openAsManager(page);
  const button = playbookPanel(app).getByRole('button', { name: 'Create the 3 missing tasks' });
  await expect(button).toBeEnabled();
  // The portal does the work; a proxy answers with its own error page instead.
  await control.setFaults({ fail: [{ method: 'batch', count: 1, answer: 'proxy-html', status: 502, when: 'after' }] });
  await button.click();
  await confirmCreate(app);
  await expect(playbookPanel(app).getByText(/The request was interrupted, but it did arrive/)).toBeVisible({
    timeout: 15_000,
  });
  expect(await playbookTasks()).toHaveLength(3);
  await expect(playbookPanel(app).getByRole('button', { name: 'All created' })).toBeDisabled();
});

test('a reload while the click is on its way: the next open finds the 3 tasks it made, and offers none again', async ({
  page,
}) => {
  const app = await openAsManager(page);
  const button = playbookPanel(app).getByRole('button', { name: 'Create the 3 missing tasks' });
  await expect(button).toBeEnabled();
  await control.setFaults({ slow: [{ method: 'tasks.task.add', ms: 1_000 }] });
  await button.click();
  await confirmCreate(app);
  await expect(playbookPanel(app).getByRole('button', { name: 'Creating…' })).toBeVisible();
  await page.reload();
  const again = playbookPanel(app);
  await expect(again.getByText(/The request was interrupted, but it did arrive/)).toBeVisible({ timeout: 20_000 });
  await expect(again.getByRole('button', { name: 'All created' })).toBeDisabled();
  expect(await playbookTasks()).toHaveLength(3);
});

test('without a playbook a manager sees nothing of it, and an admin gets a way to set one up', async ({ page }) => {
  await portalRest('app.option.set', { options: { playbook_177: '' } }, 1);
  const app = await openAsManager(page);
  await expect(app.getByRole('region', { name: /Linked tasks/ })).toBeVisible();
  await expect(playbookPanel(app)).toHaveCount(0);
  await expect(app.getByText(/stage playbook/i)).toHaveCount(0);

  const adminApp = await openDetailTab(page, { entityTypeId: ENTITY_TYPE_ID, itemId: ITEM_ID, user: 1 });
  await expect(adminApp.getByText('No stage playbook is set up for this smart process yet.')).toBeVisible();
  await adminApp.getByRole('button', { name: 'Set up stage playbooks' }).click();
  await expect(topSlider(page)).toBeVisible();
  // The automation rules of the item's funnel, whose menu holds the app's "Stage playbooks".
  const designer = topSlider(page).getByTestId('slider-page-frame');
  await expect(designer).toHaveAttribute('src', /\/crm\/type\/177\/automation\/7\//);
  await expect(designer.contentFrame().getByTestId('robot-designer-toolbar-apps')).toBeVisible();
});
