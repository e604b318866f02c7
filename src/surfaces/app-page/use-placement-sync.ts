import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useBitrix } from '../../bitrix';
import type { ApplyProgress } from '../../domain/install/apply-plan';
import type { SurfaceChoices } from '../../domain/install/surface-choices';
import { synchronisePlacements, type SyncReport } from '../../domain/install/synchronise';
import { applySyncReport, placementKeys } from '../../queries/placement-settings';
import { placementPorts, saveSurfaceChoices } from '../../queries/placement-sync-ports';
import { appHandlerUrl } from './handler-url';

export const sleep = (milliseconds: number) => new Promise<void>((resolve) => setTimeout(resolve, milliseconds));

/**
 * One sync at a time: (optionally) save the admin's choices, then bind and unbind what differs,
 * with progress. The portal's bindings after the sync replace the cached ones.
 */
export function usePlacementSync() {
  const boundary = useBitrix();
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<ApplyProgress | null>(null);

  const mutation = useMutation({
    mutationFn: async ({ choices, save }: { choices: SurfaceChoices; save: boolean }): Promise<SyncReport> => {
      if (save) await saveSurfaceChoices(boundary, choices);
      const ports = placementPorts(boundary, sleep);
      return synchronisePlacements({
        portal: ports,
        commands: ports,
        choices,
        handler: appHandlerUrl(),
        onProgress: setProgress,
      });
    },
    onSuccess: (report, { choices }) => applySyncReport(queryClient, report, choices),
    // Whatever part of it happened, the portal now knows better than the cache.
    onError: () => void queryClient.invalidateQueries({ queryKey: placementKeys.state() }),
    onSettled: () => setProgress(null),
  });

  return {
    /** Resolves with the report, or null when the sync could not run (see `error`). */
    sync: (choices: SurfaceChoices, options: { save?: boolean } = {}) =>
      mutation.mutateAsync({ choices, save: options.save === true }).then(
        (report) => report,
        () => null,
      ),
    progress,
    report: mutation.data ?? null,
    error: mutation.error,
    busy: mutation.isPending,
  };
}
