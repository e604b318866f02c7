/**
 * What the bulk panel needs before the user chooses anything: the smart process, its funnels,
 * every funnel's stages, the current user and the smart process's stage playbook (app option
 * `playbook_<N>`). Two round trips: the funnels must be known before their stages can be asked
 * for (all in one batch).
 */
import { useQuery } from '@tanstack/react-query';
import { useBitrix, type BatchCommand, type BitrixBoundary, type RestStatus } from '../bitrix';
import { itemListFilter, type BulkItemFilter } from '../domain/bulk/item-filter';
import type { Stage } from '../domain/stages';
import { decodeStages, stagesCommand, type Category } from './items';
import { decodeSetupBasics, setupBasicsCommands } from './setup-basics';
import type { SmartProcess } from './smart-processes';
import type { CurrentUser } from './users';
import { playbookOptionCommand, readPlaybookEntry, type StoredPlaybook } from './playbooks';

export interface BulkSetup {
  smartProcess: SmartProcess;
  categories: Category[];
  stagesByCategory: ReadonlyMap<number, Stage[]>;
  currentUser: CurrentUser;
  /** The stage playbook as stored; null when it could not be read (the single-template run still works). */
  playbook: StoredPlaybook | null;
}

export const bulkKeys = {
  all: ['bulk'] as const,
  setup: (entityTypeId: number) => [...bulkKeys.all, 'setup', entityTypeId] as const,
  count: (filterKey: string) => [...bulkKeys.all, 'count', filterKey] as const,
  runTasks: (runId: string) => [...bulkKeys.all, 'run-tasks', runId] as const,
};

export async function loadBulkSetup(boundary: BitrixBoundary, entityTypeId: number): Promise<BulkSetup> {
  const first = await boundary.batch({
    ...setupBasicsCommands(entityTypeId),
    playbook: playbookOptionCommand(entityTypeId),
  });
  const { smartProcess, categories, currentUser } = decodeSetupBasics(first, entityTypeId);

  const stagesByCategory = new Map<number, Stage[]>();
  if (categories.length > 0) {
    const commands: Record<string, BatchCommand<'crm.status.list'>> = {};
    for (const category of categories.slice(0, 50))
      commands[`stages${category.id}`] = stagesCommand(entityTypeId, category.id);
    const stages = await boundary.batch(commands);
    for (const category of categories) {
      const answer = stages[`stages${category.id}`];
      stagesByCategory.set(
        category.id,
        answer?.ok ? decodeStages(answer.result as RestStatus[]).sort((a, b) => a.sort - b.sort) : [],
      );
    }
  }
  let playbook: StoredPlaybook | null = null;
  try {
    playbook = readPlaybookEntry(first.playbook, entityTypeId);
  } catch {
    // The playbook mode says it could not be read; the rest of the panel does not depend on it.
  }
  return { smartProcess, categories, stagesByCategory, currentUser, playbook };
}

export function useBulkSetup(entityTypeId: number) {
  const boundary = useBitrix();
  return useQuery({
    queryKey: bulkKeys.setup(entityTypeId),
    queryFn: () => loadBulkSetup(boundary, entityTypeId),
    staleTime: 60_000,
  });
}

/**
 * How many of `taskIds` (a finished run's tasks, up to 500) still exist, for "Last run on …":
 * one tasks.task.list of those ids, its `total`. A run whose tasks were all deleted is not worth
 * recalling.
 */
export async function countExistingTasks(boundary: BitrixBoundary, taskIds: readonly number[]): Promise<number> {
  if (taskIds.length === 0) return 0;
  const { result, total } = await boundary.call('tasks.task.list', {
    filter: { ID: [...taskIds] },
    select: ['ID'],
    start: 0,
  });
  return total ?? result.tasks.length;
}

/** `countExistingTasks` as a query, keyed by the run; disabled when there is nothing to look for. */
export function useExistingTaskCount(runId: string | null, taskIds: readonly number[]) {
  const boundary = useBitrix();
  return useQuery({
    queryKey: bulkKeys.runTasks(runId ?? ''),
    queryFn: () => countExistingTasks(boundary, taskIds),
    enabled: runId !== null && taskIds.length > 0,
    staleTime: 60_000,
  });
}

/** How many items match funnel, stage and responsible: one list call, its `total`. */
export async function countMatchingItems(boundary: BitrixBoundary, filter: BulkItemFilter): Promise<number> {
  const { result, total } = await boundary.call('crm.item.list', {
    entityTypeId: filter.entityTypeId,
    select: ['id'],
    filter: itemListFilter(filter),
    start: 0,
  });
  return total ?? result.items.length;
}

export function useMatchingItemCount(filter: BulkItemFilter) {
  const boundary = useBitrix();
  const { onlyWithoutOpenTask: _ignored, ...counted } = filter;
  return useQuery({
    queryKey: bulkKeys.count(JSON.stringify(counted)),
    queryFn: () => countMatchingItems(boundary, filter),
    staleTime: 10_000,
  });
}
