/**
 * placement.bind / unbind / get / list with an app token: the demo state's bindings (read from the
 * placement manifest), duplicates, unbind counts, admin and app-context checks.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entryUrls, manifest, placementCode } from '../../placements/manifest';
import { call, callFailure, startContractPortal } from './contract-harness';
import type { ContractPortal } from './contract-harness';

interface Binding {
  placement: string;
  userId: number;
  handler: string;
  options: unknown;
  title: string;
  description: string;
  langAll: Record<string, { TITLE: string; DESCRIPTION: string; GROUP_NAME: string }>;
}

const SMART_PROCESSES = [177, 156, 183, 187];

let context: ContractPortal;
beforeAll(async () => {
  context = await startContractPortal({ appUrl: 'http://127.0.0.1:5999/' });
});
afterAll(async () => {
  await context.portal.close();
});

describe('the demo state', () => {
  it('has every default surface of the manifest bound on every smart process, to the app handler', async () => {
    const { result } = await call<Binding[]>(context.app(1), 'placement.get');
    const expected = SMART_PROCESSES.flatMap((entityTypeId) =>
      manifest.surfaces
        .filter((surface) => surface.enabledByDefault)
        .map((surface) => placementCode(surface, entityTypeId)),
    );
    expect(result.map((binding) => binding.placement)).toEqual(expected);
    const handler = entryUrls('http://127.0.0.1:5999/').handler;
    const detailTab = result.find((binding) => binding.placement === 'CRM_DYNAMIC_177_DETAIL_TAB')!;
    expect(detailTab).toEqual({
      placement: 'CRM_DYNAMIC_177_DETAIL_TAB',
      userId: 0,
      handler,
      options: [],
      title: 'Tasks',
      description: '',
      langAll: {
        en: { TITLE: 'Tasks', DESCRIPTION: '', GROUP_NAME: '' },
        ru: { TITLE: 'Задачи', DESCRIPTION: '', GROUP_NAME: '' },
        de: { TITLE: 'Aufgaben', DESCRIPTION: '', GROUP_NAME: '' },
      },
    });
  });
});

describe('binding and unbinding', () => {
  it('binds, refuses the same handler twice, and unbinds with the portal count', async () => {
    const admin = context.app(1);
    const handler = 'http://127.0.0.1:5999/index.html?surface=extra';
    expect(
      (
        await call(admin, 'placement.bind', {
          PLACEMENT: 'CRM_DYNAMIC_183_DOCUMENTGENERATOR_BUTTON',
          HANDLER: handler,
          TITLE: 'Docs',
        })
      ).result,
    ).toBe(true);
    expect(
      await callFailure(admin, 'placement.bind', {
        PLACEMENT: 'CRM_DYNAMIC_183_DOCUMENTGENERATOR_BUTTON',
        HANDLER: handler,
      }),
    ).toMatchObject({
      code: 'ERROR_CORE',
      status: 400,
      message: 'Unable to set placement handler: Handler already binded',
    });
    // A second handler on the same placement is fine.
    expect(
      (
        await call(admin, 'placement.bind', {
          placement: 'crm_dynamic_183_documentgenerator_button',
          handler: `${handler}&second=1`,
          LANG_ALL: { en: { TITLE: 'Second' } },
        })
      ).result,
    ).toBe(true);
    const bound = (await call<Binding[]>(admin, 'placement.get')).result.filter(
      (binding) => binding.placement === 'CRM_DYNAMIC_183_DOCUMENTGENERATOR_BUTTON',
    );
    expect(bound.map((binding) => binding.title)).toEqual(['Docs', 'Second']);

    expect(
      (
        await call(admin, 'placement.unbind', {
          PLACEMENT: 'CRM_DYNAMIC_183_DOCUMENTGENERATOR_BUTTON',
          HANDLER: handler,
        })
      ).result,
    ).toEqual({ count: 2 });
    expect(
      (await call(admin, 'placement.unbind', { PLACEMENT: 'CRM_DYNAMIC_183_DOCUMENTGENERATOR_BUTTON' })).result,
    ).toEqual({ count: 2 });
    expect(
      (await call(admin, 'placement.unbind', { PLACEMENT: 'CRM_DYNAMIC_183_DOCUMENTGENERATOR_BUTTON' })).result,
    ).toEqual({ count: 0 });
    expect((await call(admin, 'placement.unbind', { PLACEMENT: 'CRM_DYNAMIC_177_DETAIL_TAB' })).result).toEqual({
      count: 2,
    });
  });

  it('keeps options only for activity placements', async () => {
    const admin = context.app(1);
    await call(admin, 'placement.bind', {
      PLACEMENT: 'CRM_DYNAMIC_156_DETAIL_ACTIVITY',
      HANDLER: 'http://127.0.0.1:5999/a.html',
      OPTIONS: { useBuiltInInterface: 'Y', other: 'x' },
    });
    await call(admin, 'placement.bind', {
      PLACEMENT: 'CRM_DYNAMIC_156_LIST_MENU',
      HANDLER: 'http://127.0.0.1:5999/b.html',
      OPTIONS: { useBuiltInInterface: 'Y' },
    });
    const bindings = (await call<Binding[]>(admin, 'placement.get')).result;
    expect(bindings.find((binding) => binding.handler.endsWith('/a.html'))!.options).toEqual({
      useBuiltInInterface: 'Y',
    });
    expect(bindings.find((binding) => binding.handler.endsWith('/b.html'))!.options).toEqual([]);
  });

  it('validates the placement code and the handler URL', async () => {
    const admin = context.app(1);
    expect(await callFailure(admin, 'placement.bind', { HANDLER: 'http://127.0.0.1:5999/' })).toMatchObject({
      code: 'ERROR_ARGUMENT',
      message: "Argument 'PLACEMENT' is null or empty",
    });
    expect(await callFailure(admin, 'placement.unbind', {})).toMatchObject({ code: 'ERROR_ARGUMENT', status: 400 });
    expect(
      await callFailure(admin, 'placement.bind', {
        PLACEMENT: 'CRM_DYNAMIC_999_DETAIL_TAB',
        HANDLER: 'http://127.0.0.1:5999/',
      }),
    ).toMatchObject({ code: 'ERROR_PLACEMENT_NOT_FOUND' });
    expect(
      await callFailure(admin, 'placement.bind', {
        PLACEMENT: 'CRM_DYNAMIC_177_LIST_MENU',
        HANDLER: 'http://localhost:5999/',
      }),
    ).toMatchObject({ code: 'ERROR_WRONG_HANDLER_URL' });
    expect(
      await callFailure(admin, 'placement.bind', {
        PLACEMENT: 'CRM_DYNAMIC_177_LIST_MENU',
        HANDLER: 'ftp://files.example/x',
      }),
    ).toMatchObject({ code: 'ERROR_UNSUPPORTED_PROTOCOL' });
  });

  it('answers its own refusals with HTTP 200, as placement-bind.md lists them', async () => {
    const token = context.portal.issueAppToken(1).accessToken;
    const bind = async (params: Record<string, unknown>) => {
      const response = await fetch(`${context.portal.origin}/rest/placement.bind`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ ...params, auth: token }),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    expect(await bind({ HANDLER: 'http://127.0.0.1:5999/' })).toEqual({
      status: 200,
      body: {
        error: 'ERROR_ARGUMENT',
        error_description: "Argument 'PLACEMENT' is null or empty",
        argument: 'PLACEMENT',
      },
    });
    expect(
      await bind({ PLACEMENT: 'CRM_DYNAMIC_177_LIST_MENU', HANDLER: 'http://127.0.0.1:5999/u', USER_ID: 2 }),
    ).toEqual({
      status: 200,
      body: { error: 'ERROR_PLACEMENT_USER_MODE', error_description: 'User mode is not available.' },
    });
    expect((await bind({ PLACEMENT: 'REST_APP_URI', HANDLER: 'http://127.0.0.1:5999/uri' })).body).toEqual({
      result: true,
      time: expect.any(Object),
    });
    expect(await bind({ PLACEMENT: 'REST_APP_URI', HANDLER: 'http://127.0.0.1:5999/uri2' })).toEqual({
      status: 200,
      body: { error: 'ERROR_PLACEMENT_MAX_COUNT', error_description: 'Placement max count: 1' },
    });
  });

  it('needs an administrator and an application context', async () => {
    expect(
      await callFailure(context.app(2), 'placement.bind', {
        PLACEMENT: 'CRM_DYNAMIC_177_LIST_MENU',
        HANDLER: 'http://127.0.0.1:5999/',
      }),
    ).toMatchObject({ code: 'ACCESS_DENIED', status: 403 });
    expect(await callFailure(context.hook, 'placement.get')).toMatchObject({ code: 'WRONG_AUTH_TYPE', status: 403 });
    expect(await callFailure(context.hook, 'placement.list')).toMatchObject({ code: 'WRONG_AUTH_TYPE', status: 403 });
  });
});

describe('placement.list', () => {
  it('lists the codes available to the app, with the dynamic codes of every smart process', async () => {
    const { result } = await call<string[]>(context.app(2), 'placement.list');
    for (const entityTypeId of SMART_PROCESSES) {
      expect(result).toContain(`CRM_DYNAMIC_${entityTypeId}_DETAIL_TAB`);
      expect(result).toContain(`CRM_DYNAMIC_${entityTypeId}_ACTIVITY_TIMELINE_MENU`);
    }
    expect(result).toContain('TASK_VIEW_TAB');
    expect((await call<string[]>(context.app(2), 'placement.list', { SCOPE: 'user' })).result).toEqual([
      'USER_PROFILE_MENU',
      'USER_PROFILE_TOOLBAR',
    ]);
  });
});
