/**
 * Users (user.current/get/search), the caller (profile, scope, methods, method.get,
 * server.time) and the app's own methods (app.info, app.option.*, user.option.*), with a
 * webhook and with an app token.
 */
import { describe, expect, it } from 'vitest';
import { call, callFailure, rawWebhookCall, contractPortalForThisFile } from './contract-harness';

type User = Record<string, unknown>;

const context = contractPortalForThisFile();

describe('users', () => {
  it('user.current describes the caller with UPPER keys, a string ID, boolean ACTIVE and an absolute photo URL', async () => {
    const { result } = await call<User>(context.app(4), 'user.current');
    expect(result).toMatchObject({
      ID: '4',
      ACTIVE: true,
      NAME: 'Daniel',
      LAST_NAME: 'Park',
      WORK_POSITION: 'Facilities Engineer',
      UF_DEPARTMENT: [5],
      USER_TYPE: 'employee',
      PERSONAL_PHOTO: `${context.portal.origin}/upload/avatars/4.svg`,
    });
    const photo = await fetch(result.PERSONAL_PHOTO as string);
    expect(photo.headers.get('content-type')).toBe('image/svg+xml');
    expect(await photo.text()).toContain('>DP</text>');
  });

  it('user.get filters (top-level or under filter), sorts and pages', async () => {
    const all = await call<User[]>(context.hook, 'user.get', {});
    expect(all.result.map((user) => user.ID)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect(all.total).toBe(8);
    const active = await call<User[]>(context.hook, 'user.get', { filter: { ACTIVE: true, UF_DEPARTMENT: 3 } });
    expect(active.result.map((user) => user.LAST_NAME)).toEqual(['Wagner', 'Becker']);
    const topLevel = await call<User[]>(context.hook, 'user.get', { ID: [1, 5], SORT: 'ID', ORDER: 'DESC' });
    expect(topLevel.result.map((user) => user.ID)).toEqual(['5', '1']);
    const wildcard = await call<User[]>(context.hook, 'user.get', { filter: { NAME: 'So%' } });
    expect(wildcard.result.map((user) => user.NAME)).toEqual(['Sophie']);
    const inactive = await call<User[]>(context.hook, 'user.get', { filter: { ACTIVE: false } });
    expect(inactive.result).toHaveLength(1);
    expect(inactive.result[0]).toMatchObject({ ID: '8', ACTIVE: false });
    expect(inactive.result[0]).not.toHaveProperty('PERSONAL_PHOTO');
  });

  it('user.get and user.search write TIMESTAMP_X and LAST_ACTIVITY_DATE as {} and carry PERSONAL_WWW; user.current writes the activity date as text', async () => {
    for (const method of ['user.get', 'user.search']) {
      const listed = await rawWebhookCall(context.portal, method, { filter: { ID: 1 } });
      expect((listed.body.result as User[])[0]).toMatchObject({
        ID: '1',
        TIMESTAMP_X: {},
        LAST_ACTIVITY_DATE: {},
        PERSONAL_WWW: '',
      });
    }
    const current = await rawWebhookCall(context.portal, 'user.current', {});
    expect((current.body.result as User).LAST_ACTIVITY_DATE).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    expect(current.body.result).not.toHaveProperty('TIMESTAMP_X');
  });

  it('user.get and user.search return only the selected fields (`*` all, `UF_*` the custom ones, unknown names skipped)', async () => {
    const picked = await call<User[]>(context.hook, 'user.get', {
      filter: { ID: [2] },
      select: ['ID', 'NAME', 'PERSONAL_PHOTO', 'NO_SUCH_FIELD'],
    });
    expect(picked.result).toEqual([
      { ID: '2', NAME: 'Maxim', PERSONAL_PHOTO: expect.stringMatching(/\/upload\/avatars\/2\.svg$/) },
    ]);
    const custom = await call<User[]>(context.hook, 'user.search', { FIND: 'Orlov', select: ['UF_*'] });
    expect(Object.keys(custom.result[0]!)).toEqual(['UF_EMPLOYMENT_DATE', 'UF_DEPARTMENT']);
    const everything = await call<User[]>(context.hook, 'user.get', { ID: 2, select: ['*'] });
    expect(everything.result[0]).toHaveProperty('WORK_POSITION', 'Procurement Manager');
  });

  it('user.search finds by FIND across name, position and department', async () => {
    const byDepartment = await call<User[]>(context.hook, 'user.search', { FIND: 'procurement' });
    expect(byDepartment.result.map((user) => user.ID)).toEqual(['2', '8']);
    const byName = await call<User[]>(context.hook, 'user.search', { FILTER: { NAME: 'ama' } });
    expect(byName.result.map((user) => user.NAME)).toEqual(['Amara']);
  });
});

describe('the caller', () => {
  it('profile says who the token belongs to and whether they are an administrator', async () => {
    expect((await call<User>(context.app(1), 'profile')).result).toMatchObject({
      ID: '1',
      ADMIN: true,
      NAME: 'Olivia',
      LAST_NAME: 'Bennett',
      TIME_ZONE: '',
      TIME_ZONE_OFFSET: 10800,
    });
    expect((await call<User>(context.app(6), 'profile')).result).toMatchObject({ ID: '6', ADMIN: false });
  });

  it('scope lists the app scopes; methods and method.get follow them', async () => {
    expect((await call<string[]>(context.app(2), 'scope')).result).toEqual(['crm', 'task', 'user', 'placement']);
    expect((await call<string[]>(context.hook, 'scope')).result).toEqual([
      'crm',
      'task',
      'user',
      'placement',
      'userfieldconfig',
    ]);
    const methods = (await call<string[]>(context.app(2), 'methods')).result;
    expect(methods).toEqual(
      expect.arrayContaining([
        'batch',
        'crm.item.list',
        'tasks.task.add',
        'placement.bind',
        'app.info',
        'crm.type.getbyentitytypeid',
      ]),
    );
    expect(methods).not.toContain('userfieldconfig.list');
    const common = (await call<string[]>(context.app(2), 'methods', { scope: '' })).result;
    expect(common).toEqual(expect.arrayContaining(['batch', 'app.info', 'server.time']));
    expect(common).not.toContain('crm.item.list');
    expect((await call<string[]>(context.app(2), 'methods', { scope: 'task' })).result).toContain('tasks.task.add');
    expect((await call(context.app(2), 'method.get', { name: 'userfieldconfig.list' })).result).toEqual({
      isExisting: true,
      isAvailable: false,
    });
    expect((await call(context.app(2), 'method.get', { name: 'crm.item.list' })).result).toEqual({
      isExisting: true,
      isAvailable: true,
    });
  });

  it('server.time answers the portal time', async () => {
    const { result } = await call<string>(context.hook, 'server.time');
    expect(result).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+03:00$/);
    expect(Math.abs(Date.parse(result) - Date.now())).toBeLessThan(5_000);
  });
});

