/**
 * A cloud portal's costs, through the real SDK: each method takes its processing time (the answer
 * arrives after it) and the `time` block reports it truthfully; lists cost more with more rows; a
 * batch takes the sum of its commands; a time scale shortens the wait, not the figures; a request
 * whose processing would pass 60 s is cut off with the work done so far kept.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { CLOUD_PROFILE } from '../rest/cost-model';
import { call, contractPortalForThisFile, rawRequest, rawWebhookCall } from './contract-harness';

const context = contractPortalForThisFile();
const directory = mkdtempSync(join(tmpdir(), 'cost-profile-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));
afterEach(async () => {
  await context.control.reset();
});

interface Time {
  start: number;
  finish: number;
  duration: number;
  processing: number;
  date_start: string;
  date_finish: string;
  operating?: number;
  operating_reset_at?: number;
}

interface BatchAnswer {
  result: {
    result: Record<string, unknown>;
    result_error: Record<string, { error: string; error_description: string }> | [];
    result_time: Record<string, Time>;
  };
  time: Time;
}

/** A cost profile file for the portal to read. */
function costFile(name: string, profile: unknown): string {
  const path = join(directory, `${name}.json`);
  writeFileSync(path, JSON.stringify(profile));
  return path;
}

// Timer and event-loop slack on a shared machine, in portal seconds at scale 1.
const SLACK = 0.25;

describe('the time block reports what the call cost', () => {
  it('waits the method cost before answering and reports it as processing, duration and operating', async () => {
    await context.control.configure({ cost: costFile('user-current', { methods: { 'user.current': 0.4 } }) });
    const sentAt = Date.now();
    const first = await call(context.hook, 'user.current');
    const receivedAt = Date.now();
    const time = first.time as unknown as Time;
    expect(receivedAt - sentAt).toBeGreaterThanOrEqual(400);
    expect(time.processing).toBeGreaterThanOrEqual(0.4);
    expect(time.processing).toBeLessThan(0.4 + SLACK);
    expect(time.duration).toBeGreaterThanOrEqual(time.processing);
    expect(time.finish - time.start).toBeCloseTo(time.duration, 3);
    expect(time.start * 1000).toBeGreaterThanOrEqual(sentAt - 5);
    expect(time.operating).toBeCloseTo(time.processing, 3);
    // limits.md: the oldest basket drops ten minutes after the first call recorded in it.
    expect(time.operating_reset_at).toBeGreaterThanOrEqual(Math.floor(time.start + 600));
    expect(time.operating_reset_at).toBeLessThanOrEqual(Math.floor(time.finish + 600));

    const second = (await call(context.hook, 'user.current')).time as unknown as Time;
    expect(second.operating).toBeCloseTo(time.operating! + second.processing, 3);
    expect(second.operating_reset_at).toBe(time.operating_reset_at);
  });

  it('answers with the cloud profile by default: tasks.task.add reports the docs\u2019 0.934 s', async () => {
    // Scale 20 keeps the test quick; the figures stay in portal seconds.
    await context.control.useCloudProfile({ timeScale: 20 });
    const added = await call<{ task: { id: string } }>(context.hook, 'tasks.task.add', {
      fields: { TITLE: 'Cost probe', RESPONSIBLE_ID: 1 },
    });
    const time = added.time as unknown as Time;
    expect(time.processing).toBeGreaterThanOrEqual(CLOUD_PROFILE.methods['tasks.task.add'] as number);
    expect(time.processing).toBeLessThan(0.934 + 20 * 0.05);
    const read = (await call(context.hook, 'tasks.task.get', { taskId: added.result.task.id })).time as unknown as Time;
    expect(read.processing).toBeGreaterThanOrEqual(0.155);
    expect(read.processing).toBeLessThan(time.processing);
  });

  it('costs a list more the more rows it returns and counts', async () => {
    await context.control.configure({ cost: 'cloud' });
    const page = await call<{ items: unknown[] }>(context.hook, 'crm.item.list', { entityTypeId: 183, select: ['id'] });
    const one = await call<{ items: unknown[] }>(context.hook, 'crm.item.list', {
      entityTypeId: 183,
      select: ['id'],
      filter: { id: 1 },
    });
    expect(page.result.items).toHaveLength(50);
    expect(one.result.items).toHaveLength(1);
    const pageTime = page.time as unknown as Time;
    const oneTime = one.time as unknown as Time;
    // 49 more rows at 0.0014 s and 1,239 more counted at 0.000021 s: ~0.095 s more.
    expect(pageTime.processing - oneTime.processing).toBeGreaterThan(0.07);
    expect(oneTime.processing).toBeGreaterThanOrEqual(0.24);
  });
});

