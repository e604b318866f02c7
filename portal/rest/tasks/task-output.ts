/**
 * A task as tasks.task.* prints it: camelCase keys, every id and number a string, member
 * objects for creator/responsible, `ufCrmTask` only when one of the UF_CRM_TASK /
 * UF_TASK_WEBDAV_FILES / UF_MAIL_MESSAGE fields is selected (empty ⇒ false).
 */
import { DEFAULT_AVATAR_PATH } from '../../state/host-data-adapter';
import { parsePortalDate } from '../../portal-time';
import type { StoredTask } from '../../state/state-types';
import type { MethodContext } from '../method-types';
import { checklistField, checklistTree } from './checklist';
import { canEdit, canSee, taskActions, taskRole } from './task-rights';

export type TaskView = 'add' | 'get' | 'list';

function idText(value: number | null): string | null {
  return value === null ? null : String(value);
}

function member(context: MethodContext, userId: number): Record<string, unknown> {
  const user = context.store.user(userId);
  return {
    id: String(userId),
    name: user ? `${user.name} ${user.lastName}`.trim() : '',
    link: `/company/personal/user/${userId}/`,
    icon: user?.photoPath ? `${context.origin}${user.photoPath}` : DEFAULT_AVATAR_PATH,
    workPosition: user?.position ?? '',
  };
}

function membersData(context: MethodContext, ids: number[]): Record<string, unknown> | [] {
  if (ids.length === 0) return [];
  return Object.fromEntries(ids.map((id) => [String(id), member(context, id)]));
}

/** Edit access (administrator or creator): update any field, delete (task-rights.ts). */
export function canManageTask(task: StoredTask, context: MethodContext): boolean {
  return canEdit(taskRole(task, context.auth.user));
}

export function canSeeTask(task: StoredTask, context: MethodContext): boolean {
  return canSee(taskRole(task, context.auth.user));
}

/** Overdue (-1) or the real status, as the `subStatus` pseudo field reports it. */
export function subStatus(task: StoredTask, now: number): number {
  const deadline = task.deadline ? parsePortalDate(task.deadline) : null;
  if (deadline !== null && deadline < now && task.status !== 5 && task.status !== 4) return -1;
  return task.status;
}

function tagsOf(task: StoredTask, context: MethodContext): Record<string, { id: number; title: string }> | [] {
  if (task.tags.length === 0) return [];
  return Object.fromEntries(
    task.tags.map((title) => {
      const id = context.store.tagId(title);
      return [String(id), { id, title }];
    }),
  );
}

/** Every field, in the order of the docs' tasks.task.add example. */
function allFields(task: StoredTask, context: MethodContext): Record<string, unknown> {
  return {
    id: String(task.id),
    parentId: idText(task.parentId),
    title: task.title,
    description: task.description,
    mark: task.mark,
    priority: String(task.priority),
    multitask: 'N',
    notViewed: 'N',
    replicate: 'N',
    stageId: '0',
    createdBy: String(task.createdBy),
    createdDate: task.createdDate,
    responsibleId: String(task.responsibleId),
    changedBy: String(task.changedBy),
    changedDate: task.changedDate,
    statusChangedBy: idText(task.statusChangedBy),
    closedBy: idText(task.closedBy),
    closedDate: task.closedDate,
    activityDate: task.activityDate,
    dateStart: task.dateStart,
    deadline: task.deadline,
    startDatePlan: task.startDatePlan,
    endDatePlan: task.endDatePlan,
    guid: task.guid,
    xmlId: task.xmlId ?? null,
    commentsCount: null,
    serviceCommentsCount: null,
    allowChangeDeadline: task.allowChangeDeadline ?? 'N',
    allowTimeTracking: 'N',
    taskControl: task.taskControl ?? 'N',
    addInReport: 'N',
    forkedByTemplateId: null,
    timeEstimate: String(task.timeEstimate),
    timeSpentInLogs: null,
    matchWorkTime: 'N',
    forumTopicId: null,
    forumId: null,
    siteId: 's1',
    subordinate: 'Y',
    exchangeModified: null,
    exchangeId: null,
    outlookVersion: '1',
    viewedDate: null,
    sorting: null,
    durationFact: null,
    isMuted: 'N',
    isPinned: 'N',
    isPinnedInGroup: 'N',
    flowId: null,
    descriptionInBbcode: 'Y',
    status: String(task.status),
    statusChangedDate: task.statusChangedDate,
    durationPlan: null,
    durationType: 'days',
    favorite: 'N',
    groupId: String(task.groupId),
    auditors: task.auditors.map(String),
    accomplices: task.accomplices.map(String),
    checklist: checklistField(task, context),
    group: [],
    creator: member(context, task.createdBy),
    responsible: member(context, task.responsibleId),
    accomplicesData: membersData(context, task.accomplices),
    auditorsData: membersData(context, task.auditors),
    newCommentsCount: 0,
  };
}

