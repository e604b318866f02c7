/**
 * Which items of a smart process a bulk run covers: the list toolbar gets no selection from
 * the portal, so the user describes the items instead. "Only items with no open linked task"
 * cannot be said in a `crm.item.list` filter; the runner checks it per page of items.
 */

export interface BulkItemFilter {
  entityTypeId: number;
  /** Funnel (`categoryId`); null = every funnel. */
  categoryId: number | null;
  /** Stage (`stageId`, e.g. `DT177_7:NEW`); null = every stage. */
  stageId: string | null;
  /** Responsible user (`assignedById`); null = anyone. */
  responsibleId: number | null;
  onlyWithoutOpenTask: boolean;
}

/** The `filter` of `crm.item.list` (camelCase keys, as crm.item.* takes them). */
export type ItemListFilter = Readonly<Record<string, number | string>>;

export function itemListFilter(filter: BulkItemFilter): ItemListFilter {
  const result: Record<string, number | string> = {};
  if (filter.categoryId !== null) result.categoryId = filter.categoryId;
  if (filter.stageId !== null) result.stageId = filter.stageId;
  if (filter.responsibleId !== null) result.assignedById = filter.responsibleId;
  return result;
}

/**
 * One keyset page: items after `afterId`, read with `order: {id: 'ASC'}` and `start: -1`, so
 * the portal never counts and every page costs the same however deep the run is.
 */
export function itemPageFilter(filter: BulkItemFilter, afterId: number): ItemListFilter {
  return { ...itemListFilter(filter), '>id': afterId };
}

export type FilterProblem = 'stage-outside-funnel';

const STAGE_ID = /^DT(\d+)_(\d+):/;

/** A stage names its funnel (`DT177_7:NEW` is funnel 7); the two must agree. */
export function filterProblems(filter: BulkItemFilter): FilterProblem[] {
  if (filter.stageId === null || filter.categoryId === null) return [];
  const match = STAGE_ID.exec(filter.stageId);
  if (match && Number(match[2]) !== filter.categoryId) return ['stage-outside-funnel'];
  return [];
}
