/**
 * Bitrix24 REST shapes, typed once, as the portal returns them (REST v2). Casing and
 * string-vs-number types follow the docs: crm.item/crm.type/crm.category use camelCase and
 * integer ids; crm.status, user.* and tasks use string ids. Only the fields the app reads are
 * listed; portals add more. Conversion to app types happens in src/queries, on purpose.
 */

/** "Y" / "N" flags of CRM and tasks. */
export type YesNo = 'Y' | 'N';

/** ISO-8601 date-time with offset, e.g. 2025-01-20T14:30:58+02:00. */
export type RestDateTime = string;

// ---------------------------------------------------------------------------------------------
// CRM: types, items, fields, categories, stages

export interface RestOwnerType {
  ID: number;
  NAME: string;
  SYMBOL_CODE: string;
  SYMBOL_CODE_SHORT: string;
}

export interface RestSmartProcessType {
  id: number;
  title: string;
  entityTypeId: number;
  isCategoriesEnabled?: YesNo;
  isStagesEnabled?: YesNo;
  isUseInUserfieldEnabled?: YesNo;
  /** e.g. {"TASKS_TASK|UF_CRM_TASK": "Y"}; PHP sends an empty map as []. */
  linkedUserFields?: Record<string, YesNo> | [];
}

/** A smart-process item: fixed fields plus `ufCrm…` custom fields of any type. */
export interface RestCrmItem {
  id: number;
  title: string | null;
  entityTypeId?: number;
  categoryId?: number;
  stageId?: string;
  assignedById?: number | null;
  createdBy?: number;
  updatedBy?: number;
  createdTime?: RestDateTime;
  updatedTime?: RestDateTime;
  opportunity?: number;
  currencyId?: string | null;
  [field: string]: unknown;
}

export interface RestEnumerationItem {
  ID: string;
  VALUE: string;
}

/** One entry of crm.item.fields: booleans are JSON booleans here. */
export interface RestFieldDescription {
  type: string;
  title?: string;
  upperName?: string;
  isRequired?: boolean;
  isReadOnly?: boolean;
  isImmutable?: boolean;
  isMultiple?: boolean;
  isDynamic?: boolean;
  isDeprecated?: boolean;
  statusType?: string;
  settings?: Record<string, unknown> | [];
  items?: RestEnumerationItem[];
  listLabel?: string;
  formLabel?: string;
  filterLabel?: string;
}

export interface RestCategory {
  id: number;
  name: string;
  sort: number;
  entityTypeId: number;
  isDefault: YesNo;
}

export interface RestStatus {
  ID: string;
  ENTITY_ID: string;
  STATUS_ID: string;
  NAME: string;
  SORT: string;
  CATEGORY_ID?: string | null;
  COLOR?: string | null;
  SEMANTICS: 'S' | 'F' | null;
}

// ---------------------------------------------------------------------------------------------
// Users

export interface RestUser {
  ID: string;
  ACTIVE?: boolean;
  NAME?: string;
  LAST_NAME?: string;
  SECOND_NAME?: string;
  EMAIL?: string;
  PERSONAL_PHOTO?: string | null;
  WORK_POSITION?: string | null;
  TIME_ZONE?: string | null;
}

// ---------------------------------------------------------------------------------------------
// Tasks (camelCase keys, string ids and numbers)

export interface RestTaskMember {
  id: string;
  name: string;
  link?: string;
  icon?: string;
  workPosition?: string;
}

export interface RestTask {
  id: string;
  title: string;
  description?: string;
  status?: string;
  priority?: string;
  responsibleId?: string;
  createdBy?: string;
  createdDate?: RestDateTime;
  closedDate?: RestDateTime | null;
  deadline?: RestDateTime | null;
  accomplices?: string[];
  responsible?: RestTaskMember;
  /** Only when UF_CRM_TASK is selected; an empty multiple UF comes back as false. */
  ufCrmTask?: string[] | false | null;
  /** XML_ID (external code); the app marks playbook tasks with it (domain/tasks.ts). */
  xmlId?: string | null;
  /**
   * What the CURRENT user may do with the task (docs tasks/fields.md "Object action"): sent by
   * tasks.task.get and by the answers of the status methods and tasks.task.update, not by
   * tasks.task.list. Keys as the portal sends them (camelCase, some dotted).
   */
  action?: RestTaskAction;
}

