/** The portal's corner notifications (BX.UI.Notification in a real portal). */
import { el } from './dom';

export function notify(text: string): void {
  let stack = document.querySelector<HTMLElement>('.notification-stack');
  if (!stack) {
    stack = el('div', { class: 'notification-stack', 'aria-live': 'polite' });
    document.body.append(stack);
  }
  const note = el('div', { class: 'notification', role: 'status', 'data-testid': 'portal-notification' }, text);
  stack.append(note);
  setTimeout(() => note.remove(), 6000);
}
