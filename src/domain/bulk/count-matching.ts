/**
 * How many items a run would cover, before anything runs. Funnel, stage and responsible are
 * counted by the portal in one request; "only items with no open linked task" needs a look at
 * each item's tasks, so that exact count is a scan the user may wait for (with progress) or
 * skip, in which case the run reports the skipped items as it goes.
 */
import { PAGE_SIZE, type BulkPorts } from './bulk-ports';
import type { BulkItemFilter } from './item-filter';

export interface ExactCountProgress {
  looked: number;
  ofTotal: number;
  withoutOpenTask: number;
}

export async function countItemsWithoutOpenTask(
  filter: BulkItemFilter,
  ports: Pick<BulkPorts, 'pageItems' | 'findExisting'>,
  options: { total: number; signal?: AbortSignal; onProgress?: (progress: ExactCountProgress) => void },
): Promise<number> {
  let afterId = 0;
  let looked = 0;
  let withoutOpenTask = 0;
  for (;;) {
    options.signal?.throwIfAborted();
    const page = await ports.pageItems(filter, afterId);
    if (page.length > 0) {
      const facts = await ports.findExisting(
        filter.entityTypeId,
        page.map((item) => item.id),
        null,
      );
      for (const item of page) if (!facts.get(item.id)?.hasOpenTask) withoutOpenTask += 1;
      looked += page.length;
      afterId = Math.max(afterId, ...page.map((item) => item.id));
    }
    options.onProgress?.({ looked, ofTotal: Math.max(options.total, looked), withoutOpenTask });
    if (page.length < PAGE_SIZE) return withoutOpenTask;
  }
}
