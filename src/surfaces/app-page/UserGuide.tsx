import type { MouseEvent } from 'react';
import { useBitrix } from '../../bitrix';
import { crmItemPath } from '../../domain/portal-paths';
import { useI18n, useMessages } from '../../i18n';
import { Skeleton } from '../../ui';
import { manifest, placementCode } from '../../../placements/manifest';
import { appPageMessages } from './messages';
import { useRecentItemLinks, type RecentItemLink } from './recent-items';
import { useSurfaceTitles } from './SyncProblems';

/**
 * The app page for a user who is not an administrator: where Smart Tasks lives (each surface by
 * its real title and place) and links to a recent item's card with the tab open, opened in the
 * portal's slider. The portal's page already carries the app's name, so no heading repeats it.
 */
export function UserGuide() {
  const text = useMessages(appPageMessages);
  const { language } = useI18n();
  const surfaceTitle = useSurfaceTitles();
  const links = useRecentItemLinks();

  return (
    <div className="st-surface st-surface--embedded ap">
      <p>{text.userIntro}</p>
      <ul className="ap-places">
        {manifest.surfaces.map((surface) => (
          <li key={surface.id}>{text.userPlace(surfaceTitle(surface.id), surface.title[language])}</li>
        ))}
      </ul>
      <h2 className="ap-subtitle">{text.recentTitle}</h2>
      {links.isPending ? (
        <Skeleton width="60%" height={18} />
      ) : links.isError ? (
        <p className="st-muted">{text.recentFailed}</p>
      ) : links.data.every((link) => link.item === null) ? (
        <p className="st-muted">{text.recentNone}</p>
      ) : (
        <ul className="ap-recent">
          {links.data.map((link) => (link.item ? <RecentItem key={link.entityTypeId} link={link} /> : null))}
        </ul>
      )}
      <p className="st-muted ap-admin-note">{text.userAdminNote}</p>
    </div>
  );
}

function RecentItem({ link }: { link: RecentItemLink }) {
  const boundary = useBitrix();
  const text = useMessages(appPageMessages);
  const item = link.item!;
  const tab = manifest.surfaces.find((surface) => surface.id === 'detail-tab');
  const query = tab ? `?active_tab=${encodeURIComponent(placementCode(tab, link.entityTypeId))}` : '';
  const path = `${crmItemPath(link.entityTypeId, item.id)}${query}`;
  const open = (event: MouseEvent<HTMLAnchorElement>) => {
    // A new browser tab (modifier keys, middle button) is the user's choice.
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    void boundary.openPortalPath(path).catch(() => undefined);
  };
  return (
    <li>
      <span className="ap-recent__process">{link.smartProcessTitle}: </span>
      <a href={boundary.portalUrl(path)} target="_top" onClick={open}>
        {item.title || text.untitledItem(item.id)}
      </a>
    </li>
  );
}
