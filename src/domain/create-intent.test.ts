import { describe, expect, it } from 'vitest';
import { createIntentStore, memoryStorage } from './create-intent';

describe('create intents', () => {
  it('keeps one key per item until it is settled, across store instances (a reload)', () => {
    const storage = memoryStorage();
    let counter = 0;
    const makeKey = () => `key-000000${++counter}`;
    const first = createIntentStore(storage, 'member', makeKey).begin('177:29', 1000);
    const afterReload = createIntentStore(storage, 'member', makeKey);
    expect(afterReload.pending('177:29')).toEqual(first);
    expect(afterReload.begin('177:29', 5000)).toEqual(first);
    afterReload.settle('177:29');
    expect(afterReload.pending('177:29')).toBeNull();
    expect(afterReload.begin('177:29', 6000).key).not.toBe(first.key);
  });

  it('keeps items and portals apart', () => {
    const storage = memoryStorage();
    const store = createIntentStore(storage, 'portal-a');
    store.begin('177:29', 1);
    expect(store.pending('177:30')).toBeNull();
    expect(createIntentStore(storage, 'portal-b').pending('177:29')).toBeNull();
  });

  it('ignores entries it cannot read', () => {
    const storage = memoryStorage();
    storage.setItem('smart-tasks:create-intent:m:177:29', '{broken');
    expect(createIntentStore(storage, 'm').pending('177:29')).toBeNull();
  });
});
