/** reloadData: the card re-reads the item from the server (BX.Crm.EntityEvent.fireUpdate). */

export async function reloadCardData(): Promise<void> {
  const summary = document.querySelector('[data-card-summary]');
  if (!summary) return;
  const response = await fetch(location.href, { credentials: 'same-origin' });
  if (!response.ok) return;
  const fresh = new DOMParser().parseFromString(await response.text(), 'text/html');
  for (const selector of ['[data-card-summary]', '[data-testid="item-stage"]', '#pagetitle']) {
    const current = document.querySelector(selector);
    const replacement = fresh.querySelector(selector);
    if (current && replacement) current.replaceWith(document.importNode(replacement, true));
  }
}
