/**
 * Stage playbooks as an admin defines them (issue 12): from the automation designer's menu
 * (CRM_DYNAMIC_177_ROBOT_DESIGNER_TOOLBAR) an admin defines "Approval"'s three tasks with their
 * checklists; they are stored in the app option playbook_177 and survive a reload; a non-admin sees
 * them and cannot change them; a file made by a newer Smart Tasks is not imported.
 */
import { readFile } from 'node:fs/promises';
import { expect, test, type FrameLocator, type Page } from '@playwright/test';
import { control, portalRest } from './support/app';
import { openRobotDesignerEntry } from './support/portal';

const ENTITY_TYPE_ID = 177;
const GENERAL_FUNNEL = 7;
const APPROVAL = 'DT177_7:CLIENT';
const OPTION = `playbook_${ENTITY_TYPE_ID}`;

const TASKS = [
  { title: 'Legal review: {title}', checklist: ['Contract draft', 'NDA signed'] },
  { title: 'Budget check #{id}', checklist: ['Quote attached', 'Within budget', 'Cost centre'] },
  { title: 'CEO sign-off: {title}', checklist: ['Summary sent'] },
];

interface StoredTemplate {
  key: string;
  title: string;
  checklist: string[];
}
interface StoredDocument {
  schema: number;
  revision: number;
  stages: Array<{ stageId: string; templates: StoredTemplate[] }>;
}

/** The list's "Automation rules" of the General funnel, then the app's entry in the designer's menu. */
async function openFromAutomationDesigner(page: Page, user?: number): Promise<FrameLocator> {
  const app = await openRobotDesignerEntry(page, { entityTypeId: ENTITY_TYPE_ID, categoryId: GENERAL_FUNNEL, user });
  await expect(app.getByRole('heading', { name: 'Equipment Purchase' })).toBeVisible();
  return app;
}

async function storedPlaybook(): Promise<StoredDocument | null> {
  const value = await portalRest<unknown>('app.option.get', { option: OPTION });
  return typeof value === 'string' && value !== '' ? (JSON.parse(value) as StoredDocument) : null;
}

function approvalTemplates(document: StoredDocument | null): StoredTemplate[] {
  return document?.stages.find((stage) => stage.stageId === APPROVAL)?.templates ?? [];
}

async function defineApprovalPlaybook(app: FrameLocator): Promise<void> {
  // A new install offers a playbook made from the stage names; this admin writes their own.
  await app.getByRole('button', { name: 'Start empty' }).click();
  await app.getByLabel('Stage', { exact: true }).selectOption({ label: 'Approval' });
  for (const [index, task] of TASKS.entries()) {
    await app.getByRole('button', { name: 'Add a task' }).click();
    const template = app.getByRole('region', { name: `Task ${index + 1}` });
    await template.getByLabel('Title').fill(task.title);
    await template.getByLabel('Checklist').fill(task.checklist.join('\n'));
  }
  await app.getByRole('button', { name: 'Save' }).click();
  await expect(app.getByText(/^Saved at /)).toBeVisible();
}

test.beforeEach(async () => {
  await control.reset({ fresh: false });
});

test("an admin defines Approval's three tasks from the automation designer's menu; they survive a reload", async ({
  page,
}) => {
  expect(await storedPlaybook()).toBeNull();
  const app = await openFromAutomationDesigner(page);
  await defineApprovalPlaybook(app);

  const stored = await storedPlaybook();
  expect(stored?.revision).toBe(1);
  expect(approvalTemplates(stored).map(({ title, checklist }) => ({ title, checklist }))).toEqual(TASKS);
  expect(new Set(approvalTemplates(stored).map((template) => template.key)).size).toBe(3);

  await page.reload();
  const again = await openFromAutomationDesigner(page);
  await again.getByLabel('Stage', { exact: true }).selectOption({ label: 'Approval (3 tasks)' });
  for (const [index, task] of TASKS.entries()) {
    const template = again.getByRole('region', { name: `Task ${index + 1}` });
    await expect(template.getByLabel('Title')).toHaveValue(task.title);
    await expect(template.getByLabel('Checklist')).toHaveValue(task.checklist.join('\n'));
  }
  // The live preview renders the tasks on the newest item in Approval.
  await expect(again.getByText(/^On the newest item here: /)).toBeVisible();
  await expect(again.getByText(/^Legal review: (?!\{title\})/)).toBeVisible();
});

