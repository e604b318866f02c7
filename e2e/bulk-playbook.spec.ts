/**
 * A manager applies the stage's playbook to every item of the stage from the list toolbar: the
 * panel says how many items and how many missing tasks, and the run gives each item only the
 * templates it is missing (a template's task, open or completed, counts as there), each task
 * with its XML_ID and its checklist, none twice — even when answers are lost, a proxy answers
 * 503 after the portal wrote, the portal asks to slow down, or the page reloads half-way.
 * Checked through the portal's own REST, around its limits.
 */
import { expect, test, type FrameLocator } from '@playwright/test';
import { BULK_STAGE, control, fillBulkStage, portalRest } from './support/app';
import { bulkReport, openBulkPanel, outsideLimits } from './support/bulk-run';
import { openListToolbarApp } from './support/portal';

const RUN_SIZE = 300;
const XML_PREFIX = 'smart-tasks:template:';

/** Three templates for "Technician on site": the call (2 checklist lines), the visit, the report (3 lines). */
const TEMPLATES = [
  { key: 'call', title: 'Call about {title}', lines: ['Dial the client', 'Agree on a time'] },
  { key: 'visit', title: 'Visit {title}', lines: [] },
  { key: 'report', title: 'Report on {title}', lines: ['Photos', 'Parts used', 'Signature'] },
] as const;

function playbookDocument(): string {
  return JSON.stringify({
    schema: 1,
    entityTypeId: BULK_STAGE.entityTypeId,
    revision: 1,
    savedAt: '2026-11-30T09:00:00+03:00',
    savedBy: 1,
    stages: [
      {
        stageId: BULK_STAGE.stageId,
        templates: TEMPLATES.map((template, index) => ({
          key: template.key,
          title: template.title,
          description: 'For {stage} in {funnel}',
          responsible: index === 1 ? { kind: 'clicking-user' } : { kind: 'item-responsible' },
          participantIds: [],
          observerIds: [],
          deadline: { unit: 'working-days', amount: index + 1, timeOfDay: '17:00' },
          priority: index === 0 ? 'high' : 'medium',
          checklist: [...template.lines],
        })),
      },
    ],
  });
}

interface ListedTask {
  id: string;
  description?: string;
  xmlId?: string | null;
  ufCrmTask?: string[] | false;
}

/** Every task linked to the items, with its template key (XML_ID), as the portal holds them. */
async function linkedTasks(
  itemIds: readonly number[],
): Promise<Array<{ id: string; itemId: number; key: string | null; fromRun: boolean }>> {
  return outsideLimits(async () => {
    const found: Array<{ id: string; itemId: number; key: string | null; fromRun: boolean }> = [];
    for (let from = 0; from < itemIds.length; from += 50) {
      const codes = itemIds.slice(from, from + 50).map((id) => `Tb7_${id}`);
      for (let start = 0; ; start += 50) {
        const { tasks } = await portalRest<{ tasks: ListedTask[] }>('tasks.task.list', {
          filter: { UF_CRM_TASK: codes },
          select: ['ID', 'DESCRIPTION', 'XML_ID', 'UF_CRM_TASK'],
          order: { ID: 'asc' },
          start,
        });
        for (const task of tasks)
          for (const code of task.ufCrmTask || [])
            if (codes.includes(code))
              found.push({
                id: task.id,
                itemId: Number(code.split('_')[1]),
                key: task.xmlId?.startsWith(XML_PREFIX) ? task.xmlId.slice(XML_PREFIX.length) : null,
                fromRun: task.description?.includes('smart-tasks-run-') === true,
              });
        if (tasks.length < 50) break;
      }
    }
    return found;
  });
}

/** Items whose template tasks are not exactly one of each template. */
async function itemsNotExactlyOneEach(itemIds: readonly number[]): Promise<Array<{ itemId: number; keys: string[] }>> {
  const byItem = new Map<number, string[]>(itemIds.map((id) => [id, []]));
  for (const task of await linkedTasks(itemIds)) if (task.key) byItem.get(task.itemId)?.push(task.key);
  const wanted = TEMPLATES.map((template) => template.key)
    .sort()
    .join();
  return [...byItem]
    .filter(([, keys]) => [...keys].sort().join() !== wanted)
    .map(([itemId, keys]) => ({ itemId, keys }));
}

