/**
 * The operating-time baskets against the worked example of settings/performance/limits.md:
 * limit 480 s, crm.item.list taking 20 s a call.
 */
import { describe, expect, it } from 'vitest';
import { OperatingBudget } from './operating-budget';

const SECOND = 1000;
const LIMIT = 480;

describe('OperatingBudget', () => {
  it('follows the docs\u2019 example: 20 calls make 400 s, five more 500 s, the next is blocked until the oldest basket (40 s) drops', () => {
    const budget = new OperatingBudget();
    const call = (atSeconds: number): boolean => {
      if (budget.isBlocked('app', 'crm.item.list', atSeconds * SECOND, LIMIT)) return false;
      budget.record('app', 'crm.item.list', atSeconds * SECOND, 20);
      return true;
    };
    // "in 10 minutes, the application has performed 20 calls": two a minute, 40 s a basket.
    for (let index = 0; index < 20; index += 1) expect(call(index * 30)).toBe(true);
    expect(budget.state('app', 'crm.item.list', 580 * SECOND).operatingSeconds).toBe(400);
    // "then five more calls are completed, and operating reaches 500 seconds": the fifth is checked
    // at 480 s, which does not exceed the limit.
    for (let index = 0; index < 5; index += 1) expect(call(590)).toBe(true);
    expect(budget.state('app', 'crm.item.list', 590 * SECOND)).toEqual({
      operatingSeconds: 500,
      resetAtMs: 600 * SECOND,
    });
    // "the next call will be blocked because the value already exceeds 480 seconds"
    expect(call(599)).toBe(false);
    // "when the oldest basket, which has accumulated 40 seconds, is excluded … 460 seconds"
    expect(budget.state('app', 'crm.item.list', 600 * SECOND)).toEqual({
      operatingSeconds: 460,
      resetAtMs: 660 * SECOND,
    });
    expect(call(600)).toBe(true);
  });

  it('keeps methods and callers apart', () => {
    const budget = new OperatingBudget();
    budget.record('app', 'tasks.task.add', 0, 500);
    expect(budget.isBlocked('app', 'tasks.task.add', SECOND, LIMIT)).toBe(true);
    expect(budget.isBlocked('app', 'tasks.task.update', SECOND, LIMIT)).toBe(false);
    expect(budget.isBlocked('webhook:1', 'tasks.task.add', SECOND, LIMIT)).toBe(false);
    expect(budget.snapshot(SECOND)).toEqual({ 'app|tasks.task.add': 500 });
  });

  it('starts a basket\u2019s ten minutes at the first call recorded in it, not at the minute', () => {
    const budget = new OperatingBudget();
    budget.record('app', 'm', 20 * SECOND, 1);
    budget.record('app', 'm', 50 * SECOND, 1);
    expect(budget.state('app', 'm', 60 * SECOND)).toEqual({ operatingSeconds: 2, resetAtMs: 620 * SECOND });
    expect(budget.state('app', 'm', 620 * SECOND)).toEqual({ operatingSeconds: 0, resetAtMs: null });
  });
});
