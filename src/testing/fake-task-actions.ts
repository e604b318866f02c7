/**
 * The task actions of a fake portal, over a FakeTaskStore (fake-tasks.ts): tasks.task.complete /
 * renew / start / pause / update / getaccess, and tasks.task.get with the `action` flags, as
 * the docs describe them (tasks/status/*.md, tasks-task-update.md, tasks-task-get-access.md).
 * Rights come from `rights(task)`; by default the user may do what the task's status allows.
 */
import { BitrixError } from '../bitrix/errors';
import type { RestTask, RestTaskAction } from '../bitrix/rest-types';
import type { FakeHandlers } from './fake-boundary';
import type { FakeTaskStore } from './fake-tasks';
import { fakeTaskHandlers } from './fake-tasks';

type StoredTask = FakeTaskStore['tasks'][number];

/** What the status allows, as Bitrix24 computes it for the responsible person. */
export function statusRights(task: RestTask): RestTaskAction {
  const status = task.status ?? '2';
  return {
    complete: status !== '5',
    renew: status === '5' || status === '6',
    start: status === '1' || status === '2',
    pause: status === '3',
    defer: status !== '5' && status !== '6',
    edit: true,
    changeDeadline: true,
    delegate: true,
  };
}

export interface FakeTaskActionOptions {
  /** The current user's flags on a task; default `statusRights`. */
  rights?: (task: StoredTask) => RestTaskAction;
}

const NOT_ALLOWED = () =>
  new BitrixError({
    kind: 'validation',
    code: '0',
    status: 400,
    portalDescription: 'Action on the task is not allowed',
  });

const UPPER: Record<string, string> = { changeDeadline: 'CHANGE_DEADLINE' };

export function fakeTaskActionHandlers(store: FakeTaskStore, options: FakeTaskActionOptions = {}): FakeHandlers {
  const rights = options.rights ?? statusRights;
  const find = (taskId: number | string) => store.tasks.find((entry) => entry.id === String(taskId));
  const answer = (task: StoredTask) => {
    const { ufCrmTask: _links, ...rest } = task;
    return { task: { ...rest, action: rights(task) } };
  };
  const act =
    (flag: keyof RestTaskAction, change: (task: StoredTask) => void) =>
    ({ taskId }: { taskId: number | string }) => {
      const task = find(taskId);
      if (!task || rights(task)[flag] !== true) throw NOT_ALLOWED();
      change(task);
      return answer(task);
    };
  return {
    ...fakeTaskHandlers(store),
    'tasks.task.get': ({ taskId }: { taskId: number | string }) => {
      const task = find(taskId);
      if (!task) return [];
      return { task: { ...task, ufCrmTask: task.ufCrmTask.length > 0 ? task.ufCrmTask : false, action: rights(task) } };
    },
    'tasks.task.getaccess': ({ taskId }: { taskId: number | string }) => {
      const task = find(taskId);
      if (!task) return { allowedActions: [] };
      const flags = Object.fromEntries(
        Object.entries(rights(task)).map(([name, value]) => [UPPER[name] ?? name.toUpperCase(), value === true]),
      );
      return { allowedActions: { [String(store.currentUserId)]: flags } };
    },
    'tasks.task.complete': act('complete', (task) => {
      task.status = '5';
      task.closedDate = new Date(store.now()).toISOString();
    }),
    'tasks.task.renew': act('renew', (task) => {
      task.status = '2';
      task.closedDate = null;
    }),
    'tasks.task.start': act('start', (task) => {
      task.status = '3';
    }),
    'tasks.task.pause': act('pause', (task) => {
      task.status = '2';
    }),
    'tasks.task.defer': act('defer', (task) => {
      task.status = '6';
    }),
    'tasks.task.update': ({
      taskId,
      fields,
    }: {
      taskId: number | string;
      fields: { DEADLINE?: string; RESPONSIBLE_ID?: number };
    }) => {
      const task = find(taskId);
      if (!task) throw NOT_ALLOWED();
      const flags = rights(task);
      if (fields.DEADLINE !== undefined && flags.changeDeadline !== true && flags.edit !== true) throw NOT_ALLOWED();
      if (fields.RESPONSIBLE_ID !== undefined && flags.edit !== true && flags.delegate !== true) throw NOT_ALLOWED();
      if (fields.DEADLINE !== undefined) task.deadline = fields.DEADLINE;
      if (fields.RESPONSIBLE_ID !== undefined) task.responsibleId = String(fields.RESPONSIBLE_ID);
      return answer(task);
    },
  };
}
