/**
 * Where a bulk run's checkpoint lives between page loads: the browser's storage of the app's
 * origin, one slot per portal and smart process. Storage may be unavailable (blocked third-
 * party storage, private mode): the run still works, it just cannot resume after a reload.
 */
import { readStored, removeStored, usableStorage, writeStored, type KeyValueStorage } from '../../domain/browser-storage';
import { parseCheckpoint, type BulkRunCheckpoint } from '../../domain/bulk/checkpoint';

export interface CheckpointStorage {
  load(): BulkRunCheckpoint | null;
  save(checkpoint: BulkRunCheckpoint): void;
  clear(): void;
  /** False when the browser refuses storage: a reload loses the run's place. */
  readonly persistent: boolean;
}

export function checkpointStorage(portalKey: string, entityTypeId: number, storage: KeyValueStorage | null = usableStorage('localStorage')): CheckpointStorage {
  const key = `smart-tasks:bulk-run:${portalKey}:${entityTypeId}`;
  let memory: string | null = null;
  return {
    persistent: storage !== null,
    load() {
      const stored = storage ? readStored(storage, key) : memory;
      const checkpoint = parseCheckpoint(stored);
      return checkpoint && checkpoint.filter.entityTypeId === entityTypeId ? checkpoint : null;
    },
    save(checkpoint) {
      const text = JSON.stringify(checkpoint);
      // Full or revoked: the in-memory copy still serves this page.
      memory = text;
      if (storage) writeStored(storage, key, text);
    },
    clear() {
      memory = null;
      if (storage) removeStored(storage, key);
    },
  };
}
