import { Suspense, useMemo, type ComponentType } from 'react';
import { useBitrix } from '../bitrix';
import { parseLaunchTarget, PlacementError, type LaunchTarget } from '../domain/placement';
import { LaunchProblem, NotAvailable } from './LaunchProblem';
import { surfaces, type SurfaceProps } from './surfaces';
import { SurfaceLoading } from './SurfaceLoading';

type Launch = { ok: true; target: LaunchTarget } | { ok: false; error: PlacementError };

/** Picks the surface from the placement the portal opened the app in (placements/manifest.ts). */
export function SurfaceRouter() {
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
  const Surface = surfaces[launch.target.route] as ComponentType<SurfaceProps<LaunchTarget['route']>> | null;
  if (!Surface) return <NotAvailable />;
  return (
    <Suspense fallback={<SurfaceLoading />}>
      <Surface target={launch.target} />
    </Suspense>
  );
}
