/**
 * The browser's Web Storage as the app keeps things in it (a pending create, a bulk run's
 * checkpoint): the store may be missing (blocked third-party storage, private mode) and any
 * call may throw (full, revoked). Here neither is an exception: losing what is stored only
 * costs picking up after a reload, never the work itself.
 */

/** The part of the Web Storage API the app needs. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** `sessionStorage` or `localStorage` when this frame may really write to it, else null. */
export function usableStorage(kind: 'sessionStorage' | 'localStorage'): Storage | null {
  try {
    const storage = window[kind];
    const probe = '__smart_tasks_probe__';
    storage.setItem(probe, '1');
    storage.removeItem(probe);
    return storage;
  } catch {
    return null;
  }
}

/** A storage that lives as long as the page: what tests use, and the fallback without Web Storage. */
export function memoryStorage(): KeyValueStorage {
  const values = new Map<string, string>();
  return {
    getItem: (key) => values.get(key) ?? null,
    setItem: (key, value) => void values.set(key, value),
    removeItem: (key) => void values.delete(key),
  };
}

export function readStored(storage: KeyValueStorage, key: string): string | null {
  try {
    return storage.getItem(key);
  } catch {
    return null;
  }
}

export function writeStored(storage: KeyValueStorage, key: string, value: string): void {
  try {
    storage.setItem(key, value);
  } catch {
    // Full or revoked: only picking up after a reload is lost.
  }
}

export function removeStored(storage: KeyValueStorage, key: string): void {
  try {
    storage.removeItem(key);
  } catch {
    // Nothing to clear.
  }
}

/** Separates portals sharing one browser's storage: the member id, else the portal's origin. */
export function portalScope(session: { memberId: string; portalOrigin: string }): string {
  return session.memberId || session.portalOrigin;
}
