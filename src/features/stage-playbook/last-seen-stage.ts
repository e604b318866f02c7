/**
 * The stage each user last saw an item in, per portal and user, in the browser's localStorage
 * (it outlives the session: "since you last saw it" means days, not a tab). Losing it costs only
 * the "moved" notice, never a task. Pure over a KeyValueStorage; never throws.
 */
import {
  readStored,
  usableStorage,
  writeStored,
  memoryStorage,
  type KeyValueStorage,
} from '../../domain/browser-storage';

/** Whose view it is: the portal (member id, see portalScope) and the user on it. */
export interface SeenScope {
  portal: string;
  userId: number;
}

/** localStorage when this frame may write to it, else memory (the notice then needs no reload to reset). */
export function browserSeenStorage(): KeyValueStorage {
  return usableStorage('localStorage') ?? memoryStorage();
}

function storageKey(scope: SeenScope, entityTypeId: number, itemId: number): string {
  return `smart-tasks:stage-seen:${scope.portal}:user-${scope.userId}:${entityTypeId}:${itemId}`;
}

/** The stage id this user last saw the item in, or null (never seen here, or forgotten). */
export function lastSeenStage(
  storage: KeyValueStorage,
  scope: SeenScope,
  entityTypeId: number,
  itemId: number,
): string | null {
  const value = readStored(storage, storageKey(scope, entityTypeId, itemId));
  return value && value.length <= 200 ? value : null;
}

/** Remembers that this user saw the item in `stageId`. */
export function rememberSeenStage(
  storage: KeyValueStorage,
  scope: SeenScope,
  entityTypeId: number,
  itemId: number,
  stageId: string,
): void {
  writeStored(storage, storageKey(scope, entityTypeId, itemId), stageId);
}

/**
 * What the user should be told on opening the item: the stage it was in when they last saw it,
 * when that differs from `currentStageId` (null = nothing to say). Records `currentStageId` as
 * seen either way.
 */
export function stageChangeSinceLastSeen(
  storage: KeyValueStorage,
  scope: SeenScope,
  entityTypeId: number,
  itemId: number,
  currentStageId: string | null,
): { fromStageId: string } | null {
  if (!currentStageId) return null;
  const before = lastSeenStage(storage, scope, entityTypeId, itemId);
  rememberSeenStage(storage, scope, entityTypeId, itemId, currentStageId);
  return before !== null && before !== currentStageId ? { fromStageId: before } : null;
}
