import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type { BitrixBoundary } from '../../bitrix';
import { retryLinkedItemRead } from '../../features/create-linked-task/load-linked-item';
import { detailTabKeys, loadDetailTab } from './load-detail-tab';

/**
 * The tab's first content as ONE query definition (TanStack's `queryOptions`): its key, its one
 * batch (load-detail-tab.ts), how long it stays fresh (60 s) and its retry rule (transient
 * failures only, `retryLinkedItemRead`). `useDetailTab` reads it and the shell's prefetch starts
 * it, so the two can never ask differently.
 */
export function detailTabQuery(
  boundary: BitrixBoundary,
  queryClient: QueryClient,
  entityTypeId: number,
  itemId: number,
) {
  return queryOptions({
    queryKey: detailTabKeys.data(entityTypeId, itemId),
    queryFn: () => loadDetailTab(boundary, queryClient, entityTypeId, itemId),
    staleTime: 60_000,
    retry: retryLinkedItemRead,
  });
}
