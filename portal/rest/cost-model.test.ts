/** Cost profiles: the cloud default, files that extend it, and what a list's page adds. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CLOUD_PROFILE,
  CostProfileError,
  INSTANT_PROFILE,
  methodCost,
  parseCostProfile,
  resolveCostProfile,
  rowsReturned,
} from './cost-model';

describe('cost profiles', () => {
  it('costs a cloud tasks.task.add 0.934 s and a list more with more rows and more counted', () => {
    expect(methodCost(CLOUD_PROFILE, 'tasks.task.add', { task: {} }, 0)).toBe(0.934);
    const onePage = methodCost(CLOUD_PROFILE, 'crm.item.list', { items: new Array(50).fill({}) }, 1240);
    const oneRow = methodCost(CLOUD_PROFILE, 'crm.item.list', { items: [{}] }, 0);
    expect(onePage).toBeCloseTo(0.24 + 50 * 0.0014 + 1240 * 0.000021, 6);
    expect(oneRow).toBeCloseTo(0.2414, 6);
    expect(methodCost(CLOUD_PROFILE, 'some.unknown.method', {}, 0)).toBe(0.15);
    expect(methodCost(INSTANT_PROFILE, 'tasks.task.add', {}, 0)).toBe(0);
  });

  it('reads the rows of a bare list or of the one list inside a result', () => {
    expect(rowsReturned([1, 2, 3])).toBe(3);
    expect(rowsReturned({ tasks: [1, 2] })).toBe(2);
    expect(rowsReturned({ item: { id: 1 } })).toBe(0);
  });

  it('extends cloud or instant from a file and refuses what is not a profile', () => {
    const profile = parseCostProfile(
      { extends: 'cloud', methods: { 'Tasks.Task.Add': 2, 'crm.item.list': { base: 1, perRow: 0.1 } } },
      'test',
    );
    expect(methodCost(profile, 'tasks.task.add', {}, 0)).toBe(2);
    expect(methodCost(profile, 'crm.item.list', { items: [1, 2] }, 100)).toBeCloseTo(1.2, 6);
    expect(methodCost(profile, 'crm.item.get', {}, 0)).toBe(0.164);
    expect(() => parseCostProfile({ methods: { 'tasks.task.add': -1 } }, 'bad')).toThrow(CostProfileError);
    expect(() => parseCostProfile({ extends: 'enterprise' }, 'bad')).toThrow('"extends" must be "cloud" or "instant"');
    const directory = mkdtempSync(join(tmpdir(), 'cost-file-'));
    try {
      const file = join(directory, 'costs.json');
      writeFileSync(file, JSON.stringify({ methods: { 'user.current': 0.5 } }));
      expect(methodCost(resolveCostProfile(file), 'user.current', {}, 0)).toBe(0.5);
      writeFileSync(file, '{not json');
      expect(() => resolveCostProfile(file)).toThrow('is not valid JSON');
      expect(() => resolveCostProfile(join(directory, 'missing.json'))).toThrow(
        'neither cloud, instant nor a readable file',
      );
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
