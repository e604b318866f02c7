/**
 * What a surface is to the shell: a default-exported component taking its route's typed target,
 * and an optional prefetch. It lives beside the surfaces, below src/app/, so a surface types
 * itself without importing the shell that loads it (src/app/surfaces.ts registers them).
 */
import type { QueryClient } from '@tanstack/react-query';
import type { ComponentType } from 'react';
import type { BitrixBoundary } from '../bitrix';
import type { LaunchTarget, TargetFor } from '../domain/placement';

/** A surface's props: its route's launch target, parsed from the placement (no option parsing of its own). */
export type SurfaceProps<R extends LaunchTarget['route']> = { target: TargetFor<R> };

/** A surface's module: its default export is the surface. */
export type SurfaceModule<R extends LaunchTarget['route']> = { default: ComponentType<SurfaceProps<R>> };

/** Optional: start the surface's data request while its code downloads (kept small: it ships in the main chunk). */
export type SurfacePrefetch<R extends LaunchTarget['route']> = (
  target: TargetFor<R>,
  context: { boundary: BitrixBoundary; queryClient: QueryClient },
) => void;
