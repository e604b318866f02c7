/**
 * How many items a run would cover, and how many tasks it would make, before anything runs.
 * Funnel, stage and responsible are counted by the portal in one request; "only items with no
 * open linked task" and a playbook's missing templates need a look at each item's tasks, so
 * that exact count is a scan the user may wait for (with progress) or skip, in which case the
 * run reports the skipped items as it goes.
 */
import { PAGE_SIZE, type BulkPorts } from './bulk-ports';
import type { BulkItemFilter } from './item-filter';
import { otherTaskFor, type RunPlan } from './run-plan';

export interface ExactCountProgress {
  looked: number;
  ofTotal: number;
  /** Items looked at so far that would get at least one task. */
  needingTasks: number;
  /** Tasks they would get. */
  tasks: number;
}

/** What a run would make: `items` would get `tasks` tasks between them. */
export interface ExactCount {
  items: number;
  tasks: number;
}

/**
 * Counts, page by page (a keyset page and one look at the items' tasks per 50 items), the items
 * that would get a task of `plan` and how many: the keys an item has no task for. Throws what the
 * ports throw; stops with the signal's reason when aborted.
 */
export async function countTasksToMake(
  filter: BulkItemFilter,
  plan: Pick<RunPlan, 'keys' | 'others'>,
  ports: Pick<BulkPorts, 'pageItems' | 'findExisting'>,
  options: { total: number; signal?: AbortSignal; onProgress?: (progress: ExactCountProgress) => void },
): Promise<ExactCount> {
  let afterId = 0;
  let looked = 0;
  let needingTasks = 0;
  let tasks = 0;
  for (;;) {
    options.signal?.throwIfAborted();
    const page = await ports.pageItems(filter, afterId);
    if (page.length > 0) {
      const facts = await ports.findExisting({
        entityTypeId: filter.entityTypeId,
        itemIds: page.map((item) => item.id),
        runId: null,
        others: plan.others,
      });
      for (const item of page) {
        const missing = plan.keys.filter((key) => otherTaskFor(key, filter, facts.get(item.id)) === null).length;
        if (missing > 0) needingTasks += 1;
        tasks += missing;
      }
      looked += page.length;
      afterId = Math.max(afterId, ...page.map((item) => item.id));
    }
    options.onProgress?.({ looked, ofTotal: Math.max(options.total, looked), needingTasks, tasks });
    if (page.length < PAGE_SIZE) return { items: needingTasks, tasks };
  }
}
