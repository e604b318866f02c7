/**
 * task.checklistitem.add / getlist / get / update / delete / complete / renew / isactionallowed /
 * moveafteritem (scope task; docs tasks/checklist-item/*.md).
 *
 * These are the tasks module's old-style methods: the portal hands their parameters to the
 * method BY POSITION (TASKID, then ITEMID, FIELDS…), whatever the keys are called — the docs warn
 * "pass parameters in the order of the table". The emulator does the same, so a request with the
 * keys in another order fails as on a portal. Errors are ERROR_CORE with the module's exception
 * text followed by `<br>` (the docs print the `<br>` on most entries, not on all).
 *
 * Rights (docs: "any user with access to edit the task; Creator, Performer and Participants"):
 * the task's `checklistAddItems` flag (task-rights.ts) for adding, changing, ticking, moving and
 * deleting; reading needs only access to the task.
 */
import { formatPortalDateTime } from '../../portal-time';
import type { StoredChecklistItem, StoredTask } from '../../state/state-types';
import type { MethodContext, MethodDefinition } from '../method-types';
import { ok } from '../method-types';
import { asInt, asString, asYesNo, isRecord } from '../params';
import type { Params } from '../params';
import { RestError } from '../rest-error';
import { checklistItemRow, checklistOf, defaultChecklistTitle } from '../tasks/checklist';
import { canSeeTask } from '../tasks/task-output';
import { taskActions } from '../tasks/task-rights';

const coreError = (text: string) => new RestError('ERROR_CORE', `${text}<br>`, 400);
const failed = (what: string) => coreError(`TASKS_ERROR_EXCEPTION_#8; ${what}; 8/TE/ACTION_FAILED_TO_BE_PROCESSED`);
const notFound = () =>
  coreError(
    'TASKS_ERROR_EXCEPTION_#512; Check listitem not found or not accessible; 512/TE/ITEM_NOT_FOUND_OR_NOT_ACCESSIBLE',
  );

/** The method's arguments in the order they came (the portal's positional reading). */
function positional(params: Params): unknown[] {
  return Object.values(params);
}

/** Argument `index` named `name` as an integer, with the module's WRONG_ARGUMENTS texts. */
function intArgument(args: unknown[], index: number, name: string, method: string): number {
  if (index >= args.length) {
    throw coreError(
      `TASKS_ERROR_EXCEPTION_#256; Param #${index} (${name}) expected by method ctaskchecklistitem::${method}(), but not given.; 256/TE/WRONG_ARGUMENTS`,
    );
  }
  const value = asInt(args[index]);
  if (value === null) {
    throw coreError(
      `TASKS_ERROR_EXCEPTION_#256; Param #${index} (${name}) for method ctaskchecklistitem::${method}() expected to be of type "integer", but given something else.; 256/TE/WRONG_ARGUMENTS`,
    );
  }
  return value;
}

function fieldsArgument(args: unknown[], index: number, method: string): Record<string, unknown> {
  const value = args[index];
  if (!isRecord(value) || Object.keys(value).length === 0) {
    throw coreError(
      `TASKS_ERROR_EXCEPTION_#256; Param #${index} (arFields) expected by method ctaskchecklistitem::${method}(), but not given.; 256/TE/WRONG_ARGUMENTS`,
    );
  }
  return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key.toUpperCase(), entry]));
}

function items(context: MethodContext): StoredChecklistItem[] {
  context.store.state.checklistItems ??= [];
  return context.store.state.checklistItems;
}

function visibleTask(context: MethodContext, taskId: number): StoredTask | undefined {
  const task = context.store.task(taskId);
  return task && canSeeTask(task, context) ? task : undefined;
}

function mayChange(task: StoredTask, context: MethodContext): boolean {
  return taskActions(task, context.auth.user).checklistAddItems;
}

function nextId(context: MethodContext): number {
  const sequences = context.store.state.sequences;
  // A state from an older run has items but no sequence yet: start after the highest id once.
  sequences.checklistItem ??= items(context).reduce((highest, item) => Math.max(highest, item.id), 0);
  sequences.checklistItem += 1;
  return sequences.checklistItem;
}

