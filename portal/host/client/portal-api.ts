/** Calls to the portal's internal endpoint, as the real page's BX.ajax calls lazyload.ajax.php. */
import { LAYOUT_AJAX_PATH } from '../paths';
import type { PortalAjaxRequest } from '../protocol/layout-api';

export interface PortalAnswer<T> {
  ok: boolean;
  status: number;
  body: T;
}

export async function portalAjax<T>(request: PortalAjaxRequest): Promise<PortalAnswer<T>> {
  const response = await fetch(LAYOUT_AJAX_PATH, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(request),
    credentials: 'same-origin',
  });
  const body = (await response.json()) as T;
  return { ok: response.ok, status: response.status, body };
}
