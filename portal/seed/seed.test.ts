/**
 * The seed is reproducible (the committed JSON is what the generator writes) and has what the
 * app, its tests and its benchmarks rely on.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildSeedFixture, seedFilePath, serializeSeedFixture } from './generate';
import type { SeedFixture } from './seed-types';

const committed = readFileSync(seedFilePath, 'utf8');
const seed = JSON.parse(committed) as SeedFixture;

describe('seed fixture', () => {
  it('is exactly what the generator produces', () => {
    expect(serializeSeedFixture(buildSeedFixture())).toBe(committed);
  });

  it('has an administrator, a user without rights to Purchase, and photos served by the portal', () => {
    expect(seed.users.length).toBeGreaterThanOrEqual(6);
    expect(seed.users[0]).toMatchObject({ id: 1, name: 'Olivia', lastName: 'Bennett', isAdmin: true });
    expect(seed.users.find((user) => user.id === 6)).toMatchObject({ isAdmin: false, deniedEntityTypeIds: [156] });
    for (const user of seed.users.filter((candidate) => candidate.active))
      expect(user.photoPath).toBe(`/upload/avatars/${user.id}.svg`);
  });

  it('gives users their own time zones, some empty (the portal zone), as user.get prints TIME_ZONE', () => {
    const zones = Object.fromEntries(seed.users.map((user) => [user.id, user.timeZone]));
    expect(zones).toMatchObject({ 1: '', 2: 'Asia/Vladivostok', 3: 'Europe/Berlin', 4: 'America/New_York' });
  });

  it('has the documented smart processes and one that does not allow task links', () => {
    expect(seed.smartProcesses.map((process) => [process.entityTypeId, process.title])).toEqual([
      [177, 'Equipment Purchase'],
      [156, 'Purchase'],
      [183, 'Service Requests'],
      [187, 'Supplier Contracts'],
    ]);
    const withoutLinks = seed.smartProcesses.filter(
      (process) => process.linkedUserFields['TASKS_TASK|UF_CRM_TASK'] === 'N',
    );
    expect(withoutLinks.map((process) => process.entityTypeId)).toEqual([187]);
    expect(seed.items.find((item) => item.entityTypeId === 177 && item.id === 29)?.title).toBe('Washing Machine');
    expect(seed.items.filter((item) => item.entityTypeId === 183)).toHaveLength(1240);
  });

  it('gives every smart process two or more funnels, each with one success stage and a failure stage', () => {
    for (const process of seed.smartProcesses) {
      const categories = seed.categories.filter((category) => category.entityTypeId === process.entityTypeId);
      expect(categories.length).toBeGreaterThanOrEqual(2);
      expect(categories.filter((category) => category.isDefault)).toHaveLength(1);
      for (const category of categories) {
        const stages = seed.stages.filter(
          (stage) => stage.categoryId === category.id && stage.entityTypeId === process.entityTypeId,
        );
        expect(stages.filter((stage) => stage.semantics === 'S')).toHaveLength(1);
        expect(stages.some((stage) => stage.semantics === 'F')).toBe(true);
        for (const stage of stages)
          expect(stage.statusId.startsWith(`DT${process.entityTypeId}_${category.id}:`)).toBe(true);
      }
    }
  });

  it('keeps the colors a new funnel gives its default stages (renamed, as users do, but not recolored)', () => {
    const defaults: Record<string, string> = {
      NEW: '#22B9FF',
      PREPARATION: '#88B9FF',
      CLIENT: '#10e5fc',
      SUCCESS: '#00ff00',
      FAIL: '#ff0000',
    };
    for (const stage of seed.stages) {
      const code = stage.statusId.split(':')[1]!;
      if (defaults[code]) expect([stage.statusId, stage.color]).toEqual([stage.statusId, defaults[code]]);
    }
  });

  it('names custom fields after the smart process id (not entityTypeId), as the portal does: UF_CRM_7_… for type 7 / 177', () => {
    for (const field of seed.userFields) {
      const process = seed.smartProcesses.find((candidate) => candidate.entityTypeId === field.entityTypeId)!;
      expect(field.fieldName.startsWith(`UF_CRM_${process.id}_`)).toBe(true);
    }
  });

  it('has custom fields of every common type, and linked, overdue and done tasks', () => {
    const kinds = new Set(seed.userFields.map((field) => `${field.userTypeId}${field.multiple ? '[]' : ''}`));
    for (const kind of [
      'string',
      'integer',
      'double',
      'money',
      'date',
      'datetime',
      'boolean',
      'enumeration',
      'employee',
      'crm',
      'string[]',
    ])
      expect(kinds).toContain(kind);
    const linkedTo29 = seed.tasks.filter((task) => task.crmLinks.includes('Tb1_29'));
    expect(linkedTo29.map((task) => task.status)).toEqual(expect.arrayContaining([5, 3, 2]));
    expect(
      seed.tasks.some(
        (task) => task.deadline !== null && task.deadline < `${seed.referenceDate}T00:00:00+03:00` && task.status !== 5,
      ),
    ).toBe(true);
    expect(seed.tasks.some((task) => task.crmLinks.some((link) => link.startsWith('Tbb_')))).toBe(false);
    expect(seed.activities.filter((activity) => activity.ownerTypeId === 177 && activity.ownerId === 29)).toHaveLength(
      4,
    );
  });
});
