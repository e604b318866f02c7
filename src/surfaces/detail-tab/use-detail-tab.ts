import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useBitrix } from '../../bitrix';
import { detailTabQuery } from './detail-tab-query';

/** The tab's first content: one batch, cached per resource (see load-detail-tab.ts). */
export function useDetailTab(entityTypeId: number, itemId: number) {
  const boundary = useBitrix();
  const queryClient = useQueryClient();
  return useQuery(detailTabQuery(boundary, queryClient, entityTypeId, itemId));
}
