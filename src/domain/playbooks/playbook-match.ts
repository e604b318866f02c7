/**
 * Which of a stage's templates an item already has: each linked task carries the key of the
 * template it was made from (XML_ID `smart-tasks:template:<key>`, `LinkedTask.templateKey`),
 * and that key is the only thing matched. A title never counts: a user may rename a task, and
 * a hand-made task with the same title is not the template's.
 */
import type { LinkedTask, TaskStatus } from '../tasks';
import type { PlaybookTemplate } from './playbook';

/** One template and what the item has of it. */
export interface TemplateStatus {
  template: PlaybookTemplate;
  /** The linked tasks made from it, open first (as `linkedTasks` was ordered); empty = missing. */
  tasks: LinkedTask[];
  /** The status of its leading task, or 'missing'. */
  status: TaskStatus | 'missing';
}

/** The stage's playbook against the item's linked tasks. */
export interface PlaybookStatus {
  templates: TemplateStatus[];
  /** The templates without any linked task, in the playbook's order: what "Create the N missing" creates. */
  missing: PlaybookTemplate[];
}

/**
 * Per template (in the playbook's order): the linked tasks whose `templateKey` is its key, their
 * leading task's status, or 'missing'. `linkedTasks` should be the item's linked tasks as the
 * portal listed them (sortLinkedTasks order: open first), so the leading task is the open one.
 */
export function playbookStatus(
  templates: readonly PlaybookTemplate[],
  linkedTasks: readonly LinkedTask[],
): PlaybookStatus {
  const byKey = new Map<string, LinkedTask[]>();
  for (const task of linkedTasks) {
    if (task.templateKey === null) continue;
    const list = byKey.get(task.templateKey) ?? [];
    list.push(task);
    byKey.set(task.templateKey, list);
  }
  const statuses = templates.map((template): TemplateStatus => {
    const tasks = byKey.get(template.key) ?? [];
    return { template, tasks, status: tasks[0]?.status ?? 'missing' };
  });
  return {
    templates: statuses,
    missing: statuses.filter((entry) => entry.tasks.length === 0).map((entry) => entry.template),
  };
}