describe('batch', () => {
  it('takes the sum of its commands, each reported in result_time with its own operating', async () => {
    await context.control.useCloudProfile({ timeScale: 20 });
    const cmd = {
      a: 'tasks.task.add?fields[TITLE]=Batch cost A&fields[RESPONSIBLE_ID]=1',
      b: 'tasks.task.add?fields[TITLE]=Batch cost B&fields[RESPONSIBLE_ID]=1',
      me: 'user.current',
    };
    const { status, body } = await rawWebhookCall(context.portal, 'batch', { cmd });
    expect(status).toBe(200);
    const answer = body as unknown as BatchAnswer;
    const times = answer.result.result_time;
    expect(times.a!.processing).toBeGreaterThanOrEqual(0.934);
    expect(times.b!.processing).toBeGreaterThanOrEqual(0.934);
    expect(times.b!.start).toBeGreaterThanOrEqual(times.a!.finish);
    // Each command is accounted against its own method: the second add adds to the first.
    expect(times.a!.operating).toBeCloseTo(times.a!.processing, 3);
    expect(times.b!.operating).toBeCloseTo(times.a!.processing + times.b!.processing, 3);
    expect(times.me!.operating).toBeCloseTo(times.me!.processing, 3);
    const sum = times.a!.processing + times.b!.processing + times.me!.processing;
    expect(answer.time.processing).toBeGreaterThanOrEqual(sum);
    expect(answer.time.processing).toBeLessThan(sum + 20 * 0.05);
    // The outer batch is not accounted (limits.md).
    expect(answer.time.operating).toBe(0);
    // The request log carries each request's duration in portal seconds (benchmarks read it).
    const logged = (await context.control.requests()).find((entry) => entry.method === 'batch');
    expect(logged?.duration).toBeGreaterThanOrEqual(answer.time.duration);
  });
});

