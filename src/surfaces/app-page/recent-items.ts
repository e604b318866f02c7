/**
 * For a user who is not an administrator: the smart processes whose item card carries the Smart
 * Tasks tab (the admin's choices over the manifest's defaults; `placement.get` and `crm.type.list`
 * are admin-only, so the choices stand in for the bindings and `crm.enum.ownertype`, which any
 * user may read, for the list of smart processes) and each one's newest item, so the app page can
 * link to a card where the app really is. Two round trips: one batch with the smart processes and
 * the choices, one batch with one `crm.item.list` per smart process (newest first; the first row
 * is kept; a smart process the user cannot read simply gets no link).
 */
import { useQuery } from '@tanstack/react-query';
import { command, useBitrix, type BatchCommand, type BitrixBoundary } from '../../bitrix';
import { isSurfaceWanted, parseSurfaceChoices, SURFACE_CHOICES_OPTION } from '../../domain/install/surface-choices';
import { manifest } from '../../../placements/manifest';

/** A smart process that shows the tab, with its newest item (null when it has none the user can see). */
export interface RecentItemLink {
  entityTypeId: number;
  smartProcessTitle: string;
  item: { id: number; title: string } | null;
}

/** At most this many smart processes are linked: a page of links, not a directory. */
export const MAX_RECENT_LINKS = 5;

const detailTab = manifest.surfaces.find((surface) => surface.id === 'detail-tab');

/** Reads the links; throws the boundary's BitrixError when the smart processes cannot be read. */
export async function loadRecentItemLinks(boundary: BitrixBoundary): Promise<RecentItemLink[]> {
  const first = await boundary.batch({
    types: command('crm.enum.ownertype', {}),
    choices: command('app.option.get', { option: SURFACE_CHOICES_OPTION }),
  });
  if (!first.types.ok) throw first.types.error;
  const choices = first.choices.ok ? parseSurfaceChoices(first.choices.result).choices : { overrides: {} };
  const processes = first.types.result
    .filter((type) => String(type.SYMBOL_CODE ?? '').startsWith('DYNAMIC_'))
    .map((type) => ({ entityTypeId: Number(type.ID), title: type.NAME ?? '' }))
    .filter(
      (type) =>
        Number.isInteger(type.entityTypeId) &&
        detailTab !== undefined &&
        isSurfaceWanted(choices, type.entityTypeId, detailTab),
    )
    .slice(0, MAX_RECENT_LINKS);
  if (processes.length === 0) return [];
  const items = await boundary.batch(
    Object.fromEntries(
      processes.map((type) => [
        `items${type.entityTypeId}`,
        command('crm.item.list', {
          entityTypeId: type.entityTypeId,
          select: ['id', 'title'],
          order: { id: 'DESC' },
          start: -1,
        }),
      ]),
    ) as Record<string, BatchCommand<'crm.item.list'>>,
  );
  return processes.map((type) => {
    const answer = items[`items${type.entityTypeId}`];
    const row = answer?.ok ? answer.result.items[0] : undefined;
    return {
      entityTypeId: type.entityTypeId,
      smartProcessTitle: type.title ?? '',
      item: row ? { id: Number(row.id), title: String(row.title ?? '') } : null,
    };
  });
}

/** The links as a query, read once per page view. */
export function useRecentItemLinks() {
  const boundary = useBitrix();
  return useQuery({
    queryKey: ['app-page', 'recent-item-links'],
    queryFn: () => loadRecentItemLinks(boundary),
    staleTime: 60_000,
  });
}
