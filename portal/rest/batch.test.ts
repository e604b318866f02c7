import { describe, expect, it } from 'vitest';
import { substituteReferences } from './batch';

const maps = {
  result: { me: { ID: '3', ACTIVE: true, UF_DEPARTMENT: [1, 5] }, items: { items: [{ id: 29 }] } },
  next: {},
  total: { items: 64 },
  time: {},
  error: {},
};

describe('batch references ($result[...]) as CRestUtil::processBatchElement resolves them', () => {
  it('puts the raw value in place of a parameter that is only the reference', () => {
    expect(substituteReferences('$result[me][UF_DEPARTMENT]', maps)).toEqual([1, 5]);
    expect(substituteReferences('$result[items][items][0][id]', maps)).toBe(29);
    expect(substituteReferences('$result[me][ACTIVE]', maps)).toBe(true);
  });

  it('writes numbers and strings into a longer string, and leaves booleans and arrays as written', () => {
    expect(substituteReferences('user $result[me][ID] of $total[items]', maps)).toBe('user 3 of 64');
    expect(substituteReferences('x$result[me][ACTIVE]', maps)).toBe('x$result[me][ACTIVE]');
    expect(substituteReferences('x$result[me][UF_DEPARTMENT]', maps)).toBe('x$result[me][UF_DEPARTMENT]');
  });

  it('stops at the last level that exists', () => {
    expect(substituteReferences('$result[me][NOPE]', maps)).toEqual(maps.result.me);
  });
});
