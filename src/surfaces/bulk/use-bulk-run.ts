import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useBitrix } from '../../bitrix';
import type { RunnerClock } from '../../domain/bulk/bulk-ports';
import { runBulk, type BulkProgress } from '../../domain/bulk/bulk-runner';
import { newCheckpoint, progressOf, queueFailedForRetry, type BulkRunCheckpoint } from '../../domain/bulk/checkpoint';
import type { BulkItemFilter } from '../../domain/bulk/item-filter';
import { newRunId, runMarkerLine } from '../../domain/bulk/run-marker';
import type { TaskTemplate } from '../../domain/bulk/task-template';
import { bulkRunPorts } from '../../queries/bulk-run-ports';
import type { BulkSetup } from '../../queries/bulk-setup';
import { checkpointStorage } from './checkpoint-storage';
import { portalScope } from '../../domain/browser-storage';

export const browserClock: RunnerClock = {
  now: () => Date.now(),
  sleep: (milliseconds, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', stop);
        resolve();
      }, milliseconds);
      const stop = () => {
        clearTimeout(timer);
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', stop, { once: true });
    }),
};

/**
 * The bulk run of one smart process in this tab: start, cancel, resume (also after a reload:
 * the checkpoint is kept in browser storage after every page of items), retry the failed
 * ones, discard. One run at a time.
 */
export function useBulkRun(setup: BulkSetup, labels: { markerLabel: string; itemFallback: (id: number) => string }) {
  const boundary = useBitrix();
  const entityTypeId = setup.smartProcess.entityTypeId;
  const storage = useMemo(
    () => checkpointStorage(portalScope(boundary.session), entityTypeId),
    [boundary, entityTypeId],
  );
  const [checkpoint, setCheckpoint] = useState<BulkRunCheckpoint | null>(() => storage.load());
  const [live, setLive] = useState<BulkProgress | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const [running, setRunning] = useState(false);
  const controller = useRef<AbortController | null>(null);

  useEffect(() => () => controller.current?.abort(), []);

  // A run this tab paused because the connection dropped continues once the browser is back online.
  const pausedByConnectionHere = useRef(false);
  useEffect(() => {
    const resumeWhenOnline = () => {
      if (pausedByConnectionHere.current && checkpoint?.status === 'paused' && !controller.current) void execute(checkpoint);
    };
    window.addEventListener('online', resumeWhenOnline);
    return () => window.removeEventListener('online', resumeWhenOnline);
  });

  const execute = useCallback(
    async (start: BulkRunCheckpoint) => {
      if (controller.current) return;
      const abort = new AbortController();
      controller.current = abort;
      setRunning(true);
      setCancelling(false);
      storage.save(start);
      setCheckpoint(start);
      const stageNames = new Map<string, string>();
      for (const stages of setup.stagesByCategory.values()) for (const stage of stages) stageNames.set(stage.id, stage.name);
      const ports = bulkRunPorts({
        boundary,
        runId: start.runId,
        entityTypeId,
        shortCode: setup.smartProcess.shortCode,
        currentUserId: start.currentUserId,
        runStartedAt: start.startedAt,
        stageNames,
        needsResponsibleNames: `${start.template.title}\n${start.template.description}`.includes('{responsible}'),
        itemLabel: (item) => item.title || labels.itemFallback(item.id),
      });
      try {
        const final = await runBulk(start, ports, browserClock, {
          signal: abort.signal,
          onProgress: setLive,
          save: (saved) => {
            storage.save(saved);
            setCheckpoint(saved);
          },
        });
        setCheckpoint(final);
        pausedByConnectionHere.current = final.status === 'paused' && final.pausedBecause?.reason === 'unreachable';
      } finally {
        controller.current = null;
        setRunning(false);
        setLive(null);
        setCancelling(false);
      }
    },
    [boundary, entityTypeId, labels, setup, storage],
  );

  return {
    checkpoint,
    running,
    cancelling,
    /** Live progress while running; otherwise what the checkpoint says. */
    progress: live ?? (checkpoint ? { ...progressOf(checkpoint), status: checkpoint.status, timeLeftMs: null, waitingFor: null } : null),
    persistent: storage.persistent,
    start(filter: BulkItemFilter, template: TaskTemplate, matched: number) {
      const runId = newRunId();
      void execute(
        newCheckpoint({
          runId,
          filter,
          template,
          currentUserId: setup.currentUser.id,
          markerLine: runMarkerLine(labels.markerLabel, runId),
          matched,
          now: Date.now(),
        }),
      );
    },
    resume() {
      if (checkpoint) void execute(checkpoint);
    },
    retryFailed() {
      if (checkpoint) void execute(queueFailedForRetry(checkpoint));
    },
    cancel() {
      setCancelling(true);
      controller.current?.abort();
    },
    discard() {
      if (controller.current) return;
      storage.clear();
      setCheckpoint(null);
    },
  };
}
