/**
 * tasks.task.add / get / list / update / complete / delete (scope task). Error codes of this
 * module are strings ("0", "100", "1048582") or ERROR_CORE; a task that does not exist or is not
 * visible to the caller comes back from tasks.task.get as `{"result": []}`.
 */
import { createHash } from 'node:crypto';
import { formatPortalDateTime, parsePortalDate } from '../../portal-time';
import type { StoredTask } from '../../state/state-types';
import { compileFilter, compileOrder, paginate } from '../filter';
import type { FieldKind, FieldResolver } from '../filter';
import type { MethodContext, MethodDefinition } from '../method-types';
import { ok } from '../method-types';
import { asInt, asList, asString, isRecord, param } from '../params';
import type { Params } from '../params';
import { RestError } from '../rest-error';
import { applyTaskFields, taskCoreError } from '../tasks/task-input';
import { canSeeTask, subStatus, taskToRest } from '../tasks/task-output';
import { accessKey, canEdit, noActions, TASK_ACTION_KEYS, taskActions, taskRole } from '../tasks/task-rights';

const notAllowed = (suffix = ' (internal error)') =>
  new RestError('0', `Action on the task is not allowed${suffix}`, 400);
const missingFields = () => new RestError('100', 'Could not find value for parameter {fields} (internal error)', 400);

function taskIdParam(params: Params): number {
  const raw = param(params, 'taskId');
  if (raw === undefined || raw === null || raw === '') {
    throw new RestError(
      '100',
      'CTaskItem All parameters in the constructor must have real class type (internal error)',
      400,
    );
  }
  const id = asInt(raw);
  if (id === null || id <= 0) throw new RestError('0', 'wrong task id', 400);
  return id;
}

function selectParam(params: Params): string[] {
  const select = param(params, 'select');
  if (select === undefined || select === null) return [];
  if (typeof select === 'string' && select !== '') {
    throw new RestError(
      '100',
      `Invalid value ${JSON.stringify(select)} to match with parameter {select}. Should be value of type array. (internal error)`,
      400,
    );
  }
  return asList(select).map((entry) => asString(entry));
}

function fieldsParam(params: Params): Record<string, unknown> {
  const fields = param(params, 'fields');
  if (!isRecord(fields) || Object.keys(fields).length === 0) throw missingFields();
  return fields;
}

function guid(id: number): string {
  const hex = createHash('md5').update(`task-${id}-${Date.now()}`).digest('hex');
  return `{${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}}`;
}

function markChanged(task: StoredTask, before: StoredTask, context: MethodContext): void {
  const now = formatPortalDateTime(context.now);
  task.changedBy = context.auth.userId;
  task.changedDate = now;
  task.activityDate = now;
  if (task.status !== before.status) {
    task.statusChangedBy = context.auth.userId;
    task.statusChangedDate = now;
    if (task.status === 5) {
      task.closedBy = context.auth.userId;
      task.closedDate = now;
    } else {
      task.closedBy = null;
      task.closedDate = null;
    }
    if (task.status === 3 && !task.dateStart) task.dateStart = now;
  }
}

// --- tasks.task.list ---------------------------------------------------------------------------

