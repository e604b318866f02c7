import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useBitrix } from '../../bitrix';
import { retryLinkedItemRead } from '../../features/create-linked-task/load-linked-item';
import { detailTabKeys, loadDetailTab } from './load-detail-tab';

/** The tab's first content: one batch, cached per resource (see load-detail-tab.ts). */
export function useDetailTab(entityTypeId: number, itemId: number) {
  const boundary = useBitrix();
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: detailTabKeys.data(entityTypeId, itemId),
    queryFn: () => loadDetailTab(boundary, queryClient, entityTypeId, itemId),
    staleTime: 60_000,
    retry: retryLinkedItemRead,
  });
}
