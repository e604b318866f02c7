/**
 * Who is calling: an app (OAuth access token from `Authorization: Bearer`, `auth` or
 * `access_token`, in that order) or an inbound webhook (`/rest/<userId>/<secret>/…`).
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { PortalConfig } from '../config';
import type { PortalStore } from '../state/store';
import type { AuthContext } from './method-types';
import { asString } from './params';
import type { Params } from './params';
import { restErrors } from './rest-error';

/** Every scope the emulator knows; an inbound webhook is created with all of them. */
export const ALL_SCOPES = ['crm', 'task', 'user', 'placement', 'userfieldconfig'];

export interface RestRoute {
  method: string;
  webhook: { userId: number; secret: string } | null;
}

/** `/rest/crm.item.list.json`, `/rest/1/secret/crm.item.list` → the method and webhook parts. */
export function parseRestPath(pathname: string): RestRoute | null {
  const rest = pathname.replace(/^\/rest\/?/, '');
  const segments = rest
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => decodeURIComponent(segment));
  const strip = (method: string): string => method.replace(/\.(json|xml)$/i, '').toLowerCase();
  if (segments.length === 1) return { method: strip(segments[0]!), webhook: null };
  if (segments.length === 3 && /^\d+$/.test(segments[0]!)) {
    return { method: strip(segments[2]!), webhook: { userId: Number(segments[0]), secret: segments[1]! } };
  }
  if (segments.length === 2 && /^\d+$/.test(segments[0]!)) {
    return { method: '', webhook: { userId: Number(segments[0]), secret: segments[1]! } };
  }
  return null;
}

/** Removes the auth parameters (the portal strips them before the method sees its params). */
export function takeAccessToken(params: Params, headers: IncomingHttpHeaders): string {
  const header = headers.authorization ?? '';
  const bearer = /^Bearer\s+(.+)$/i.exec(header)?.[1]?.trim() ?? '';
  const fromAuth = asString(params.auth);
  const fromAccessToken = asString(params.access_token);
  delete params.auth;
  delete params.access_token;
  return bearer || fromAuth || fromAccessToken;
}

export function authenticate(
  route: RestRoute,
  accessToken: string,
  store: PortalStore,
  config: PortalConfig,
  now: number,
): AuthContext {
  if (route.webhook) {
    const user = store.user(route.webhook.userId);
    if (route.webhook.secret !== config.webhookSecret || !user || !user.active) throw restErrors.invalidCredentials();
    return { kind: 'webhook', userId: user.id, user, scopes: new Set(ALL_SCOPES) };
  }
  if (!accessToken) throw restErrors.noAuth();
  const check = store.checkAccessToken(accessToken, now);
  if (check.status === 'unknown' || !check.token) throw restErrors.invalidToken();
  if (check.status === 'expired') throw restErrors.expiredToken();
  const user = store.user(check.token.userId);
  if (!user || !user.active) throw restErrors.invalidToken();
  return { kind: 'app', userId: user.id, user, scopes: new Set(store.state.app.scope) };
}
