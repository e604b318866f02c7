import type { SurfacePrefetch } from '../surface-contract';
import { detailTabKeys, loadDetailTab } from './load-detail-tab';

/**
 * Starts the tab's one batch as soon as the frame is up, while the tab's code is still
 * downloading; useDetailTab then picks up the same query instead of asking again.
 */
export const prefetchDetailTab: SurfacePrefetch<'detail-tab'> = (target, { boundary, queryClient }) => {
  void queryClient.prefetchQuery({
    queryKey: detailTabKeys.data(target.entityTypeId, target.itemId),
    queryFn: () => loadDetailTab(boundary, queryClient, target.entityTypeId, target.itemId),
    staleTime: 60_000,
  });
};