/** A template's task someone made before the run (a click in the card); `completed` closes it. */
async function existingTemplateTask(itemId: number, key: string, completed = false): Promise<void> {
  const { task } = await portalRest<{ task: { id: string } }>('tasks.task.add', {
    fields: {
      TITLE: `${key} (made in the card)`,
      RESPONSIBLE_ID: 1,
      UF_CRM_TASK: [`Tb7_${itemId}`],
      XML_ID: `${XML_PREFIX}${key}`,
    },
  });
  if (completed) await portalRest('tasks.task.complete', { taskId: task.id });
}

async function chooseStageAndPlaybook(panel: FrameLocator): Promise<void> {
  await panel.getByRole('combobox', { name: 'Funnel' }).selectOption({ label: 'Field service' });
  await panel.getByRole('combobox', { name: 'Stage' }).selectOption({ label: 'Technician on site' });
  await panel.getByRole('radio', { name: 'The tasks of the stage’s playbook it is missing' }).check();
  await expect(panel.getByText(`${RUN_SIZE} items match.`)).toBeVisible();
}

test.describe.configure({ timeout: 240_000 });

test.beforeEach(async () => {
  await control.reset();
});

test('bulk applies a 3-template playbook to 300 items: each ends with exactly its 3 template tasks and their checklists, none twice, under lost answers, a proxy’s 503 after the write and the portal’s limits', async ({
  page,
}) => {
  const itemIds = await outsideLimits(async () => {
    const ids = await fillBulkStage(portalRest, RUN_SIZE);
    await portalRest('app.option.set', { options: { [`playbook_${BULK_STAGE.entityTypeId}`]: playbookDocument() } });
    // Ten items have their call already, three a completed visit, three every template.
    for (const id of ids.slice(0, 10)) await existingTemplateTask(id, 'call');
    for (const id of ids.slice(10, 13)) await existingTemplateTask(id, 'visit', true);
    for (const id of ids.slice(13, 16)) for (const template of TEMPLATES) await existingTemplateTask(id, template.key);
    return ids;
  });
  expect(itemIds).toHaveLength(RUN_SIZE);
  const missing = RUN_SIZE * 3 - 10 - 3 - 3 * 3;

  const panel = await openBulkPanel(page);
  await chooseStageAndPlaybook(panel);
  await expect(panel.getByTestId('bulk-missing')).toHaveText(`${RUN_SIZE - 3} items, ${missing} missing tasks.`, {
    timeout: 60_000,
  });
  await expect(panel.getByTestId('bulk-playbook').getByRole('listitem')).toHaveText([
    'Call about {title} · checklist of 2 items',
    'Visit {title}',
    'Report on {title} · checklist of 3 items',
  ]);

  // The first create request's answer is lost after the portal wrote it; the next one gets a
  // proxy's 503 page after the write; ten creates are refused with the portal's limit body.
  await control.setFaults({ drop: [{ method: 'tasks.task.add', count: 1, when: 'after' }] });
  await control.clearRequests();
  const start = `Create ${missing} missing tasks`;
  await panel.getByRole('button', { name: start }).click();
  const confirm = panel.getByRole('alertdialog', { name: `${start} for ${RUN_SIZE - 3} items?` });
  await expect(confirm.getByRole('listitem')).toHaveText(TEMPLATES.map((template) => template.title));
  await confirm.getByRole('button', { name: start }).click();
  await expect
    .poll(
      async () =>
        (await control.requests()).some((entry) => entry.status === 0 && entry.commands?.includes('tasks.task.add')),
      { intervals: [100], timeout: 60_000 },
    )
    .toBe(true);
  await control.setFaults({
    fail: [
      { method: 'tasks.task.add', count: 1, when: 'after', answer: 'proxy-html' },
      {
        method: 'tasks.task.add',
        count: 10,
        error: 'QUERY_LIMIT_EXCEEDED',
        status: 503,
        description: 'Too many requests',
      },
    ],
  });

  await expect(bulkReport(panel)).toContainText(
    `${missing} tasks created for ${RUN_SIZE - 3} items; 3 had every task; 0 failed.`,
    { timeout: 150_000 },
  );
  expect(await itemsNotExactlyOneEach(itemIds)).toEqual([]);
  // The faults happened: an answer was lost and a proxy answered 503 after the write.
  const log = await control.requests();
  expect(log.some((entry) => entry.status === 0 && entry.commands?.includes('tasks.task.add'))).toBe(true);
  expect(log.some((entry) => entry.status === 503 && entry.commands?.includes('tasks.task.add'))).toBe(true);
  // No create request over the portal's 50 commands.
  const creates = log.filter((entry) => entry.commands?.includes('tasks.task.add'));
  expect(Math.max(...creates.map((entry) => entry.commands!.length))).toBeLessThanOrEqual(50);

  // The run's "report" tasks carry their checklist, line by line, once.
  const reports = (await linkedTasks(itemIds)).filter((task) => task.fromRun && task.key === 'report');
  expect(reports).toHaveLength(RUN_SIZE - 3);
  const sample = reports.filter((_task, index) => index % 10 === 0);
  const lines = await outsideLimits(() =>
    portalRest<{
      result: Record<string, Array<{ TITLE: string; PARENT_ID: string | number; SORT_INDEX: string | number }>>;
    }>('batch', {
      halt: 0,
      cmd: Object.fromEntries(sample.map((task) => [`t${task.id}`, `task.checklistitem.getlist?TASKID=${task.id}`])),
    }),
  );
  for (const task of sample) {
    // The checklist's own root item (PARENT_ID 0) holds the lines, in their SORT_INDEX order.
    const titles = (lines.result[`t${task.id}`] ?? [])
      .filter((line) => Number(line.PARENT_ID) !== 0)
      .sort((a, b) => Number(a.SORT_INDEX) - Number(b.SORT_INDEX))
      .map((line) => line.TITLE);
    expect(titles).toEqual([...TEMPLATES[2].lines]);
  }
});

