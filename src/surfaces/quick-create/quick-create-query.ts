import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type { BitrixBoundary } from '../../bitrix';
import { retryLinkedItemRead } from '../../features/create-linked-task/load-linked-item';
import { loadQuickCreate, quickCreateKeys } from './load-quick-create';

/**
 * The panel's one batch as ONE query definition (TanStack's `queryOptions`): key, batch
 * (load-quick-create.ts), 60 s fresh, asked again only after a passing failure. The panel reads
 * it and the shell's prefetch (prefetch.ts) starts it while the panel's code downloads.
 */
export function quickCreateQuery(
  boundary: BitrixBoundary,
  queryClient: QueryClient,
  entityTypeId: number,
  itemId: number,
  activityId: number | null,
) {
  return queryOptions({
    queryKey: quickCreateKeys.data(entityTypeId, itemId, activityId),
    queryFn: () => loadQuickCreate(boundary, queryClient, entityTypeId, itemId, activityId),
    staleTime: 60_000,
    retry: retryLinkedItemRead,
  });
}
