import { manifest, placementCode } from '../../../placements/manifest';
import { crmItemPath } from '../../domain/portal-paths';

/**
 * The item's card opened on the app's own tab (the DETAIL_TAB placement): the card's path with
 * `active_tab` set to the tab's placement code, which Bitrix24's card reads to choose the
 * tab it opens on. Used as the way from a compact surface to the full form.
 */
export function detailTabPath(entityTypeId: number, itemId: number): string {
  const tab = manifest.surfaces.find((surface) => surface.route === 'detail-tab');
  const path = crmItemPath(entityTypeId, itemId);
  return tab ? `${path}?active_tab=${encodeURIComponent(placementCode(tab, entityTypeId))}` : path;
}
