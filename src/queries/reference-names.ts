/**
 * Names of the people, CRM items and status codes a view refers to (employee fields, linked
 * items, task responsibles, `crm_status` fields) that earlier answers did not already bring:
 * all looked up in ONE batch, then cached per user, per item and per status directory.
 */
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import {
  command,
  useBitrix,
  type BatchCommands,
  type BitrixBoundary,
  type RestCrmItem,
  type RestStatus,
  type RestUser,
} from '../bitrix';
import { crmItemTitle, itemKeys } from './items';
import { cachedStatusNames, primeStatusNames, statusDirectoryCommand } from './statuses';
import { decodeUser, primeUsers, USER_SELECT, userKeys, type User } from './users';

export const referenceNameKeys = {
  all: ['reference-names'] as const,
  lookup: (userIds: readonly number[], crmItems: readonly string[], statusTypes: readonly string[]) =>
    [...referenceNameKeys.all, { userIds, crmItems, statusTypes }] as const,
};

export interface ReferenceNames {
  users: ReadonlyMap<number, User>;
  /** `${entityTypeId}:${itemId}` → title */
  crmTitles: ReadonlyMap<string, string>;
  /** `${statusType}:${statusId}` → name */
  statusNames: ReadonlyMap<string, string>;
  /** Status directories whose names could not be read (their codes show as they are): say so. */
  unnamedStatusTypes: ReadonlySet<string>;
  /** Users the portal was asked for and did not return (deleted or unknown); absent = not answered yet. */
  goneUserIds?: ReadonlySet<number>;
  /** The lookup of names failed (after its retries): what is not named is unknown, not gone. */
  lookupFailed?: boolean;
}

/** What one lookup could not read, so the view can say so and offer to ask again. */
interface LookupOutcome {
  failedStatusTypes: string[];
}

export function crmReference(entityTypeId: number, itemId: number): string {
  return `${entityTypeId}:${itemId}`;
}

export function statusReference(statusType: string, statusId: string): string {
  return `${statusType}:${statusId}`;
}

/** One batch holds 50 commands: one goes to users, up to 10 to status directories, the rest to CRM types. */
const BATCH_COMMANDS = 50;
const MAX_STATUS_TYPES = 10;

/**
 * Users not cached, or cached from an answer that did not say whether they are active (a task's
 * embedded responsible). A user the portal did not return (cached as null) is known: gone.
 */
function missingUserIds(queryClient: QueryClient, userIds: readonly number[]): number[] {
  return [...new Set(userIds)]
    .filter((id) => {
      const cached = queryClient.getQueryData<User | null>(userKeys.detail(id));
      return id > 0 && cached !== null && cached?.active === undefined;
    })
    .sort((a, b) => a - b);
}

function missingCrmItems(
  queryClient: QueryClient,
  crmItems: ReadonlyMap<number, readonly number[]>,
  maxTypes: number,
): Map<number, number[]> {
  const missing = new Map<number, number[]>();
  for (const [entityTypeId, ids] of crmItems) {
    const unknown = [...new Set(ids)]
      .filter((id) => queryClient.getQueryData(itemKeys.title(entityTypeId, id)) === undefined)
      .sort((a, b) => a - b);
    if (unknown.length > 0) missing.set(entityTypeId, unknown);
  }
  return new Map([...missing].sort(([a], [b]) => a - b).slice(0, maxTypes));
}

function missingStatusTypes(queryClient: QueryClient, statusTypes: readonly string[]): string[] {
  return [...new Set(statusTypes)]
    .filter((type) => cachedStatusNames(queryClient, type) === undefined)
    .sort()
    .slice(0, MAX_STATUS_TYPES);
}

