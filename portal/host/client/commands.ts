/**
 * The base message interface every app frame gets (BX.rest.AppLayout.MessageInterface): what
 * each command does on the portal and what it answers. Commands that answer nothing on a real
 * portal (setInstallFinish, reloadWindow, im*) answer nothing here either.
 */
import type { AppLayout } from './app-layout';
import { openAppInSlider, openPageInSlider } from './app-sliders';
import { bootstrap } from './bootstrap';
import { field } from './dom';
import { notify } from './notifications';
import { openAccessPicker, openCrmPicker, openUserPicker } from './pickers';
import type { CommandHandler } from './placement-interfaces';
import { portalAjax } from './portal-api';
import { sidePanel } from './side-panel';
import { LANG_QUERY, OPEN_PATH_PATTERN, USER_QUERY } from '../paths';
import type { AccessRefreshResponse, OptionsValue } from '../protocol/layout-api';
import { initDataPlacementOptions } from '../protocol/placement-options';

function asRecord(options: OptionsValue): Record<string, unknown> {
  return Array.isArray(options) ? {} : options;
}

function withOption(options: OptionsValue, name: string, value: unknown): OptionsValue {
  return { ...asRecord(options), [name]: value };
}

const getInitData: CommandHandler = (layout, _params, reply) => {
  const p = layout.params;
  reply({
    LANG: p.lang,
    DOMAIN: location.host,
    PROTOCOL: location.protocol === 'https:' ? 1 : 0,
    PATH: '/rest',
    AUTH_ID: p.authId,
    AUTH_EXPIRES: p.authExpires,
    REFRESH_ID: p.refreshId,
    MEMBER_ID: p.memberId,
    FIRST_RUN: p.firstRun,
    IS_ADMIN: p.isAdmin,
    INSTALL: p.install,
    USER_OPTIONS: p.userOptions,
    APP_OPTIONS: p.appOptions,
    PLACEMENT: p.placement,
    PLACEMENT_OPTIONS: initDataPlacementOptions(p.placementOptions, p.placement),
  });
  p.firstRun = false;
};

const getInterface: CommandHandler = (layout, _params, reply) => {
  const api = layout.commands;
  reply({
    command: api.extraCommands.filter((command) => !layout.params.denied.includes(command)),
    event: [...api.events],
  });
};

const refreshAuth: CommandHandler = async (layout, _params, reply) => {
  const answer = await portalAjax<AccessRefreshResponse>({
    action: 'access_refresh',
    refreshId: layout.params.refreshId,
  });
  const body = answer.body;
  if ('access_token' in body && body.access_token) {
    layout.params.authId = body.access_token;
    layout.params.authExpires = body.expires_in;
    layout.params.refreshId = body.refresh_token;
    reply({ AUTH_ID: body.access_token, AUTH_EXPIRES: body.expires_in, REFRESH_ID: body.refresh_token });
  } else {
    // The portal alerts "Unable to get new token! Reload page, please!" and answers nothing.
    notify('Unable to get a new token for the application. Reload the page, please.');
  }
};

const resizeWindow: CommandHandler = (layout, params, reply) => {
  const width = field(params, 'width');
  const height = Number.parseInt(String(field(params, 'height')), 10);
  const style = layout.element.style;
  style.width = width === '100%' ? '100%' : `${Number.parseInt(String(width), 10) || 100}px`;
  if (height) style.height = `${height}px`;
  const box = layout.element.getBoundingClientRect();
  reply({ width: box.width, height: box.height });
};

const setTitle: CommandHandler = (layout, params, reply) => {
  const title = String(field(params, 'title') ?? '');
  if (layout.host.slider) {
    layout.host.slider.setTitle(title);
  } else {
    const heading = document.getElementById('pagetitle');
    if (heading) heading.textContent = title;
    document.title = title;
  }
  reply(params);
};

const setScroll: CommandHandler = (_layout, params, reply) => {
  const scroll = Number(field(params, 'scroll'));
  if (field(params, 'scroll') !== undefined && scroll >= 0) window.scrollTo(window.scrollX, Math.trunc(scroll));
  reply(params);
};

const setUserOption: CommandHandler = async (layout, params, reply) => {
  const name = String(field(params, 'name') ?? '');
  const value = field(params, 'value');
  const answer = await portalAjax({ action: 'set_user_option', user: bootstrap().userId, name, value });
  // Refused (options past the size the portal stores, option-limits.ts): nothing saved, no answer.
  if (!answer.ok) return;
  layout.params.userOptions = withOption(layout.params.userOptions, name, value);
  reply(params);
};

/** One request for every option set in one go; each caller gets all options back. */
async function saveQueuedOptions(layout: AppLayout): Promise<void> {
  const queue = layout.appOptionQueue;
  layout.appOptionQueue = [];
  const answer = await portalAjax<Record<string, unknown>>({
    action: 'set_option',
    user: bootstrap().userId,
    options: queue.map(({ name, value }) => ({ name, value })),
  });
  if (!answer.ok) return;
  layout.params.appOptions = Object.keys(answer.body).length ? answer.body : [];
  for (const entry of queue) entry.reply(answer.body);
}

