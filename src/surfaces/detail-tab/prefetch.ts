import type { SurfacePrefetch } from '../surface-contract';
import { detailTabQuery } from './detail-tab-query';

/**
 * Starts the tab's one batch as soon as the frame is up, while the tab's code is still
 * downloading; useDetailTab then picks up the same query (the same definition, retry rule
 * included) instead of asking again.
 */
export const prefetchDetailTab: SurfacePrefetch<'detail-tab'> = (target, { boundary, queryClient }) => {
  void queryClient.prefetchQuery(detailTabQuery(boundary, queryClient, target.entityTypeId, target.itemId));
};