async function lookUp(
  boundary: BitrixBoundary,
  queryClient: QueryClient,
  userIds: number[],
  crmItems: Map<number, number[]>,
  statusTypes: string[],
): Promise<LookupOutcome> {
  const commands: BatchCommands = {};
  if (userIds.length > 0) commands.users = command('user.get', { filter: { ID: userIds }, select: USER_SELECT });
  statusTypes.forEach((type, index) => (commands[`status_${index}`] = statusDirectoryCommand(type)));
  for (const [entityTypeId, ids] of crmItems) {
    commands[`crm_${entityTypeId}`] = command('crm.item.list', {
      entityTypeId,
      filter: { '@id': ids },
      select: ['id', 'title', 'name', 'lastName'],
    });
  }
  const answers = await boundary.batch(commands);
  const users = answers.users;
  // A failed user.get says nothing about who exists: the lookup fails (and is retried, or shown as
  // failed), rather than every asked user passing for deleted.
  if (users && !users.ok) throw users.error;
  if (users?.ok) {
    const found = (users.result as RestUser[]).map(decodeUser).filter((user): user is User => user !== null);
    primeUsers(queryClient, found);
    // Asked for and not returned: the portal does not know them (deleted). null = known to be gone.
    for (const id of userIds)
      if (!found.some((user) => user.id === id)) queryClient.setQueryData(userKeys.detail(id), null);
  }
  for (const [entityTypeId, ids] of crmItems) {
    const answer = answers[`crm_${entityTypeId}`];
    // Items the user may not read stay unnamed; the view shows their type and number.
    if (!answer?.ok) continue;
    const found = new Map(
      ((answer.result as { items: RestCrmItem[] }).items ?? []).map((item) => [Number(item.id), crmItemTitle(item)]),
    );
    for (const id of ids) queryClient.setQueryData(itemKeys.title(entityTypeId, id), found.get(id) ?? '');
  }
  const failedStatusTypes: string[] = [];
  statusTypes.forEach((type, index) => {
    const answer = answers[`status_${index}`];
    // A directory that could not be read leaves its codes showing as they are, and says so.
    if (answer?.ok) primeStatusNames(queryClient, type, answer.result as RestStatus[]);
    else failedStatusTypes.push(type);
  });
  return { failedStatusTypes };
}

export function useReferenceNames(
  userIds: readonly number[],
  crmItems: ReadonlyMap<number, readonly number[]>,
  statusTypes: readonly string[] = [],
): ReferenceNames & { isLoading: boolean; retry: () => void; retrying: boolean } {
  const boundary = useBitrix();
  const queryClient = useQueryClient();
  const missingUsers = missingUserIds(queryClient, userIds);
  const missingStatuses = missingStatusTypes(queryClient, statusTypes);
  const missingCrm = missingCrmItems(queryClient, crmItems, BATCH_COMMANDS - 1 - missingStatuses.length);
  const crmKey = [...missingCrm].map(([type, ids]) => `${type}:${ids.join(',')}`);
  const lookup = useQuery({
    queryKey: referenceNameKeys.lookup(missingUsers, crmKey, missingStatuses),
    enabled: missingUsers.length > 0 || missingCrm.size > 0 || missingStatuses.length > 0,
    staleTime: Infinity,
    queryFn: () => lookUp(boundary, queryClient, missingUsers, missingCrm, missingStatuses),
  });

  const users = new Map<number, User>();
  const goneUserIds = new Set<number>();
  for (const id of userIds) {
    const user = queryClient.getQueryData<User | null>(userKeys.detail(id));
    if (user) users.set(id, user);
    else if (user === null) goneUserIds.add(id);
  }
  const crmTitles = new Map<string, string>();
  for (const [entityTypeId, ids] of crmItems) {
    for (const id of ids) {
      const title = queryClient.getQueryData<string>(itemKeys.title(entityTypeId, id));
      if (title) crmTitles.set(crmReference(entityTypeId, id), title);
    }
  }
  const statusNames = new Map<string, string>();
  for (const type of new Set(statusTypes)) {
    for (const [id, name] of cachedStatusNames(queryClient, type) ?? [])
      statusNames.set(statusReference(type, id), name);
  }
  // A failed lookup (the whole batch) leaves every asked directory unnamed, as does a failed part.
  const unnamedStatusTypes = new Set(
    lookup.isError
      ? missingStatuses
      : (lookup.data?.failedStatusTypes ?? []).filter((type) => missingStatuses.includes(type)),
  );
  return {
    users,
    crmTitles,
    statusNames,
    unnamedStatusTypes,
    goneUserIds,
    lookupFailed: lookup.isError,
    isLoading: lookup.isLoading,
    retry: () => void lookup.refetch(),
    retrying: lookup.isFetching,
  };
}