/** The task's `action` object (docs tasks/fields.md#action); only the flags the app reads are named. */
export interface RestTaskAction {
  complete?: boolean;
  renew?: boolean;
  start?: boolean;
  pause?: boolean;
  defer?: boolean;
  edit?: boolean;
  changeDeadline?: boolean;
  delegate?: boolean;
  [flag: string]: boolean | undefined;
}

/**
 * tasks.task.getaccess: per user id, the same flags in UPPER_CASE (`COMPLETE`, `CHANGE_DEADLINE`);
 * `[]` when the caller has no access to the task (docs tasks/tasks-task-get-access.md).
 */
export type RestTaskAccess = { allowedActions: Record<string, Record<string, boolean>> | [] };

/** UPPER_CASE fields of tasks.task.update the app writes (one at a time: docs tasks/tasks-task-update.md). */
export interface RestTaskUpdateFields {
  DEADLINE?: RestDateTime;
  RESPONSIBLE_ID?: number;
}

/** UPPER_CASE fields of tasks.task.add. */
export interface RestTaskAddFields {
  TITLE: string;
  RESPONSIBLE_ID: number;
  DESCRIPTION?: string;
  DEADLINE?: RestDateTime;
  PRIORITY?: 0 | 1 | 2;
  ACCOMPLICES?: number[];
  AUDITORS?: number[];
  UF_CRM_TASK?: string[];
  /** External code: `smart-tasks:template:<key>` for a task made from a playbook template. */
  XML_ID?: string;
}

// ---------------------------------------------------------------------------------------------
// App, placements, activities (used by install/settings and quick-create: issue 4)

export interface RestAppInfo {
  ID: number;
  CODE: string;
  VERSION: number;
  STATUS: string;
  INSTALLED: boolean;
  LANGUAGE_ID?: string;
}

/** `{lang: {TITLE, DESCRIPTION, GROUP_NAME}}` of placement.bind / placement.get. */
export type RestPlacementTitles = Record<string, { TITLE: string; DESCRIPTION?: string; GROUP_NAME?: string }>;

/** One row of placement.get. PHP sends an empty `langAll`/`options` as []. */
export interface RestPlacementBinding {
  placement: string;
  handler: string;
  title: string;
  description?: string;
  userId?: number;
  options?: Record<string, string> | [];
  langAll?: RestPlacementTitles | [];
}

export interface RestActivity {
  ID: string;
  SUBJECT?: string | null;
  OWNER_ID?: string;
  OWNER_TYPE_ID?: string;
  TYPE_ID?: string;
}

// ---------------------------------------------------------------------------------------------
// Methods: parameters and results. `params` uses the portal's own names.

export type TaskSelectField =
  | 'ID'
  | 'TITLE'
  | 'DESCRIPTION'
  | 'STATUS'
  | 'PRIORITY'
  | 'RESPONSIBLE_ID'
  | 'CREATED_BY'
  | 'CREATED_DATE'
  | 'CLOSED_DATE'
  | 'DEADLINE'
  | 'ACCOMPLICES'
  | 'XML_ID'
  | 'UF_CRM_TASK';

