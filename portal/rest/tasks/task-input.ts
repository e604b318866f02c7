/**
 * Writing tasks.task.add/update `fields` (UPPER keys) onto a task, with the portal's
 * validation messages (ERROR_CORE, each followed by `<br>`), and the CRM binding rule: a
 * `UF_CRM_TASK` value naming a smart process that does not allow task links — or that no longer
 * exists — is dropped silently; one naming a deleted item of a smart process that does is kept as
 * written (the portal's crm field does not look the item up; the docs are silent). A dismissed
 * (inactive) responsible is accepted: the docs list only "not found" for RESPONSIBLE_ID.
 */
import { formatPortalDateTime, parsePortalDate } from '../../portal-time';
import type { StoredTask } from '../../state/state-types';
import type { PortalStore } from '../../state/store';
import type { MethodContext } from '../method-types';
import { asInt, asList, asString, asYesNo } from '../params';
import { RestError } from '../rest-error';

/** CRM types a task can link to without any smart-process setting (docs: L, C, CO, D, O). */
const ALWAYS_LINKABLE_PREFIXES = new Set(['L', 'C', 'CO', 'D', 'O']);

export function taskCoreError(messages: string[]): RestError {
  return new RestError('ERROR_CORE', messages.map((message) => `${message}<br>`).join(''), 400);
}

/** Keeps the bindings the portal keeps: system CRM types and smart processes that allow links. */
export function acceptedCrmLinks(values: unknown, store: PortalStore): string[] {
  const accepted: string[] = [];
  for (const raw of asList(values)) {
    const value = asString(raw).trim();
    if (!value) continue;
    const binding = store.resolveCrmBinding(value);
    let keep: boolean;
    if (binding) {
      const { process } = binding;
      keep =
        process.flags.isUseInUserfieldEnabled === 'Y' && process.linkedUserFields['TASKS_TASK|UF_CRM_TASK'] === 'Y';
    } else {
      const prefix = /^([A-Z]+)_\d+$/.exec(value)?.[1];
      keep = prefix !== undefined && ALWAYS_LINKABLE_PREFIXES.has(prefix);
    }
    if (keep && !accepted.includes(value)) accepted.push(value);
  }
  return accepted;
}

function upperKeys(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).map(([key, value]) => [key.toUpperCase(), value]));
}

function userIds(value: unknown): number[] {
  return asList(value)
    .map((entry) => asInt(entry))
    .filter((entry): entry is number => entry !== null && entry > 0);
}

function dateValue(value: unknown, messages: string[], what: string): string | null {
  if (value === null || value === '' || value === undefined) return null;
  const ms = parsePortalDate(value);
  if (ms === null) {
    messages.push(`Incorrect value of the "${what}" field`);
    return null;
  }
  return formatPortalDateTime(ms);
}

const STATUSES = new Set([1, 2, 3, 4, 5, 6]);

/**
 * Longest task title the emulator accepts, in characters (code points, as PHP's mb_strlen counts
 * them). The docs give no limit; the portal stores titles in a 255-character column. The emulator
 * takes the demanding side and refuses a longer title with ERROR_CORE instead of cutting it.
 */
export const TASK_TITLE_MAX_CHARACTERS = 255;

/**
 * Longest XML_ID the emulator accepts, in characters. The docs give no limit (fields.md: "External
 * identifier"); the portal's b_tasks.XML_ID column holds 200. A longer value is refused with
 * ERROR_CORE rather than cut (the demanding side: a cut key would no longer match).
 */
export const TASK_XML_ID_MAX_CHARACTERS = 200;

/**
 * Applies `fields` to `task` (a fresh draft for add, a copy for update). Throws ERROR_CORE with
 * every problem found, as the portal reports them together.
 */
