import { describe, expect, it } from 'vitest';
import { createIntentStore, LATE_LANDING_WINDOW_MS, memoryStorage } from './create-intent';

const olivia = { portal: 'member', userId: 1 };

describe('create intents', () => {
  it('keeps one key per item until it is settled, across store instances (a reload)', () => {
    const storage = memoryStorage();
    let counter = 0;
    const makeKey = () => `key-000000${++counter}`;
    const first = createIntentStore(storage, olivia, makeKey).begin('177:29', 1000);
    const afterReload = createIntentStore(storage, olivia, makeKey);
    expect(afterReload.pending('177:29')).toEqual(first);
    // Sent again: the same key, the later send remembered.
    expect(afterReload.begin('177:29', 5000)).toEqual({ ...first, lastSentAt: 5000 });
    afterReload.settle('177:29');
    expect(afterReload.pending('177:29')).toBeNull();
    expect(afterReload.begin('177:29', 6000).key).not.toBe(first.key);
  });

  it('keeps items, portals and users apart: one user’s pending click never holds up another’s', () => {
    const storage = memoryStorage();
    const store = createIntentStore(storage, { portal: 'portal-a', userId: 1 });
    store.begin('177:29', 1);
    expect(store.pending('177:30')).toBeNull();
    expect(createIntentStore(storage, { portal: 'portal-b', userId: 1 }).pending('177:29')).toBeNull();
    expect(createIntentStore(storage, { portal: 'portal-a', userId: 3 }).pending('177:29')).toBeNull();
    expect(createIntentStore(storage, { portal: 'portal-a', userId: 1 }).pending('177:29')).not.toBeNull();
  });

  it('keeps a key whose request was uncertain as recent, to be searched once no request with it can land', () => {
    const storage = memoryStorage();
    const store = createIntentStore(storage, olivia);
    const clean = store.begin('177:29', 1000);
    store.settle('177:29');
    expect(store.recent()).toEqual([]);

    const late = store.begin('177:29', 2000);
    store.markUncertain('177:29');
    store.begin('177:29', 40_000); // the next click sends again under the same key
    store.settle('177:29');
    expect(late.key).not.toBe(clean.key);
    expect(store.recent()).toEqual([
      { target: '177:29', key: late.key, startedAt: 2000, recheckAt: 40_000 + LATE_LANDING_WINDOW_MS },
    ]);
    expect(createIntentStore(storage, { ...olivia, userId: 3 }).recent()).toEqual([]);
    store.forget(late.key);
    expect(store.recent()).toEqual([]);
  });

  it('ignores entries it cannot read', () => {
    const storage = memoryStorage();
    storage.setItem('smart-tasks:create-intent:m:user-1:177:29', '{broken');
    storage.setItem('smart-tasks:create-intent:m:user-1:recent', '[{"key":1}]');
    const store = createIntentStore(storage, { portal: 'm', userId: 1 });
    expect(store.pending('177:29')).toBeNull();
    expect(store.recent()).toEqual([]);
  });
});
