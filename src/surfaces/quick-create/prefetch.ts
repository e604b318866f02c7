import type { SurfacePrefetch } from '../surface-contract';
import { recordActivityId } from './load-quick-create';
import { quickCreateQuery } from './quick-create-query';

/**
 * Starts the panel's one batch as soon as the frame is up, while the panel's code is still
 * downloading; the panel then picks up the same query instead of asking again.
 */
export const prefetchQuickCreate: SurfacePrefetch<'quick-create'> = (target, { boundary, queryClient }) => {
  void queryClient.prefetchQuery(
    quickCreateQuery(boundary, queryClient, target.entityTypeId, target.itemId, recordActivityId(target.options)),
  );
};
