/**
 * The actions a user takes on a linked task from the tab, as data: which right each needs, the
 * ONE request each is (tasks.task.complete / renew / start / pause / update), how the row looks
 * the moment it is clicked (optimistic), and whether a re-read task shows it done. Pure: no
 * React, no cache.
 */
import type { BitrixBoundary, CallResult, RestTask } from '../../bitrix';
import type { LinkedTask } from '../../domain/tasks';
import { toPortalDateTime } from '../../domain/working-days';
import type { TaskRights } from '../../queries/task-actions';

/** A person the task goes to (from the portal's user picker). */
export interface ActionUser {
  id: number;
  name: string;
  photoUrl: string | null;
  position: string;
}

export type TaskAction =
  | { kind: 'start' }
  | { kind: 'pause' }
  | { kind: 'complete' }
  | { kind: 'renew' }
  /** `deadline`: the instant the user entered in their Bitrix24 zone. */
  | { kind: 'deadline'; deadline: Date }
  | { kind: 'responsible'; responsible: ActionUser };

export type TaskActionKind = TaskAction['kind'];

/**
 * Whether the portal's flags (docs tasks/fields.md#action) allow each action. A new responsible
 * is written with tasks.task.update, which takes `edit`, or `delegate` (the responsible handing
 * the task on).
 */
export const ALLOWED_BY: Readonly<Record<TaskActionKind, (rights: TaskRights) => boolean>> = {
  start: (rights) => rights.start,
  pause: (rights) => rights.pause,
  complete: (rights) => rights.complete,
  renew: (rights) => rights.renew,
  deadline: (rights) => rights.changeDeadline,
  responsible: (rights) => rights.edit || rights.delegate,
};

/** The order a menu lists them in. */
export const ACTION_ORDER: readonly TaskActionKind[] = [
  'start',
  'pause',
  'complete',
  'renew',
  'deadline',
  'responsible',
];

/** The actions the portal allows this user, in menu order. */
export function allowedActions(rights: TaskRights): TaskActionKind[] {
  return ACTION_ORDER.filter((kind) => ALLOWED_BY[kind](rights));
}

/**
 * Sends the action: exactly ONE call. The answer is the task after the change (docs
 * tasks/status/*.md, tasks-task-update.md), with its new `action` flags. Dates go with the
 * PORTAL's offset (`portalUtcOffsetMinutes`). Rejects with the boundary's BitrixError.
 */
export function sendTaskAction(
  boundary: BitrixBoundary,
  taskId: number,
  action: TaskAction,
): Promise<CallResult<{ task: RestTask }>> {
  switch (action.kind) {
    case 'start':
      return boundary.call('tasks.task.start', { taskId });
    case 'pause':
      return boundary.call('tasks.task.pause', { taskId });
    case 'complete':
      return boundary.call('tasks.task.complete', { taskId });
    case 'renew':
      return boundary.call('tasks.task.renew', { taskId });
    case 'deadline':
      return boundary.call('tasks.task.update', {
        taskId,
        fields: { DEADLINE: toPortalDateTime(action.deadline, boundary.portalUtcOffsetMinutes()) },
      });
    case 'responsible':
      return boundary.call('tasks.task.update', { taskId, fields: { RESPONSIBLE_ID: action.responsible.id } });
  }
}

/** How the row shows the task the moment the action is clicked; `now` is the PORTAL's clock. */
export function optimisticTask(task: LinkedTask, action: TaskAction, now: Date): LinkedTask {
  switch (action.kind) {
    case 'start':
      return { ...task, status: 'in-progress' };
    case 'pause':
      return { ...task, status: 'pending' };
    case 'complete':
      return { ...task, status: 'completed', closedAt: now };
    case 'renew':
      return { ...task, status: 'pending', closedAt: null };
    case 'deadline':
      return { ...task, deadline: action.deadline };
    case 'responsible':
      return { ...task, responsibleId: action.responsible.id };
  }
}

const MINUTE = 60_000;

/**
 * Whether a task read back after a lost answer shows the action done. A completion that waits
 * for the creator's review (status "awaiting control", docs tasks/fields.md taskControl) counts.
 */
export function actionLanded(action: TaskAction, task: LinkedTask): boolean {
  switch (action.kind) {
    case 'start':
      return task.status === 'in-progress';
    case 'pause':
      return task.status === 'pending';
    case 'complete':
      return task.status === 'completed' || task.status === 'awaiting-control';
    case 'renew':
      return task.status !== 'completed' && task.status !== 'deferred';
    case 'deadline':
      return (
        task.deadline !== null &&
        Math.floor(task.deadline.getTime() / MINUTE) === Math.floor(action.deadline.getTime() / MINUTE)
      );
    case 'responsible':
      return task.responsibleId === action.responsible.id;
  }
}