export function applyTaskFields(
  task: StoredTask,
  rawFields: Record<string, unknown>,
  context: MethodContext,
  isNew: boolean,
): void {
  const fields = upperKeys(rawFields);
  const messages: string[] = [];
  const store = context.store;
  const has = (key: string): boolean => Object.prototype.hasOwnProperty.call(fields, key);

  if (has('TITLE')) task.title = asString(fields.TITLE).trim();
  if (has('DESCRIPTION')) task.description = asString(fields.DESCRIPTION);
  if (isNew && !task.title) messages.push('Task title is not specified');
  if (!isNew && has('TITLE') && !task.title) messages.push('Task title is not specified');
  if (has('TITLE') && [...task.title].length > TASK_TITLE_MAX_CHARACTERS)
    messages.push(`Task title is too long (${TASK_TITLE_MAX_CHARACTERS} characters at most)`);

  if (has('RESPONSIBLE_ID')) {
    const id = asInt(fields.RESPONSIBLE_ID);
    if (id === null || id <= 0) messages.push('Responsible person not specified');
    else if (!store.user(id)) messages.push('User specified in the "Responsible" field not found');
    else task.responsibleId = id;
  } else if (isNew) {
    messages.push('Responsible person not specified');
  }

  if (has('CREATED_BY')) {
    const id = asInt(fields.CREATED_BY);
    if (id !== null && id > 0 && store.user(id)) task.createdBy = id;
    else messages.push('User specified in the "Created by" field not found');
  }
  if (has('PRIORITY')) {
    const priority = asInt(fields.PRIORITY);
    task.priority = priority === 0 || priority === 2 ? priority : 1;
  }
  if (has('STATUS')) {
    const status = asInt(fields.STATUS);
    if (status === null || !STATUSES.has(status)) messages.push('Incorrect status');
    else task.status = (status === 1 ? 2 : status) as StoredTask['status'];
  }
  if (has('DEADLINE')) task.deadline = dateValue(fields.DEADLINE, messages, 'Deadline');
  if (has('START_DATE_PLAN')) task.startDatePlan = dateValue(fields.START_DATE_PLAN, messages, 'Start date');
  if (has('END_DATE_PLAN')) task.endDatePlan = dateValue(fields.END_DATE_PLAN, messages, 'End date');
  if (
    task.startDatePlan &&
    task.endDatePlan &&
    (parsePortalDate(task.endDatePlan) ?? 0) < (parsePortalDate(task.startDatePlan) ?? 0)
  ) {
    messages.push('The end date in scheduling is earlier than the start date');
  }
  if (has('GROUP_ID')) task.groupId = asInt(fields.GROUP_ID) ?? 0;
  if (has('PARENT_ID')) {
    const parentId = asInt(fields.PARENT_ID);
    if (!parentId) task.parentId = null;
    else if (parentId === task.id) messages.push('Cannot bind the node to itself');
    else if (!store.task(parentId)) messages.push('Task specified in the "Parent Task" field not found');
    else task.parentId = parentId;
  }
  if (has('ACCOMPLICES')) task.accomplices = userIds(fields.ACCOMPLICES);
  if (has('AUDITORS')) task.auditors = userIds(fields.AUDITORS);
  if (has('TAGS')) {
    const tags = typeof fields.TAGS === 'string' ? fields.TAGS.split(',') : asList(fields.TAGS).map(asString);
    task.tags = [...new Set(tags.map((tag) => tag.trim()).filter(Boolean))];
  }
  if (has('UF_CRM_TASK')) task.crmLinks = acceptedCrmLinks(fields.UF_CRM_TASK, store);
  if (has('MARK')) {
    const mark = asString(fields.MARK).toUpperCase();
    task.mark = mark === 'P' || mark === 'N' ? mark : null;
  }
  if (has('TIME_ESTIMATE')) task.timeEstimate = asInt(fields.TIME_ESTIMATE) ?? 0;
  if (has('XML_ID')) {
    const xmlId = fields.XML_ID === null ? '' : asString(fields.XML_ID);
    if ([...xmlId].length > TASK_XML_ID_MAX_CHARACTERS)
      messages.push(`External code is too long (${TASK_XML_ID_MAX_CHARACTERS} characters at most)`);
    else task.xmlId = xmlId === '' ? null : xmlId;
  }
  if (has('ALLOW_CHANGE_DEADLINE')) task.allowChangeDeadline = asYesNo(fields.ALLOW_CHANGE_DEADLINE) ?? 'N';
  if (has('TASK_CONTROL')) task.taskControl = asYesNo(fields.TASK_CONTROL) ?? 'N';

  if (messages.length > 0) throw taskCoreError(messages);
}
