import { describe, expect, it } from 'vitest';
import { linkedTask } from '../testing/fixtures';
import { isTaskOverdue, sortLinkedTasks, taskStatusFromCode, withTask } from './tasks';

const task = linkedTask;

const now = new Date('2025-06-10T12:00:00Z');

describe('linked tasks', () => {
  it('reads Bitrix24 status codes', () => {
    expect(taskStatusFromCode('2')).toBe('pending');
    expect(taskStatusFromCode(5)).toBe('completed');
    expect(taskStatusFromCode('99')).toBe('unknown');
  });

  it('marks open tasks past their deadline as overdue, never completed ones', () => {
    expect(isTaskOverdue(task(1, { deadline: new Date('2025-06-01') }), now)).toBe(true);
    expect(isTaskOverdue(task(1, { deadline: new Date('2025-07-01') }), now)).toBe(false);
    expect(isTaskOverdue(task(1, { deadline: new Date('2025-06-01'), status: 'completed' }), now)).toBe(false);
    expect(isTaskOverdue(task(1), now)).toBe(false);
  });

  it('lists open tasks first, soonest deadline first, then closed ones, latest closed first', () => {
    const ordered = sortLinkedTasks([
      task(1, { status: 'completed', closedAt: new Date('2025-05-01') }),
      task(2),
      task(3, { deadline: new Date('2025-06-20') }),
      task(4, { deadline: new Date('2025-06-01') }),
      task(5, { status: 'completed', closedAt: new Date('2025-06-01') }),
      task(6),
    ]);
    expect(ordered.map((entry) => entry.id)).toEqual([4, 3, 6, 2, 5, 1]);
  });

  it('adds a new task in place without duplicating it', () => {
    const list = withTask(
      withTask([task(1)], task(2, { deadline: new Date('2025-06-01') })),
      task(2, { deadline: new Date('2025-06-01') }),
    );
    expect(list.map((entry) => entry.id)).toEqual([2, 1]);
  });
});
