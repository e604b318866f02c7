/** The portal's start page: where the emulator's own pages are. */
import type { HostData } from '../host-data';
import { html } from '../html';
import { carriedQuery, type PageContext } from '../page-context';
import { appPagePath, detailPath, listPath } from '../paths';
import { renderShell } from './page-shell';

export function renderHomePage(data: HostData, context: PageContext): { status: number; body: string } {
  const query = carriedQuery(context);
  const app = data.app();
  const body = html`<div class="card-section" data-testid="home">
    <p>This is a local Bitrix24 emulator. Open a smart process, an item card, or the application's page.</p>
    <ul class="home-links">
      ${data.smartProcesses().map((process) => {
        const first = data.items(process.entityTypeId, { offset: 0, limit: 1 }).items[0];
        return html`<li><a href="${listPath(process.entityTypeId, query)}">${process.title}</a> (entityTypeId ${process.entityTypeId}, ${process.shortCode})${first ? html` — <a href="${detailPath(process.entityTypeId, first.id, query)}">${first.title}</a>` : ''}</li>`;
      })}
      <li><a href="${appPagePath(app.id, query)}">${app.name}</a> (${app.installed ? 'installed' : 'not installed yet'})</li>
    </ul>
  </div>`;
  return { status: 200, body: renderShell({ data, context, title: 'Bitrix24 emulator', body, page: { kind: 'other' } }) };
}
