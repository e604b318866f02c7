/**
 * Which component tree serves which route of the manifest (placements/placements.json). Each
 * surface is its own chunk, so a placement loads only its own code. A route set to null
 * shows a clear "not available in this version" message.
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { LaunchTarget, TargetFor } from '../domain/placement';

export type SurfaceProps<R extends LaunchTarget['route']> = { target: TargetFor<R> };

export type SurfaceRegistry = {
  [R in LaunchTarget['route']]: LazyExoticComponent<ComponentType<SurfaceProps<R>>> | null;
};

export const surfaces: SurfaceRegistry = {
  'detail-tab': lazy(() => import('../surfaces/detail-tab/DetailTabSurface')),
  'quick-create': lazy(() => import('../surfaces/quick-create/QuickCreateSurface')),
  bulk: lazy(() => import('../surfaces/bulk/BulkSurface')),
  'app-page': lazy(() => import('../surfaces/app-page/AppPageSurface')),
};
