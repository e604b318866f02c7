/** A user's profile `/company/personal/user/<id>/`: where a picked user's `url` points. */
import type { HostData } from '../host-data';
import { html } from '../html';
import type { PageContext } from '../page-context';
import { notFoundPage, renderShell } from './page-shell';

export function renderUserPage(data: HostData, context: PageContext, userId: number): { status: number; body: string } {
  const user = data.user(userId);
  if (!user) {
    return notFoundPage({
      data,
      context,
      title: 'User not found',
      message: 'The user was not found.',
    });
  }
  const name = [user.name, user.lastName].filter(Boolean).join(' ');
  const body = html`<div class="user-profile" data-testid="user-profile">
    <img class="user-photo" src="${user.photoUrl}" alt="" width="96" height="96">
    <dl class="fields">
      <div class="field"><dt>Position</dt><dd>${user.position || '—'}</dd></div>
      <div class="field"><dt>Administrator</dt><dd>${user.isAdmin ? 'Yes' : 'No'}</dd></div>
    </dl>
  </div>`;
  return { status: 200, body: renderShell({ data, context, title: name, body, page: { kind: 'other' } }) };
}
