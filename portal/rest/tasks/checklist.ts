/**
 * Task checklists as the tasks module keeps them: items in a tree per task, a root item
 * (parentId 0) being a checklist's name (docs tasks/checklist-item/task-checklist-item-add.md).
 * Shared by task.checklistitem.* (UPPER_CASE rows) and the task's own answers (`checklist`,
 * `checkListTree` in camelCase, docs tasks/fields.md).
 */
import type { StoredChecklistItem, StoredTask } from '../../state/state-types';
import { photoUrl } from '../../state/host-data-adapter';
import type { MethodContext } from '../method-types';
import { checklistOf } from './checklist-order';
import { taskActions } from './task-rights';

export { checklistOf };

/** The name of a checklist the portal creates itself ("Checklist 1"), in the portal's language. */
export function defaultChecklistTitle(language: string, number: number): string {
  if (language === 'ru') return `Чек-лист ${number}`;
  if (language === 'de') return `Checkliste ${number}`;
  return `Checklist ${number}`;
}

/** The item's `action` object (fields.md "Object checklist.item.action"). */
function itemActions(task: StoredTask, context: MethodContext): Record<string, boolean> {
  const allowed = taskActions(task, context.auth.user).checklistAddItems;
  return { modify: allowed, remove: allowed, toggle: allowed, add: allowed, addAccomplice: allowed };
}

function memberIds(item: StoredChecklistItem): string[] {
  return item.members.map((member) => String(member.userId));
}

/** `checklist` of a task answer: item id → item (fields.md "Object checklist.item"); `[]` when none. */
export function checklistField(task: StoredTask, context: MethodContext): Record<string, unknown> | [] {
  const items = checklistOf(context.store, task.id);
  if (items.length === 0) return [];
  const actions = itemActions(task, context);
  return Object.fromEntries(
    items.map((item) => [
      String(item.id),
      {
        id: String(item.id),
        taskId: String(item.taskId),
        createdBy: String(item.createdBy),
        parentId: item.parentId === 0 ? 0 : String(item.parentId),
        title: item.title,
        sortIndex: String(item.sortIndex),
        isComplete: item.isComplete ? 'Y' : 'N',
        isImportant: item.isImportant ? 'Y' : 'N',
        toggledBy: item.toggledBy === null ? null : String(item.toggledBy),
        toggledDate: item.toggledDate,
        ufChecklistFiles: false,
        members: memberIds(item),
        attachments: [],
        entityId: String(item.taskId),
        action: { ...actions },
      },
    ]),
  );
}

/** `checkListTree` of a task answer: a nameless root node with the checklists as descendants. */
export function checklistTree(task: StoredTask, context: MethodContext): Record<string, unknown> {
  const items = checklistOf(context.store, task.id);
  const actions = itemActions(task, context);
  let nodeId = 0;
  const node = (item: StoredChecklistItem | null): Record<string, unknown> => {
    const own = nodeId++;
    const children = items.filter((candidate) => candidate.parentId === (item?.id ?? 0));
    const descendants = children.map((child) => node(child));
    const completedCount = children.filter((child) => child.isComplete).length;
    return {
      nodeId: own,
      fields: {
        id: item?.id ?? null,
        copiedId: null,
        entityId: item ? item.taskId : null,
        userId: context.auth.userId,
        createdBy: item ? item.createdBy : null,
        parentId: item ? item.parentId : null,
        title: item?.title ?? '',
        sortIndex: item ? item.sortIndex : null,
        displaySortIndex: '',
        isComplete: item?.isComplete ?? false,
        isImportant: item?.isImportant ?? false,
        completedCount,
        members: item ? memberIds(item) : [],
        attachments: [],
        nodeId: null,
      },
      action: item ? { ...actions } : [],
      descendants,
    };
  };
  return node(null);
}

/** A row of task.checklistitem.get/getlist (UPPER_CASE keys, docs' example). */
export function checklistItemRow(item: StoredChecklistItem, context: MethodContext): Record<string, unknown> {
  return {
    ID: String(item.id),
    TASK_ID: String(item.taskId),
    PARENT_ID: item.parentId === 0 ? 0 : String(item.parentId),
    CREATED_BY: String(item.createdBy),
    TITLE: item.title,
    SORT_INDEX: String(item.sortIndex),
    IS_COMPLETE: item.isComplete ? 'Y' : 'N',
    IS_IMPORTANT: item.isImportant ? 'Y' : 'N',
    TOGGLED_BY: item.toggledBy === null ? null : String(item.toggledBy),
    TOGGLED_DATE: item.toggledDate ?? '',
    MEMBERS: item.members.map((member) => {
      const user = context.store.user(member.userId);
      return {
        ID: String(member.userId),
        TYPE: member.type,
        NAME: user ? `${user.name} ${user.lastName}`.trim() : '',
        // The avatar's file id on Drive: the emulator keeps photos as paths, not files.
        PERSONAL_PHOTO: null,
        PERSONAL_GENDER: user?.gender ?? '',
        IMAGE: user ? photoUrl(context.origin, user) : '',
        IS_COLLABER: false,
      };
    }),
    ATTACHMENTS: [],
  };
}
