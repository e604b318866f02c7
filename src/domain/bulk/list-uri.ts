/**
 * The list toolbar sends only `URI`, the list page it was opened from. When that list shows one
 * funnel (`/crm/type/177/list/category/7/`), the bulk panel starts with that funnel chosen.
 */
export function funnelFromListUri(uri: string | undefined, entityTypeId: number): number | null {
  if (!uri) return null;
  let path: string;
  try {
    path = new URL(uri, 'https://portal.invalid').pathname;
  } catch {
    return null;
  }
  const match = /\/crm\/type\/(\d+)\/list\/category\/(\d+)\/?/.exec(path);
  if (!match || Number(match[1]) !== entityTypeId) return null;
  return Number(match[2]);
}
