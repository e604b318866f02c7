/**
 * reloadData: the portal re-reads what the widget sits on from the server and redraws it without
 * a page reload (the card: BX.Crm.EntityEvent.fireUpdate; the item list: a grid reload).
 */

async function redrawFromServer(selectors: string[]): Promise<void> {
  const response = await fetch(location.href, { credentials: 'same-origin' });
  if (!response.ok) return;
  const fresh = new DOMParser().parseFromString(await response.text(), 'text/html');
  for (const selector of selectors) {
    const current = document.querySelector(selector);
    const replacement = fresh.querySelector(selector);
    if (current && replacement) current.replaceWith(document.importNode(replacement, true));
  }
}

/** The item card under a detail tab or a timeline activity. */
export async function reloadCardData(): Promise<void> {
  if (!document.querySelector('[data-card-summary]')) return;
  await redrawFromServer(['[data-card-summary]', '[data-testid="item-stage"]', '#pagetitle']);
}

/** The item list under a row menu entry. */
export async function reloadListData(): Promise<void> {
  if (!document.querySelector('[data-testid="item-list"]')) return;
  await redrawFromServer(['[data-testid="item-list"] table.grid', '[data-testid="list-range"]']);
}
