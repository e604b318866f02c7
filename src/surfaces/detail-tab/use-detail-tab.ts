import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useBitrix } from '../../bitrix';
import { READ_RETRIES } from '../../app/query-client';
import { DetailTabError, detailTabKeys, loadDetailTab } from './load-detail-tab';

/** The tab's first content: one batch, cached per resource (see load-detail-tab.ts). */
export function useDetailTab(entityTypeId: number, itemId: number) {
  const boundary = useBitrix();
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: detailTabKeys.data(entityTypeId, itemId),
    queryFn: () => loadDetailTab(boundary, queryClient, entityTypeId, itemId),
    staleTime: 60_000,
    retry: (failureCount, error) => {
      const reason = error instanceof DetailTabError ? error.reason : null;
      return reason !== null && reason.isTransient && failureCount < READ_RETRIES;
    },
  });
}