export interface RestMethods {
  'crm.enum.ownertype': { params: Record<string, never>; result: RestOwnerType[] };
  'crm.type.list': {
    params: {
      select?: string[];
      filter?: Record<string, unknown>;
      order?: Record<string, 'ASC' | 'DESC'>;
      start?: number;
    };
    result: { types: RestSmartProcessType[] };
  };
  'crm.activity.get': { params: { id: number }; result: RestActivity };
  'app.info': { params: Record<string, never>; result: RestAppInfo };
  /** The portal's current time, ISO 8601 with the portal's offset (`2026-11-30T13:45:00+03:00`). */
  'server.time': { params: Record<string, never>; result: string };
  'app.option.get': { params: { option?: string }; result: unknown };
  'app.option.set': { params: { options: Record<string, string> }; result: boolean };
  'placement.get': { params: Record<string, never>; result: RestPlacementBinding[] };
  'placement.bind': {
    params: { PLACEMENT: string; HANDLER: string; TITLE?: string; LANG_ALL?: RestPlacementTitles };
    result: boolean;
  };
  'placement.unbind': { params: { PLACEMENT: string; HANDLER?: string }; result: { count: number } };
  'crm.type.getByEntityTypeId': { params: { entityTypeId: number }; result: { type: RestSmartProcessType } };
  'crm.type.update': {
    /** Written as "true"/"false" (read back as "Y"/"N"). */
    params: {
      id: number;
      fields: { isUseInUserfieldEnabled?: YesNo; linkedUserFields?: Record<string, 'true' | 'false'> };
    };
    result: { type: RestSmartProcessType };
  };
  'crm.item.get': { params: { entityTypeId: number; id: number }; result: { item: RestCrmItem } };
  'crm.item.list': {
    params: {
      entityTypeId: number;
      select?: string[];
      filter?: Record<string, unknown>;
      order?: Record<string, 'ASC' | 'DESC'>;
      start?: number;
    };
    result: { items: RestCrmItem[] };
  };
  'crm.item.fields': { params: { entityTypeId: number }; result: { fields: Record<string, RestFieldDescription> } };
  'crm.category.list': { params: { entityTypeId: number }; result: { categories: RestCategory[] } };
  'crm.status.list': {
    params: { filter: { ENTITY_ID: string }; order?: { SORT: 'ASC' | 'DESC' } };
    result: RestStatus[];
  };
  'user.current': { params: Record<string, never>; result: RestUser };
  'user.get': {
    params: {
      filter?: { ID?: Array<number | string> | number | string; ACTIVE?: boolean };
      select?: string[];
      start?: number;
    };
    result: RestUser[];
  };
  'tasks.task.add': { params: { fields: RestTaskAddFields }; result: { task: RestTask } };
  /** One checklist line (docs tasks/checklist-item/task-checklist-item-add.md; UPPER_CASE params); result: its id. */
  'task.checklistitem.add': {
    params: { TASKID: number | string; FIELDS: { TITLE: string; SORT_INDEX?: number; IS_COMPLETE?: YesNo } };
    result: number | string;
  };
  'tasks.task.delete': { params: { taskId: number | string }; result: { task: boolean } };
  'tasks.task.get': {
    params: { taskId: number | string; select?: TaskSelectField[] };
    result: { task: RestTask } | [];
  };
  'tasks.task.list': {
    params: {
      filter?: Record<string, unknown>;
      select?: TaskSelectField[];
      order?: Partial<Record<TaskSelectField, 'asc' | 'desc'>>;
      start?: number;
    };
    result: { tasks: RestTask[] };
  };
  /** The status methods (docs tasks/status/*.md): the task after the change, with its new `action`. */
  'tasks.task.complete': { params: { taskId: number | string }; result: { task: RestTask } };
  'tasks.task.renew': { params: { taskId: number | string }; result: { task: RestTask } };
  'tasks.task.start': { params: { taskId: number | string }; result: { task: RestTask } };
  'tasks.task.pause': { params: { taskId: number | string }; result: { task: RestTask } };
  'tasks.task.defer': { params: { taskId: number | string }; result: { task: RestTask } };
  'tasks.task.update': {
    params: { taskId: number | string; fields: RestTaskUpdateFields };
    result: { task: RestTask };
  };
  'tasks.task.getaccess': { params: { taskId: number | string; users?: number[] }; result: RestTaskAccess };
}

export type RestMethodName = keyof RestMethods;
export type RestParams<M extends RestMethodName> = RestMethods[M]['params'];
export type RestResult<M extends RestMethodName> = RestMethods[M]['result'];
