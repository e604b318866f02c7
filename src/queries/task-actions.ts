/**
 * What the current user may do with each linked task, as the portal reports it: the task's
 * `action` flags (b24restdocs api-reference/tasks/fields.md "Object action").
 *
 * Where the flags come from, and why (round trips counted):
 * - tasks.task.list does not return `action` (tasks/tasks-task-list.md), so the tab's first batch
 *   cannot carry them; `$result` references to the list's ids would add one portal-side task
 *   read per row to the batch the first paint waits for, on every opening of every card.
 * - Most openings act on no task. So the flags are read when the user shows the intent to act:
 *   the pointer or the focus entering the task list, or a row's menu opening, in ONE batch
 *   of tasks.task.getaccess (tasks/tasks-task-get-access.md: only the flags, the smallest
 *   answer) for every visible task whose flags are not known yet; ≤ 50 tasks a page, so one
 *   batch. Opening the tab costs nothing extra; the first menu costs one round trip, usually
 *   spent while the pointer travels from the list to the menu; every other menu is then at once.
 * - Every action's own answer (tasks.task.complete/renew/start/pause/update) carries the task's
 *   new `action`, and the re-read after a refusal (tasks.task.get) does too: after an action the
 *   flags are current at no extra cost.
 * - Flags are kept for the task state they were read for (status, responsible, deadline): a task
 *   whose state changed (e.g. in the portal's slider) or that is new is read again at the next
 *   intent, never on its own.
 */
