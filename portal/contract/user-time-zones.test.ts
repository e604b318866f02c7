/**
 * Users' own time zones (user.get TIME_ZONE, docs user-get.md; profile TIME_ZONE, docs
 * profile.md): "" means the portal's zone; the seed has users in Asia/Vladivostok,
 * America/New_York and Europe/Berlin. The portal's own pages show moments in the viewing user's
 * zone. Driven through the SDK.
 */
import { describe, expect, it } from 'vitest';
import { call, contractPortalForThisFile, rawRequest } from './contract-harness';

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

  it("profile's TIME_ZONE_OFFSET is the user's own offset in seconds", async () => {
    expect((await call<{ TIME_ZONE_OFFSET: number }>(context.app(2), 'profile')).result.TIME_ZONE_OFFSET).toBe(36_000);
    expect((await call<{ TIME_ZONE_OFFSET: number }>(context.app(1), 'profile')).result.TIME_ZONE_OFFSET).toBe(10_800);
  });
});

describe("the portal's pages in the viewer's zone", () => {
  async function shown(path: string, testId: string, userId: number): Promise<string> {
    const page = await rawRequest(context.portal, `${path}${path.includes('?') ? '&' : '?'}user=${userId}`);
    return new RegExp(`data-testid="${testId}"[^>]*>(?:<time[^>]*>)?([^<]*)`).exec(page.text)?.[1] ?? '';
  }

  it("shows a task deadline in each viewer's zone on the task card", async () => {
    const { result } = await call<{ task: { id: string } }>(context.hook, 'tasks.task.add', {
      fields: { TITLE: 'Zoned deadline', RESPONSIBLE_ID: 2, DEADLINE: '2026-12-04T18:00:00+03:00' },
    });
    const path = `/company/personal/user/2/tasks/task/view/${result.task.id}/`;
    expect(await shown(path, 'task-deadline', 1)).toBe('4 Dec 2026, 18:00');
    expect(await shown(path, 'task-deadline', 2)).toBe('5 Dec 2026, 01:00');
    expect(await shown(path, 'task-deadline', 4)).toBe('4 Dec 2026, 10:00');
  });

  it("shows an item's date-time field in the viewer's zone on the item card", async () => {
    await call(context.hook, 'crm.item.update', {
      entityTypeId: 177,
      id: 29,
      fields: { ufCrm7InspectionAt: '2026-12-04T09:30:00+03:00' },
    });
    const card = async (userId: number) =>
      (await rawRequest(context.portal, `/crm/type/177/details/29/?user=${userId}`)).text;
    expect(await card(1)).toContain(
      '<time datetime="2026-12-04T09:30:00+03:00" title="Europe/Moscow">4 Dec 2026, 09:30</time>',
    );
    expect(await card(2)).toContain(
      '<time datetime="2026-12-04T09:30:00+03:00" title="Asia/Vladivostok">4 Dec 2026, 16:30</time>',
    );
    expect(await card(4)).toContain(
      '<time datetime="2026-12-04T09:30:00+03:00" title="America/New_York">4 Dec 2026, 01:30</time>',
    );
  });
});