test('a user who is not an admin sees the playbook and cannot change it', async ({ page }) => {
  await defineApprovalPlaybook(await openFromAutomationDesigner(page));
  const before = await storedPlaybook();

  const app = await openFromAutomationDesigner(page, 2);
  await expect(
    app.getByText('Only a Bitrix24 administrator can change playbooks. You can see this one.'),
  ).toBeVisible();
  await app.getByLabel('Stage', { exact: true }).selectOption({ label: 'Approval (3 tasks)' });
  const first = app.getByRole('region', { name: 'Task 1' });
  await expect(first.getByLabel('Title')).toHaveValue(TASKS[0]!.title);
  await expect(first.getByLabel('Title')).toBeDisabled();
  await expect(app.getByRole('button', { name: 'Save' })).toHaveCount(0);
  await expect(app.getByRole('button', { name: 'Add a task' })).toHaveCount(0);
  await expect(app.getByRole('button', { name: 'Delete' })).toHaveCount(0);
  // Nor may the user write the option past the app: the portal refuses app.option.set to non-admins.
  await expect(portalRest('app.option.set', { options: { [OPTION]: '{}' } }, 2)).rejects.toThrow(
    /ACCESS_DENIED|denied/i,
  );
  expect(await storedPlaybook()).toEqual(before);
});

test('a playbook file made by a newer Smart Tasks is refused on import; nothing changes', async ({ page }) => {
  const app = await openFromAutomationDesigner(page);
  await defineApprovalPlaybook(app);
  const before = await storedPlaybook();

  await app.getByLabel('From a file').setInputFiles({
    name: 'smart-tasks-playbook-177.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ schema: 99, entityTypeId: ENTITY_TYPE_ID, stages: { future: true } })),
  });
  await expect(app.getByText('This file was made by a newer Smart Tasks; update the app to import it.')).toBeVisible();
  await expect(app.getByRole('button', { name: 'Apply' })).toHaveCount(0);
  await expect(app.getByRole('button', { name: 'Save' })).toBeDisabled();
  expect(await storedPlaybook()).toEqual(before);
});

test('the editor at 400 px: nothing spills sideways, Save reachable', async ({ page }) => {
  await page.setViewportSize({ width: 400, height: 800 });
  const app = await openFromAutomationDesigner(page);
  await app.getByRole('button', { name: 'Start empty' }).click();
  await app.getByRole('button', { name: 'Add a task' }).click();
  const overflow = await app.locator('html').evaluate((html) => html.scrollWidth - html.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const save = app.getByRole('button', { name: 'Save' });
  await save.scrollIntoViewIfNeeded();
  await expect(save).toBeInViewport();
});

test("the editor opens on the funnel whose automation rules were open, with that funnel's stages", async ({ page }) => {
  const app = await openRobotDesignerEntry(page, { entityTypeId: ENTITY_TYPE_ID, categoryId: 9 });
  await expect(app.getByLabel('Funnel')).toHaveValue('9');
  await expect(app.getByLabel('Stage', { exact: true }).locator('option')).toHaveText([
    'New',
    'Sourcing',
    'Delivered',
    'Cancelled',
    'Any stage',
  ]);
});

test('export downloads the playbook as JSON that imports back unchanged', async ({ page }) => {
  const app = await openFromAutomationDesigner(page);
  await defineApprovalPlaybook(app);
  const download = page.waitForEvent('download');
  await app.getByRole('button', { name: 'Download JSON' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('smart-tasks-playbook-177.json');
  const path = await file.path();
  const exported = JSON.parse(await readFile(path, 'utf8')) as StoredDocument;
  expect(approvalTemplates(exported).map(({ title, checklist }) => ({ title, checklist }))).toEqual(TASKS);

  await app.getByLabel('From a file').setInputFiles(path);
  await expect(app.getByText('The file holds the same playbook: nothing changes.')).toBeVisible();
});
