/**
 * Which component tree serves which route of the manifest (placements/placements.json). Each
 * surface is its own chunk, so a placement loads only its own code; its module's default
 * export is the surface. A route set to null shows a clear "not available in this version".
 */
import type { QueryClient } from '@tanstack/react-query';
import type { BitrixBoundary } from '../bitrix';
import type { LaunchTarget } from '../domain/placement';
import type { SurfaceModule, SurfacePrefetch } from '../surfaces/surface-contract';
import { prefetchDetailTab } from '../surfaces/detail-tab/prefetch';
import { prefetchQuickCreate } from '../surfaces/quick-create/prefetch';

export interface SurfaceEntry<R extends LaunchTarget['route']> {
  load: () => Promise<SurfaceModule<R>>;
  prefetch?: SurfacePrefetch<R>;
}

export type SurfaceRegistry = {
  [R in LaunchTarget['route']]: SurfaceEntry<R> | null;
};

export const surfaces: SurfaceRegistry = {
  'detail-tab': { load: () => import('../surfaces/detail-tab/DetailTabSurface'), prefetch: prefetchDetailTab },
  'quick-create': { load: () => import('../surfaces/quick-create/QuickCreateSurface'), prefetch: prefetchQuickCreate },
  bulk: { load: () => import('../surfaces/bulk/BulkSurface') },
  'playbook-editor': { load: () => import('../surfaces/playbook-editor/PlaybookEditorSurface') },
  'app-page': { load: () => import('../surfaces/app-page/AppPageSurface') },
};

/** Starts a surface's prefetch, if it declares one. */
export function prefetchSurface(
  target: LaunchTarget,
  context: { boundary: BitrixBoundary; queryClient: QueryClient },
): void {
  const entry = surfaces[target.route] as SurfaceEntry<LaunchTarget['route']> | null;
  entry?.prefetch?.(target as never, context);
}

const loading = new Map<string, Promise<SurfaceModule<LaunchTarget['route']>>>();

/** The surface's code, fetched once per page (the same promise for every caller). */
export function loadSurface(route: LaunchTarget['route']): Promise<SurfaceModule<LaunchTarget['route']>> | null {
  const entry = surfaces[route] as SurfaceEntry<LaunchTarget['route']> | null;
  if (!entry) return null;
  let promise = loading.get(route);
  if (!promise) {
    promise = entry.load();
    loading.set(route, promise);
    // A failed download (e.g. the app was redeployed) may be retried by reloading the frame.
    promise.catch(() => loading.delete(route));
  }
  return promise;
}