const TASK_FIELDS: Record<string, [FieldKind, (task: StoredTask) => unknown]> = {
  ID: ['int', (task) => task.id],
  PARENT_ID: ['int', (task) => task.parentId],
  GROUP_ID: ['int', (task) => task.groupId],
  CREATED_BY: ['int', (task) => task.createdBy],
  RESPONSIBLE_ID: ['int', (task) => task.responsibleId],
  CHANGED_BY: ['int', (task) => task.changedBy],
  STATUS_CHANGED_BY: ['int', (task) => task.statusChangedBy],
  CLOSED_BY: ['int', (task) => task.closedBy],
  PRIORITY: ['int', (task) => task.priority],
  STATUS: ['int', (task) => task.status],
  REAL_STATUS: ['int', (task) => task.status],
  TITLE: ['string', (task) => task.title],
  // Not in tasks-task-list.md's filter list; task.items.getlist's (the same task filter) has it.
  XML_ID: ['string', (task) => task.xmlId ?? null],
  ALLOW_CHANGE_DEADLINE: ['bool', (task) => task.allowChangeDeadline ?? 'N'],
  DESCRIPTION: ['string', (task) => task.description],
  TAG: ['string', (task) => task.tags],
  MARK: ['string', (task) => task.mark],
  SITE_ID: ['string', () => 's1'],
  ADD_IN_REPORT: ['bool', () => 'N'],
  DATE_START: ['date', (task) => task.dateStart],
  DEADLINE: ['date', (task) => task.deadline],
  CREATED_DATE: ['date', (task) => task.createdDate],
  CLOSED_DATE: ['date', (task) => task.closedDate],
  CHANGED_DATE: ['date', (task) => task.changedDate],
  ACTIVITY_DATE: ['date', (task) => task.activityDate],
  START_DATE_PLAN: ['date', (task) => task.startDatePlan],
  END_DATE_PLAN: ['date', (task) => task.endDatePlan],
  ACCOMPLICE: ['int', (task) => task.accomplices],
  AUDITOR: ['int', (task) => task.auditors],
  MEMBER: ['int', (task) => [task.createdBy, task.responsibleId, ...task.accomplices, ...task.auditors]],
  UF_CRM_TASK: ['string', (task) => task.crmLinks],
  TIME_ESTIMATE: ['int', (task) => task.timeEstimate],
  FAVORITE: ['bool', () => 'N'],
  STAGE_ID: ['int', () => 0],
};

const resolveTaskField: FieldResolver<StoredTask> = (name) => {
  const entry = TASK_FIELDS[name.toUpperCase()];
  return entry ? { kind: entry[0], get: entry[1] } : undefined;
};

const ORDER_KEYS = new Set([
  'ID',
  'TITLE',
  'TIME_SPENT_IN_LOGS',
  'DATE_START',
  'CREATED_DATE',
  'CHANGED_DATE',
  'CLOSED_DATE',
  'ACTIVITY_DATE',
  'START_DATE_PLAN',
  'END_DATE_PLAN',
  'DEADLINE',
  'REAL_STATUS',
  'STATUS_COMPLETE',
  'PRIORITY',
  'MARK',
  'CREATED_BY_LAST_NAME',
  'RESPONSIBLE_LAST_NAME',
  'GROUP_ID',
  'TIME_ESTIMATE',
  'ALLOW_CHANGE_DEADLINE',
  'ALLOW_TIME_TRACKING',
  'MATCH_WORK_TIME',
  'FAVORITE',
  'SORTING',
  'IS_PINNED',
  'IS_PINNED_IN_GROUP',
  'STATUS',
]);

const DAY_MS = 86_400_000;

/**
 * STATUS meta values: -1 overdue, -2 not viewed (never, in the emulator), -3 almost overdue
 * (deadline within a day). They cannot be plain comparisons, so they are taken out first.
 */
function takeMetaStatus(filter: Record<string, unknown>, now: number): Array<(task: StoredTask) => boolean> {
  const predicates: Array<(task: StoredTask) => boolean> = [];
  for (const [key, value] of Object.entries(filter)) {
    const match = /^(!?)(=?)(STATUS|REAL_STATUS)$/i.exec(key);
    if (!match || match[3]!.toUpperCase() !== 'STATUS') continue;
    const values = asList(value).map((entry) => asInt(entry));
    if (!values.some((entry) => entry !== null && entry < 0)) continue;
    delete filter[key];
    const negate = match[1] === '!';
    predicates.push((task) => {
      const hit = values.some((wanted) => {
        if (wanted === null) return false;
        if (wanted >= 0) return task.status === wanted;
        if (wanted === -1) return subStatus(task, now) === -1;
        if (wanted === -3) {
          const deadline = task.deadline ? parsePortalDate(task.deadline) : null;
          return (
            deadline !== null && deadline >= now && deadline - now < DAY_MS && task.status !== 5 && task.status !== 4
          );
        }
        return false;
      });
      return negate ? !hit : hit;
    });
  }
  return predicates;
}

