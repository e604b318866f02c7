/**
 * The one-click guarantee's memory. Each "create task" intent gets an idempotency key that is
 * written down (sessionStorage: it survives a reload of the frame) before the request leaves,
 * and cleared only when the outcome is known. While a key is pending, nothing creates a task
 * for that item again until the portal has been searched for the key.
 *
 * A key whose request had an uncertain outcome is kept a while longer, as a RECENT key: a
 * request the app gave up on may still land on the portal (a cloud portal cuts a request off
 * only after 60 s) and make a copy, so the portal is searched for copies of the key again once
 * no request with it can land any more (and on the next open of a surface).
 *
 * Everything is scoped to the portal AND the user: two people signed in one after the other in
 * the same browser never see (or wait for) each other's clicks. All times are the PORTAL's
 * clock (ms since the epoch, `BitrixBoundary.portalNow()`), never the browser's.
 */
import {
  memoryStorage,
  readStored,
  removeStored,
  usableStorage,
  writeStored,
  type KeyValueStorage,
} from './browser-storage';

export { memoryStorage };

export interface CreateIntent {
  /** Idempotency key; travels inside the task (see task-draft.ts backLinkUrl). */
  key: string;
  /** When the first request with this key left, ms since epoch, portal clock. */
  startedAt: number;
  /** When the latest request with this key left, ms since epoch, portal clock. */
  lastSentAt: number;
  /** A request with this key ended without a known outcome: it may still land late. */
  uncertain: boolean;
}

/** A settled key that may still get a late copy; searched again from `recheckAt` on. */
export interface RecentKey {
  /** The item, `entityTypeId:itemId` (see intentTarget). */
  target: string;
  key: string;
  /** As CreateIntent.startedAt: copies were created at or after this (portal clock, ms). */
  startedAt: number;
  /** Portal time (ms) after which no request with this key can land any more. */
  recheckAt: number;
  /** The task the user was told about: the one a search for copies keeps. */
  keptTaskId?: number;
  /**
   * A click that made several tasks (a stage playbook: one per template, all under this key):
   * the tasks the user was told about, one per template; copies of each are searched apart.
   */
  keptTaskIds?: number[];
}

/** Where intents are written (sessionStorage in the browser, memory in tests). */
export type IntentStorage = KeyValueStorage;

/**
 * How long a sent request may still land on the portal, ms: a cloud portal cuts a request off
 * after 60 s (b24restdocs settings/performance/limits.md), plus 5 s for the estimate of the
 * portal's clock. A key not found after this never created anything, and no copy can appear.
 */
export const LATE_LANDING_WINDOW_MS = 65_000;

/** A recent key that could not be searched again (offline) is dropped after this long, ms. */
export const RECENT_KEY_MAX_AGE_MS = 24 * 60 * 60_000;

/** Recent keys kept at most per portal and user (the oldest go first). */
const RECENT_KEYS_KEPT = 50;

/** sessionStorage when the browser allows it in this frame, else memory (no reload protection). */
export function browserIntentStorage(): IntentStorage {
  return usableStorage('sessionStorage') ?? memoryStorage();
}

const KEY_PATTERN = /^[A-Za-z0-9-]{8,64}$/;

function parseIntent(text: string | null): CreateIntent | null {
  if (!text) return null;
  try {
    const value = JSON.parse(text) as Partial<CreateIntent>;
    if (typeof value.key === 'string' && KEY_PATTERN.test(value.key) && typeof value.startedAt === 'number') {
      return {
        key: value.key,
        startedAt: value.startedAt,
        lastSentAt: typeof value.lastSentAt === 'number' ? value.lastSentAt : value.startedAt,
        uncertain: value.uncertain !== false,
      };
    }
  } catch {
    // unreadable entry: treat as none
  }
  return null;
}