import { skipToken, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import {
  command,
  useBitrix,
  type BatchCommand,
  type BitrixBoundary,
  type BitrixError,
  type RestTaskAccess,
  type RestTaskAction,
} from '../bitrix';
import { withTask, type LinkedTask } from '../domain/tasks';
import { taskKeys, type LinkedTasks } from './tasks';

/** The flags the app acts on, each true only when the portal said so. */
export interface TaskRights {
  /** tasks.task.complete */
  complete: boolean;
  /** tasks.task.renew (a completed or deferred task back to work) */
  renew: boolean;
  /** tasks.task.start */
  start: boolean;
  /** tasks.task.pause */
  pause: boolean;
  /** tasks.task.update { DEADLINE } */
  changeDeadline: boolean;
  /** tasks.task.update of any field, RESPONSIBLE_ID among them */
  edit: boolean;
  /** Hand the task to someone else (the responsible may, without `edit`) */
  delegate: boolean;
}

export type TaskRight = keyof TaskRights;

export const NO_RIGHTS: TaskRights = {
  complete: false,
  renew: false,
  start: false,
  pause: false,
  changeDeadline: false,
  edit: false,
  delegate: false,
};

/** A task's `action` object (camelCase, from tasks.task.get and the action answers) → rights; null when absent. */
export function decodeTaskAction(action: RestTaskAction | undefined | null): TaskRights | null {
  if (!action || typeof action !== 'object' || Array.isArray(action)) return null;
  return {
    complete: action.complete === true,
    renew: action.renew === true,
    start: action.start === true,
    pause: action.pause === true,
    changeDeadline: action.changeDeadline === true,
    edit: action.edit === true,
    delegate: action.delegate === true,
  };
}

/**
 * tasks.task.getaccess's answer → the current user's rights. The answer is keyed by user id
 * (UPPER_CASE flags); `[]` means the user has no access to the task at all: no rights.
 */
export function decodeTaskAccess(result: RestTaskAccess | null | undefined, currentUserId: number): TaskRights {
  const byUser = result?.allowedActions;
  if (!byUser || Array.isArray(byUser)) return NO_RIGHTS;
  const flags = byUser[String(currentUserId)] ?? (Object.keys(byUser).length === 1 ? Object.values(byUser)[0] : null);
  if (!flags) return NO_RIGHTS;
  return {
    complete: flags.COMPLETE === true,
    renew: flags.RENEW === true,
    start: flags.START === true,
    pause: flags.PAUSE === true,
    changeDeadline: flags.CHANGE_DEADLINE === true,
    edit: flags.EDIT === true,
    delegate: flags.DELEGATE === true,
  };
}

/** One task's rights as cached, or why they could not be read; `basis` says which task state they belong to. */
export type TaskRightsEntry = { basis: string; rights: TaskRights } | { basis: string; error: BitrixError };

/** The rights of an item's linked tasks, by task id. */
export type LinkedTaskRights = ReadonlyMap<number, TaskRightsEntry>;

export const taskRightsKeys = {
  linked: (entityTypeId: number, itemId: number) => [...taskKeys.all, 'rights', entityTypeId, itemId] as const,
  load: (entityTypeId: number, itemId: number, wanted: string) =>
    [...taskKeys.all, 'rights-load', entityTypeId, itemId, wanted] as const,
};

/** What the flags follow: a task whose status, responsible or deadline changed is asked again. */
export function rightsBasis(task: Pick<LinkedTask, 'status' | 'responsibleId' | 'deadline'>): string {
  return `${task.status}|${task.responsibleId ?? ''}|${task.deadline?.getTime() ?? ''}`;
}

export function taskAccessCommand(taskId: number): BatchCommand<'tasks.task.getaccess'> {
  return command('tasks.task.getaccess', { taskId });
}

/** Caches one task's rights (from an action's answer or a re-read), for the state `task` is in now. */
export function setTaskRights(
  queryClient: QueryClient,
  entityTypeId: number,
  itemId: number,
  task: LinkedTask,
  rights: TaskRights,
): void {
  queryClient.setQueryData<LinkedTaskRights>(taskRightsKeys.linked(entityTypeId, itemId), (current) =>
    new Map(current).set(task.id, { basis: rightsBasis(task), rights }),
  );
}

/** Drops a task's rights, so that they are read again (a "Try again", or a task that left the list). */
export function forgetTaskRights(queryClient: QueryClient, entityTypeId: number, itemId: number, taskId: number): void {
  queryClient.setQueryData<LinkedTaskRights>(taskRightsKeys.linked(entityTypeId, itemId), (current) => {
    if (!current?.has(taskId)) return current;
    const next = new Map(current);
    next.delete(taskId);
    return next;
  });
}

/** The most commands one batch may carry (the portal's limit). */
const BATCH_LIMIT = 50;

async function loadRights(
  boundary: BitrixBoundary,
  queryClient: QueryClient,
  entityTypeId: number,
  itemId: number,
  tasks: readonly LinkedTask[],
  currentUserId: number,
): Promise<number> {
  const read = new Map<number, TaskRightsEntry>();
  // The list shows one page (≤ 50 tasks): one batch; more pages would take one batch each.
  for (let start = 0; start < tasks.length; start += BATCH_LIMIT) {
    const chunk = tasks.slice(start, start + BATCH_LIMIT);
    const answers = await boundary.batch(
      Object.fromEntries(chunk.map((task) => [`t${task.id}`, taskAccessCommand(task.id)])),
    );
    for (const task of chunk) {
      const answer = answers[`t${task.id}`];
      const basis = rightsBasis(task);
      if (!answer) continue;
      read.set(
        task.id,
        answer.ok ? { basis, rights: decodeTaskAccess(answer.result, currentUserId) } : { basis, error: answer.error },
      );
    }
  }
  queryClient.setQueryData<LinkedTaskRights>(taskRightsKeys.linked(entityTypeId, itemId), (current) => {
    const next = new Map(current);
    for (const [id, entry] of read) next.set(id, entry);
    return next;
  });
  return read.size;
}

/** What a row needs to know about the user's rights on its task. */
export type RightsState =
  | { state: 'loading' }
  | { state: 'ready'; rights: TaskRights }
  | { state: 'failed'; error: unknown; retry: () => void; retrying: boolean };

/** The rights of an item's visible linked tasks, per row, and the trigger that reads them. */
export interface LinkedTaskRightsView {
  rightsOf(taskId: number): RightsState;
  /**
   * The user shows the intent to act (pointer or focus on a menu button, a menu opening): reads
   * the rights of every visible task not known for its present state, in one batch. Idempotent.
   */
  request(): void;
}

/**
 * The current user's rights on the visible linked tasks, read on the user's intent (see the
 * file's comment): `rightsOf(taskId)` says loading / ready / failed (with a retry) for one row.
 */
export function useLinkedTaskRights(
  entityTypeId: number,
  itemId: number,
  tasks: readonly LinkedTask[] | undefined,
  currentUserId: number,
): LinkedTaskRightsView {
  const boundary = useBitrix();
  const queryClient = useQueryClient();
  // Armed by an intent, disarmed once a read succeeded: a later change waits for the next intent.
  const [armed, setArmed] = useState(false);
  const known = useQuery<LinkedTaskRights>({
    queryKey: taskRightsKeys.linked(entityTypeId, itemId),
    // Written only by the reads below and by the actions' answers.
    queryFn: skipToken,
    staleTime: Infinity,
  }).data;
  const wanted = (tasks ?? []).filter((task) => known?.get(task.id)?.basis !== rightsBasis(task));
  const wantedKey = wanted.map((task) => `${task.id}:${rightsBasis(task)}`).join(',');
  const load = useQuery({
    queryKey: taskRightsKeys.load(entityTypeId, itemId, wantedKey),
    queryFn:
      armed && wanted.length > 0
        ? async () => {
            const read = await loadRights(boundary, queryClient, entityTypeId, itemId, wanted, currentUserId);
            setArmed(false);
            return read;
          }
        : skipToken,
    staleTime: Infinity,
    gcTime: 0,
  });
  // Armed only when something is wanted: an intent with every right known must not leave the
  // load armed for a task that comes later (a new one is read at the next intent, never on its own).
  const wantedCount = useRef(0);
  wantedCount.current = wanted.length;
  const request = useCallback(() => {
    if (wantedCount.current > 0) setArmed(true);
  }, []);
  return {
    request,
    rightsOf: (taskId) => {
      const entry = known?.get(taskId);
      const task = tasks?.find((candidate) => candidate.id === taskId);
      if (entry && task && entry.basis === rightsBasis(task)) {
        if ('rights' in entry) return { state: 'ready', rights: entry.rights };
        return {
          state: 'failed',
          error: entry.error,
          retrying: false,
          retry: () => {
            forgetTaskRights(queryClient, entityTypeId, itemId, taskId);
            setArmed(true);
          },
        };
      }
      if (load.isError)
        return { state: 'failed', error: load.error, retrying: load.isFetching, retry: () => void load.refetch() };
      return { state: 'loading' };
    },
  };
}

/** Puts one task, as it is now, into exactly the item's linked-task list (keeping the list's order). */
export function replaceLinkedTask(
  queryClient: QueryClient,
  entityTypeId: number,
  itemId: number,
  task: LinkedTask,
): void {
  queryClient.setQueryData<LinkedTasks>(taskKeys.linked(entityTypeId, itemId), (current) =>
    current && current.tasks.some((existing) => existing.id === task.id)
      ? { ...current, tasks: withTask(current.tasks, task) }
      : current,
  );
}

/** Takes a task that is gone (deleted, or no longer visible to the user) off the item's list. */
export function removeLinkedTask(queryClient: QueryClient, entityTypeId: number, itemId: number, taskId: number): void {
  queryClient.setQueryData<LinkedTasks>(taskKeys.linked(entityTypeId, itemId), (current) =>
    current && current.tasks.some((existing) => existing.id === taskId)
      ? {
          tasks: current.tasks.filter((existing) => existing.id !== taskId),
          total: Math.max(0, current.total - 1),
        }
      : current,
  );
  forgetTaskRights(queryClient, entityTypeId, itemId, taskId);
}

/** The task as the item's list holds it now. */
export function cachedLinkedTask(
  queryClient: QueryClient,
  entityTypeId: number,
  itemId: number,
  taskId: number,
): LinkedTask | undefined {
  return queryClient
    .getQueryData<LinkedTasks>(taskKeys.linked(entityTypeId, itemId))
    ?.tasks.find((task) => task.id === taskId);
}

/** The rights cached for a task, whatever state they were read for. */
export function cachedTaskRights(
  queryClient: QueryClient,
  entityTypeId: number,
  itemId: number,
  taskId: number,
): TaskRights | null {
  const entry = queryClient.getQueryData<LinkedTaskRights>(taskRightsKeys.linked(entityTypeId, itemId))?.get(taskId);
  return entry && 'rights' in entry ? entry.rights : null;
}
