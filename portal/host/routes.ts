/**
 * The portal's pages (host side): item card, item list, the app's page, task and user cards,
 * the app frames' internal endpoint, and the page script and styles. Everything under /rest/
 * and /_emulator/ belongs to the server; anything this does not know it leaves to the server.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PortalConfig } from '../config';
import { clientAssets } from './client-assets';
import type { HostData } from './host-data';
import { handleCrmAjax } from './crm-endpoint';
import { handleLayoutAjax } from './layout-endpoint';
import { readPageContext } from './page-context';
import { renderAppPage } from './pages/app-page';
import { renderAutomationPage } from './pages/automation-page';
import { renderBareMessagePage } from './pages/bare-message-page';
import { renderDetailPage } from './pages/detail-page';
import { renderHomePage } from './pages/home-page';
import { renderListPage } from './pages/list-page';
import { renderMessagePage } from './pages/page-shell';
import { renderTaskPage } from './pages/task-page';
import { renderUserPage } from './pages/user-page';
import { appCardIconSvg } from '../../placements/app-card';
import {
  APP_ICON_PATH,
  CRM_AJAX_PATH,
  LAYOUT_AJAX_PATH,
  matchPortalRoute,
  PORTAL_SCRIPT_PATH,
  PORTAL_STYLES_PATH,
} from './paths';

export interface HostContext {
  data: HostData;
  config: PortalConfig;
  /** Origin the portal is reachable at, e.g. http://127.0.0.1:4300 */
  origin: string;
}

export type HostRoutes = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>;

function sendHtml(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    // Portal pages may be framed only by the portal itself (sliders); app frames are other origins.
    'X-Frame-Options': 'SAMEORIGIN',
  });
  res.end(body);
}

function sendAsset(res: ServerResponse, contentType: string, body: string): void {
  res.writeHead(200, { 'Content-Type': contentType, 'Cache-Control': 'no-cache' });
  res.end(body);
}

export function createHostRoutes(context: HostContext): HostRoutes {
  const { data } = context;
  // Bundle while the server starts, so the first page does not wait for esbuild.
  clientAssets().catch((error: unknown) => console.error('[portal] could not bundle the portal script:', error));

  return async (req, res, url) => {
    if (url.pathname === LAYOUT_AJAX_PATH) {
      await handleLayoutAjax(data, req, res);
      return true;
    }
    if (url.pathname === CRM_AJAX_PATH) {
      await handleCrmAjax(data, req, res);
      return true;
    }
    if (url.pathname === PORTAL_SCRIPT_PATH) {
      sendAsset(res, 'text/javascript; charset=utf-8', (await clientAssets()).script);
      return true;
    }
    if (url.pathname === PORTAL_STYLES_PATH) {
      sendAsset(res, 'text/css; charset=utf-8', (await clientAssets()).styles);
      return true;
    }
    if (url.pathname === APP_ICON_PATH) {
      sendAsset(res, 'image/svg+xml', appCardIconSvg());
      return true;
    }

    const route = matchPortalRoute(url.pathname);
    if (!route) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Portal pages answer GET only.');
      return true;
    }
    const pageContext = readPageContext(data, url);
    if (!pageContext.ok) {
      sendHtml(res, 400, renderBareMessagePage('Bad address', pageContext.message));
      return true;
    }
    const page = pageContext.context;
    let result: { status: number; body: string };
    switch (route.page) {
      case 'home':
        result = renderHomePage(data, page);
        break;
      case 'detail':
        result = renderDetailPage(data, page, route.entityTypeId, route.itemId);
        break;
      case 'list':
        result = renderListPage(data, page, route.entityTypeId);
        break;
      case 'app':
        result = renderAppPage(data, page, route.appId);
        break;
      case 'automation':
        result = renderAutomationPage(data, page, route.entityTypeId, route.categoryId);
        break;
      case 'task':
        result = renderTaskPage(data, page, route.taskId);
        break;
      case 'user':
        result = renderUserPage(data, page, route.userId);
        break;
      case 'unsupported':
        result = {
          status: 404,
          body: renderMessagePage({
            data,
            context: page,
            title: 'Page not available',
            testId: 'not-found',
            message: `The emulator does not draw ${url.pathname}. It has smart-process cards, lists and automation rules, the application's page, task and user cards.`,
          }),
        };
        break;
    }
    sendHtml(res, result.status, req.method === 'HEAD' ? '' : result.body);
    return true;
  };
}
