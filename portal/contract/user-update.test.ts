/**
 * user.update as documented (user-update.md): administrators only, ACTIVE "N" dismisses a user —
 * who then shows `ACTIVE: false` in user.get / user.search and can no longer call REST — and "Y"
 * brings them back; the documented ERROR_CORE refusals. Driven through the SDK.
 */
import { describe, expect, it } from 'vitest';
import { LAYOUT_AJAX_PATH } from '../host/paths';
import { call, callFailure, contractPortalForThisFile } from './contract-harness';

const context = contractPortalForThisFile();

type RestUser = { ID: string; ACTIVE: boolean; NAME: string; WORK_POSITION: string };

/** The ids the portal's employee selector (BX24.selectUser) offers. */
async function selectableUserIds(): Promise<string[]> {
  const response = await fetch(context.portal.origin + LAYOUT_AJAX_PATH, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ action: 'user_selector' }),
  });
  const body = (await response.json()) as { users: Array<{ id: string }> };
  return body.users.map((user) => user.id);
}

async function userById(id: number): Promise<RestUser> {
  const { result } = await call<RestUser[]>(context.hook, 'user.get', { ID: id });
  return result[0]!;
}

describe('user.update', () => {
  it('dismisses a user: ACTIVE false in user.get and user.search, no REST access; then brings them back', async () => {
    const app = context.app(3);
    expect((await call<RestUser>(app, 'user.current')).result.ACTIVE).toBe(true);

    expect((await call<boolean>(context.hook, 'user.update', { ID: 3, ACTIVE: 'N' })).result).toBe(true);
    expect(await userById(3)).toMatchObject({ ID: '3', ACTIVE: false, NAME: 'Sophie' });
    const found = await call<RestUser[]>(context.hook, 'user.search', { FILTER: { NAME: 'Sophie' } });
    expect(found.result.map((user) => [user.ID, user.ACTIVE])).toEqual([['3', false]]);
    const activeOnly = await call<RestUser[]>(context.hook, 'user.get', { filter: { ACTIVE: true } });
    expect(activeOnly.result.map((user) => user.ID)).not.toContain('3');
    expect(await callFailure(app, 'user.current')).toMatchObject({ status: 401 });
    expect(await callFailure(context.hookAs(3), 'user.current')).toMatchObject({
      code: 'INVALID_CREDENTIALS',
      status: 403,
    });
    expect(await selectableUserIds()).toEqual(['1', '2', '4', '5', '6', '7']);

    expect((await call<boolean>(context.hook, 'user.update', { ID: 3, ACTIVE: 'Y' })).result).toBe(true);
    expect((await userById(3)).ACTIVE).toBe(true);
    expect((await call<RestUser>(context.hookAs(3), 'user.current')).result).toMatchObject({ ID: '3', ACTIVE: true });
    expect(await selectableUserIds()).toContain('3');
  });

  it('writes the documented text fields', async () => {
    await call(context.hook, 'user.update', { ID: 7, WORK_POSITION: 'Head of Logistics' });
    expect((await userById(7)).WORK_POSITION).toBe('Head of Logistics');
  });

  it('refuses a caller who is not an administrator, an unknown user and a missing ID with ERROR_CORE', async () => {
    expect(await callFailure(context.hookAs(2), 'user.update', { ID: 4, ACTIVE: 'N' })).toEqual({
      code: 'ERROR_CORE',
      status: 400,
      message: 'access_denied',
    });
    expect((await userById(4)).ACTIVE).toBe(true);
    expect(await callFailure(context.hook, 'user.update', { ID: 999, ACTIVE: 'N' })).toMatchObject({
      code: 'ERROR_CORE',
      status: 400,
      message: 'access_denied',
    });
    expect(await callFailure(context.hook, 'user.update', { ACTIVE: 'N' })).toMatchObject({
      code: 'ERROR_CORE',
      status: 400,
    });
  });
});