const SELECTABLE_UF = ['UF_CRM_TASK', 'UF_TASK_WEBDAV_FILES', 'UF_MAIL_MESSAGE'];

/** UPPER_SNAKE select names to the camelCase output keys. */
export function camelFromUpper(name: string): string {
  const lower = name.toLowerCase();
  return lower.replace(/_([a-z0-9])/g, (_match, char: string) => char.toUpperCase());
}

/**
 * The task for a response. `select` empty ⇒ every standard field; `*` likewise; `UF_*` adds the
 * custom fields; otherwise only what was asked, plus what the portal always attaches.
 */
export function taskToRest(
  task: StoredTask,
  context: MethodContext,
  view: TaskView,
  select: string[],
): Record<string, unknown> {
  const full = allFields(task, context);
  const upper = select.map((name) => name.trim()).filter((name) => name !== '');
  const upperSet = new Set(upper.map((name) => name.toUpperCase()));
  const wantsUf = SELECTABLE_UF.some((name) => upperSet.has(name)) || upperSet.has('UF_*');
  const uf = {
    ufCrmTask: task.crmLinks.length > 0 ? [...task.crmLinks] : false,
    ufTaskWebdavFiles: false,
    ufMailMessage: null,
  };
  let result: Record<string, unknown>;
  if (upper.length === 0 || upperSet.has('*') || (upperSet.size === 1 && upperSet.has('UF_*'))) {
    result = { ...full };
    if (wantsUf) Object.assign(result, uf);
  } else {
    result = {};
    for (const name of upper) {
      const key = camelFromUpper(name);
      if (key in full) result[key] = full[key];
    }
    if (upperSet.has('REAL_STATUS')) result.realStatus = String(task.status);
    if (wantsUf) Object.assign(result, uf);
    if (upperSet.has('DESCRIPTION')) result.descriptionInBbcode = 'Y';
    if (view === 'get') result.favorite = full.favorite;
    result.group = [];
    if (upperSet.has('CREATED_BY')) result.creator = full.creator;
    if (upperSet.has('RESPONSIBLE_ID')) result.responsible = full.responsible;
    if (upperSet.has('ACCOMPLICES')) result.accomplicesData = full.accomplicesData;
    if (upperSet.has('AUDITORS')) result.auditorsData = full.auditorsData;
  }
  if (upperSet.has('TAGS')) result.tags = tagsOf(task, context);
  if (upperSet.has('SUBSTATUS')) result.subStatus = String(subStatus(task, context.now));
  if (upperSet.has('COUNTERS')) {
    const expired = subStatus(task, context.now) === -1 ? 1 : 0;
    result.counter = {
      counters: {
        expired,
        newComments: 0,
        projectExpired: 0,
        projectNewComments: 0,
        mutedExpired: 0,
        mutedNewComments: 0,
      },
      color: expired ? 'danger' : 'gray',
      value: expired,
    };
  }
  // tasks-task-list.md shows no `action` in its rows: only single-task answers carry it.
  if (view !== 'list') result.action = taskActions(task, context.auth.user);
  if (view === 'add') {
    result.checkListTree = checklistTree(task, context);
    result.checkListCanAdd = taskActions(task, context.auth.user).checklistAddItems;
  }
  return result;
}
