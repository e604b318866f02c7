/**
 * What the compact "create linked task" panel needs, in ONE batch: the item, its smart
 * process (and the CRM type directory, readable to anyone), the current user, the item's
 * responsible and, from a timeline record's menu, that record (for its subject).
 */
import type { QueryClient } from '@tanstack/react-query';
import { BitrixError, command, resultReference, type BatchResults, type BitrixBoundary, type RestUser } from '../../bitrix';
import { linkCode } from '../../domain/link-code';
import type { PlacementOptions } from '../../domain/placement';
import { decodeItem, itemCommand, itemKeys } from '../../queries/items';
import { crmTypeDirectoryCommand, decodeDirectory, decodeSmartProcess, smartProcessCommand, smartProcessKeys } from '../../queries/smart-processes';
import { currentUserCommand, decodeCurrentUser, decodeUser, primeUsers, USER_SELECT, userKeys, type User } from '../../queries/users';
import type { DetailTabData } from '../detail-tab/load-detail-tab';

/** `ASSOCIATED_ENTITY_TYPE_ID` of a timeline record that is an activity (crm.activity.get). */
const ACTIVITY_TYPE_ID = '6';

export interface QuickCreateData extends DetailTabData {
  /** Subject of the timeline record the panel was opened from, if any. */
  recordSubject: string | null;
}

export type QuickCreateProblem = 'item-missing' | 'smart-process-missing' | 'no-access' | 'failed';

export class QuickCreateError extends Error {
  override readonly name = 'QuickCreateError';
  constructor(
    readonly problem: QuickCreateProblem,
    readonly reason: BitrixError,
  ) {
    super(`${problem}: ${reason.message}`);
  }
}

export const quickCreateKeys = {
  all: ['quick-create'] as const,
  data: (entityTypeId: number, itemId: number, activityId: number | null) => [...quickCreateKeys.all, entityTypeId, itemId, activityId] as const,
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
  const fallback = decodeSmartProcess(entityTypeId, null, null);
  const code = linkCode(fallback.shortCode, itemId);
  const commands = {
    item: itemCommand(entityTypeId, itemId),
    type: smartProcessCommand(entityTypeId),
    directory: crmTypeDirectoryCommand(),
    me: currentUserCommand(),
    responsible: command('user.get', { filter: { ID: [resultReference('item', 'item', 'assignedById')] }, select: USER_SELECT }),
  };
  const withRecord = { ...commands, activity: command('crm.activity.get', { id: activityId ?? 0 }) };
  const answers: BatchResults<typeof commands> & Partial<Pick<BatchResults<typeof withRecord>, 'activity'>> =
    activityId === null ? await boundary.batch(commands) : await boundary.batch(withRecord);

  if (!answers.item.ok) {
    const error = answers.item.error;
    const typeMissing = !answers.type.ok && answers.type.error.kind === 'not-found';
    const problem: QuickCreateProblem =
      error.kind === 'not-found' ? (typeMissing ? 'smart-process-missing' : 'item-missing') : error.kind === 'access-denied' ? 'no-access' : 'failed';
    throw new QuickCreateError(problem, error);
  }
  if (!answers.me.ok) throw new QuickCreateError('failed', answers.me.error);
  const currentUser = decodeCurrentUser(answers.me.result);
  if (!currentUser) throw new QuickCreateError('failed', new BitrixError({ kind: 'unknown', code: 'NO_CURRENT_USER', status: 200, method: 'user.current' }));

  const item = decodeItem(entityTypeId, answers.item.result.item);
  const directory = answers.directory.ok ? decodeDirectory(answers.directory.result) : null;
  const smartProcess = decodeSmartProcess(entityTypeId, answers.type.ok ? answers.type.result.type : null, directory);
  const responsibleUsers = answers.responsible.ok
    ? (answers.responsible.result as RestUser[]).map(decodeUser).filter((user): user is User => user !== null)
    : [];
  const activity = answers.activity;
  const subject = activity?.ok && typeof activity.result.SUBJECT === 'string' ? activity.result.SUBJECT.trim() : '';

  queryClient.setQueryData(itemKeys.detail(entityTypeId, itemId), item);
  queryClient.setQueryData(smartProcessKeys.detail(entityTypeId), smartProcess);
  if (directory) queryClient.setQueryData(smartProcessKeys.directory(), directory);
  queryClient.setQueryData(userKeys.current(), currentUser);
  primeUsers(queryClient, [currentUser, ...responsibleUsers]);

  return {
    item,
    smartProcess,
    directory,
    categories: null,
    stages: null,
    fields: null,
    currentUser,
    responsible: responsibleUsers.find((user) => user.id === item.assignedById) ?? null,
    linkCode: code,
    recordSubject: subject === '' ? null : subject,
  };
}