describe('time scale', () => {
  it('shortens the wait K times while the figures stay in portal seconds and the clock stays the machine\u2019s', async () => {
    // Latency is portal time too: 1,000 portal ms = 100 machine ms at K = 10.
    await context.control.configure({
      cost: costFile('slow-current', { methods: { 'user.current': 4 } }),
      timeScale: 10,
      latencyMs: 1_000,
    });
    const sentAt = Date.now();
    const time = (await call(context.hook, 'user.current')).time as unknown as Time;
    const receivedAt = Date.now();
    expect(time.processing).toBeGreaterThanOrEqual(4);
    expect(time.processing).toBeLessThan(4 + 10 * 0.05);
    expect(time.duration).toBeGreaterThanOrEqual(time.processing + 1);
    expect(time.duration).toBeLessThan(time.processing + 1 + 10 * 0.1);
    // Clock readings are the portal clock (not accelerated): finish − start = duration / K.
    expect((time.finish - time.start) * 10).toBeCloseTo(time.duration, 1);
    expect(time.start * 1000).toBeGreaterThanOrEqual(sentAt - 5);
    expect(time.finish * 1000).toBeLessThanOrEqual(receivedAt + 5);
    // A basket lives 600 portal seconds: 60 machine seconds at K = 10.
    expect(time.operating_reset_at! - time.start).toBeGreaterThan(59);
    expect(time.operating_reset_at! - time.start).toBeLessThanOrEqual(60);
  });

  it('shortens token lifetimes: expires_in stays in portal seconds, the token expires K times sooner', async () => {
    await context.control.configure({ cost: 'instant', timeScale: 60, tokenTtlSeconds: 60 });
    const token = await context.control.issueToken(1);
    expect(token.expires_in).toBe(60);
    const fresh = await rawRequest(context.portal, `/rest/user.current?auth=${token.access_token}`);
    expect(fresh.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    const stale = await rawRequest(context.portal, `/rest/user.current?auth=${token.access_token}`);
    expect([stale.status, stale.json()]).toEqual([
      401,
      { error: 'expired_token', error_description: 'The access token provided has expired' },
    ]);
  });
});

describe('request time limit', () => {
  async function itemsTitled(title: string): Promise<number> {
    const { total } = await call(context.hook, 'crm.item.list', {
      entityTypeId: 177,
      filter: { title },
      select: ['id'],
    });
    return total;
  }

  it('cuts off a batch whose processing would pass 60 s: no result reaches the client, the commands done stay done', async () => {
    // 50 × crm.item.add at 1.833 s = 92 s of processing; at K = 60 the cut comes after ~1 s.
    await context.control.useCloudProfile({ timeScale: 60 });
    const cmd = Array.from(
      { length: 50 },
      (_, index) => `crm.item.add?entityTypeId=177&fields[title]=Cut off&fields[categoryId]=7&n=${index}`,
    );
    const { status, text, headers } = await rawRequest(
      context.portal,
      `/rest/1/${context.portal.config.webhookSecret}/batch`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ cmd }),
      },
    );
    expect(status).toBe(504);
    expect(headers.get('content-type')).toContain('text/html');
    expect(text).not.toContain('"result"');
    await context.control.configure({ cost: 'instant', timeScale: 1 });
    const created = await itemsTitled('Cut off');
    // The command running at the 60 s mark had written its item: 60 / 1.833 → the 33rd (fewer if
    // the machine is slow), never all 50.
    expect(created).toBeGreaterThan(20);
    expect(created).toBeLessThanOrEqual(33);
    const log = await context.control.requests();
    expect(log.find((entry) => entry.method === 'batch')?.status).toBe(504);
  });

  it('a method slowed past the limit (the slow fault) writes no later than the cut-off, as a portal that stops the request there', async () => {
    // requestTimeLimitSeconds 1 at scale 1: a 4 s slowdown is cut after 1 s; the write lands by then.
    await context.control.configure({ requestTimeLimitSeconds: 1 });
    await context.control.setFaults({ slow: [{ method: 'crm.item.add', ms: 4_000 }] });
    const { status } = await rawRequest(context.portal, `/rest/1/${context.portal.config.webhookSecret}/crm.item.add`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ entityTypeId: 177, fields: { title: 'Slow past the cut', categoryId: 7 } }),
    });
    expect(status).toBe(504);
    // Right after the cut-off the write is there, and nothing of it happens later.
    expect(await itemsTitled('Slow past the cut')).toBe(1);
    const log = await context.control.requests();
    const entry = log.find((logged) => logged.method === 'crm.item.add');
    expect(entry?.duration).toBeLessThan(1 + SLACK);
  });

  it('cuts off a single call whose processing would pass the limit, after the limit', async () => {
    await context.control.configure({ cost: costFile('endless', { methods: { 'server.time': 61 } }), timeScale: 60 });
    const sentAt = Date.now();
    const { status } = await rawRequest(context.portal, `/rest/1/${context.portal.config.webhookSecret}/server.time`);
    expect(status).toBe(504);
    // The client waits the whole 60 portal seconds (1 s at K = 60) before it is told nothing.
    expect(Date.now() - sentAt).toBeGreaterThanOrEqual(990);
  });
});
