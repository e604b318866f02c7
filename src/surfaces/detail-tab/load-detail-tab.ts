/**
 * Everything the tab shows first, in ONE batch: the item, its smart process, the current user
 * and the item's responsible (the part every create-linked-task surface reads, see
 * features/create-linked-task/load-linked-item.ts), plus funnels, the stages of the item's
 * funnel (a `$result` reference to its categoryId), field definitions, the names of the item's
 * source codes (a reference to the source field's statusType), linked tasks and the stage
 * playbook (the app option `playbook_<N>`). Each answer is
 * cached under its own resource key, so later hooks read it without asking.
 */
import type { QueryClient } from '@tanstack/react-query';
import { resultReference, type BitrixBoundary, type BitrixError } from '../../bitrix';
import type { FieldDefinition } from '../../domain/fields';
import type { Stage } from '../../domain/stages';
import {
  itemLinkCode,
  linkedItemCommands,
  readLinkedItem,
  type LinkedItem,
} from '../../features/create-linked-task/load-linked-item';
import {
  categoriesCommand,
  decodeCategories,
  decodeFieldDefinitions,
  decodeStages,
  fieldsCommand,
  itemKeys,
  stageDirectory,
  stagesCommand,
  type Category,
} from '../../queries/items';
import { primeStatusNames, statusDirectoryCommand } from '../../queries/statuses';
import { linkedTasksCommand, primeLinkedTasks } from '../../queries/tasks';
import { playbookKeys, playbookOptionCommand, readPlaybookOption, type StoredPlaybook } from '../../queries/playbooks';

/** A part of the first batch that failed while the item itself loaded: the tab says so, never hides it. */
export interface DetailTabProblems {
  /** crm.category.list failed: the funnel cannot be named. */
  categories: BitrixError | null;
  /** crm.status.list of the item's funnel failed: no stage pill or bar. */
  stages: BitrixError | null;
  /** crm.item.fields failed: no fields panel. */
  fields: BitrixError | null;
  /** app.option.get of the stage playbook failed: the panel says so. */
  playbook: BitrixError | null;
}

export interface DetailTabData extends LinkedItem {
  /** null when that part failed (see `problems`). */
  categories: Category[] | null;
  stages: Stage[] | null;
  fields: FieldDefinition[] | null;
  /** The smart process's stage playbook (app option `playbook_<N>`); null when the read failed. */
  playbook: StoredPlaybook | null;
  problems: DetailTabProblems;
}

export const detailTabKeys = {
  all: ['detail-tab'] as const,
  data: (entityTypeId: number, itemId: number) => [...detailTabKeys.all, entityTypeId, itemId] as const,
};

/** The system field whose codes the tab can name in its first batch: its name is known before the field list arrives. */
const SOURCE_FIELD = 'sourceId';

export function detailTabCommands(entityTypeId: number, itemId: number, code: string) {
  return {
    ...linkedItemCommands(entityTypeId, itemId),
    categories: categoriesCommand(entityTypeId),
    stages: stagesCommand(entityTypeId, resultReference('item', 'item', 'categoryId')),
    fields: fieldsCommand(entityTypeId),
    // Where the smart process has no source field the reference does not resolve and this one command fails alone.
    sources: statusDirectoryCommand(resultReference('fields', 'fields', SOURCE_FIELD, 'statusType')),
    tasks: linkedTasksCommand(code),
    playbook: playbookOptionCommand(entityTypeId),
  };
}

export async function loadDetailTab(
  boundary: BitrixBoundary,
  queryClient: QueryClient,
  entityTypeId: number,
  itemId: number,
): Promise<DetailTabData> {
  const code = itemLinkCode(entityTypeId, itemId);
  const answers = await boundary.batch(detailTabCommands(entityTypeId, itemId, code));
  const linked = readLinkedItem(queryClient, entityTypeId, itemId, answers);
  const { item } = linked;

  const categories = answers.categories.ok ? decodeCategories(answers.categories.result.categories) : null;
  const stages = answers.stages.ok ? decodeStages(answers.stages.result) : null;
  const fields = answers.fields.ok ? decodeFieldDefinitions(answers.fields.result.fields) : null;
  const sourceType = fields?.find((field) => field.name === SOURCE_FIELD)?.statusType;

  if (categories) queryClient.setQueryData(itemKeys.categories(entityTypeId), categories);
  if (stages && item.categoryId !== null) {
    queryClient.setQueryData(itemKeys.stages(entityTypeId, item.categoryId), stages);
    if (answers.stages.ok)
      primeStatusNames(queryClient, stageDirectory(entityTypeId, item.categoryId), answers.stages.result);
  }
  if (fields) queryClient.setQueryData(itemKeys.fields(entityTypeId), fields);
  if (sourceType && answers.sources.ok) primeStatusNames(queryClient, sourceType, answers.sources.result);
  if (answers.tasks.ok)
    primeLinkedTasks(queryClient, entityTypeId, itemId, answers.tasks.result.tasks, answers.tasks.total);

  const playbook = answers.playbook.ok ? readPlaybookOption(answers.playbook.result, entityTypeId) : null;
  if (playbook) queryClient.setQueryData(playbookKeys.document(entityTypeId), playbook);

  const problems: DetailTabProblems = {
    categories: answers.categories.ok ? null : answers.categories.error,
    stages: answers.stages.ok ? null : answers.stages.error,
    fields: answers.fields.ok ? null : answers.fields.error,
    playbook: answers.playbook.ok ? null : answers.playbook.error,
  };
  return { ...linked, categories, stages, fields, playbook, problems };
}
