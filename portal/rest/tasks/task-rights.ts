/**
 * What a user may do with a task: the `action` object of tasks.task.get (docs tasks/fields.md
 * "Object action") and tasks.task.getaccess, and the same rules the write methods enforce.
 *
 * The docs name who may call each method ("any user with access to edit the task; Creator,
 * Performer and Participants" for complete/start/pause/renew/defer and the checklist; "task
 * Creator or administrator" for approve; edit access or Creator for update) but not the status
 * each action needs. The emulator takes Bitrix24's task card as the rule and the demanding side
 * where it is unclear:
 * - edit access = the portal administrator or the task's creator (department heads are not modelled);
 * - an observer (auditor) alone may only read: no status change, no deadline, no checklist;
 * - start from pending (2) only; pause from in progress (3) only; defer from 2 or 3; complete from
 *   2, 3 or 6; renew from completed (5) or deferred (6); approve/disapprove at 4 (awaiting control);
 * - changeDeadline: edit access, or the responsible when ALLOW_CHANGE_DEADLINE is "Y"; never on a
 *   completed task;
 * - delegate (change the responsible): edit access or the responsible, not on a completed task.
 */
import type { StoredTask, StoredUser } from '../../state/state-types';

/** The user's part in a task. */
export interface TaskRole {
  admin: boolean;
  creator: boolean;
  responsible: boolean;
  accomplice: boolean;
  auditor: boolean;
}

export function taskRole(task: StoredTask, user: Pick<StoredUser, 'id' | 'isAdmin'>): TaskRole {
  return {
    admin: user.isAdmin,
    creator: task.createdBy === user.id,
    responsible: task.responsibleId === user.id,
    accomplice: task.accomplices.includes(user.id),
    auditor: task.auditors.includes(user.id),
  };
}

/** Sees the task at all (tasks.task.get answers `[]` otherwise). */
export function canSee(role: TaskRole): boolean {
  return role.admin || role.creator || role.responsible || role.accomplice || role.auditor;
}

/** Edit access: the portal administrator or the creator. */
export function canEdit(role: TaskRole): boolean {
  return role.admin || role.creator;
}

/** The keys of the `action` object, in the docs' order (fields.md, tasks-task-get.md example). */
export const TASK_ACTION_KEYS = [
  'accept',
  'decline',
  'complete',
  'approve',
  'disapprove',
  'start',
  'pause',
  'delegate',
  'remove',
  'edit',
  'defer',
  'renew',
  'create',
  'changeDeadline',
  'checklistAddItems',
  'addFavorite',
  'deleteFavorite',
  'rate',
  'take',
  'edit.originator',
  'checklist.reorder',
  'elapsedtime.add',
  'dayplan.timer.toggle',
  'edit.plan',
  'checklist.add',
  'favorite.add',
  'favorite.delete',
] as const;

export type TaskActionKey = (typeof TASK_ACTION_KEYS)[number];
export type TaskActions = Record<TaskActionKey, boolean>;

/** Every action false: a user who cannot see the task, or who does not exist (getaccess). */
export function noActions(): TaskActions {
  return Object.fromEntries(TASK_ACTION_KEYS.map((key) => [key, false])) as TaskActions;
}

/** The `action` object for this user and the task as it is now. */
export function taskActions(task: StoredTask, user: Pick<StoredUser, 'id' | 'isAdmin'>): TaskActions {
  const role = taskRole(task, user);
  if (!canSee(role)) return noActions();
  const edit = canEdit(role);
  const executor = role.responsible || role.accomplice;
  // Creator, performer, participants, and anyone with edit access (docs of complete/start/…).
  const actor = edit || executor;
  const status = task.status;
  const closed = status === 5;
  const checklist = actor;
  return {
    accept: false,
    decline: false,
    complete: actor && (status === 2 || status === 3 || status === 6),
    approve: edit && status === 4,
    disapprove: edit && status === 4,
    start: actor && status === 2,
    pause: actor && status === 3,
    delegate: (edit || role.responsible) && !closed,
    remove: edit,
    edit,
    defer: actor && (status === 2 || status === 3),
    renew: actor && (status === 5 || status === 6),
    create: true,
    changeDeadline: !closed && (edit || (role.responsible && task.allowChangeDeadline === 'Y')),
    checklistAddItems: checklist,
    // Favourites are not modelled: no task is a favourite, anyone who sees it may add it.
    addFavorite: true,
    deleteFavorite: false,
    rate: edit,
    take: false,
    'edit.originator': false,
    'checklist.reorder': checklist,
    'elapsedtime.add': actor,
    'dayplan.timer.toggle': executor && !closed,
    'edit.plan': edit,
    'checklist.add': checklist,
    'favorite.add': true,
    'favorite.delete': false,
  };
}

/** tasks.task.getaccess keys: the same actions in upper case (`CHANGE_DEADLINE`, `EDIT.ORIGINATOR`). */
export function accessKey(key: TaskActionKey): string {
  return key.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();
}
