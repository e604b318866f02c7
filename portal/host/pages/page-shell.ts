/** The portal chrome around every page: header, left menu, page title, and the page's script. */
import { appCardName } from '../../../placements/app-card';
import type { HostData } from '../host-data';
import { html, jsonForScript, type SafeHtml } from '../html';
import { carriedQuery, type PageContext } from '../page-context';
import { appPagePath, listPath, PORTAL_SCRIPT_PATH, PORTAL_STYLES_PATH } from '../paths';
import { BOOTSTRAP_ELEMENT_ID, type BootstrapPage, type PortalBootstrap } from '../protocol/bootstrap';

export interface ShellOptions {
  data: HostData;
  context: PageContext;
  /** Browser tab title and the page's `#pagetitle` heading. */
  title: string;
  /** Markup placed next to the heading (stage badge, toolbar). */
  headingExtras?: SafeHtml;
  body: SafeHtml;
  page: BootstrapPage;
}

function userName(user: { name: string; lastName: string }): string {
  return [user.name, user.lastName].filter(Boolean).join(' ');
}

function leftMenu(data: HostData, context: PageContext): SafeHtml {
  const query = carriedQuery(context);
  const app = data.app();
  return html`<nav class="left-menu" aria-label="Portal menu">
    <div class="left-menu-group">CRM</div>
    ${data.smartProcesses().map((process) => html`<a class="left-menu-item" href="${listPath(process.entityTypeId, query)}">${process.title}</a>`)}
    <div class="left-menu-group">Applications</div>
    <a class="left-menu-item" href="${appPagePath(app.id, query)}">${appCardName(context.lang)}</a>
  </nav>`;
}

function header(data: HostData, context: PageContext): SafeHtml {
  return html`<header class="portal-header">
    <a class="portal-logo" href="/">Bitrix<span>24</span> <small>emulator</small></a>
    <div class="portal-header-user">
      <label>User
        <select data-testid="user-switcher" data-current-user="${context.user.id}">
          ${data.users().map((user) => html`<option value="${user.id}"${context.user.id === user.id ? html` selected` : ''}>${userName(user)}${user.isAdmin ? ' (admin)' : ''}</option>`)}
        </select>
      </label>
      <span class="portal-header-lang" data-testid="portal-language">${context.lang}</span>
    </div>
  </header>`;
}

export function renderShell(options: ShellOptions): string {
  const { data, context } = options;
  const app = data.app();
  const bootstrap: PortalBootstrap = {
    userId: context.user.id,
    lang: context.lang,
    appId: app.id,
    appName: app.name,
    page: options.page,
  };
  const main = html`<main class="workarea">
      <div class="page-heading">
        <h1 id="pagetitle" class="page-title">${options.title}</h1>
        ${options.headingExtras}
      </div>
      ${options.body}
    </main>`;
  const page = html`<!DOCTYPE html>
<html lang="${context.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title}</title>
<link rel="stylesheet" href="${PORTAL_STYLES_PATH}">
</head>
<body class="${context.inSlider ? 'portal-in-slider' : 'portal'}">
${context.inSlider ? main : html`${header(data, context)}<div class="portal-layout">${leftMenu(data, context)}${main}</div>`}
<script type="application/json" id="${BOOTSTRAP_ELEMENT_ID}">${jsonForScript(bootstrap)}</script>
<script src="${PORTAL_SCRIPT_PATH}" defer></script>
</body>
</html>`;
  return page.markup;
}

/** A page of the portal's own that only says something (not found, bad address). */
export function renderMessagePage(
  options: Omit<ShellOptions, 'body' | 'page'> & { message: string; testId: string },
): string {
  return renderShell({
    ...options,
    page: { kind: 'other' },
    body: html`<div class="portal-message" data-testid="${options.testId}" role="alert">${options.message}</div>`,
  });
}

/** The portal's 404 page: `title` in the tab, `message` in the page (test id `not-found`). */
export function notFoundPage(options: Omit<ShellOptions, 'body' | 'page'> & { message: string }): {
  status: number;
  body: string;
} {
  return { status: 404, body: renderMessagePage({ ...options, testId: 'not-found' }) };
}
