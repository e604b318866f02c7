/**
 * Users' own time zones (user.get TIME_ZONE, docs user-get.md; profile TIME_ZONE, docs
 * profile.md): "" means the portal's zone; the seed has users in Asia/Vladivostok,
 * America/New_York and Europe/Berlin. Driven through the SDK.
 */
import { describe, expect, it } from 'vitest';
import { call, contractPortalForThisFile } from './contract-harness';

const context = contractPortalForThisFile();

type RestUser = { ID: string; TIME_ZONE: string };

describe('user time zones', () => {
  it('user.get and user.search print each user TIME_ZONE, empty for the portal zone', async () => {
    const { result } = await call<RestUser[]>(context.hook, 'user.get', { filter: { ID: [1, 2, 3, 4] } });
    expect(result.map((user) => [user.ID, user.TIME_ZONE])).toEqual([
      ['1', ''],
      ['2', 'Asia/Vladivostok'],
      ['3', 'Europe/Berlin'],
      ['4', 'America/New_York'],
    ]);
    const found = await call<RestUser[]>(context.hook, 'user.search', { FILTER: { NAME: 'Daniel' } });
    expect(found.result.map((user) => user.TIME_ZONE)).toEqual(['America/New_York']);
  });

  it('user.current and profile give the calling user zone', async () => {
    const app = context.app(2);
    expect((await call<RestUser>(app, 'user.current')).result.TIME_ZONE).toBe('Asia/Vladivostok');
    expect((await call<RestUser>(app, 'profile')).result.TIME_ZONE).toBe('Asia/Vladivostok');
    expect((await call<RestUser>(context.app(1), 'user.current')).result.TIME_ZONE).toBe('');
  });
});
