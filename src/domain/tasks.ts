/** Linked tasks as the tab shows them: status, overdue, and order (open first). */

export type TaskStatus = 'new' | 'pending' | 'in-progress' | 'awaiting-control' | 'completed' | 'deferred' | 'unknown';

const STATUS_BY_CODE: Record<string, TaskStatus> = {
  '1': 'new',
  '2': 'pending',
  '3': 'in-progress',
  '4': 'awaiting-control',
  '5': 'completed',
  '6': 'deferred',
};

/** Bitrix24 task status code (`"2"`, 3, ...) → status. */
export function taskStatusFromCode(code: string | number | null | undefined): TaskStatus {
  return STATUS_BY_CODE[String(code ?? '')] ?? 'unknown';
}

export interface LinkedTask {
  id: number;
  title: string;
  status: TaskStatus;
  responsibleId: number | null;
  deadline: Date | null;
  createdAt: Date | null;
  closedAt: Date | null;
  /** UF_CRM_TASK values the portal returned, when it was asked for them. */
  crmLinks: string[] | null;
  /** PRIORITY 0/1/2 as a name; 'medium' when the portal did not say. */
  priority: TaskPriority;
  /**
   * The stage-playbook template this task was made from (XML_ID `smart-tasks:template:<key>`,
   * written by the app when it creates a task from a playbook), or null.
   */
  templateKey: string | null;
}

export type TaskPriority = 'low' | 'medium' | 'high';

const PRIORITY_BY_CODE: Record<string, TaskPriority> = { '0': 'low', '1': 'medium', '2': 'high' };

/** Bitrix24 PRIORITY (`"0"` low, `"1"` medium, `"2"` high; docs tasks/fields.md) → name. */
export function taskPriorityFromCode(code: string | number | null | undefined): TaskPriority {
  return PRIORITY_BY_CODE[String(code ?? '')] ?? 'medium';
}

/** The XML_ID prefix that marks a task made from a stage-playbook template. */
export const TEMPLATE_XML_ID_PREFIX = 'smart-tasks:template:';
const TEMPLATE_KEY = /^[a-z0-9-]{1,40}$/;

/** The XML_ID a playbook task carries: `smart-tasks:template:<key>`; key = [a-z0-9-]{1,40}. */
export function templateXmlId(templateKey: string): string {
  if (!TEMPLATE_KEY.test(templateKey)) throw new Error(`Invalid template key: ${templateKey}`);
  return TEMPLATE_XML_ID_PREFIX + templateKey;
}

/** The template key in a task's XML_ID, or null when the task is not a playbook task. */
export function templateKeyFromXmlId(xmlId: string | null | undefined): string | null {
  if (!xmlId || !xmlId.startsWith(TEMPLATE_XML_ID_PREFIX)) return null;
  const key = xmlId.slice(TEMPLATE_XML_ID_PREFIX.length);
  return TEMPLATE_KEY.test(key) ? key : null;
}

export function isTaskOpen(task: Pick<LinkedTask, 'status'>): boolean {
  return task.status !== 'completed';
}

export function isTaskOverdue(task: Pick<LinkedTask, 'status' | 'deadline'>, now: Date): boolean {
  return isTaskOpen(task) && task.deadline !== null && task.deadline.getTime() < now.getTime();
}

function time(date: Date | null, whenMissing: number): number {
  return date ? date.getTime() : whenMissing;
}

/**
 * Open tasks first, soonest deadline first (so overdue ones lead, tasks without a deadline
 * last); then closed tasks, most recently closed first. Newer tasks win ties.
 */
export function compareLinkedTasks(a: LinkedTask, b: LinkedTask): number {
  const openA = isTaskOpen(a);
  const openB = isTaskOpen(b);
  if (openA !== openB) return openA ? -1 : 1;
  if (openA) {
    const byDeadline = time(a.deadline, Infinity) - time(b.deadline, Infinity);
    if (byDeadline !== 0 && !Number.isNaN(byDeadline)) return byDeadline;
  } else {
    const byClosed = time(b.closedAt, -Infinity) - time(a.closedAt, -Infinity);
    if (byClosed !== 0 && !Number.isNaN(byClosed)) return byClosed;
  }
  return b.id - a.id;
}

export function sortLinkedTasks(tasks: readonly LinkedTask[]): LinkedTask[] {
  return [...tasks].sort(compareLinkedTasks);
}

/** Adds or replaces one task in a list (by id), keeping the tab's order. */
export function withTask(tasks: readonly LinkedTask[], task: LinkedTask): LinkedTask[] {
  return sortLinkedTasks([...tasks.filter((existing) => existing.id !== task.id), task]);
}
