import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useBitrix } from '../bitrix';
import { parseLaunchTarget, PlacementError, type LaunchTarget } from '../domain/placement';
import { FrameFailed, LaunchProblem, NotAvailable } from './LaunchProblem';
import { SurfaceErrorBoundary } from './SurfaceErrorBoundary';
import { loadSurface, prefetchSurface } from './surfaces';
import { SurfaceLoading } from './SurfaceLoading';
import { usePromise } from './use-promise';

type Launch = { ok: true; target: LaunchTarget } | { ok: false; error: PlacementError };

/**
 * Picks the surface from the placement the portal opened the app in (placements/manifest.ts).
 * A surface that fails while rendering shows the failure view, never a blank frame.
 */
export function SurfaceRouter() {
  return (
    <SurfaceErrorBoundary>
      <RoutedSurface />
    </SurfaceErrorBoundary>
  );
}

function RoutedSurface() {
  const { session } = useBitrix();
  const launch = useMemo<Launch>(() => {
    try {
      return { ok: true, target: parseLaunchTarget(session.placement, session.placementOptions) };
    } catch (error) {
      if (error instanceof PlacementError) return { ok: false, error };
      throw error;
    }
  }, [session.placement, session.placementOptions]);

  if (!launch.ok) return <LaunchProblem error={launch.error} />;
  return <Surface target={launch.target} />;
}

function Surface({ target }: { target: LaunchTarget }) {
  const boundary = useBitrix();
  const queryClient = useQueryClient();
  // Once per target: the data request leaves while the surface's code is still on its way.
  useState(() => prefetchSurface(target, { boundary, queryClient }));
  const module = loadSurface(target.route);
  if (!module) return <NotAvailable />;
  return <LoadedSurface module={module} target={target} />;
}

function LoadedSurface({
  module,
  target,
}: {
  module: NonNullable<ReturnType<typeof loadSurface>>;
  target: LaunchTarget;
}) {
  const loaded = usePromise(module);
  if (loaded.status === 'pending') return <SurfaceLoading />;
  if (loaded.status === 'rejected') return <FrameFailed messageKey="network" />;
  const Component = loaded.value.default;
  return <Component target={target as never} />;
}
