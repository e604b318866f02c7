/**
 * Where a bulk run's checkpoint lives between page loads: the browser's storage of the app's
 * origin, one slot per portal, USER and smart process. Users of one browser (a shared computer,
 * an admin trying `?user=`) never see, resume or discard each other's runs: a run holds its
 * template and item titles, and its tasks are found again by their creator, so only the user who
 * started it can carry it on. A finished run leaves only a small summary (counts) behind.
 * Storage may be unavailable (blocked third-party storage, private mode): the run still works,
 * it just cannot resume after a reload.
 */
import {
  readStored,
  removeStored,
  usableStorage,
  writeStored,
  type KeyValueStorage,
} from '../../domain/browser-storage';
import { parseCheckpoint, type BulkRunCheckpoint, type RunProgress } from '../../domain/bulk/checkpoint';

/** What is kept of a finished run: enough to say how it ended, nothing of its items. */
export interface LastRunSummary {
  runId: string;
  counts: BulkRunCheckpoint['counts'];
  /** When the run started, ms since the epoch by the PORTAL's clock; null for summaries kept before it was. */
  startedAt: number | null;
  /** Whether the run applied a stage playbook (its counts read differently). */
  playbook: boolean;
  /**
   * Ids of the run's tasks the report listed (the last REPORT_LINK_LIMIT), no titles: whether any
   * still exists decides if "Last run on …" is still worth showing. Empty in older summaries.
   */
  taskIds: number[];
}

export interface CheckpointStorage {
  /** The slot's name: also names the run's lock and its channel to other tabs. */
  readonly key: string;
  load(): BulkRunCheckpoint | null;
  save(checkpoint: BulkRunCheckpoint): void;
  clear(): void;
  /** Replaces a finished run's checkpoint by its summary. */
  finish(checkpoint: BulkRunCheckpoint): void;
  lastRun(): LastRunSummary | null;
  /** False when the browser refuses storage: a reload loses the run's place. */
  readonly persistent: boolean;
  /** The storage itself (null when refused), for the run's lock. */
  readonly storage: KeyValueStorage | null;
}

export function checkpointStorage(
  portalKey: string,
  userId: number,
  entityTypeId: number,
  storage: KeyValueStorage | null = usableStorage('localStorage'),
): CheckpointStorage {
  const key = `smart-tasks:bulk-run:${portalKey}:user-${userId}:${entityTypeId}`;
  const lastKey = `smart-tasks:bulk-last-run:${portalKey}:user-${userId}:${entityTypeId}`;
  let memory: string | null = null;
  let memoryLast: string | null = null;
  const usable = (checkpoint: BulkRunCheckpoint | null) =>
    checkpoint && checkpoint.filter.entityTypeId === entityTypeId && checkpoint.currentUserId === userId
      ? checkpoint
      : null;
  if (storage) adoptUnscopedRun(storage, `smart-tasks:bulk-run:${portalKey}:${entityTypeId}`, key, userId);
  return {
    key,
    persistent: storage !== null,
    storage,
    load() {
      return usable(parseCheckpoint(storage ? readStored(storage, key) : memory));
    },
    save(checkpoint) {
      const text = JSON.stringify(checkpoint);
      // Full or revoked: the in-memory copy still serves this page.
      memory = text;
      if (storage) writeStored(storage, key, text);
    },
    clear() {
      memory = null;
      memoryLast = null;
      if (storage) {
        removeStored(storage, key);
        removeStored(storage, lastKey);
      }
    },
    finish(checkpoint) {
      const summary: LastRunSummary = {
        runId: checkpoint.runId,
        counts: { ...checkpoint.counts },
        startedAt: checkpoint.startedAt || null,
        playbook: checkpoint.playbook !== null,
        taskIds: checkpoint.created.map((link) => link.taskId),
      };
      memory = null;
      memoryLast = JSON.stringify(summary);
      if (storage) {
        removeStored(storage, key);
        writeStored(storage, lastKey, memoryLast);
      }
    },
    lastRun() {
      return parseSummary(storage ? readStored(storage, lastKey) : memoryLast);
    },
  };
}

/**
 * Runs stored before checkpoints were kept per user sit in a slot without the user: one is
 * moved to its own user's slot when that user opens the panel; nobody else ever reads it.
 */
function adoptUnscopedRun(storage: KeyValueStorage, unscopedKey: string, key: string, userId: number): void {
  const stored = readStored(storage, unscopedKey);
  if (stored === null) return;
  const checkpoint = parseCheckpoint(stored);
  if (checkpoint === null) return removeStored(storage, unscopedKey);
  if (checkpoint.currentUserId !== userId) return;
  if (readStored(storage, key) === null && checkpoint.status !== 'finished') writeStored(storage, key, stored);
  removeStored(storage, unscopedKey);
}

function parseSummary(stored: string | null): LastRunSummary | null {
  if (stored === null) return null;
  try {
    const value = JSON.parse(stored) as {
      runId?: unknown;
      counts?: Record<string, unknown>;
      startedAt?: unknown;
      playbook?: unknown;
      taskIds?: unknown;
    };
    const counts = value.counts ?? {};
    const count = (name: string) =>
      typeof counts[name] === 'number' && Number.isSafeInteger(counts[name]) ? (counts[name] as number) : 0;
    if (typeof value.runId !== 'string') return null;
    const startedAt =
      typeof value.startedAt === 'number' && Number.isSafeInteger(value.startedAt) && value.startedAt > 0
        ? value.startedAt
        : null;
    return {
      runId: value.runId,
      counts: {
        created: count('created'),
        skipped: count('skipped'),
        failed: count('failed'),
        copiesRemoved: count('copiesRemoved'),
        tasks: typeof counts.tasks === 'number' ? count('tasks') : count('created'),
      },
      startedAt,
      playbook: value.playbook === true,
      taskIds: Array.isArray(value.taskIds)
        ? value.taskIds.filter((id): id is number => typeof id === 'number' && Number.isSafeInteger(id) && id > 0)
        : [],
    };
  } catch {
    return null;
  }
}

/** A run's live progress as one tab tells the others (BroadcastChannel message). */
export interface RunBroadcast {
  runId: string;
  progress: RunProgress & { status: BulkRunCheckpoint['status'] };
}
