/**
 * Where a bulk run's checkpoint lives between page loads: the browser's storage of the app's
 * origin, one slot per portal and smart process. Storage may be unavailable (blocked third-
 * party storage, private mode): the run still works, it just cannot resume after a reload.
 */
import { parseCheckpoint, type BulkRunCheckpoint } from '../../domain/bulk/checkpoint';

export interface CheckpointStorage {
  load(): BulkRunCheckpoint | null;
  save(checkpoint: BulkRunCheckpoint): void;
  clear(): void;
  /** False when the browser refuses storage: a reload loses the run's place. */
  readonly persistent: boolean;
}

function browserStorage(): Storage | null {
  try {
    const storage = window.localStorage;
    const probe = '__smart_tasks_probe__';
    storage.setItem(probe, '1');
    storage.removeItem(probe);
    return storage;
  } catch {
    return null;
  }
}

export function checkpointStorage(portalKey: string, entityTypeId: number, storage: Storage | null = browserStorage()): CheckpointStorage {
  const key = `smart-tasks:bulk-run:${portalKey}:${entityTypeId}`;
  let memory: string | null = null;
  return {
    persistent: storage !== null,
    load() {
      const stored = storage ? storage.getItem(key) : memory;
      const checkpoint = parseCheckpoint(stored);
      return checkpoint && checkpoint.filter.entityTypeId === entityTypeId ? checkpoint : null;
    },
    save(checkpoint) {
      const text = JSON.stringify(checkpoint);
      memory = text;
      try {
        storage?.setItem(key, text);
      } catch {
        // Full or revoked: the in-memory copy still serves this page.
      }
    },
    clear() {
      memory = null;
      try {
        storage?.removeItem(key);
      } catch {
        // nothing to clear
      }
    },
  };
}
