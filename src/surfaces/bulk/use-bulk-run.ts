import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useBitrix } from '../../bitrix';
import { portalScope } from '../../domain/browser-storage';
import type { RunnerClock } from '../../domain/bulk/bulk-ports';
import { runBulk, type BulkProgress } from '../../domain/bulk/bulk-runner';
import { newCheckpoint, progressOf, queueFailedForRetry, type BulkRunCheckpoint } from '../../domain/bulk/checkpoint';
import type { BulkItemFilter } from '../../domain/bulk/item-filter';
import { peopleForItem, playbookPlan } from '../../domain/bulk/playbook-plan';
import { browserRunLock, type HeldRunLock } from '../../domain/bulk/run-lock';
import { newRunId, runMarkerLine } from '../../domain/bulk/run-marker';
import type { PlaybookPerson } from '../../domain/playbooks/playbook-render';
import { useI18n } from '../../i18n';
import { bulkRunPorts } from '../../queries/bulk-run-ports';
import type { BulkSetup } from '../../queries/bulk-setup';
import type { RunWork } from './BulkSetupForm';
import { checkpointStorage, type LastRunSummary } from './checkpoint-storage';

/**
 * Waits and pace for the runner. `now()` measures durations inside this tab (pace, time spent
 * running), nothing the portal decides: the browser's clock is fine for that.
 */
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

function storedProgress(checkpoint: BulkRunCheckpoint): BulkProgress {
  return {
    ...progressOf(checkpoint),
    status: checkpoint.status,
    timeLeftMs: null,
    waitingFor: null,
    continuesAt: null,
  };
}

/** A message on the run's BroadcastChannel: live progress of the tab that runs it. */
interface ProgressMessage {
  kind: 'progress';
  runId: string;
  progress: BulkProgress;
}

function isProgressMessage(value: unknown): value is ProgressMessage {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'progress';
}

/**
 * The bulk run of one smart process for the current user: start, cancel, resume (also after a
 * reload: the checkpoint is kept in browser storage after every page of items), retry the
 * failed ones, discard. One runner at a time across the browser's tabs: a tab runs only while
 * it holds the run's lock (src/domain/bulk/run-lock.ts); another tab shows the live progress
 * ("running in another tab") and may take over only once the runner is gone.
 */