function listTasks(params: Params, context: MethodContext) {
  const rawFilter = param(params, 'filter');
  const filter: Record<string, unknown> = isRecord(rawFilter) ? { ...rawFilter } : {};
  for (const key of Object.keys(filter)) if (key.startsWith('::')) delete filter[key];
  const onlyRoot = asString(param(filter, 'ONLY_ROOT_TASKS')).toUpperCase() === 'Y';
  for (const key of Object.keys(filter)) if (key.toUpperCase() === 'ONLY_ROOT_TASKS') delete filter[key];
  const metaStatus = takeMetaStatus(filter, context.now);
  const predicate = compileFilter(filter, resolveTaskField, {
    onUnknownField: () => undefined,
    plainStringMode: (name) => (name.toUpperCase() === 'TITLE' ? 'like' : 'exact'),
  });

  const order = param(params, 'order');
  let comparator: ((a: StoredTask, b: StoredTask) => number) | null = null;
  if (isRecord(order) && Object.keys(order).length > 0) {
    const normalized: Record<string, string> = {};
    for (const [key, direction] of Object.entries(order)) {
      if (!ORDER_KEYS.has(key.toUpperCase())) throw new RestError('0', 'Invalid sorting key (internal error)', 400);
      normalized[key.toUpperCase() === 'STATUS_COMPLETE' ? 'STATUS' : key] =
        asString(direction).toUpperCase() === 'DESC' ? 'DESC' : 'ASC';
    }
    comparator = compileOrder(normalized, resolveTaskField, {
      onUnknownField: () => undefined,
      onBadDirection: () => undefined,
    });
  }
  const rows = context.store.state.tasks
    .filter(
      (task) =>
        canSeeTask(task, context) &&
        predicate(task) &&
        metaStatus.every((test) => test(task)) &&
        (!onlyRoot || task.parentId === null),
    )
    .sort(comparator ?? ((a, b) => b.id - a.id));
  const page = paginate(rows, param(params, 'start'));
  const select = selectParam(params);
  const extras = listExtras(param(params, 'params'));
  return ok(
    { tasks: page.rows.map((task) => ({ ...taskToRest(task, context, 'list', select), ...extras(task) })) },
    page,
  );
}

/**
 * `params` of tasks.task.list: WITH_RESULT_INFO, WITH_TIMER_INFO, WITH_PARSED_DESCRIPTION add
 * the keys the docs' example shows. Task results and time tracking are not modelled, so they say
 * "no result required, none written, no timer".
 */
function listExtras(raw: unknown): (task: StoredTask) => Record<string, unknown> {
  const flags = isRecord(raw) ? raw : {};
  const on = (name: string): boolean => {
    const value = param(flags, name);
    return value === true || value === 1 || value === '1' || value === 'Y' || value === 'true';
  };
  const withResult = on('WITH_RESULT_INFO');
  const withTimer = on('WITH_TIMER_INFO');
  const withDescription = on('WITH_PARSED_DESCRIPTION');
  return (task) => ({
    ...(withResult ? { taskRequireResult: 'N', taskHasOpenResult: 'N', taskHasResult: 'N' } : {}),
    ...(withTimer ? { timeElapsed: null, timerIsRunningForCurrentUser: 'N' } : {}),
    // The docs' example shows the description as written, BB code and all.
    ...(withDescription ? { parsedDescription: task.description } : {}),
  });
}

// --- rights and status changes ------------------------------------------------------------------

/** The error code pause/renew/defer/approve document for a refused action (complete/start: "0"). */
const NOT_ALLOWED_CODE = '1048582';

/**
 * May the caller write `draft` over `task` (tasks.task.update)? Only what changed counts, as the
 * portal checks changed fields: a new DEADLINE needs `changeDeadline`, a new RESPONSIBLE_ID needs
 * `edit` or `delegate`, anything else needs `edit` (docs: edit access or the creator).
 */
function mayWrite(task: StoredTask, draft: StoredTask, context: MethodContext): boolean {
  const actions = taskActions(task, context.auth.user);
  const changed = (Object.keys(draft) as Array<keyof StoredTask>).filter(
    (key) => JSON.stringify(draft[key] ?? null) !== JSON.stringify(task[key] ?? null),
  );
  return changed.every((key) => {
    if (key === 'deadline') return actions.changeDeadline;
    if (key === 'responsibleId') return actions.edit || actions.delegate;
    return actions.edit;
  });
}

