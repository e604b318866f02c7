/**
 * The portal's own clock and zone, through the real SDK: a clock offset moves everything the
 * portal stamps (the time block, server.time, created and changed dates, operating_reset_at)
 * away from this machine's clock, as a portal would look from a computer whose clock is wrong;
 * the server zone decides the offset the portal prints.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { parsePortalDate } from '../portal-time';
import { call, contractPortalForThisFile } from './contract-harness';

const context = contractPortalForThisFile();
afterEach(async () => {
  await context.control.reset();
});

const TWO_HOURS = 7_200;

interface Time {
  start: number;
  finish: number;
  date_start: string;
  operating_reset_at?: number;
}

function secondsOf(iso: string): number {
  return new Date(iso).getTime() / 1000;
}

describe('clock offset', () => {
  it('moves the time block, server.time, created dates and operating_reset_at, not the machine', async () => {
    await context.control.configure({ clockOffsetSeconds: TWO_HOURS });
    const machineNow = Date.now() / 1000;
    const serverTime = await call<string>(context.hook, 'server.time');
    expect(secondsOf(serverTime.result) - machineNow).toBeGreaterThan(TWO_HOURS - 5);
    expect(secondsOf(serverTime.result) - machineNow).toBeLessThan(TWO_HOURS + 5);
    const time = serverTime.time as unknown as Time;
    expect(time.start - machineNow).toBeGreaterThan(TWO_HOURS - 5);
    expect(secondsOf(time.date_start)).toBe(Math.floor(time.start));

    const added = await call<{ task: { id: string; createdDate: string; changedDate: string } }>(
      context.hook,
      'tasks.task.add',
      {
        fields: { TITLE: 'Made two hours ahead', RESPONSIBLE_ID: 1 },
      },
    );
    expect(secondsOf(added.result.task.createdDate) - machineNow).toBeGreaterThan(TWO_HOURS - 5);
    expect(secondsOf(added.result.task.changedDate) - machineNow).toBeLessThan(TWO_HOURS + 5);
    const addedTime = added.time as unknown as Time;
    expect(addedTime.operating_reset_at! - machineNow).toBeGreaterThan(TWO_HOURS + 595);

    // A filter on created dates compares against the portal's clock too.
    const sinceMachineNow = new Date(machineNow * 1000 + 60_000).toISOString();
    const listed = await call<{ tasks: Array<{ id: string }> }>(context.hook, 'tasks.task.list', {
      filter: { '>=CREATED_DATE': sinceMachineNow },
      select: ['ID'],
    });
    expect(listed.result.tasks.map((task) => task.id)).toContain(added.result.task.id);
  });

  it('can put the portal behind the machine', async () => {
    await context.control.configure({ clockOffsetSeconds: -TWO_HOURS });
    const machineNow = Date.now() / 1000;
    const item = await call<{ item: { createdTime: string } }>(context.hook, 'crm.item.add', {
      entityTypeId: 177,
      fields: { title: 'Made two hours behind', categoryId: 7 },
    });
    expect(secondsOf(item.result.item.createdTime) - machineNow).toBeLessThan(-TWO_HOURS + 5);
  });
});

describe('server time zone', () => {
  it('prints the portal\u2019s dates with the zone\u2019s offset and reads dates without an offset in it', async () => {
    await context.control.configure({ timeZone: 'Asia/Vladivostok' });
    const time = (await call(context.hook, 'server.time')).time as unknown as Time;
    expect(time.date_start).toMatch(/\+10:00$/);
    expect(secondsOf(time.date_start)).toBe(Math.floor(time.start));
    expect(parsePortalDate('2026-11-30T09:00:00')).toBe(Date.parse('2026-11-30T09:00:00+10:00'));
    await context.control.configure({ timeZone: 'America/New_York' });
    const winter = (await call<string>(context.hook, 'server.time')).result;
    // New York is UTC−05:00 in winter, −04:00 in summer; the portal prints the one in force.
    expect(winter).toMatch(/-0[45]:00$/);
  });

  it('refuses a zone it does not know', async () => {
    await expect(context.control.configure({ timeZone: 'Mars/Olympus_Mons' })).rejects.toThrow(
      'timeZone must be an IANA time zone',
    );
  });
});