function nextSortIndex(context: MethodContext, taskId: number, parentId: number): number {
  const siblings = items(context).filter((item) => item.taskId === taskId && item.parentId === parentId);
  return siblings.length === 0 ? 0 : Math.max(...siblings.map((item) => item.sortIndex)) + 1;
}

/** MEMBERS `{userId: {TYPE: "A"|"U"}}`; the members join the task in the same roles (docs). */
function readMembers(value: unknown, task: StoredTask, context: MethodContext): StoredChecklistItem['members'] {
  if (!isRecord(value)) return [];
  const members: StoredChecklistItem['members'] = [];
  for (const [key, entry] of Object.entries(value)) {
    const userId = asInt(key);
    if (userId === null || !context.store.user(userId)) continue;
    const type = isRecord(entry) && asString(entry.TYPE ?? entry.type).toUpperCase() === 'U' ? 'U' : 'A';
    members.push({ userId, type });
    const list = type === 'A' ? task.accomplices : task.auditors;
    if (!list.includes(userId) && task.responsibleId !== userId) list.push(userId);
  }
  return members;
}

function touch(item: StoredChecklistItem, complete: boolean, context: MethodContext): void {
  if (item.isComplete === complete) return;
  item.isComplete = complete;
  item.toggledBy = context.auth.userId;
  item.toggledDate = formatPortalDateTime(context.now);
}

/**
 * Where an item goes (docs PARENT_ID): 0 or an id that is no item of the task → it is a new
 * checklist itself; absent → under the task's first checklist, made ("Checklist 1") if none.
 */
function parentFor(fields: Record<string, unknown>, task: StoredTask, context: MethodContext): number {
  const all = items(context).filter((item) => item.taskId === task.id);
  if (Object.prototype.hasOwnProperty.call(fields, 'PARENT_ID')) {
    const parentId = asInt(fields.PARENT_ID) ?? 0;
    return all.some((item) => item.id === parentId) ? parentId : 0;
  }
  const root = checklistOf(context.store, task.id).find((item) => item.parentId === 0);
  if (root) return root.id;
  const created: StoredChecklistItem = {
    id: nextId(context),
    taskId: task.id,
    parentId: 0,
    createdBy: context.auth.userId,
    title: defaultChecklistTitle(context.config.language, 1),
    sortIndex: 0,
    isComplete: false,
    isImportant: false,
    toggledBy: null,
    toggledDate: null,
    members: [],
  };
  items(context).push(created);
  return created.id;
}

function descendantsOf(context: MethodContext, id: number): number[] {
  const found: number[] = [];
  const walk = (parentId: number) => {
    for (const item of items(context)) {
      if (item.parentId === parentId && !found.includes(item.id)) {
        found.push(item.id);
        walk(item.id);
      }
    }
  };
  walk(id);
  return found;
}

const ORDER_KEYS = new Set([
  'ID',
  'PARENT_ID',
  'CREATED_BY',
  'TITLE',
  'SORT_INDEX',
  'IS_COMPLETE',
  'IS_IMPORTANT',
  'TOGGLED_BY',
  'TOGGLED_DATE',
]);

function orderValue(item: StoredChecklistItem, key: string): number | string {
  switch (key) {
    case 'ID':
      return item.id;
    case 'PARENT_ID':
      return item.parentId;
    case 'CREATED_BY':
      return item.createdBy;
    case 'TITLE':
      return item.title.toLowerCase();
    case 'SORT_INDEX':
      return item.sortIndex;
    case 'IS_COMPLETE':
      return item.isComplete ? 'Y' : 'N';
    case 'IS_IMPORTANT':
      return item.isImportant ? 'Y' : 'N';
    case 'TOGGLED_BY':
      return item.toggledBy ?? 0;
    default:
      return item.toggledDate ?? '';
  }
}

/** Toggles one item (complete/renew): the item is found by ITEMID alone, as the docs say. */
function toggle(params: Params, context: MethodContext, method: 'complete' | 'renew') {
  const args = positional(params);
  const taskId = intArgument(args, 0, 'taskId', method);
  const itemId = intArgument(args, 1, 'itemId', method);
  if (taskId <= 0 || itemId <= 0) throw coreError('TASKS_ERROR_ASSERT_EXCEPTION');
  const item = items(context).find((candidate) => candidate.id === itemId);
  if (!item) return ok(false);
  const task = visibleTask(context, item.taskId);
  if (!task || !mayChange(task, context)) throw failed('Toggling item: action not allowed');
  touch(item, method === 'complete', context);
  context.store.changed();
  return ok(true);
}