export function useBulkRun(setup: BulkSetup, labels: { markerLabel: string; itemFallback: (id: number) => string }) {
  const boundary = useBitrix();
  // A playbook's deadlines count working days and times of day in the user's Bitrix24 zone.
  const timeZone = useI18n().format.timeZone;
  const entityTypeId = setup.smartProcess.entityTypeId;
  const userId = setup.currentUser.id;
  const storage = useMemo(
    () => checkpointStorage(portalScope(boundary.session), userId, entityTypeId),
    [boundary, userId, entityTypeId],
  );
  const lock = useMemo(() => browserRunLock(storage.key, storage.storage), [storage]);
  /** The run's channel to this browser's other tabs (opened by the effect below; StrictMode-safe). */
  const channel = useRef<BroadcastChannel | null>(null);
  const [checkpoint, setCheckpoint] = useState<BulkRunCheckpoint | null>(() => storage.load());
  const [lastRun, setLastRun] = useState<LastRunSummary | null>(() => storage.lastRun());
  const [live, setLive] = useState<BulkProgress | null>(null);
  /** Progress of the run while another tab runs it; null when no other tab does. */
  const [elsewhere, setElsewhere] = useState<BulkProgress | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const [running, setRunning] = useState(false);
  /** The run finished in this tab just now (its report opens by itself; an earlier run's does not). */
  const [finishedHere, setFinishedHere] = useState(false);
  const controller = useRef<AbortController | null>(null);
  const watching = useRef<AbortController | null>(null);

  useEffect(() => () => controller.current?.abort(), []);

  /** Another tab runs this run: follow it until it is gone, then offer to take over. */
  const watchElsewhere = useCallback(
    (progress: BulkProgress | null) => {
      if (controller.current) return;
      const stored = storage.load();
      setElsewhere(progress ?? (stored ? storedProgress(stored) : { ...storedProgressOfNothing }));
      if (watching.current) return;
      const stop = new AbortController();
      watching.current = stop;
      lock
        .whenFree(stop.signal)
        .then(() => {
          setElsewhere(null);
          setCheckpoint(storage.load());
          setLastRun(storage.lastRun());
        })
        .catch(() => undefined)
        .finally(() => {
          if (watching.current === stop) watching.current = null;
        });
    },
    [lock, storage],
  );

  useEffect(() => () => watching.current?.abort(), [lock]);

  // Is the run already running in another tab? And hear about it when one starts later.
  useEffect(() => {
    let gone = false;
    void lock.isHeld().then((held) => {
      if (!gone && held && !controller.current) watchElsewhere(null);
    });
    const onMessage = (event: MessageEvent) => {
      if (isProgressMessage(event.data) && !controller.current) watchElsewhere(event.data.progress);
    };
    const onStorage = (event: StorageEvent) => {
      if (event.key !== storage.key || controller.current) return;
      void lock.isHeld().then((held) => {
        if (held) watchElsewhere(null);
        else setCheckpoint(storage.load());
      });
    };
    const opened = typeof BroadcastChannel === 'function' ? new BroadcastChannel(storage.key) : null;
    channel.current = opened;
    opened?.addEventListener('message', onMessage);
    window.addEventListener('storage', onStorage);
    return () => {
      gone = true;
      if (channel.current === opened) channel.current = null;
      opened?.close();
      window.removeEventListener('storage', onStorage);
    };
  }, [lock, storage, watchElsewhere]);

  // A run this tab paused because the connection dropped continues once the browser is back online.
  const pausedByConnectionHere = useRef(false);
  useEffect(() => {
    const resumeWhenOnline = () => {
      if (pausedByConnectionHere.current && checkpoint?.status === 'paused' && !controller.current)
        void execute(checkpoint);
    };
    window.addEventListener('online', resumeWhenOnline);
    return () => window.removeEventListener('online', resumeWhenOnline);
  });

  const execute = useCallback(
    async (requested: BulkRunCheckpoint) => {
      if (controller.current) return;
      const abort = new AbortController();
      controller.current = abort;
      let held: HeldRunLock | null = null;
      try {
        held = await lock.tryAcquire();
      } finally {
        if (!held) controller.current = null;
      }
      if (!held) {
        watchElsewhere(null);
        return;
      }
      watching.current?.abort();
      setElsewhere(null);
      // Another tab may have run it further since this tab last looked: carry on from its place.
      const stored = storage.load();
      const start =
        stored &&
        stored.runId === requested.runId &&
        stored.counts.created >= requested.counts.created &&
        requested.retryQueue.length === 0
          ? stored
          : requested;
      setRunning(true);
      setFinishedHere(false);
      setCancelling(false);
      storage.save(start);
      setCheckpoint(start);
      setLastRun(null);
      const stageNames = new Map<string, string>();
      for (const stages of setup.stagesByCategory.values())
        for (const stage of stages) stageNames.set(stage.id, stage.name);
      const templates = start.playbook?.templates ?? null;
      // Names and ACTIVE of the people a playbook's rules name, read by the ports as items come.
      const people = new Map<number, PlaybookPerson>();
      const ports = bulkRunPorts({
        boundary,
        runId: start.runId,
        entityTypeId,
        shortCode: setup.smartProcess.shortCode,
        currentUserId: start.currentUserId,
        runStartedAt: start.startedAt,
        stageNames,
        needsResponsibleNames: start.template
          ? `${start.template.title}\n${start.template.description}`.includes('{responsible}')
          : false,
        itemLabel: (item) => item.title || labels.itemFallback(item.id),
        playbook: templates ? { people, peopleOf: (item) => peopleForItem(templates, item) } : undefined,
      });
      const funnelId = start.filter.categoryId;
      const plan = templates
        ? playbookPlan({
            templates,
            currentUserId: start.currentUserId,
            markerLine: start.markerLine,
            funnelName: setup.categories.find((category) => category.id === funnelId)?.name ?? '',
            smartProcessTitle: setup.smartProcess.title,
            people,
            // The portal's clock, not the computer's: a deadline counts from when the portal creates the task.
            now: () => new Date(boundary.portalNow()),
            timeZone,
          })
        : undefined;
      try {
        const final = await runBulk(start, ports, browserClock, {
          plan,
          signal: abort.signal,
          onProgress: (progress) => {
            setLive(progress);
            tellOtherTabs(channel.current, { kind: 'progress', runId: start.runId, progress });
          },
          save: (saved) => {
            storage.save(saved);
            setCheckpoint(saved);
          },
        });
        setCheckpoint(final);
        setFinishedHere(final.status === 'finished');
        // A run that finished with nothing left to retry leaves only its counts behind.
        if (final.status === 'finished' && final.failures.length === 0) {
          storage.finish(final);
          setLastRun(storage.lastRun());
        }
        pausedByConnectionHere.current = final.status === 'paused' && final.pausedBecause?.reason === 'unreachable';
      } finally {
        held.release();
        controller.current = null;
        setRunning(false);
        setLive(null);
        setCancelling(false);
      }
    },
    [boundary, entityTypeId, labels, lock, setup, storage, timeZone, watchElsewhere],
  );

  return {
    checkpoint,
    running,
    finishedHere,
    cancelling,
    /** Live progress of the run in another tab of this browser; null when none runs it elsewhere. */
    elsewhere,
    /** How the user's last finished run ended (its full record is not kept). */
    lastRun,
    /** Live progress while running; otherwise what the checkpoint says. */
    progress: live ?? (checkpoint ? storedProgress(checkpoint) : null),
    persistent: storage.persistent,
    start(filter: BulkItemFilter, work: RunWork, matched: number) {
      const runId = newRunId();
      void execute(
        newCheckpoint({
          runId,
          filter,
          template: work.kind === 'template' ? work.template : null,
          playbook: work.kind === 'playbook' ? work.playbook : null,
          currentUserId: userId,
          markerLine: runMarkerLine(labels.markerLabel, runId),
          matched,
          // The portal's clock: the re-check asks the portal for tasks created since then.
          now: boundary.portalNow(),
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
      if (controller.current || elsewhere) return;
      storage.clear();
      setFinishedHere(false);
      setCheckpoint(null);
      setLastRun(null);
    },
  };
}

/** Other tabs following the run hear its progress; a closed channel (page going away) is fine. */
function tellOtherTabs(channel: BroadcastChannel | null, message: ProgressMessage): void {
  try {
    channel?.postMessage(message);
  } catch {
    // Other tabs still see each page's checkpoint through storage events.
  }
}

const storedProgressOfNothing: BulkProgress = {
  created: 0,
  tasks: 0,
  skipped: 0,
  failed: 0,
  copiesRemoved: 0,
  remaining: 0,
  fraction: 0,
  status: 'running',
  timeLeftMs: null,
  waitingFor: null,
  continuesAt: null,
};
