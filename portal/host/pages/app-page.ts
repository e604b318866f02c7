/**
 * The app's own page `/marketplace/app/<id>/` (placement DEFAULT). Its query parameters, minus
 * the portal's own, become the frame's PLACEMENT_OPTIONS, as on a real portal. Before the
 * install is finished an administrator gets the install URL; anybody else a notice.
 */
import { appCardName } from '../../../placements/app-card';
import { NOT_INSTALLED_MESSAGE } from '../frame-layout';
import type { HostData } from '../host-data';
import { html } from '../html';
import type { PageContext } from '../page-context';
import { LANG_QUERY, USER_QUERY } from '../paths';
import { notFoundPage, renderMessagePage, renderShell } from './page-shell';

/** Query parameters the portal keeps for itself instead of passing them to the app. */
const SYSTEM_QUERY = new Set([
  USER_QUERY,
  LANG_QUERY,
  'install_finished',
  'IFRAME',
  'IFRAME_TYPE',
  '_r',
  'sessid',
  'from',
  'from_app',
]);

export function appPageOptions(url: URL): Record<string, string> {
  const options: Record<string, string> = {};
  for (const [name, value] of url.searchParams) if (!SYSTEM_QUERY.has(name)) options[name] = value;
  return options;
}

export function renderAppPage(data: HostData, context: PageContext, appId: string): { status: number; body: string } {
  const app = data.app();
  if (appId !== String(app.id) && appId !== app.clientId) {
    return notFoundPage({
      data,
      context,
      title: 'Application not found',
      message: 'The application was not found. It may have been removed from this portal.',
    });
  }
  if (!app.installed && !context.user.isAdmin) {
    return {
      status: 200,
      body: renderMessagePage({
        data,
        context,
        title: appCardName(context.lang),
        testId: 'app-not-installed',
        message: NOT_INSTALLED_MESSAGE,
      }),
    };
  }
  const installed = context.url.searchParams.get('install_finished') === 'Y';
  return {
    status: 200,
    body: renderShell({
      data,
      context,
      title: appCardName(context.lang),
      body: html`${installed ? html`<div class="portal-notice" data-testid="install-finished" role="status">The application has been installed.</div>` : ''}
        <div class="app-page" data-testid="app-page" data-app-page></div>`,
      page: { kind: 'app', placementOptions: appPageOptions(context.url) },
    }),
  };
}
