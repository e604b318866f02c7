import { describe, expect, it } from 'vitest';
import { filterProblems, itemListFilter, itemPageFilter, type BulkItemFilter } from './item-filter';

const base: BulkItemFilter = {
  entityTypeId: 177,
  categoryId: null,
  stageId: null,
  responsibleId: null,
  onlyWithoutOpenTask: true,
};

describe('item filter', () => {
  it('says only what the user chose, in crm.item.list terms', () => {
    expect(itemListFilter(base)).toEqual({});
    expect(itemListFilter({ ...base, categoryId: 7, stageId: 'DT177_7:NEW', responsibleId: 3 })).toEqual({
      categoryId: 7,
      stageId: 'DT177_7:NEW',
      assignedById: 3,
    });
    expect(itemListFilter({ ...base, categoryId: 0 })).toEqual({ categoryId: 0 });
  });

  it('reads pages after the last id seen', () => {
    expect(itemPageFilter({ ...base, categoryId: 7 }, 150)).toEqual({ categoryId: 7, '>id': 150 });
  });

  it('refuses a stage of another funnel', () => {
    expect(filterProblems({ ...base, categoryId: 9, stageId: 'DT177_7:NEW' })).toEqual(['stage-outside-funnel']);
    expect(filterProblems({ ...base, categoryId: 7, stageId: 'DT177_7:NEW' })).toEqual([]);
  });
});
