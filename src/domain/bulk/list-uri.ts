/**
 * The list toolbar sends only `URI`, the list page it was opened from. When that list shows one
 * funnel, the bulk panel starts with that funnel chosen. A funnel's list is addressed as
 * `/crm/type/177/list/category/7/`, and also as `/crm/type/177/list/?category=7` (the form the
 * emulated portal's funnel switch uses): both are read, or the panel would fall back to "All
 * funnels" while the list behind it shows one.
 */
export function funnelFromListUri(uri: string | undefined, entityTypeId: number): number | null {
  if (!uri) return null;
  let url: URL;
  try {
    url = new URL(uri, 'https://portal.invalid');
  } catch {
    return null;
  }
  const match = /\/crm\/type\/(\d+)\/list\/(?:category\/(\d+)\/?)?/.exec(url.pathname);
  if (!match || Number(match[1]) !== entityTypeId) return null;
  const funnel = match[2] ?? url.searchParams.get('category');
  return funnel !== null && /^\d+$/.test(funnel) ? Number(funnel) : null;
}
