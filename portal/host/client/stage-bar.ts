/**
 * The card's stage bar: clicking a stage moves the item there through the portal's own CRM
 * endpoint (crm.item.update's rules) and redraws the bar and the stage badge in place, as
 * Bitrix24's card does — WITHOUT reloading the page: an app already open in a detail tab keeps
 * running and is not told (the docs list no frame event for a stage change); it sees the new stage
 * when it reads the item again or the card is opened again.
 */
import { CRM_AJAX_PATH } from '../paths';
import { bootstrap } from './bootstrap';
import { notify } from './notifications';

export function setUpStageBar(): void {
  const bar = document.querySelector<HTMLElement>('[data-testid="stage-bar"]');
  if (!bar) return;
  bar.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('button[data-stage-id]');
    if (!button || button.getAttribute('aria-current') === 'step' || bar.dataset.busy === 'Y') return;
    bar.dataset.busy = 'Y';
    void move(bar, button.dataset.stageId ?? '').finally(() => delete bar.dataset.busy);
  });
}

async function move(bar: HTMLElement, stageId: string): Promise<void> {
  const response = await fetch(CRM_AJAX_PATH, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    credentials: 'same-origin',
    body: JSON.stringify({
      action: 'crm.item.moveToStage',
      user: bootstrap().userId,
      entityTypeId: Number(bar.dataset.entityTypeId),
      id: Number(bar.dataset.itemId),
      stageId,
    }),
  });
  const answer = (await response.json().catch(() => ({}))) as { ok?: boolean; message?: string };
  if (answer.ok) {
    redraw(bar, stageId);
    return;
  }
  notify(`The item was not moved: ${answer.message || `error ${response.status}`}`);
}

function redraw(bar: HTMLElement, stageId: string): void {
  const buttons = [...bar.querySelectorAll<HTMLButtonElement>('button[data-stage-id]')];
  const current = buttons.findIndex((button) => button.dataset.stageId === stageId);
  buttons.forEach((button, index) => {
    if (index === current) button.setAttribute('aria-current', 'step');
    else button.removeAttribute('aria-current');
    button.parentElement?.classList.toggle('stage-bar-passed', index <= current && button.dataset.final !== 'Y');
  });
  const badge = document.querySelector<HTMLElement>('[data-testid="item-stage"]');
  const chosen = buttons[current];
  if (badge && chosen) {
    badge.dataset.stageId = stageId;
    badge.textContent = chosen.textContent;
    badge.style.setProperty('--stage-color', chosen.style.getPropertyValue('--stage-color'));
  }
}
