/**
 * One runner per bulk run. Two tabs of one browser that both run the same run create and delete
 * each other's tasks (issue 7.1), so a tab runs only while it holds the run's lock:
 * - Web Locks (`navigator.locks`) where the browser has them: the browser itself releases the
 *   lock when the holding tab closes, crashes or navigates away, so a waiting tab learns at once
 *   that the runner is gone;
 * - otherwise a lease in Web Storage, renewed by a heartbeat: a tab that vanished stops renewing,
 *   and its lease runs out after `leaseMs`.
 * The lock is per portal, user and smart process (the same scope as the run's checkpoint), so one
 * user runs one bulk run per smart process at a time, whichever tab started it.
 *
 * The lease compares times of one browser's tabs with each other (`Date.now()` in each): nothing
 * here is a portal decision, so the computer's clock is the right one.
 */
import { readStored, removeStored, writeStored, type KeyValueStorage } from '../browser-storage';

/** A lock this tab holds; `release()` is safe to call more than once. */
export interface HeldRunLock {
  release(): void;
}

export interface RunLock {
  /** Takes the lock if no tab holds it; null when another tab does (nothing waits). */
  tryAcquire(): Promise<HeldRunLock | null>;
  /** Resolves once no tab holds the lock (at once when none does); rejects when `signal` aborts. */
  whenFree(signal: AbortSignal): Promise<void>;
  /** Whether some tab (this one included) holds the lock now. */
  isHeld(): Promise<boolean>;
}

/** The part of the Web Locks API used here (`navigator.locks`). */
export interface LockManagerLike {
  request(
    name: string,
    options: { ifAvailable?: boolean; signal?: AbortSignal },
    callback: (lock: unknown) => unknown,
  ): Promise<unknown>;
  query?(): Promise<{ held?: Array<{ name?: string }> }>;
}

/** Over the Web Locks API: the browser holds the lock for the tab and frees it when the tab goes. */
export function webRunLock(locks: LockManagerLike, name: string): RunLock {
  return {
    tryAcquire() {
      return new Promise<HeldRunLock | null>((resolve) => {
        locks
          .request(name, { ifAvailable: true }, (lock) => {
            if (lock === null) {
              resolve(null);
              return undefined;
            }
            // Held until released: the callback's promise is the lock's lifetime.
            return new Promise<void>((release) => resolve({ release: () => release() }));
          })
          .catch(() => resolve(null));
      });
    },
    async whenFree(signal) {
      // Granted only once the holder is gone; released at once (taking over is the user's choice).
      await locks.request(name, { signal }, () => undefined);
    },
    async isHeld() {
      if (typeof locks.query !== 'function') return false;
      const state = await locks.query().catch(() => ({ held: [] }));
      return (state.held ?? []).some((lock) => lock.name === name);
    },
  };
}

export interface LeaseOptions {
  /** A lease not renewed for this long belongs to a tab that is gone. Milliseconds. */
  leaseMs?: number;
  /** How often the holder renews (and a waiter looks). Milliseconds. */
  heartbeatMs?: number;
  now?: () => number;
  /** Identifies this tab's leases; random by default. */
  owner?: string;
  setInterval?: (callback: () => void, milliseconds: number) => unknown;
  clearInterval?: (handle: unknown) => void;
}

interface Lease {
  owner: string;
  expiresAt: number;
}

function readLease(storage: KeyValueStorage, key: string): Lease | null {
  try {
    const value: unknown = JSON.parse(readStored(storage, key) ?? 'null');
    if (typeof value !== 'object' || value === null) return null;
    const { owner, expiresAt } = value as Record<string, unknown>;
    return typeof owner === 'string' && typeof expiresAt === 'number' ? { owner, expiresAt } : null;
  } catch {
    return null;
  }
}

/** Over Web Storage, for browsers without Web Locks: a lease with a heartbeat. */
export function leaseRunLock(storage: KeyValueStorage, name: string, options: LeaseOptions = {}): RunLock {
  const leaseMs = options.leaseMs ?? 10_000;
  const heartbeatMs = options.heartbeatMs ?? 2_000;
  const now = options.now ?? (() => Date.now());
  const owner = options.owner ?? `tab-${Math.random().toString(36).slice(2)}-${now().toString(36)}`;
  const every = options.setInterval ?? ((callback, milliseconds) => globalThis.setInterval(callback, milliseconds));
  const stop =
    options.clearInterval ?? ((handle) => globalThis.clearInterval(handle as ReturnType<typeof setInterval>));
  const key = `smart-tasks:lock:${name}`;
  const heldByOther = (): boolean => {
    const lease = readLease(storage, key);
    return lease !== null && lease.owner !== owner && lease.expiresAt > now();
  };
  let holding = false;
  const renew = () => writeStored(storage, key, JSON.stringify({ owner, expiresAt: now() + leaseMs }));

  return {
    async tryAcquire() {
      if (heldByOther()) return null;
      renew();
      // Two tabs writing at once: the last write wins, the other sees it is not its lease.
      if (readLease(storage, key)?.owner !== owner) return null;
      const heartbeat = every(renew, heartbeatMs);
      let held = true;
      holding = true;
      return {
        release() {
          if (!held) return;
          held = false;
          holding = false;
          stop(heartbeat);
          if (readLease(storage, key)?.owner === owner) removeStored(storage, key);
        },
      };
    },
    whenFree(signal) {
      return new Promise<void>((resolve, reject) => {
        if (signal.aborted) return reject(signal.reason);
        if (!heldByOther()) return resolve();
        const poll = every(() => {
          if (heldByOther()) return;
          stop(poll);
          resolve();
        }, heartbeatMs);
        signal.addEventListener(
          'abort',
          () => {
            stop(poll);
            reject(signal.reason);
          },
          { once: true },
        );
      });
    },
    async isHeld() {
      return holding || heldByOther();
    },
  };
}

/** The browser's lock for a run: Web Locks when available, else a lease in `storage`, else none needed (no storage: no other tab can see the run). */
export function browserRunLock(name: string, storage: KeyValueStorage | null): RunLock {
  const locks = (globalThis.navigator as { locks?: LockManagerLike } | undefined)?.locks;
  if (locks && typeof locks.request === 'function') return webRunLock(locks, name);
  if (storage) return leaseRunLock(storage, name);
  return {
    tryAcquire: async () => ({ release: () => undefined }),
    whenFree: async () => undefined,
    isHeld: async () => false,
  };
}