describe('app.info and options', () => {
  it('app.info describes the installed local app for an app token, and only scope and license for a webhook', async () => {
    const { result } = await call<User>(context.app(3), 'app.info');
    expect(result).toEqual({
      ID: 1,
      CODE: expect.stringMatching(/^local\.[0-9a-f]{24}$/),
      VERSION: 1,
      STATUS: 'L',
      INSTALLED: true,
      PAYMENT_EXPIRED: 'N',
      DAYS: null,
      LANGUAGE_ID: 'en',
      LICENSE: 'en_pro100',
      LICENSE_TYPE: 'pro100',
      LICENSE_FAMILY: 'pro',
    });
    expect((await call<User>(context.hook, 'app.info')).result).toEqual({
      SCOPE: ['crm', 'task', 'user', 'placement', 'userfieldconfig'],
      LICENSE: 'en_pro100',
    });
  });

  it('app options: an administrator sets, everyone reads; user options are per user', async () => {
    const admin = context.app(1);
    expect((await call(admin, 'app.option.get')).result).toEqual([]);
    expect(
      (await call(admin, 'app.option.set', { options: { surfaces: { 177: ['detail-tab'] }, version: 2 } })).result,
    ).toBe(true);
    expect((await call(context.app(5), 'app.option.get', { option: 'version' })).result).toBe(2);
    expect((await call(context.app(5), 'app.option.get', { option: 'missing' })).result).toBeNull();
    expect(await callFailure(context.app(5), 'app.option.set', { options: { version: 3 } })).toMatchObject({
      code: 'ACCESS_DENIED',
      status: 403,
      message: 'Access denied! Administrator authorization required',
    });
    expect(await callFailure(admin, 'app.option.set', { options: {} })).toMatchObject({
      code: 'ERROR_ARGUMENT',
      message: "Argument 'options' is null or empty",
    });

    await call(context.app(5), 'user.option.set', { options: { lastTab: 'mine' } });
    expect((await call(context.app(5), 'user.option.get')).result).toEqual({ lastTab: 'mine' });
    expect((await call(context.app(6), 'user.option.get')).result).toEqual([]);
  });

  it('options need an application context', async () => {
    expect(await callFailure(context.hook, 'app.option.get')).toMatchObject({
      code: 'ACCESS_DENIED',
      status: 403,
      message: 'Access denied! Application context required',
    });
    expect(await callFailure(context.hook, 'user.option.set', { options: { a: 1 } })).toMatchObject({
      code: 'ACCESS_DENIED',
      status: 403,
    });
  });
});
