/** The portal's start page: where the emulator's own pages are, and the installed application's card. */
import { appCardDescription, appCardName } from '../../../placements/app-card';
import type { HostData } from '../host-data';
import { html, type SafeHtml } from '../html';
import { carriedQuery, type PageContext } from '../page-context';
import { APP_ICON_PATH, appPagePath, detailPath, listPath } from '../paths';
import { renderShell } from './page-shell';

/**
 * The app as the portal's application list shows it: icon, name and short description from the
 * app's card (placements/app-card.json) in the page's language, and where its files come from.
 */
function appCardSection(data: HostData, context: PageContext): SafeHtml {
  const app = data.app();
  const hostedHere = new URL(app.url).origin === context.url.origin;
  return html`<section class="card-section app-card" data-testid="app-card" aria-label="Applications">
    <h2 class="card-section-title">Applications</h2>
    <div class="app-card-row">
      <img class="app-card-icon" src="${APP_ICON_PATH}" alt="" width="48" height="48">
      <div>
        <a class="app-card-name" data-testid="app-card-name" href="${appPagePath(app.id, carriedQuery(context))}">${appCardName(context.lang)}</a>
        <span class="app-card-status" data-testid="app-card-status">${app.installed ? 'installed' : 'not installed yet'}</span>
        <p class="app-card-description" data-testid="app-card-description">${appCardDescription(context.lang)}</p>
        <p class="app-card-source" data-testid="app-card-source">${hostedHere ? html`Static application, hosted by this portal at <code>${new URL('./', app.url).pathname}</code>` : html`Hosted at <code>${new URL('./', app.url).toString()}</code>`}</p>
      </div>
    </div>
  </section>`;
}

export function renderHomePage(data: HostData, context: PageContext): { status: number; body: string } {
  const query = carriedQuery(context);
  const body = html`<div class="card-section" data-testid="home">
    <p>This is a local Bitrix24 emulator. Open a smart process, an item card, or the application's page.</p>
    <ul class="home-links">
      ${data.smartProcesses().map((process) => {
        const first = data.items(process.entityTypeId, { offset: 0, limit: 1 }).items[0];
        return html`<li><a href="${listPath(process.entityTypeId, query)}">${process.title}</a> (entityTypeId ${process.entityTypeId}, ${process.shortCode})${first ? html` — <a href="${detailPath(process.entityTypeId, first.id, query)}">${first.title}</a>` : ''}</li>`;
      })}
    </ul>
  </div>
  ${appCardSection(data, context)}`;
  return {
    status: 200,
    body: renderShell({ data, context, title: 'Bitrix24 emulator', body, page: { kind: 'other' } }),
  };
}
