/**
 * What a bulk run gives each item: the tasks of the plan's template keys that the item is
 * missing. The single template of the bulk form is the one-key case (key null: its tasks carry no
 * XML_ID, and an item "has" it only through this run's own task, or — with "only items with no
 * open linked task" — through any open linked task). A stage playbook has one key per template:
 * an item has a template when any of its linked tasks carries the key, whatever its status
 * (domain/playbooks/playbook-match.ts: matched by key, never by title).
 */
import type { BulkItem, BulkTaskDraft, LinkedTaskFacts } from './bulk-ports';
import type { BulkItemFilter } from './item-filter';
import { draftTask, type TaskTemplate } from './task-template';

/** Why no task can be drafted for an item and key. */
export type DraftRefusal =
  /** The template's responsible rule names nobody who may get the task (deactivated, unknown, empty field). */
  'no-responsible';

export type DraftOutcome = { ok: true; draft: BulkTaskDraft } | { ok: false; reason: DraftRefusal };

export interface RunPlan {
  /** The template keys every item should have, in order; `[null]` for the single template. */
  readonly keys: readonly (string | null)[];
  /** Which other linked tasks the re-check reads (BulkPorts.findExisting's `others`). */
  readonly others: 'open' | 'all';
  /** The task of `key` for `item`. Pure apart from the clock the plan was given. */
  draft(item: BulkItem, key: string | null): DraftOutcome;
}

/**
 * The oldest linked task not made by this run that already gives the item what `key` stands
 * for, or null: for the single template, an open task when the run skips items that have one;
 * for a playbook template, a task carrying its key.
 */
export function otherTaskFor(
  key: string | null,
  filter: Pick<BulkItemFilter, 'onlyWithoutOpenTask'>,
  facts: LinkedTaskFacts | undefined,
): number | null {
  let oldest: number | null = null;
  for (const task of facts?.otherTasks ?? []) {
    const fills = key === null ? filter.onlyWithoutOpenTask && task.open : task.templateKey === key;
    if (fills && (oldest === null || task.taskId < oldest)) oldest = task.taskId;
  }
  return oldest;
}

/** This run's tasks of `key` on the item, oldest first. */
export function runTasksFor(key: string | null, facts: LinkedTaskFacts | undefined): number[] {
  return (facts?.runTasks ?? [])
    .filter((task) => task.templateKey === key)
    .map((task) => task.taskId)
    .sort((a, b) => a - b);
}

/** The bulk form's one template: one task per item, no XML_ID, no checklist. */
export function singleTemplatePlan(
  template: TaskTemplate,
  context: { currentUserId: number; markerLine: string },
): RunPlan {
  return {
    keys: [null],
    others: 'open',
    draft: (item) => ({
      ok: true,
      draft: {
        ...draftTask(template, item, context),
        templateKey: null,
        priority: 'medium',
        participantIds: [],
        observerIds: [],
        checklist: [],
      },
    }),
  };
}