function parseRecent(text: string | null): RecentKey[] {
  if (!text) return [];
  try {
    const value: unknown = JSON.parse(text);
    if (!Array.isArray(value)) return [];
    return value.filter(
      (entry): entry is RecentKey =>
        typeof entry === 'object' &&
        entry !== null &&
        typeof (entry as RecentKey).target === 'string' &&
        typeof (entry as RecentKey).key === 'string' &&
        KEY_PATTERN.test((entry as RecentKey).key) &&
        typeof (entry as RecentKey).startedAt === 'number' &&
        typeof (entry as RecentKey).recheckAt === 'number' &&
        ((entry as RecentKey).keptTaskId === undefined || typeof (entry as RecentKey).keptTaskId === 'number') &&
        ((entry as RecentKey).keptTaskIds === undefined ||
          (Array.isArray((entry as RecentKey).keptTaskIds) &&
            (entry as RecentKey).keptTaskIds!.every((id) => typeof id === 'number'))),
    );
  } catch {
    return [];
  }
}

/** A fresh idempotency key (a random UUID). */
export function newRequestKey(): string {
  return crypto.randomUUID();
}

/** Whose clicks a store keeps: the portal (member id, see portalScope) and the user on it. */
export interface IntentScope {
  portal: string;
  userId: number;
}

/** One portal's and one user's pending clicks and recent keys. */
export interface IntentStore {
  pending(target: string): CreateIntent | null;
  /**
   * Called right before a request leaves: the pending intent for this target (its key kept,
   * `lastSentAt` moved to `now`), or a new one, written down first.
   */
  begin(target: string, now: number): CreateIntent;
  /** The request in flight ended without a known outcome (it may land late). */
  markUncertain(target: string): void;
  /**
   * The outcome is known: the key stops being pending. A key whose request was ever uncertain
   * becomes a recent key, searched for copies again after its last request's landing window;
   * `kept` is the task the user was told about (the one those searches keep), or the tasks,
   * one per template, of a click that made several.
   */
  settle(target: string, kept?: number | readonly number[]): void;
  /** Recent keys of this portal and user, oldest first. */
  recent(): RecentKey[];
  /** Drops a recent key (searched after its window, or too old to matter). */
  forget(key: string): void;
}

/** The store of one portal's and one user's clicks, in `storage`. */
export function createIntentStore(
  storage: IntentStorage,
  scope: IntentScope,
  makeKey: () => string = newRequestKey,
): IntentStore {
  const prefix = `smart-tasks:create-intent:${scope.portal}:user-${scope.userId}`;
  const pendingKey = (target: string) => `${prefix}:${target}`;
  const recentKey = `${prefix}:recent`;
  const writeRecent = (entries: RecentKey[]) => {
    if (entries.length === 0) removeStored(storage, recentKey);
    else writeStored(storage, recentKey, JSON.stringify(entries.slice(-RECENT_KEYS_KEPT)));
  };
  const store: IntentStore = {
    pending(target) {
      return parseIntent(readStored(storage, pendingKey(target)));
    },
    begin(target, now) {
      const existing = store.pending(target);
      const intent: CreateIntent = existing
        ? { ...existing, lastSentAt: Math.max(existing.lastSentAt, now) }
        : { key: makeKey(), startedAt: now, lastSentAt: now, uncertain: false };
      // Storage full or blocked: the click still works, only reload protection is lost.
      writeStored(storage, pendingKey(target), JSON.stringify(intent));
      return intent;
    },
    markUncertain(target) {
      const existing = store.pending(target);
      if (existing && !existing.uncertain)
        writeStored(storage, pendingKey(target), JSON.stringify({ ...existing, uncertain: true }));
    },
    settle(target, kept) {
      const intent = store.pending(target);
      removeStored(storage, pendingKey(target));
      if (!intent?.uncertain) return;
      const others = store.recent().filter((entry) => entry.key !== intent.key);
      const entry: RecentKey = {
        target,
        key: intent.key,
        startedAt: intent.startedAt,
        recheckAt: intent.lastSentAt + LATE_LANDING_WINDOW_MS,
      };
      if (typeof kept === 'number') entry.keptTaskId = kept;
      else if (kept !== undefined && kept.length > 0) entry.keptTaskIds = [...kept];
      writeRecent([...others, entry]);
    },
    recent() {
      return parseRecent(readStored(storage, recentKey));
    },
    forget(key) {
      writeRecent(store.recent().filter((entry) => entry.key !== key));
    },
  };
  return store;
}
