/**
 * What every surface that creates a task linked to ONE item reads first, as commands to put
 * in the surface's own single batch: the item, its smart process (and the CRM type directory,
 * readable to anyone), the current user and the item's responsible. `readLinkedItem` turns the
 * answers into app types, caches each under its resource key, and says in a LinkedItemError why
 * the item cannot be shown.
 */
import type { QueryClient } from '@tanstack/react-query';
import { BitrixError, command, isBitrixError, resultReference, type BatchResults, type RestUser } from '../../bitrix';
import { READ_RETRIES } from '../../queries/read-retries';
import { linkCode } from '../../domain/link-code';
import { decodeItem, itemCommand, itemKeys, type CrmItem } from '../../queries/items';
import {
  crmTypeDirectoryCommand,
  decodeDirectory,
  decodeSmartProcess,
  smartProcessCommand,
  smartProcessKeys,
  type CrmTypeDirectory,
  type SmartProcess,
} from '../../queries/smart-processes';
import {
  currentUserCommand,
  decodeCurrentUser,
  decodeUser,
  primeUsers,
  USER_SELECT,
  userKeys,
  type CurrentUser,
  type User,
} from '../../queries/users';

export interface LinkedItem {
  item: CrmItem;
  smartProcess: SmartProcess;
  directory: CrmTypeDirectory | null;
  currentUser: CurrentUser;
  responsible: User | null;
  /** UF_CRM_TASK value of this item, e.g. Tb1_29. */
  linkCode: string;
}

export type LinkedItemProblem = 'item-missing' | 'smart-process-missing' | 'no-access' | 'failed';

/** Why a surface cannot show the item, with the boundary's error behind it. */
export class LinkedItemError extends Error {
  override readonly name = 'LinkedItemError';
  constructor(
    readonly problem: LinkedItemProblem,
    readonly reason: BitrixError,
  ) {
    super(`${problem}: ${reason.message}`);
  }
}

/**
 * The first read is asked again only for a passing failure (network, timeout, rate limit, 5xx):
 * of the item's own commands (a LinkedItemError) or of the whole batch (a BitrixError).
 */
export function retryLinkedItemRead(failureCount: number, error: Error): boolean {
  const reason = error instanceof LinkedItemError ? error.reason : isBitrixError(error) ? error : null;
  return reason !== null && reason.isTransient && failureCount < READ_RETRIES;
}

/**
 * The item's UF_CRM_TASK code, known before anything is read: the computed short code is the
 * documented rule (the directory's, when it differs, wins for display only).
 */
export function itemLinkCode(entityTypeId: number, itemId: number): string {
  return linkCode(decodeSmartProcess(entityTypeId, null, null).shortCode, itemId);
}

export function linkedItemCommands(entityTypeId: number, itemId: number) {
  return {
    item: itemCommand(entityTypeId, itemId),
    type: smartProcessCommand(entityTypeId),
    directory: crmTypeDirectoryCommand(),
    me: currentUserCommand(),
    responsible: command('user.get', {
      filter: { ID: [resultReference('item', 'item', 'assignedById')] },
      select: USER_SELECT,
    }),
  };
}

export type LinkedItemAnswers = BatchResults<ReturnType<typeof linkedItemCommands>>;

export function readLinkedItem(
  queryClient: QueryClient,
  entityTypeId: number,
  itemId: number,
  answers: LinkedItemAnswers,
): LinkedItem {
  if (!answers.item.ok) {
    const error = answers.item.error;
    const typeMissing = !answers.type.ok && answers.type.error.kind === 'not-found';
    const problem: LinkedItemProblem =
      error.kind === 'not-found'
        ? typeMissing
          ? 'smart-process-missing'
          : 'item-missing'
        : error.kind === 'access-denied'
          ? 'no-access'
          : 'failed';
    throw new LinkedItemError(problem, error);
  }
  if (!answers.me.ok) throw new LinkedItemError('failed', answers.me.error);
  const currentUser = decodeCurrentUser(answers.me.result);
  if (!currentUser)
    throw new LinkedItemError(
      'failed',
      new BitrixError({ kind: 'unknown', code: 'NO_CURRENT_USER', status: 200, method: 'user.current' }),
    );

  const item = decodeItem(entityTypeId, answers.item.result.item);
  const directory = answers.directory.ok ? decodeDirectory(answers.directory.result) : null;
  const smartProcess = decodeSmartProcess(entityTypeId, answers.type.ok ? answers.type.result.type : null, directory);
  const responsibleUsers = answers.responsible.ok
    ? (answers.responsible.result as RestUser[]).map(decodeUser).filter((user): user is User => user !== null)
    : [];

  queryClient.setQueryData(itemKeys.detail(entityTypeId, itemId), item);
  queryClient.setQueryData(smartProcessKeys.detail(entityTypeId), smartProcess);
  if (directory) queryClient.setQueryData(smartProcessKeys.directory(), directory);
  queryClient.setQueryData(userKeys.current(), currentUser);
  primeUsers(queryClient, [currentUser, ...responsibleUsers]);

  return {
    item,
    smartProcess,
    directory,
    currentUser,
    responsible: responsibleUsers.find((user) => user.id === item.assignedById) ?? null,
    linkCode: itemLinkCode(entityTypeId, itemId),
  };
}
