import { isTaskOpen, type LinkedTask } from '../../domain/tasks';

/** Titles compared as a user reads them: surrounding and repeated spaces and letter case aside. */
function sameTitle(a: string, b: string): boolean {
  const normal = (title: string) => title.trim().replace(/\s+/g, ' ').toLocaleLowerCase();
  return normal(a) === normal(b);
}

/**
 * The linked task a new one with this title would repeat: one that is still open (not
 * completed) and has the same title. Null when there is none among `tasks` (the list the
 * surface has read: the item's first page of linked tasks, open ones first).
 */
export function openTaskWithTitle(tasks: readonly LinkedTask[], title: string): LinkedTask | null {
  return tasks.find((task) => isTaskOpen(task) && sameTitle(task.title, title)) ?? null;
}

/**
 * The item's open linked tasks in short: how many, and the newest (by creation date, else the
 * highest id, which Bitrix24 gives in creation order). Null when none is open.
 */
export function openTasksSummary(tasks: readonly LinkedTask[]): { count: number; newest: LinkedTask } | null {
  const open = tasks.filter(isTaskOpen);
  if (open.length === 0) return null;
  const newest = open.reduce((best, task) => {
    const a = task.createdAt?.getTime() ?? -Infinity;
    const b = best.createdAt?.getTime() ?? -Infinity;
    return a > b || (a === b && task.id > best.id) ? task : best;
  });
  return { count: open.length, newest };
}
