/**
 * CRM status directories (crm.status.list by ENTITY_ID): the names behind the codes that
 * `crm_status` fields hold, e.g. an item's source `OTHER` → "Other" (directory `SOURCE`).
 * Cached per directory: STATUS_ID → NAME.
 */
import type { QueryClient } from '@tanstack/react-query';
import { command, type RestStatus } from '../bitrix';

export type StatusNames = ReadonlyMap<string, string>;

export const statusKeys = {
  all: ['status-directory'] as const,
  directory: (entityId: string) => [...statusKeys.all, entityId] as const,
};

/** One directory, in its own order. `entityId` may be a batch reference (`$result[...]`). */
export function statusDirectoryCommand(entityId: string) {
  return command('crm.status.list', { filter: { ENTITY_ID: entityId }, order: { SORT: 'ASC' } });
}

export function decodeStatusNames(rows: readonly RestStatus[], entityId: string): StatusNames {
  return new Map(rows.filter((row) => row.ENTITY_ID === entityId).map((row) => [row.STATUS_ID, row.NAME]));
}

/** Caches what the portal answered for `entityId` (also when it knows no status there, so nobody asks again). */
export function primeStatusNames(queryClient: QueryClient, entityId: string, rows: readonly RestStatus[]): StatusNames {
  const names = decodeStatusNames(rows, entityId);
  queryClient.setQueryData(statusKeys.directory(entityId), names);
  return names;
}

export function cachedStatusNames(queryClient: QueryClient, entityId: string): StatusNames | undefined {
  return queryClient.getQueryData<StatusNames>(statusKeys.directory(entityId));
}
