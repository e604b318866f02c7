/**
 * Addresses of the emulated portal's pages, shared by the server (routing), the portal's
 * browser script, the CLI and the e2e helpers. Paths follow Bitrix24's own.
 */

/** Query parameters the emulator reads on every page: the acting user and the interface language. */
export const USER_QUERY = 'user';
export const LANG_QUERY = 'lang';

/** The portal's internal endpoint behind app frames (lazy loading, token refresh, options, install). */
export const LAYOUT_AJAX_PATH = '/bitrix/components/bitrix/app.layout/lazyload.ajax.php';
/** The portal's own CRM actions from its pages (the card's stage bar), as Bitrix24's ajax controller. */
export const CRM_AJAX_PATH = '/bitrix/services/main/ajax.php';
export const PORTAL_SCRIPT_PATH = '/bitrix/js/rest/applayout.emulator.js';
export const PORTAL_STYLES_PATH = '/bitrix/css/emulator/portal.css';
/** The app's icon from its card (placements/app-card.json), as the portal's app list shows it. */
export const APP_ICON_PATH = '/bitrix/images/rest/app-icon.svg';

/**
 * Paths an app may open with `openPath`, as the portal's applayout.js tests them: on the raw
 * string the app sent, before the browser resolves `..` segments.
 */
export const OPEN_PATH_PATTERN =
  /^\/(crm\/(deal|lead|contact|company|type)|marketplace|company\/personal\/user\/[0-9]+|workgroups\/group\/[0-9]+)\//;

export interface PageQuery {
  user?: number | undefined;
  lang?: string | undefined;
}

function withQuery(path: string, query: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') search.set(name, String(value));
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

export function detailPath(
  entityTypeId: number,
  itemId: number,
  query: PageQuery & { activeTab?: string } = {},
): string {
  return withQuery(`/crm/type/${entityTypeId}/details/${itemId}/`, {
    active_tab: query.activeTab,
    [USER_QUERY]: query.user,
    [LANG_QUERY]: query.lang,
  });
}

export function listPath(
  entityTypeId: number,
  query: PageQuery & { category?: number; page?: number; find?: string } = {},
): string {
  return withQuery(`/crm/type/${entityTypeId}/list/`, {
    category: query.category,
    page: query.page,
    FIND: query.find,
    [USER_QUERY]: query.user,
    [LANG_QUERY]: query.lang,
  });
}

/** The automation rules (robot designer) of a smart process's funnel, as Bitrix24 addresses it. */
export function automationPath(entityTypeId: number, categoryId: number, query: PageQuery = {}): string {
  return withQuery(`/crm/type/${entityTypeId}/automation/${categoryId}/`, {
    [USER_QUERY]: query.user,
    [LANG_QUERY]: query.lang,
  });
}

export function appPagePath(
  appId: number | string,
  query: PageQuery & { options?: Record<string, string> } = {},
): string {
  return withQuery(`/marketplace/app/${appId}/`, {
    ...query.options,
    [USER_QUERY]: query.user,
    [LANG_QUERY]: query.lang,
  });
}

export function taskViewPath(userId: number, taskId: number, query: PageQuery = {}): string {
  return withQuery(`/company/personal/user/${userId}/tasks/task/view/${taskId}/`, {
    [USER_QUERY]: query.user,
    [LANG_QUERY]: query.lang,
  });
}

export function userProfilePath(userId: number, query: PageQuery = {}): string {
  return withQuery(`/company/personal/user/${userId}/`, {
    [USER_QUERY]: query.user,
    [LANG_QUERY]: query.lang,
  });
}

export type PortalRoute =
  | { page: 'home' }
  | { page: 'detail'; entityTypeId: number; itemId: number }
  | { page: 'list'; entityTypeId: number }
  | { page: 'automation'; entityTypeId: number; categoryId: number }
  | { page: 'app'; appId: string }
  | { page: 'task'; userId: number; taskId: number }
  | { page: 'user'; userId: number }
  /** A path the real portal has (openPath may lead there) but the emulator does not draw. */
  | { page: 'unsupported' };

const ROUTES: Array<[RegExp, (match: RegExpMatchArray) => PortalRoute]> = [
  [/^\/$/, () => ({ page: 'home' })],
  [
    /^\/crm\/type\/(\d+)\/details\/(\d+)\/$/,
    (m) => ({ page: 'detail', entityTypeId: Number(m[1]), itemId: Number(m[2]) }),
  ],
  [/^\/crm\/type\/(\d+)\/list\/$/, (m) => ({ page: 'list', entityTypeId: Number(m[1]) })],
  [
    /^\/crm\/type\/(\d+)\/automation\/(\d+)\/$/,
    (m) => ({ page: 'automation', entityTypeId: Number(m[1]), categoryId: Number(m[2]) }),
  ],
  [/^\/marketplace\/app\/([^/]+)\/$/, (m) => ({ page: 'app', appId: decodeURIComponent(m[1] ?? '') })],
  [
    /^\/company\/personal\/user\/(\d+)\/tasks\/task\/view\/(\d+)\/$/,
    (m) => ({ page: 'task', userId: Number(m[1]), taskId: Number(m[2]) }),
  ],
  [/^\/company\/personal\/user\/(\d+)\/$/, (m) => ({ page: 'user', userId: Number(m[1]) })],
  [/^\/(crm|marketplace|company|workgroups)\//, () => ({ page: 'unsupported' })],
];

export function matchPortalRoute(pathname: string): PortalRoute | null {
  for (const [pattern, build] of ROUTES) {
    const match = pathname.match(pattern);
    if (match) return build(match);
  }
  return null;
}
