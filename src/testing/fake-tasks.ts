/** Task methods of a fake portal: tasks.task.add/get/list over an in-memory list, for tests. */
import type { RestTask, RestTaskAddFields } from '../bitrix/rest-types';
import { BitrixError } from '../bitrix/errors';
import type { FakeHandlers } from './fake-boundary';

export interface FakeTaskStore {
  /** As the portal keeps them; `auditors` = AUDITORS written by tasks.task.add (tasks.task.list does not send them). */
  tasks: Array<RestTask & { ufCrmTask: string[]; auditors?: string[] }>;
  /** Smart-process short codes whose links the portal keeps (others are dropped silently). */
  linkableCodes: Set<string>;
  currentUserId: number;
  /** The portal's clock for created dates (ms since epoch): pass `() => fake.portalNow()` to skew it. */
  now: () => number;
  /** Checklist lines per task id (task.checklistitem.add), in the order added. */
  checklists: Map<string, Array<{ id: string; title: string; sortIndex: number }>>;
}

export function fakeTaskStore(overrides: Partial<FakeTaskStore> = {}): FakeTaskStore {
  return {
    tasks: [],
    linkableCodes: new Set(['Tb1']),
    currentUserId: 1,
    now: () => Date.now(),
    checklists: new Map(),
    ...overrides,
  };
}

export function fakeTaskHandlers(store: FakeTaskStore): FakeHandlers {
  // Ids only grow, as the portal's do (a deleted task's id is never given again).
  let lastId = 1000 + store.tasks.length;
  return {
    'tasks.task.add': ({ fields }: { fields: RestTaskAddFields }) => {
      if (!fields.TITLE?.trim())
        throw new BitrixError({
          kind: 'validation',
          code: 'ERROR_CORE',
          status: 400,
          portalDescription: 'Task title is not specified',
        });
      const id = String(++lastId);
      const links = (fields.UF_CRM_TASK ?? []).filter((code) => store.linkableCodes.has(code.split('_')[0]!));
      const task = {
        id,
        title: fields.TITLE,
        description: fields.DESCRIPTION ?? '',
        status: '2',
        responsibleId: String(fields.RESPONSIBLE_ID),
        createdBy: String(store.currentUserId),
        createdDate: new Date(store.now()).toISOString(),
        deadline: fields.DEADLINE ?? null,
        closedDate: null,
        ufCrmTask: links,
        priority: String(fields.PRIORITY ?? 1),
        xmlId: fields.XML_ID ?? null,
        accomplices: (fields.ACCOMPLICES ?? []).map(String),
        auditors: (fields.AUDITORS ?? []).map(String),
      };
      store.tasks.push(task);
      const { ufCrmTask: _dropped, ...withoutLinks } = task;
      return { task: withoutLinks };
    },
    'tasks.task.get': ({ taskId }: { taskId: number | string }) => {
      const task = store.tasks.find((entry) => entry.id === String(taskId));
      return task ? { task: { ...task, ufCrmTask: task.ufCrmTask.length > 0 ? task.ufCrmTask : false } } : [];
    },
    'tasks.task.delete': ({ taskId }: { taskId: number | string }) => {
      const index = store.tasks.findIndex((entry) => entry.id === String(taskId));
      if (index < 0)
        throw new BitrixError({
          kind: 'validation',
          code: '0',
          status: 400,
          portalDescription: 'Action on the task is not allowed',
        });
      store.tasks.splice(index, 1);
      return { task: true };
    },
    'task.checklistitem.add': ({ TASKID, FIELDS }) => {
      const task = store.tasks.find((entry) => entry.id === String(TASKID));
      if (!task)
        throw new BitrixError({
          kind: 'validation',
          code: 'ERROR_CORE',
          status: 400,
          portalDescription: 'Task not found',
        });
      const lines = store.checklists.get(task.id) ?? [];
      const id = String(5000 + [...store.checklists.values()].flat().length + 1);
      lines.push({ id, title: FIELDS.TITLE, sortIndex: FIELDS.SORT_INDEX ?? 0 });
      store.checklists.set(task.id, lines);
      return id;
    },
    'tasks.task.list': ({
      filter = {},
      order = {},
    }: {
      filter?: Record<string, unknown>;
      order?: Record<string, string>;
    }) => {
      const tasks = store.tasks.filter((task) => {
        if (filter.UF_CRM_TASK !== undefined && !task.ufCrmTask.includes(String(filter.UF_CRM_TASK))) return false;
        if (filter.CREATED_BY !== undefined && task.createdBy !== String(filter.CREATED_BY)) return false;
        if (filter.TITLE !== undefined && task.title !== String(filter.TITLE)) return false;
        // A list means "any of them", as the portal's filters read arrays.
        if (
          filter.XML_ID !== undefined &&
          ![filter.XML_ID]
            .flat()
            .map(String)
            .includes(task.xmlId ?? '')
        )
          return false;
        // As the portal reads it: an instant with its offset, compared with the portal's created date.
        if (
          filter['>=CREATED_DATE'] !== undefined &&
          Date.parse(task.createdDate ?? '') < Date.parse(String(filter['>=CREATED_DATE']))
        )
          return false;
        return true;
      });
      const ordered = order.ID === 'asc' ? [...tasks] : [...tasks].reverse();
      return { result: { tasks: ordered }, total: tasks.length };
    },
  };
}
