/**
 * Everything the tab shows first, in ONE batch: the item, its smart process, the CRM type
 * directory, funnels, the stages of the item's funnel (a `$result` reference to its
 * categoryId), field definitions, linked tasks, the current user and the item's responsible.
 * Each answer is cached under its own resource key, so later hooks read it without asking.
 */
import type { QueryClient } from '@tanstack/react-query';
import { BitrixError, command, resultReference, type BitrixBoundary, type RestUser } from '../../bitrix';
import type { FieldDefinition } from '../../domain/fields';
import { linkCode } from '../../domain/link-code';
import type { Stage } from '../../domain/stages';
import {
  categoriesCommand,
  decodeCategories,
  decodeFieldDefinitions,
  decodeItem,
  decodeStages,
  fieldsCommand,
  itemCommand,
  itemKeys,
  stagesCommand,
  type Category,
  type CrmItem,
} from '../../queries/items';
import {
  crmTypeDirectoryCommand,
  decodeDirectory,
  decodeSmartProcess,
  smartProcessCommand,
  smartProcessKeys,
  type CrmTypeDirectory,
  type SmartProcess,
} from '../../queries/smart-processes';
import { linkedTasksCommand, primeLinkedTasks } from '../../queries/tasks';
import { currentUserCommand, decodeCurrentUser, decodeUser, primeUsers, USER_SELECT, userKeys, type CurrentUser, type User } from '../../queries/users';

export interface DetailTabData {
  item: CrmItem;
  smartProcess: SmartProcess;
  directory: CrmTypeDirectory | null;
  categories: Category[] | null;
  stages: Stage[] | null;
  fields: FieldDefinition[] | null;
  currentUser: CurrentUser;
  responsible: User | null;
  /** UF_CRM_TASK value of this item, e.g. Tb1_29. */
  linkCode: string;
}

export const detailTabKeys = {
  all: ['detail-tab'] as const,
  data: (entityTypeId: number, itemId: number) => [...detailTabKeys.all, entityTypeId, itemId] as const,
};

export type DetailTabProblem = 'item-missing' | 'smart-process-missing' | 'no-access' | 'failed';

/** Why the tab cannot show the item, with the boundary's error behind it. */
export class DetailTabError extends Error {
  override readonly name = 'DetailTabError';
  constructor(
    readonly problem: DetailTabProblem,
    readonly reason: BitrixError,
  ) {
    super(`${problem}: ${reason.message}`);
  }
}

export function detailTabCommands(entityTypeId: number, itemId: number, code: string) {
  return {
    item: itemCommand(entityTypeId, itemId),
    type: smartProcessCommand(entityTypeId),
    directory: crmTypeDirectoryCommand(),
    categories: categoriesCommand(entityTypeId),
    stages: stagesCommand(entityTypeId, resultReference('item', 'item', 'categoryId')),
    fields: fieldsCommand(entityTypeId),
    tasks: linkedTasksCommand(code),
    me: currentUserCommand(),
    responsible: command('user.get', { filter: { ID: [resultReference('item', 'item', 'assignedById')] }, select: USER_SELECT }),
  };
}

export async function loadDetailTab(boundary: BitrixBoundary, queryClient: QueryClient, entityTypeId: number, itemId: number): Promise<DetailTabData> {
  // The computed short code is the documented rule; the directory's, when it differs, wins for display.
  const fallbackSmartProcess = decodeSmartProcess(entityTypeId, null, null);
  const code = linkCode(fallbackSmartProcess.shortCode, itemId);
  const answers = await boundary.batch(detailTabCommands(entityTypeId, itemId, code));

  if (!answers.item.ok) {
    const error = answers.item.error;
    const typeMissing = !answers.type.ok && answers.type.error.kind === 'not-found';
    const problem: DetailTabProblem =
      error.kind === 'not-found' ? (typeMissing ? 'smart-process-missing' : 'item-missing') : error.kind === 'access-denied' ? 'no-access' : 'failed';
    throw new DetailTabError(problem, error);
  }
  if (!answers.me.ok) throw new DetailTabError('failed', answers.me.error);
  const currentUser = decodeCurrentUser(answers.me.result);
  if (!currentUser) throw new DetailTabError('failed', new BitrixError({ kind: 'unknown', code: 'NO_CURRENT_USER', status: 200, method: 'user.current' }));

  const item = decodeItem(entityTypeId, answers.item.result.item);
  const directory = answers.directory.ok ? decodeDirectory(answers.directory.result) : null;
  const smartProcess = decodeSmartProcess(entityTypeId, answers.type.ok ? answers.type.result.type : null, directory);
  const categories = answers.categories.ok ? decodeCategories(answers.categories.result.categories) : null;
  const stages = answers.stages.ok ? decodeStages(answers.stages.result) : null;
  const fields = answers.fields.ok ? decodeFieldDefinitions(answers.fields.result.fields) : null;
  const responsibleUsers = answers.responsible.ok ? (answers.responsible.result as RestUser[]).map(decodeUser).filter((user): user is User => user !== null) : [];
  const responsible = responsibleUsers.find((user) => user.id === item.assignedById) ?? null;

  queryClient.setQueryData(itemKeys.detail(entityTypeId, itemId), item);
  queryClient.setQueryData(smartProcessKeys.detail(entityTypeId), smartProcess);
  if (directory) queryClient.setQueryData(smartProcessKeys.directory(), directory);
  if (categories) queryClient.setQueryData(itemKeys.categories(entityTypeId), categories);
  if (stages && item.categoryId !== null) queryClient.setQueryData(itemKeys.stages(entityTypeId, item.categoryId), stages);
  if (fields) queryClient.setQueryData(itemKeys.fields(entityTypeId), fields);
  queryClient.setQueryData(userKeys.current(), currentUser);
  primeUsers(queryClient, [currentUser, ...responsibleUsers]);
  if (answers.tasks.ok) primeLinkedTasks(queryClient, entityTypeId, itemId, answers.tasks.result.tasks, answers.tasks.total);

  return { item, smartProcess, directory, categories, stages, fields, currentUser, responsible, linkCode: code };
}
