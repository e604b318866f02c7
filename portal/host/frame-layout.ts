/**
 * Server side of rendering an app frame (the real portal's `bitrix:app.layout` component):
 * which URL the frame loads, the fields posted to it, and the layout state the page's script
 * answers getInitData from.
 */
import { randomBytes } from 'node:crypto';
import type { HostBinding, HostData } from './host-data';
import type { FrameLayout, LayoutRequest, LayoutResponse, OptionsValue } from './protocol/layout-api';
import { placementOptionsField, toPlacementOptions } from './protocol/placement-options';

/** The OAuth server the newest portals name in SERVER_ENDPOINT. */
export const SERVER_ENDPOINT = 'https://oauth.bitrix.info/rest/';

export const NOT_INSTALLED_MESSAGE =
  'The application is not fully installed yet. Please contact your Bitrix24 administrator to finish the installation.';

/** A fresh 32-hex APP_SID, new on every render as the portal makes it. */
export function newAppSid(): string {
  return randomBytes(16).toString('hex');
}

export function bindingTitle(binding: HostBinding, lang: string): string {
  return binding.langAll[lang]?.TITLE || binding.title;
}

/** Bindings shown for a placement code, in the order they were bound. */
export function bindingsFor(data: HostData, placement: string): HostBinding[] {
  if (!data.app().installed) return [];
  return data.bindings().filter((binding) => binding.placement === placement);
}

function optionsValue(options: Record<string, unknown>): OptionsValue {
  return Object.keys(options).length === 0 ? [] : options;
}

export function buildFrameLayout(
  data: HostData,
  request: LayoutRequest,
  createSid: () => string = newAppSid,
): LayoutResponse {
  const user = data.user(request.user);
  if (!user) return { status: 'error', message: `There is no user ${request.user} on this portal.` };
  const app = data.app();
  const placement = (request.placement || 'DEFAULT').toUpperCase();

  let handler: string;
  let title = app.name;
  let install = false;
  if (placement === 'DEFAULT') {
    if (app.installed) {
      handler = app.url;
    } else if (user.isAdmin) {
      handler = app.installUrl;
      install = true;
    } else {
      return { status: 'not-installed', message: NOT_INSTALLED_MESSAGE };
    }
  } else {
    if (!app.installed) return { status: 'not-installed', message: NOT_INSTALLED_MESSAGE };
    const binding = bindingsFor(data, placement).find(
      (candidate) => !request.handler || candidate.handler === request.handler,
    );
    if (!binding) return { status: 'error', message: `The application has no handler bound to ${placement}.` };
    handler = binding.handler;
    title = bindingTitle(binding, request.lang);
  }

  const placementOptions = toPlacementOptions(request.placementOptions);
  const auth = data.issueAuth(user.id);
  const fields: Array<[string, string]> = [
    ['AUTH_ID', auth.accessToken],
    ['AUTH_EXPIRES', String(auth.expiresIn)],
    ['REFRESH_ID', auth.refreshToken],
    ['SERVER_ENDPOINT', SERVER_ENDPOINT],
    ['APPLICATION_TOKEN', app.applicationToken],
    ['APPLICATION_SCOPE', app.scope.join(',')],
    ['member_id', data.memberId],
    ['status', app.status],
    ['PLACEMENT', placement],
  ];
  const optionsField = placementOptionsField(placementOptions);
  if (optionsField !== null) fields.push(['PLACEMENT_OPTIONS', optionsField]);

  const denied: string[] = [];
  // The newest app.layout template denies setTitle outside the app's own page, and resizeWindow in popups.
  if (placement !== 'DEFAULT') denied.push('setTitle');
  if (request.popup) denied.push('resizeWindow');

  const layout: FrameLayout = {
    appSid: createSid(),
    appId: app.id,
    clientId: app.clientId,
    handler,
    placement,
    lang: request.lang,
    fields,
    authId: auth.accessToken,
    authExpires: String(auth.expiresIn),
    refreshId: auth.refreshToken,
    memberId: data.memberId,
    isAdmin: user.isAdmin,
    install,
    firstRun: install,
    appOptions: optionsValue(data.appOptions()),
    userOptions: optionsValue(data.userOptions(user.id)),
    placementOptions,
    denied,
    title,
  };
  return { status: 'ok', layout };
}
