/**
 * User photos the portal serves at /upload/avatars/<id>.svg (initials on a colour), and the
 * default avatar tasks show for users without a photo. Real URLs, no data URLs.
 */
import type { PortalStore } from './state/store';
import { DEFAULT_AVATAR_PATH } from './state/host-data-adapter';

const COLOURS = ['#2FC6F6', '#9DCF00', '#FF5752', '#FFA900', '#55D0E0', '#A77BDE', '#1EAE43', '#F7A700'];

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (char) => `&#${char.charCodeAt(0)};`);
}

function initialsAvatar(initials: string, colour: string): string {
  return (
    '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100" viewBox="0 0 100 100">' +
    `<rect width="100" height="100" rx="50" fill="${colour}"/>` +
    '<text x="50" y="50" dy="0.35em" text-anchor="middle" font-family="Helvetica, Arial, sans-serif" font-size="38" fill="#FFFFFF">' +
    `${escapeXml(initials)}</text></svg>`
  );
}

const DEFAULT_AVATAR =
  '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100" viewBox="0 0 100 100">' +
  '<rect width="100" height="100" rx="50" fill="#DFE0E3"/>' +
  '<circle cx="50" cy="38" r="17" fill="#FFFFFF"/><path d="M20 82c4-17 16-25 30-25s26 8 30 25" fill="#FFFFFF"/></svg>';

/** The SVG for a portal image path, or undefined when the path is not one. */
export function avatarSvg(pathname: string, store: PortalStore): string | undefined {
  if (pathname === DEFAULT_AVATAR_PATH) return DEFAULT_AVATAR;
  const match = /^\/upload\/avatars\/(\d+)\.svg$/.exec(pathname);
  if (!match) return undefined;
  const user = store.user(Number(match[1]));
  if (!user || user.photoPath !== pathname) return undefined;
  const initials = `${user.name.charAt(0)}${user.lastName.charAt(0)}`.toUpperCase();
  return initialsAvatar(initials, COLOURS[user.id % COLOURS.length]!);
}
