/**
 * The one-click guarantee's memory. Each "create task" intent gets an idempotency key that is
 * written down (sessionStorage: it survives a reload of the frame) before the request leaves,
 * and cleared only when the outcome is known. While a key is pending, nothing creates a task
 * for that item again until the portal has been searched for the key.
 */
import { memoryStorage, readStored, removeStored, usableStorage, writeStored, type KeyValueStorage } from './browser-storage';

export { memoryStorage };

export interface CreateIntent {
  /** Idempotency key; travels inside the task (see task-draft.ts backLinkUrl). */
  key: string;
  /** When the first request with this key left, ms since epoch (client clock). */
  startedAt: number;
}

export type IntentStorage = KeyValueStorage;

/**
 * How long a sent request may still land on the portal: the SDK gives up after 30 s, a cloud
 * portal stops a request after 60 s. A key not found after this never created anything.
 */
export const INTENT_SETTLE_MS = 65_000;

/** Search again after these delays while a request may still be landing. */
export const RECONCILE_DELAYS_MS = [0, 1_000, 2_000, 4_000, 8_000, 15_000, 15_000, 20_000] as const;

/** sessionStorage when the browser allows it in this frame, else memory (no reload protection). */
export function browserIntentStorage(): IntentStorage {
  return usableStorage('sessionStorage') ?? memoryStorage();
}

function parseIntent(text: string | null): CreateIntent | null {
  if (!text) return null;
  try {
    const value = JSON.parse(text) as Partial<CreateIntent>;
    if (typeof value.key === 'string' && /^[A-Za-z0-9-]{8,64}$/.test(value.key) && typeof value.startedAt === 'number') {
      return { key: value.key, startedAt: value.startedAt };
    }
  } catch {
    // unreadable entry: treat as none
  }
  return null;
}

export function newRequestKey(): string {
  return crypto.randomUUID();
}

export interface IntentStore {
  pending(target: string): CreateIntent | null;
  /** The pending intent for this target, or a new one, written down before any request goes out. */
  begin(target: string, now: number): CreateIntent;
  settle(target: string): void;
}

/** `scope` separates portals (member id) sharing one browser tab's storage. */
export function createIntentStore(storage: IntentStorage, scope: string, makeKey: () => string = newRequestKey): IntentStore {
  const storageKey = (target: string) => `smart-tasks:create-intent:${scope}:${target}`;
  return {
    pending(target) {
      return parseIntent(readStored(storage, storageKey(target)));
    },
    begin(target, now) {
      const existing = this.pending(target);
      if (existing) return existing;
      const intent: CreateIntent = { key: makeKey(), startedAt: now };
      // Storage full or blocked: the click still works, only reload protection is lost.
      writeStored(storage, storageKey(target), JSON.stringify(intent));
      return intent;
    },
    settle(target) {
      removeStored(storage, storageKey(target));
    },
  };
}
