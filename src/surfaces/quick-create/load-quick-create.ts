/**
 * What the compact "create linked task" panel needs, in ONE batch: what every create-linked-
 * task surface reads (features/create-linked-task/load-linked-item.ts) and, from a timeline
 * record's menu, that record (for its subject); and the tasks already linked to the item, so
 * the panel can say that open ones exist before a second one is made; and the stage playbook
 * with the stage and funnel names, for its one-click template choices.
 */
import type { QueryClient } from '@tanstack/react-query';
import { command, resultReference, type BatchResults, type BitrixBoundary } from '../../bitrix';
import type { Stage } from '../../domain/stages';
import type { PlacementOptions } from '../../domain/placement';
import {
  itemLinkCode,
  linkedItemCommands,
  readLinkedItem,
  type LinkedItem,
} from '../../features/create-linked-task/load-linked-item';
import { linkedTasksCommand, primeLinkedTasks } from '../../queries/tasks';
import { categoriesCommand, decodeCategories, decodeStages, stagesCommand, type Category } from '../../queries/items';
import { playbookOptionCommand, readPlaybookOption, type StoredPlaybook } from '../../queries/playbooks';

/** `ASSOCIATED_ENTITY_TYPE_ID` of a timeline record that is an activity (crm.activity.get). */
const ACTIVITY_TYPE_ID = '6';

export interface QuickCreateData extends LinkedItem {
  /** Subject of the timeline record the panel was opened from, if any. */
  recordSubject: string | null;
  /** The stage playbook (its templates are offered as one-click choices); null when it could not be read. */
  playbook: StoredPlaybook | null;
  /** The item's funnel's stages and the funnels, for the templates' {stage} and {funnel}; null when not read. */
  stages: Stage[] | null;
  categories: Category[] | null;
}

export const quickCreateKeys = {
  all: ['quick-create'] as const,
  data: (entityTypeId: number, itemId: number, activityId: number | null) =>
    [...quickCreateKeys.all, entityTypeId, itemId, activityId] as const,
};

/** The activity behind a timeline record, when the placement names one. */
export function recordActivityId(options: PlacementOptions): number | null {
  const type = options.ASSOCIATED_ENTITY_TYPE_ID;
  const id = Number(options.ASSOCIATED_ENTITY_ID);
  if (type !== undefined && type !== ACTIVITY_TYPE_ID) return null;
  return Number.isInteger(id) && id > 0 ? id : null;
}

export async function loadQuickCreate(
  boundary: BitrixBoundary,
  queryClient: QueryClient,
  entityTypeId: number,
  itemId: number,
  activityId: number | null,
): Promise<QuickCreateData> {
  const commands = {
    ...linkedItemCommands(entityTypeId, itemId),
    tasks: linkedTasksCommand(itemLinkCode(entityTypeId, itemId)),
    // The stage playbook's choices: the playbook, and the names its placeholders may need.
    playbook: playbookOptionCommand(entityTypeId),
    stages: stagesCommand(entityTypeId, resultReference('item', 'item', 'categoryId')),
    categories: categoriesCommand(entityTypeId),
  };
  const withRecord = { ...commands, activity: command('crm.activity.get', { id: activityId ?? 0 }) };
  const answers: BatchResults<typeof commands> & Partial<Pick<BatchResults<typeof withRecord>, 'activity'>> =
    activityId === null ? await boundary.batch(commands) : await boundary.batch(withRecord);
  const linked = readLinkedItem(queryClient, entityTypeId, itemId, answers);
  // A task list that failed is read again by the panel's own query; the create does not wait on it.
  if (answers.tasks.ok)
    primeLinkedTasks(queryClient, entityTypeId, itemId, answers.tasks.result.tasks, answers.tasks.total);

  const activity = answers.activity;
  const subject = activity?.ok && typeof activity.result.SUBJECT === 'string' ? activity.result.SUBJECT.trim() : '';
  return {
    ...linked,
    recordSubject: subject === '' ? null : subject,
    playbook: answers.playbook.ok ? readPlaybookOption(answers.playbook.result, entityTypeId) : null,
    stages: answers.stages.ok ? decodeStages(answers.stages.result) : null,
    categories: answers.categories.ok ? decodeCategories(answers.categories.result.categories) : null,
  };
}
