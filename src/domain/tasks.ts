/** Linked tasks as the tab shows them: status, overdue, and order (open first). */

export type TaskStatus = 'new' | 'pending' | 'in-progress' | 'awaiting-control' | 'completed' | 'deferred' | 'unknown';

const STATUS_BY_CODE: Record<string, TaskStatus> = {
  '1': 'new',
  '2': 'pending',
  '3': 'in-progress',
  '4': 'awaiting-control',
  '5': 'completed',
  '6': 'deferred',
};

/** Bitrix24 task status code (`"2"`, 3, ...) → status. */
export function taskStatusFromCode(code: string | number | null | undefined): TaskStatus {
  return STATUS_BY_CODE[String(code ?? '')] ?? 'unknown';
}

export interface LinkedTask {
  id: number;
  title: string;
  status: TaskStatus;
  responsibleId: number | null;
  deadline: Date | null;
  createdAt: Date | null;
  closedAt: Date | null;
  /** UF_CRM_TASK values the portal returned, when it was asked for them. */
  crmLinks: string[] | null;
}

export function isTaskOpen(task: Pick<LinkedTask, 'status'>): boolean {
  return task.status !== 'completed';
}

export function isTaskOverdue(task: Pick<LinkedTask, 'status' | 'deadline'>, now: Date): boolean {
  return isTaskOpen(task) && task.deadline !== null && task.deadline.getTime() < now.getTime();
}

function time(date: Date | null, whenMissing: number): number {
  return date ? date.getTime() : whenMissing;
}

/**
 * Open tasks first, soonest deadline first (so overdue ones lead, tasks without a deadline
 * last); then closed tasks, most recently closed first. Newer tasks win ties.
 */
export function compareLinkedTasks(a: LinkedTask, b: LinkedTask): number {
  const openA = isTaskOpen(a);
  const openB = isTaskOpen(b);
  if (openA !== openB) return openA ? -1 : 1;
  if (openA) {
    const byDeadline = time(a.deadline, Infinity) - time(b.deadline, Infinity);
    if (byDeadline !== 0 && !Number.isNaN(byDeadline)) return byDeadline;
  } else {
    const byClosed = time(b.closedAt, -Infinity) - time(a.closedAt, -Infinity);
    if (byClosed !== 0 && !Number.isNaN(byClosed)) return byClosed;
  }
  return b.id - a.id;
}

export function sortLinkedTasks(tasks: readonly LinkedTask[]): LinkedTask[] {
  return [...tasks].sort(compareLinkedTasks);
}

/** Adds or replaces one task in a list (by id), keeping the tab's order. */
export function withTask(tasks: readonly LinkedTask[], task: LinkedTask): LinkedTask[] {
  return sortLinkedTasks([...tasks.filter((existing) => existing.id !== task.id), task]);
}
