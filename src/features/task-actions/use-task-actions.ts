import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { useBitrix } from '../../bitrix';
import type { LinkedTask } from '../../domain/tasks';
import {
  cachedLinkedTask,
  cachedTaskRights,
  removeLinkedTask,
  replaceLinkedTask,
  setTaskRights,
} from '../../queries/task-actions';
import { taskKeys } from '../../queries/tasks';
import { primeUsers } from '../../queries/users';
import { runTaskAction, type TaskActionOutcome } from './run-task-action';
import { optimisticTask, type TaskAction, type TaskActionKind } from './task-action';

/** What the row says after an action that did not simply work. */
export interface TaskActionNote {
  /** The task's title when the action was taken (a task that is gone has no row to show it). */
  title: string;
  action: TaskAction;
  outcome: Exclude<TaskActionOutcome, { kind: 'done' }>;
}

export interface TaskActions {
  /**
   * Runs an action on a task: the row shows it at once; ONE request; on refusal the row goes
   * back (or to what a re-read found) with a note. A second call for a task whose action is
   * still under way does nothing and returns false (double clicks send once).
   */
  run(task: LinkedTask, action: TaskAction): boolean;
  /** Tasks with an action under way, and which. */
  pending: ReadonlyMap<number, TaskActionKind>;
  /** The last action's note per task, until dismissed or the next action on it. */
  notes: ReadonlyMap<number, TaskActionNote>;
  dismiss(taskId: number): void;
}

/** Same state as far as the row shows it (structural sharing copies objects, so no identity checks). */
function sameState(a: LinkedTask | undefined, b: LinkedTask): boolean {
  return (
    a !== undefined &&
    a.status === b.status &&
    a.responsibleId === b.responsibleId &&
    (a.deadline?.getTime() ?? null) === (b.deadline?.getTime() ?? null)
  );
}

function withEntry<K, V>(map: ReadonlyMap<K, V>, key: K, value: V): ReadonlyMap<K, V> {
  return new Map(map).set(key, value);
}

function without<K, V>(map: ReadonlyMap<K, V>, key: K): ReadonlyMap<K, V> {
  if (!map.has(key)) return map;
  const next = new Map(map);
  next.delete(key);
  return next;
}

/**
 * Actions on the linked tasks of one item, with optimistic updates of exactly that item's
 * linked-task list (`taskKeys.linked`) and its rights, and rollback on refusal.
 */
export function useTaskActions(entityTypeId: number, itemId: number): TaskActions {
  const boundary = useBitrix();
  const queryClient = useQueryClient();
  // A ref, not state: the second click of a double click comes before React re-renders.
  const inFlight = useRef(new Set<number>());
  const [pending, setPending] = useState<ReadonlyMap<number, TaskActionKind>>(new Map());
  const [notes, setNotes] = useState<ReadonlyMap<number, TaskActionNote>>(new Map());

  const perform = useCallback(
    async (shown: LinkedTask, action: TaskAction) => {
      const key = taskKeys.linked(entityTypeId, itemId);
      // A list read under way would overwrite the optimistic row with the state before.
      await queryClient.cancelQueries({ queryKey: key });
      const before = cachedLinkedTask(queryClient, entityTypeId, itemId, shown.id) ?? shown;
      const rightsBefore = cachedTaskRights(queryClient, entityTypeId, itemId, shown.id);
      const optimistic = optimisticTask(before, action, new Date(boundary.portalNow()));
      replaceLinkedTask(queryClient, entityTypeId, itemId, optimistic);
      // The rights follow the task's state; kept as they were while the action is under way, so
      // that the optimistic state does not send a read of its own.
      if (rightsBefore) setTaskRights(queryClient, entityTypeId, itemId, optimistic, rightsBefore);
      if (action.kind === 'responsible') primeUsers(queryClient, [action.responsible]);

      const outcome = await runTaskAction(boundary, before, action);
      const show = (task: LinkedTask, rights: ReturnType<typeof cachedTaskRights>) => {
        replaceLinkedTask(queryClient, entityTypeId, itemId, task);
        if (rights) setTaskRights(queryClient, entityTypeId, itemId, task, rights);
        else if (rightsBefore && sameState(task, before))
          setTaskRights(queryClient, entityTypeId, itemId, task, rightsBefore);
      };
      switch (outcome.kind) {
        case 'done':
          show(outcome.task, outcome.rights);
          return;
        case 'uncertain':
          show(outcome.task, outcome.rights);
          break;
        case 'refused':
          if (outcome.reason === 'gone') removeLinkedTask(queryClient, entityTypeId, itemId, before.id);
          else if (outcome.current) show(outcome.current.task, outcome.current.rights);
          // Back to the state before, unless the list was read again meanwhile (then it is newer).
          else if (sameState(cachedLinkedTask(queryClient, entityTypeId, itemId, before.id), optimistic))
            show(before, rightsBefore);
          break;
        case 'unknown':
          if (sameState(cachedLinkedTask(queryClient, entityTypeId, itemId, before.id), optimistic))
            show(before, rightsBefore);
          break;
      }
      setNotes((current) => withEntry(current, before.id, { title: before.title, action, outcome }));
    },
    [boundary, queryClient, entityTypeId, itemId],
  );

  const run = useCallback(
    (task: LinkedTask, action: TaskAction) => {
      if (inFlight.current.has(task.id)) return false;
      inFlight.current.add(task.id);
      setPending((current) => withEntry(current, task.id, action.kind));
      setNotes((current) => without(current, task.id));
      void perform(task, action).finally(() => {
        inFlight.current.delete(task.id);
        setPending((current) => without(current, task.id));
      });
      return true;
    },
    [perform],
  );

  const dismiss = useCallback((taskId: number) => setNotes((current) => without(current, taskId)), []);

  return { run, pending, notes, dismiss };
}