/**
 * tasks.task.complete/start/pause/defer/renew/approve/disapprove: the caller's `action` flag for it
 * must be on (it encodes both the caller's part and the status the action starts from, see
 * task-rights.ts); a task that does not exist or is not visible is refused the same way
 * (docs: "Action on the task is not allowed" for all three cases).
 */
function changeStatus(
  params: Params,
  context: MethodContext,
  action: 'complete' | 'start' | 'pause' | 'defer' | 'renew' | 'approve' | 'disapprove',
  errorCode: string,
  next: (task: StoredTask, role: ReturnType<typeof taskRole>) => StoredTask['status'],
) {
  const task = visibleTask(params, context);
  if (!task || !taskActions(task, context.auth.user)[action])
    throw new RestError(errorCode, 'Action on the task is not allowed', 400);
  const before = structuredClone(task);
  task.status = next(task, taskRole(task, context.auth.user));
  markChanged(task, before, context);
  context.store.changed();
  return ok({ task: taskToRest(task, context, 'add', []) });
}

/**
 * tasks.task.getaccess: `allowedActions` per user id (the caller by default) with the action keys
 * in upper case; `[]` when the caller cannot see the task; all false for a user that does not exist.
 */
function getAccess(params: Params, context: MethodContext) {
  const taskId = taskIdParam(params);
  const rawUsers = param(params, 'users');
  if (rawUsers !== undefined && rawUsers !== null && !Array.isArray(rawUsers) && !isRecord(rawUsers)) {
    throw new RestError(
      '100',
      `Invalid value ${JSON.stringify(rawUsers)} to match with parameter {users}. Should be value of type array.`,
      400,
    );
  }
  const task = context.store.task(taskId);
  if (!task || !canSeeTask(task, context)) return ok({ allowedActions: [] });
  const ids = rawUsers === undefined || rawUsers === null ? [context.auth.userId] : asList(rawUsers).map(asInt);
  const allowedActions: Record<string, Record<string, boolean>> = {};
  for (const id of ids) {
    if (id === null) continue;
    const user = context.store.user(id);
    const actions = user ? taskActions(task, user) : noActions();
    allowedActions[String(id)] = Object.fromEntries(TASK_ACTION_KEYS.map((key) => [accessKey(key), actions[key]]));
  }
  return ok({ allowedActions });
}

// --- the methods --------------------------------------------------------------------------------

function visibleTask(params: Params, context: MethodContext): StoredTask | undefined {
  const task = context.store.task(taskIdParam(params));
  return task && canSeeTask(task, context) ? task : undefined;
}