test('a reload half-way through a playbook run, then resume: still exactly one task of each template per item', async ({
  page,
}) => {
  const itemIds = await outsideLimits(async () => {
    const ids = await fillBulkStage(portalRest, RUN_SIZE);
    await portalRest('app.option.set', { options: { [`playbook_${BULK_STAGE.entityTypeId}`]: playbookDocument() } });
    return ids;
  });
  let panel = await openBulkPanel(page);
  await chooseStageAndPlaybook(panel);
  const start = `Create ${RUN_SIZE * 3} missing tasks`;
  await panel.getByRole('button', { name: start }).click({ timeout: 60_000 });
  await control.setFaults({ latencyMs: 150 });
  await panel.getByRole('alertdialog').getByRole('button', { name: start }).click();
  await expect(panel.locator('[data-count="created"]')).toHaveText(/Tasks created: [1-9]\d{2}/, { timeout: 60_000 });
  await page.reload();

  panel = await openBulkPanel(page);
  await expect(panel.getByText('The run is paused')).toBeVisible();
  await control.setFaults({ latencyMs: 0 });
  await panel.getByRole('button', { name: 'Resume' }).click();
  await expect(bulkReport(panel)).toContainText(
    `${RUN_SIZE * 3} tasks created for ${RUN_SIZE} items; 0 had every task; 0 failed.`,
    {
      timeout: 150_000,
    },
  );
  expect(await itemsNotExactlyOneEach(itemIds)).toEqual([]);
});

test('opened from a funnel’s list, the panel starts on that funnel and stays there', async ({ page }) => {
  const panel = await openListToolbarApp(page, {
    entityTypeId: BULK_STAGE.entityTypeId,
    category: BULK_STAGE.categoryId,
  });
  const funnel = panel.getByRole('combobox', { name: 'Funnel' });
  await expect(funnel.locator('option:checked')).toHaveText('Field service');
  // Still after the count and the panel's other first reads have come back.
  await expect(panel.getByText(/items? match/)).toBeVisible();
  await page.waitForTimeout(1_000);
  await expect(funnel.locator('option:checked')).toHaveText('Field service');
  await panel.getByRole('combobox', { name: 'Stage' }).selectOption({ label: 'Technician on site' });
});
