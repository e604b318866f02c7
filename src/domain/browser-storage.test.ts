import { describe, expect, it } from 'vitest';
import {
  memoryStorage,
  portalScope,
  readStored,
  removeStored,
  writeStored,
  type KeyValueStorage,
} from './browser-storage';

/** A storage the browser has revoked: every call throws. */
const revoked: KeyValueStorage = {
  getItem: () => {
    throw new Error('SecurityError');
  },
  setItem: () => {
    throw new Error('QuotaExceededError');
  },
  removeItem: () => {
    throw new Error('SecurityError');
  },
};

describe('browser storage', () => {
  it('reads, writes and removes', () => {
    const storage = memoryStorage();
    writeStored(storage, 'a', '1');
    expect(readStored(storage, 'a')).toBe('1');
    removeStored(storage, 'a');
    expect(readStored(storage, 'a')).toBeNull();
  });

  it('turns a storage that throws into one that holds nothing', () => {
    expect(() => writeStored(revoked, 'a', '1')).not.toThrow();
    expect(readStored(revoked, 'a')).toBeNull();
    expect(() => removeStored(revoked, 'a')).not.toThrow();
  });

  it('keeps portals apart by member id, else by origin', () => {
    expect(portalScope({ memberId: 'm1', portalOrigin: 'https://a.example' })).toBe('m1');
    expect(portalScope({ memberId: '', portalOrigin: 'https://a.example' })).toBe('https://a.example');
  });
});