export const taskMethods: MethodDefinition[] = [
  {
    name: 'tasks.task.add',
    scope: 'task',
    handler: (params, context) => {
      const fields = fieldsParam(params);
      const now = formatPortalDateTime(context.now);
      const draft: StoredTask = {
        id: 0,
        title: '',
        description: '',
        priority: 1,
        status: 2,
        createdBy: context.auth.userId,
        responsibleId: 0,
        accomplices: [],
        auditors: [],
        createdDate: now,
        changedDate: now,
        closedDate: null,
        deadline: null,
        startDatePlan: null,
        endDatePlan: null,
        tags: [],
        crmLinks: [],
        groupId: 0,
        parentId: null,
        changedBy: context.auth.userId,
        statusChangedBy: null,
        statusChangedDate: now,
        closedBy: null,
        activityDate: now,
        dateStart: null,
        guid: '',
        mark: null,
        timeEstimate: 0,
        xmlId: null,
      };
      applyTaskFields(draft, fields, context, true);
      draft.id = context.store.nextTaskId();
      draft.guid = guid(draft.id);
      if (draft.status === 5) {
        draft.closedBy = context.auth.userId;
        draft.closedDate = now;
      }
      for (const tag of draft.tags) context.store.tagId(tag);
      context.store.state.tasks.push(draft);
      context.store.changed();
      return ok({ task: taskToRest(draft, context, 'add', []) });
    },
  },
  {
    name: 'tasks.task.get',
    scope: 'task',
    handler: (params, context) => {
      const select = selectParam(params);
      const task = visibleTask(params, context);
      if (!task) return ok([]);
      return ok({ task: taskToRest(task, context, 'get', select) });
    },
  },
  {
    name: 'tasks.task.list',
    scope: 'task',
    handler: (params, context) => listTasks(params, context),
  },
  {
    name: 'tasks.task.update',
    scope: 'task',
    handler: (params, context) => {
      const task = visibleTask(params, context);
      if (!task) throw notAllowed();
      const fields = fieldsParam(params);
      const draft: StoredTask = structuredClone(task);
      applyTaskFields(draft, fields, context, false);
      if (!mayWrite(task, draft, context)) throw notAllowed();
      markChanged(draft, task, context);
      for (const tag of draft.tags) context.store.tagId(tag);
      Object.assign(task, draft);
      context.store.changed();
      return ok({ task: taskToRest(task, context, 'add', []) });
    },
  },
  {
    name: 'tasks.task.complete',
    scope: 'task',
    handler: (params, context) =>
      changeStatus(params, context, 'complete', '0', (task, role) =>
        // With task control on, a performer's completion waits for the creator (status 4).
        task.taskControl === 'Y' && !canEdit(role) ? 4 : 5,
      ),
  },
  {
    name: 'tasks.task.start',
    scope: 'task',
    handler: (params, context) => changeStatus(params, context, 'start', '0', () => 3),
  },
  {
    name: 'tasks.task.pause',
    scope: 'task',
    handler: (params, context) => changeStatus(params, context, 'pause', NOT_ALLOWED_CODE, () => 2),
  },
  {
    name: 'tasks.task.defer',
    scope: 'task',
    handler: (params, context) => changeStatus(params, context, 'defer', NOT_ALLOWED_CODE, () => 6),
  },
  {
    name: 'tasks.task.renew',
    scope: 'task',
    handler: (params, context) => changeStatus(params, context, 'renew', NOT_ALLOWED_CODE, () => 2),
  },
  {
    name: 'tasks.task.approve',
    scope: 'task',
    handler: (params, context) => changeStatus(params, context, 'approve', NOT_ALLOWED_CODE, () => 5),
  },
  {
    name: 'tasks.task.disapprove',
    scope: 'task',
    handler: (params, context) => changeStatus(params, context, 'disapprove', NOT_ALLOWED_CODE, () => 2),
  },
  {
    name: 'tasks.task.delegate',
    scope: 'task',
    handler: (params, context) => {
      const task = visibleTask(params, context);
      const rawUser = param(params, 'userId');
      if (rawUser === undefined || rawUser === null || rawUser === '')
        throw new RestError('100', 'Could not find value for parameter {userId}', 400);
      if (!task || !taskActions(task, context.auth.user).delegate)
        throw new RestError('0', 'Action on the task is not allowed', 400);
      const userId = asInt(rawUser);
      if (userId === null || userId <= 0 || !context.store.user(userId))
        throw taskCoreError(['User specified in the "Responsible" field not found']);
      const before = structuredClone(task);
      task.responsibleId = userId;
      // As Bitrix24 delegates: the one who hands the task on keeps watching it.
      const caller = context.auth.userId;
      if (caller !== userId && caller !== task.createdBy && !task.auditors.includes(caller)) task.auditors.push(caller);
      markChanged(task, before, context);
      context.store.changed();
      return ok({ task: taskToRest(task, context, 'add', []) });
    },
  },
  {
    name: 'tasks.task.getaccess',
    scope: 'task',
    handler: (params, context) => getAccess(params, context),
  },
  {
    name: 'tasks.task.delete',
    scope: 'task',
    handler: (params, context) => {
      const id = taskIdParam(params);
      const task = context.store.task(id);
      if (!task || !taskActions(task, context.auth.user).remove)
        throw new RestError(NOT_ALLOWED_CODE, 'No access to delete the task', 400);
      context.store.state.tasks = context.store.state.tasks.filter((candidate) => candidate.id !== id);
      // The task's checklist goes with it.
      if (context.store.state.checklistItems)
        context.store.state.checklistItems = context.store.state.checklistItems.filter((item) => item.taskId !== id);
      context.store.changed();
      return ok({ task: true });
    },
  },
];
