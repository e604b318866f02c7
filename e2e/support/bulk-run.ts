/**
 * Helpers for specs and scripts about bulk runs on the emulated portal: what the portal holds
 * (bulk tasks per item, read around the rate limit so the test never eats the app's budget),
 * and the panel's controls.
 */
import { expect, type FrameLocator, type Page } from '@playwright/test';
import { BULK_STAGE, control, portalRest, type PortalRest } from './app';
import { openListToolbarApp } from './portal';

interface ListedTask {
  id: string;
  description?: string;
  ufCrmTask?: string[] | false;
}

/** The test's own REST calls go around the portal's rate limit and operating limit. */
export async function outsideLimits<T>(work: () => Promise<T>): Promise<T> {
  const before = await control.configure({});
  await control.configure({ rateLimit: null, operatingLimitSeconds: null });
  try {
    return await work();
  } finally {
    await control.configure({ rateLimit: before.rateLimit, operatingLimitSeconds: before.operatingLimitSeconds });
  }
}

/**
 * Bulk-run tasks per linked item of smart process `shortCode` (`Tb7`): the portal's own record.
 * Reads every task linked to the given items (50 codes per question), around the portal's limits.
 */
export async function bulkTasksPerItem(
  itemIds: readonly number[],
  shortCode = 'Tb7',
  rest: PortalRest = portalRest,
): Promise<Map<number, number>> {
  return outsideLimits(() => countBulkTasksPerItem(rest, itemIds, shortCode));
}

/**
 * `bulkTasksPerItem` without touching the portal's limits, for a caller that has lifted them
 * itself (the benchmarks, on their own portal): tasks whose description carries a bulk run's
 * mark (`smart-tasks-run-`), counted per linked item of `shortCode`.
 */
export async function countBulkTasksPerItem(
  rest: PortalRest,
  itemIds: readonly number[],
  shortCode = 'Tb7',
): Promise<Map<number, number>> {
  const perItem = new Map<number, number>();
  for (let from = 0; from < itemIds.length; from += 50) {
    const codes = itemIds.slice(from, from + 50).map((id) => `${shortCode}_${id}`);
    for (let start = 0; ; start += 50) {
      const result = await rest<{ tasks: ListedTask[] }>('tasks.task.list', {
        filter: { UF_CRM_TASK: codes },
        select: ['ID', 'DESCRIPTION', 'UF_CRM_TASK'],
        order: { ID: 'asc' },
        start,
      });
      for (const task of result.tasks) {
        if (!task.description?.includes('smart-tasks-run-')) continue;
        for (const code of task.ufCrmTask || []) {
          if (!codes.includes(code)) continue;
          const id = Number(code.split('_')[1]);
          perItem.set(id, (perItem.get(id) ?? 0) + 1);
        }
      }
      if (result.tasks.length < 50) break;
    }
  }
  return perItem;
}

/** Items without a bulk task and items with more than one: both must be empty. */
export async function lostAndDoubled(
  itemIds: readonly number[],
  shortCode = 'Tb7',
  rest: PortalRest = portalRest,
): Promise<{ withoutTask: number[]; withTwoOrMore: number[] }> {
  const perItem = await bulkTasksPerItem(itemIds, shortCode, rest);
  return {
    withoutTask: itemIds.filter((id) => !perItem.has(id)),
    withTwoOrMore: itemIds.filter((id) => (perItem.get(id) ?? 0) > 1),
  };
}

/** Ids of every item of a funnel of smart process 183 (keyset pages). */
export async function funnelItemIds(categoryId: number, rest: PortalRest = portalRest): Promise<number[]> {
  return outsideLimits(async () => {
    const ids: number[] = [];
    for (let afterId = 0; ;) {
      const page = await rest<{ items: Array<{ id: number }> }>('crm.item.list', {
        entityTypeId: BULK_STAGE.entityTypeId,
        select: ['id'],
        filter: { categoryId, '>id': afterId },
        order: { id: 'ASC' },
        start: -1,
      });
      ids.push(...page.items.map((item) => item.id));
      if (page.items.length < 50) return ids;
      afterId = page.items.at(-1)!.id;
    }
  });
}

/** Opens the list toolbar's bulk panel of Service Requests (183) as `user`. */
export async function openBulkPanel(page: Page, user?: number): Promise<FrameLocator> {
  const panel = await openListToolbarApp(page, { entityTypeId: BULK_STAGE.entityTypeId, user });
  await expect(panel.getByRole('heading', { name: 'Linked tasks in bulk: Service Requests' })).toBeVisible();
  return panel;
}

export const createdCount = (panel: FrameLocator) => panel.locator('[data-count="created"]');
export const bulkReport = (panel: FrameLocator) => panel.getByTestId('bulk-report');

/**
 * Starts a bulk run as a user does: the form's start button, then the same button in the
 * confirmation that sums the run up (how many, for whom, deadline) before anything is created.
 */
export async function confirmBulkRun(panel: FrameLocator, name: string | RegExp): Promise<void> {
  await panel.getByRole('button', { name }).click();
  await panel.getByRole('alertdialog').getByRole('button', { name }).click();
}
