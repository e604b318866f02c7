import { describe, expect, it } from 'vitest';
import { buildFrameLayout, NOT_INSTALLED_MESSAGE } from './frame-layout';
import { createFakeHostData } from './testing/fake-host-data';

const layoutRequest = { action: 'layout' as const, user: 1, lang: 'en' };

describe('laying out an app frame', () => {
  it('posts the documented fields to a placement handler with a fresh token and string options', () => {
    const data = createFakeHostData({ appUrl: 'http://127.0.0.1:5190/' });
    const response = buildFrameLayout(data, {
      ...layoutRequest,
      user: 2,
      placement: 'CRM_DYNAMIC_177_DETAIL_TAB',
      placementOptions: { ID: 29, URI: '/crm/type/177/details/29/' },
    });
    expect(response.status).toBe('ok');
    if (response.status !== 'ok') return;
    const layout = response.layout;
    const fields = Object.fromEntries(layout.fields);
    const token = data.issued.at(-1);
    expect(token?.userId).toBe(2);
    expect(fields).toEqual({
      AUTH_ID: token?.auth.accessToken,
      AUTH_EXPIRES: '3600',
      REFRESH_ID: token?.auth.refreshToken,
      SERVER_ENDPOINT: 'https://oauth.bitrix.info/rest/',
      APPLICATION_TOKEN: 'app-token-1',
      APPLICATION_SCOPE: 'crm,task,user,placement',
      member_id: 'fake-member-id',
      status: 'L',
      PLACEMENT: 'CRM_DYNAMIC_177_DETAIL_TAB',
      PLACEMENT_OPTIONS: '{"ID":"29","URI":"\\/crm\\/type\\/177\\/details\\/29\\/"}',
    });
    expect(layout.fields.map(([name]) => name)).toEqual(Object.keys(fields));
    expect(layout.handler).toBe('http://127.0.0.1:5190/index.html');
    expect(layout.appSid).toMatch(/^[0-9a-f]{32}$/);
    expect(layout.isAdmin).toBe(false);
    expect(layout.denied).toEqual(['setTitle']);
  });

  it('gives every render its own APP_SID and token', () => {
    const data = createFakeHostData();
    const first = buildFrameLayout(data, { ...layoutRequest, placement: 'DEFAULT' });
    const second = buildFrameLayout(data, { ...layoutRequest, placement: 'DEFAULT' });
    if (first.status !== 'ok' || second.status !== 'ok') throw new Error('expected layouts');
    expect(first.layout.appSid).not.toBe(second.layout.appSid);
    expect(first.layout.authId).not.toBe(second.layout.authId);
  });

  it('leaves PLACEMENT_OPTIONS out of the post when there are none', () => {
    const response = buildFrameLayout(createFakeHostData(), { ...layoutRequest, placement: 'DEFAULT' });
    if (response.status !== 'ok') throw new Error('expected a layout');
    expect(response.layout.fields.map(([name]) => name)).not.toContain('PLACEMENT_OPTIONS');
    expect(response.layout.appOptions).toEqual([]);
  });

  it('denies resizeWindow in openApplication popups', () => {
    const response = buildFrameLayout(createFakeHostData(), { ...layoutRequest, placement: 'DEFAULT', popup: true });
    if (response.status !== 'ok') throw new Error('expected a layout');
    expect(response.layout.denied).toEqual(['resizeWindow']);
  });

  it('opens the install URL for an administrator while the app is not installed', () => {
    const data = createFakeHostData({ installed: false });
    const response = buildFrameLayout(data, { ...layoutRequest, placement: 'DEFAULT' });
    if (response.status !== 'ok') throw new Error('expected a layout');
    expect(response.layout.handler).toBe(data.app().installUrl);
    expect(response.layout.install).toBe(true);
    expect(response.layout.firstRun).toBe(true);
  });

  it('tells anybody else that the app is not fully installed, and shows no placement', () => {
    const data = createFakeHostData({ installed: false });
    expect(buildFrameLayout(data, { ...layoutRequest, user: 2, placement: 'DEFAULT' })).toEqual({
      status: 'not-installed',
      message: NOT_INSTALLED_MESSAGE,
    });
    expect(buildFrameLayout(data, { ...layoutRequest, placement: 'CRM_DYNAMIC_177_DETAIL_TAB' }).status).toBe(
      'not-installed',
    );
  });

  it('refuses a placement nothing is bound to, and an unknown user', () => {
    const data = createFakeHostData({ bindings: [] });
    expect(buildFrameLayout(data, { ...layoutRequest, placement: 'CRM_DYNAMIC_177_DETAIL_TAB' })).toMatchObject({
      status: 'error',
    });
    expect(buildFrameLayout(data, { ...layoutRequest, user: 99, placement: 'DEFAULT' })).toMatchObject({
      status: 'error',
    });
  });

  it('carries the options saved so far, and the binding title in the page language', () => {
    const data = createFakeHostData();
    data.setAppOption('mode', 'compact');
    data.setUserOption(1, 'view', 'list');
    const response = buildFrameLayout(data, {
      ...layoutRequest,
      lang: 'de',
      placement: 'CRM_DYNAMIC_177_LIST_TOOLBAR',
    });
    if (response.status !== 'ok') throw new Error('expected a layout');
    expect(response.layout.appOptions).toEqual({ mode: 'compact' });
    expect(response.layout.userOptions).toEqual({ view: 'list' });
    expect(response.layout.title).toBe('Aufgaben LIST_TOOLBAR');
  });
});