export const taskChecklistMethods: MethodDefinition[] = [
  {
    name: 'task.checklistitem.add',
    scope: 'task',
    handler: (params, context) => {
      const args = positional(params);
      const taskId = intArgument(args, 0, 'taskId', 'add');
      const fields = fieldsArgument(args, 1, 'add');
      const task = visibleTask(context, taskId);
      if (!task || !mayChange(task, context)) throw failed('Adding item: action not allowed');
      const title = asString(fields.TITLE).trim();
      if (!title) throw failed('Item name not specified');
      const parentId = parentFor(fields, task, context);
      const sortIndex = asInt(fields.SORT_INDEX);
      const item: StoredChecklistItem = {
        id: nextId(context),
        taskId,
        parentId,
        createdBy: context.auth.userId,
        title,
        sortIndex: sortIndex ?? nextSortIndex(context, taskId, parentId),
        isComplete: false,
        isImportant: asYesNo(fields.IS_IMPORTANT) === 'Y',
        toggledBy: null,
        toggledDate: null,
        members: readMembers(fields.MEMBERS, task, context),
      };
      if (asYesNo(fields.IS_COMPLETE) === 'Y') touch(item, true, context);
      items(context).push(item);
      context.store.changed();
      return ok(item.id);
    },
  },
  {
    name: 'task.checklistitem.getlist',
    scope: 'task',
    handler: (params, context) => {
      const args = positional(params);
      const taskId = intArgument(args, 0, 'taskId', 'getlist');
      const order = args[1];
      const keys: Array<[string, 'ASC' | 'DESC']> = [];
      if (isRecord(order)) {
        for (const [key, direction] of Object.entries(order)) {
          if (!ORDER_KEYS.has(key.toUpperCase())) {
            throw coreError(
              `TASKS_ERROR_EXCEPTION_#256; Param #1 (arOrder) for method ctaskchecklistitem::getlist() must not contain key "${key}".; 256/TE/WRONG_ARGUMENTS`,
            );
          }
          keys.push([key.toUpperCase(), asString(direction).toUpperCase() === 'DESC' ? 'DESC' : 'ASC']);
        }
      }
      // docs: by default sorted by ID, descending
      if (keys.length === 0) keys.push(['ID', 'DESC']);
      const task = visibleTask(context, taskId);
      if (!task) throw failed('Action failed');
      const rows = checklistOf(context.store, taskId).sort((a, b) => {
        for (const [key, direction] of keys) {
          const left = orderValue(a, key);
          const right = orderValue(b, key);
          if (left === right) continue;
          const sign = left < right ? -1 : 1;
          return direction === 'ASC' ? sign : -sign;
        }
        return 0;
      });
      return ok(rows.map((item) => checklistItemRow(item, context)));
    },
  },
  {
    name: 'task.checklistitem.get',
    scope: 'task',
    handler: (params, context) => {
      const args = positional(params);
      const taskId = intArgument(args, 0, 'taskId', 'get');
      const itemId = intArgument(args, 1, 'itemId', 'get');
      const task = visibleTask(context, taskId);
      const item = items(context).find((candidate) => candidate.id === itemId && candidate.taskId === taskId);
      if (!task || !item) throw notFound();
      return ok(checklistItemRow(item, context));
    },
  },
  {
    name: 'task.checklistitem.update',
    scope: 'task',
    handler: (params, context) => {
      const args = positional(params);
      const taskId = intArgument(args, 0, 'taskId', 'update');
      const itemId = intArgument(args, 1, 'itemId', 'update');
      const fields = fieldsArgument(args, 2, 'update');
      const task = visibleTask(context, taskId);
      const item = items(context).find((candidate) => candidate.id === itemId && candidate.taskId === taskId);
      if (!task || !item) throw notFound();
      if (!mayChange(task, context))
        throw coreError('TASKS_ERROR_EXCEPTION_#4; No access to edit the task; 4/TE/ACTION_NOT_ALLOWED');
      if (Object.prototype.hasOwnProperty.call(fields, 'TITLE')) {
        const title = asString(fields.TITLE).trim();
        if (!title) throw failed('Item name not specified');
        item.title = title;
      }
      if (Object.prototype.hasOwnProperty.call(fields, 'PARENT_ID')) {
        const parentId = asInt(fields.PARENT_ID) ?? 0;
        const exists = items(context).some((candidate) => candidate.id === parentId && candidate.taskId === taskId);
        if (exists && (parentId === item.id || descendantsOf(context, item.id).includes(parentId)))
          throw failed('Moving item: action not allowed');
        item.parentId = exists ? parentId : 0;
      }
      const sortIndex = asInt(fields.SORT_INDEX);
      if (sortIndex !== null) item.sortIndex = sortIndex;
      const important = asYesNo(fields.IS_IMPORTANT);
      if (important) item.isImportant = important === 'Y';
      const complete = asYesNo(fields.IS_COMPLETE);
      if (complete) touch(item, complete === 'Y', context);
      // docs: MEMBERS is replaced as a whole
      if (Object.prototype.hasOwnProperty.call(fields, 'MEMBERS'))
        item.members = readMembers(fields.MEMBERS, task, context);
      context.store.changed();
      return ok(null);
    },
  },
  {
    name: 'task.checklistitem.delete',
    scope: 'task',
    handler: (params, context) => {
      const args = positional(params);
      const taskId = intArgument(args, 0, 'taskId', 'delete');
      const itemId = intArgument(args, 1, 'itemId', 'delete');
      const task = visibleTask(context, taskId);
      const item = items(context).find((candidate) => candidate.id === itemId && candidate.taskId === taskId);
      if (!task || !item || !mayChange(task, context)) throw failed('Deleting item: action not allowed');
      // An item goes with its sub-items (a checklist with its items).
      const gone = new Set([item.id, ...descendantsOf(context, item.id)]);
      context.store.state.checklistItems = items(context).filter((candidate) => !gone.has(candidate.id));
      context.store.changed();
      return ok(true);
    },
  },
  {
    name: 'task.checklistitem.complete',
    scope: 'task',
    handler: (params, context) => toggle(params, context, 'complete'),
  },
  {
    name: 'task.checklistitem.renew',
    scope: 'task',
    handler: (params, context) => toggle(params, context, 'renew'),
  },
  {
    name: 'task.checklistitem.isactionallowed',
    scope: 'task',
    handler: (params, context) => {
      const args = positional(params);
      const taskId = intArgument(args, 0, 'taskId', 'isactionallowed');
      const itemId = intArgument(args, 1, 'itemId', 'isactionallowed');
      const actionId = intArgument(args, 2, 'actionId', 'isactionallowed');
      const task = visibleTask(context, taskId);
      const item = items(context).find((candidate) => candidate.id === itemId && candidate.taskId === taskId);
      // 1 add, 2 modify, 3 remove, 4 toggle, 5 reorder: all need the task's checklist right here.
      if (!task || !item || actionId < 1 || actionId > 5) return ok(false);
      return ok(mayChange(task, context));
    },
  },
  {
    name: 'task.checklistitem.moveafteritem',
    scope: 'task',
    handler: (params, context) => {
      const args = positional(params);
      const taskId = intArgument(args, 0, 'taskId', 'moveafteritem');
      const itemId = intArgument(args, 1, 'itemId', 'moveafteritem');
      const afterId = intArgument(args, 2, 'afterItemId', 'moveafteritem');
      const task = visibleTask(context, taskId);
      const all = items(context).filter((candidate) => candidate.taskId === taskId);
      const item = all.find((candidate) => candidate.id === itemId);
      const after = all.find((candidate) => candidate.id === afterId);
      if (!task || !item || !after || item === after || !mayChange(task, context))
        throw failed('Moving item: action not allowed');
      if (descendantsOf(context, item.id).includes(after.id)) throw failed('Moving item: action not allowed');
      item.parentId = after.parentId;
      const siblings = checklistOf(context.store, taskId).filter(
        (candidate) => candidate.parentId === after.parentId && candidate !== item,
      );
      siblings.splice(siblings.indexOf(after) + 1, 0, item);
      siblings.forEach((sibling, index) => (sibling.sortIndex = index));
      context.store.changed();
      return ok(null);
    },
  },
];
