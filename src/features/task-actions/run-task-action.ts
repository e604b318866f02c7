/**
 * One action on a linked task and what became of it. The action is ONE request; only when it
 * fails is the task read again (tasks.task.get, one more round trip), so that the user is told
 * what is true instead of a guess:
 * - the portal refused with "Action on the task is not allowed" (code 0), which the docs give
 *   for a task that does not exist, no access, and no right alike (tasks/status/*.md): the
 *   re-read says which (`[]` = gone; its `action` flags = no right; else refused for another
 *   reason, with the portal's words) — or that the task is already as asked (a resent copy of
 *   the request, or someone else, did it), which is done;
 * - no answer, a timeout or a gateway's 5xx: the action may have happened; the re-read shows
 *   whether it did, and the row shows the portal's state either way.
 * A refusal that says itself why (the portal's limits, a session that ended, a method this
 * portal lacks) is not read again: nothing was done.
 */
import { isBitrixError, toBitrixError, type BitrixBoundary, type BitrixError } from '../../bitrix';
import type { LinkedTask } from '../../domain/tasks';
import { decodeTaskAction, NO_RIGHTS, type TaskRights } from '../../queries/task-actions';
import { decodeTask, LINKED_TASK_SELECT } from '../../queries/tasks';
import { actionLanded, ALLOWED_BY, sendTaskAction, type TaskAction } from './task-action';

/** Why the portal did not do an action. */
export type RefusalReason =
  /** The user has no right to it (the re-read's flags, or the portal's access-denied). */
  | 'no-right'
  /** The task is deleted, or the user can no longer see it. */
  | 'gone'
  /** The portal's own limit (QUERY_LIMIT_EXCEEDED, OPERATION_TIME_LIMIT): nothing was done. */
  | 'busy'
  /** The session ended (a refused token refresh): nothing was sent. */
  | 'session'
  /** This portal does not have the method. */
  | 'unsupported'
  /** Refused for another reason (invalid date, unknown user, a state that changed meanwhile). */
  | 'rejected';

export type TaskActionOutcome =
  /** Done: the task as the portal answered, and its new flags when the answer carried them. */
  | { kind: 'done'; task: LinkedTask; rights: TaskRights | null }
  /**
   * Not done. `current` is the task as re-read (null when not read again or gone), with its
   * flags; the row shows it instead of the optimistic state.
   */
  | {
      kind: 'refused';
      reason: RefusalReason;
      error: BitrixError;
      current: { task: LinkedTask; rights: TaskRights | null } | null;
    }
  /** The answer was lost; the re-read shows the portal's state and whether the action is in it. */
  | { kind: 'uncertain'; landed: boolean; task: LinkedTask; rights: TaskRights | null; error: BitrixError }
  /** The answer was lost and the task could not be read again: the state is unknown. */
  | { kind: 'unknown'; error: BitrixError };

type ReRead = { kind: 'task'; task: LinkedTask; rights: TaskRights | null } | { kind: 'gone' } | { kind: 'failed' };

async function readAgain(boundary: BitrixBoundary, taskId: number): Promise<ReRead> {
  try {
    const { result } = await boundary.call('tasks.task.get', { taskId, select: LINKED_TASK_SELECT });
    if (Array.isArray(result) || !result.task) return { kind: 'gone' };
    const task = decodeTask(result.task);
    return task ? { kind: 'task', task, rights: decodeTaskAction(result.task.action) } : { kind: 'gone' };
  } catch {
    return { kind: 'failed' };
  }
}

/** A decoded answer keeps what the answer did not carry (the status methods send no UF_CRM_TASK). */
function merged(answer: LinkedTask, before: LinkedTask): LinkedTask {
  return { ...answer, crmLinks: answer.crmLinks ?? before.crmLinks };
}

/**
 * Runs `action` on `task` (as the user saw it) and says what became of it. Never rejects: every
 * failure is an outcome. Round trips: 1 when it works; 2 when it fails in a way that needs the
 * task read again.
 */
export async function runTaskAction(
  boundary: BitrixBoundary,
  task: LinkedTask,
  action: TaskAction,
): Promise<TaskActionOutcome> {
  let error: BitrixError;
  try {
    const { result } = await sendTaskAction(boundary, task.id, action);
    const answered = result?.task ? decodeTask(result.task) : null;
    if (answered) return { kind: 'done', task: merged(answered, task), rights: decodeTaskAction(result.task.action) };
    // A success without the task (not as documented): the portal's state is read, not assumed.
    error = toBitrixError({ code: 'ERROR_UNEXPECTED_ANSWER', status: 200 }, 'tasks.task');
    const reread = await readAgain(boundary, task.id);
    if (reread.kind === 'task') return { kind: 'done', task: merged(reread.task, task), rights: reread.rights };
    return { kind: 'unknown', error };
  } catch (thrown) {
    error = isBitrixError(thrown) ? thrown : toBitrixError(thrown);
  }

  if (error.kind === 'auth-expired' || error.kind === 'auth-invalid')
    return { kind: 'refused', reason: 'session', error, current: null };
  if (error.kind === 'rate-limit') return { kind: 'refused', reason: 'busy', error, current: null };
  if (error.kind === 'method-not-found') return { kind: 'refused', reason: 'unsupported', error, current: null };

  const reread = await readAgain(boundary, task.id);
  if (error.leavesWriteUncertain) {
    if (reread.kind === 'task') {
      const current = merged(reread.task, task);
      return { kind: 'uncertain', landed: actionLanded(action, current), task: current, rights: reread.rights, error };
    }
    if (reread.kind === 'gone') return { kind: 'refused', reason: 'gone', error, current: null };
    return { kind: 'unknown', error };
  }

  // The portal answered with a refusal.
  if (reread.kind === 'gone') return { kind: 'refused', reason: 'gone', error, current: null };
  if (reread.kind === 'task') {
    const current = { task: merged(reread.task, task), rights: reread.rights };
    // Refused because it is already so: a browser that resent a dropped request got the
    // refusal of the second copy, or someone did the same meanwhile. What the user asked for holds.
    if (actionLanded(action, current.task)) return { kind: 'done', task: current.task, rights: current.rights };
    const allowed = ALLOWED_BY[action.kind](reread.rights ?? NO_RIGHTS);
    if (!allowed || error.kind === 'access-denied') return { kind: 'refused', reason: 'no-right', error, current };
    return { kind: 'refused', reason: 'rejected', error, current };
  }
  const reason: RefusalReason =
    error.kind === 'access-denied' ? 'no-right' : error.kind === 'not-found' ? 'gone' : 'rejected';
  return { kind: 'refused', reason, error, current: null };
}