/** Admin only; the options set in one go are saved with one request, and each caller gets all options back. */
const setAppOption: CommandHandler = (layout, params, reply) => {
  if (!layout.params.isAdmin) return;
  layout.appOptionQueue.push({ name: String(field(params, 'name') ?? ''), value: field(params, 'value'), reply });
  if (layout.appOptionQueue.length > 1) return;
  setTimeout(() => void saveQueuedOptions(layout), 0);
};

const setInstall: CommandHandler = (_layout, params, reply) => reply(params);

const setInstallFinish: CommandHandler = async (layout, params) => {
  const value = field(params, 'value');
  const answer = await portalAjax<{ result?: boolean }>({
    action: 'set_installed',
    user: bootstrap().userId,
    v: value === undefined || value !== false ? 'Y' : 'N',
  });
  if (layout.host.slider) {
    // The portal closes and reopens an install opened by openApplication; reloading the frame is the same for the app.
    await layout.reload();
    return;
  }
  const next = new URL(location.href);
  next.searchParams.set('install_finished', answer.body.result ? 'Y' : 'N');
  location.assign(next.toString());
};

const reloadWindow: CommandHandler = async (layout) => {
  await layout.reload();
};

function messengerUnavailable(): void {
  notify('The messenger is not part of the emulated portal.');
}

const selectUser: CommandHandler = async (_layout, params, reply) => {
  const multiple = Boolean(Number(field(params, 'mult') ?? 0) || field(params, 'mult') === true);
  const title = field(params, 'title');
  const picked = await openUserPicker({ multiple, ...(typeof title === 'string' ? { title } : {}) });
  // A closed picker answers nothing, as on a real portal.
  if (picked !== null) reply(picked);
};

const selectAccess: CommandHandler = async (_layout, params, reply) => {
  const value = field(params, 'value');
  const picked = await openAccessPicker(Array.isArray(value) ? value.map(String) : []);
  if (picked !== null) reply(picked);
};

const selectCRM: CommandHandler = async (_layout, params, reply) => {
  const entityType = field(params, 'entityType');
  const picked = await openCrmPicker({
    entityTypes: Array.isArray(entityType) ? entityType.map(String) : ['lead', 'contact', 'company', 'deal'],
    multiple: Boolean(field(params, 'multiple')),
  });
  if (picked !== null) reply(picked);
};

const openApplication: CommandHandler = (layout, params, reply) => {
  let options: Record<string, unknown> =
    typeof params === 'object' && params !== null && !Array.isArray(params)
      ? { ...(params as Record<string, unknown>) }
      : {};
  const settings: Record<string, unknown> = {};
  for (const key of Object.keys(options)) {
    if (key.startsWith('bx24_')) {
      settings[key.slice('bx24_'.length)] = options[key];
      delete options[key];
    }
  }
  if ('options' in options && 'params' in options) {
    const inner = options.params;
    options = typeof inner === 'object' && inner !== null ? (inner as Record<string, unknown>) : {};
  }
  const width = typeof settings.width === 'number' ? settings.width : undefined;
  const title = typeof settings.title === 'string' ? settings.title : layout.params.title || bootstrap().appName;
  openAppInSlider(
    { placement: 'DEFAULT', placementOptions: options, popup: true },
    { title, ...(width ? { width } : {}) },
    layout.host.placementInterface,
    () => reply(),
  );
};

const openPath: CommandHandler = (layout, params, reply) => {
  const path = field(params, 'path');
  if (typeof path !== 'string' || path === '' || !OPEN_PATH_PATTERN.test(path)) {
    reply({ result: 'error', errorCode: 'PATH_NOT_AVAILABLE' });
    return;
  }
  const url = new URL(path, location.origin);
  url.searchParams.set('from', 'rest_placement');
  url.searchParams.set('from_app', layout.params.clientId);
  const { userId, lang } = bootstrap();
  // The emulator's own context travels with every page it opens.
  if (!url.searchParams.has(USER_QUERY)) url.searchParams.set(USER_QUERY, String(userId));
  if (!url.searchParams.has(LANG_QUERY)) url.searchParams.set(LANG_QUERY, lang);
  if (!url.searchParams.has('IFRAME')) url.searchParams.set('IFRAME', 'Y');
  openPageInSlider(url.pathname + url.search, () => reply({ result: 'close' }));
};

/** Closes the top slider when it holds an app frame; the answer goes out once it is closed. */
const closeApplication: CommandHandler = (_layout, _params, reply) => {
  const top = sidePanel.top();
  if (!top || top.kind !== 'app') return;
  top.onClose(() => reply());
  top.close();
};

export const placementBindEvent: CommandHandler = (layout, params) => {
  const event = field(params, 'event');
  // No CRM placement of a smart process declares events, so nothing is bound and nothing is answered.
  if (typeof event !== 'string' || !layout.commands.events.includes(event)) return;
};

export const baseCommands: Record<string, CommandHandler> = {
  getInitData,
  getInterface,
  refreshAuth,
  resizeWindow,
  setTitle,
  setScroll,
  setUserOption,
  setAppOption,
  setInstall,
  setInstallFinish,
  reloadWindow,
  selectUser,
  selectAccess,
  selectCRM,
  openApplication,
  openPath,
  closeApplication,
  imCallTo: messengerUnavailable,
  imPhoneTo: messengerUnavailable,
  imOpenMessenger: messengerUnavailable,
  imOpenHistory: messengerUnavailable,
};
