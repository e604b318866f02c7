/**
 * Errors a portal gives (auth, scope, unknown method, rate limit, expired tokens) and the faults
 * the control API plants (failures, dropped connections before and after the write, slowness),
 * observed through the SDK and counted through the request log.
 */
import { B24Hook } from '@bitrix24/b24jssdk';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  callFailure,
  rawRequest,
  rawWebhookCall,
  restrictionParams,
  startContractPortal,
} from './contract-harness';
import type { ContractPortal } from './contract-harness';

let context: ContractPortal;
beforeAll(async () => {
  context = await startContractPortal();
});
afterEach(async () => {
  await context.control.clearFaults();
});
afterAll(async () => {
  await context.portal.close();
});

async function tasksTitled(title: string): Promise<number> {
  const { total } = await call(context.hook, 'tasks.task.list', { filter: { TITLE: title }, select: ['ID'] });
  return total;
}

describe('authentication and method errors', () => {
  it('answers an unknown method with 404 ERROR_METHOD_NOT_FOUND', async () => {
    expect(await callFailure(context.hook, 'crm.item.teleport', {})).toEqual({
      code: 'ERROR_METHOD_NOT_FOUND',
      status: 404,
      message: 'Method not found!',
    });
  });

  it('answers missing and unknown credentials with 401, a wrong webhook secret with 403', async () => {
    const missing = await rawRequest(context.portal, '/rest/user.current', { method: 'POST' });
    expect([missing.status, missing.json()]).toEqual([
      401,
      { error: 'NO_AUTH_FOUND', error_description: 'Wrong authorization data' },
    ]);
    const unknown = await rawRequest(context.portal, '/rest/user.current?auth=0123456789abcdef');
    expect([unknown.status, unknown.json()]).toEqual([
      401,
      { error: 'invalid_token', error_description: 'The access token provided is invalid.' },
    ]);
    const wrongSecret = B24Hook.fromWebhookUrl(
      context.portal.webhookUrl.replace(context.portal.config.webhookSecret, 'not-the-secret'),
      { restrictionParams: restrictionParams() },
    );
    wrongSecret.offClientSideWarning();
    expect(await callFailure(wrongSecret, 'user.current')).toMatchObject({ code: 'INVALID_CREDENTIALS', status: 403 });
  });

  it('answers expired_token once AUTH_EXPIRES passes, and the SDK refreshes and retries once', async () => {
    const app = context.app(2);
    await call(app, 'user.current');
    expect(await context.control.expireTokens()).toBeGreaterThan(0);
    await context.control.clearRequests();
    const { result } = await call<{ ID: string }>(app, 'user.current');
    expect(result.ID).toBe('2');
    const log = (await context.control.requests()).filter((entry) => entry.method === 'user.current');
    expect(log.map((entry) => entry.status)).toEqual([401, 200]);

    await context.control.configure({ tokenTtlSeconds: 1 });
    const shortLived = context.portal.issueAppToken(3);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const expired = await rawRequest(context.portal, `/rest/profile?auth=${shortLived.accessToken}`);
    expect([expired.status, expired.json()]).toEqual([
      401,
      { error: 'expired_token', error_description: 'The access token provided has expired' },
    ]);
    await context.control.configure({ tokenTtlSeconds: 3600 });
  });
});

describe('rate limit', () => {
  it('refuses requests beyond the burst with 503 QUERY_LIMIT_EXCEEDED; a batch is one request', async () => {
    await context.control.configure({ rateLimit: { drainPerSecond: 0.001, burst: 3 } });
    try {
      await call(context.hook, 'server.time');
      const batch = await context.hook.actions.v2.batch.make({
        calls: Array.from({ length: 20 }, () => ['server.time', {}] as [string, object]),
        options: { isHaltOnError: true },
      });
      expect(batch.isSuccess).toBe(true);
      await call(context.hook, 'server.time');
      expect(await callFailure(context.hook, 'server.time')).toMatchObject({
        code: 'QUERY_LIMIT_EXCEEDED',
        status: 503,
      });
      expect(await rawWebhookCall(context.portal, 'server.time', {})).toEqual({
        status: 503,
        body: { error: 'QUERY_LIMIT_EXCEEDED', error_description: 'Too many requests' },
      });
    } finally {
      await context.control.configure({ rateLimit: null });
    }
  });
});

describe('planned faults', () => {
  it('fails the next N calls of a method with the given error, also inside a batch', async () => {
    await context.control.setFaults({
      fail: [{ method: 'tasks.task.add', count: 2, error: 'ERROR_CORE', status: 400, description: 'Planned outage' }],
    });
    expect(
      await callFailure(context.hook, 'tasks.task.add', { fields: { TITLE: 'Fault one', RESPONSIBLE_ID: 1 } }),
    ).toMatchObject({ code: 'ERROR_CORE', status: 400, message: 'Planned outage' });
    const batch = await rawWebhookCall(context.portal, 'batch', {
      cmd: { a: 'tasks.task.add?fields[TITLE]=Fault two&fields[RESPONSIBLE_ID]=1', b: 'server.time' },
    });
    expect((batch.body.result as { result_error: unknown }).result_error).toEqual({
      a: { error: 'ERROR_CORE', error_description: 'Planned outage' },
    });
    await call(context.hook, 'tasks.task.add', { fields: { TITLE: 'Fault three', RESPONSIBLE_ID: 1 } });
    expect(await tasksTitled('Fault one')).toBe(0);
    expect(await tasksTitled('Fault three')).toBe(1);

    await context.control.setFaults({
      fail: [{ method: 'batch', count: 1, error: 'INTERNAL_SERVER_ERROR', status: 500 }],
    });
    expect((await rawWebhookCall(context.portal, 'batch', { cmd: ['server.time'] })).status).toBe(500);
  });

  it('drops the connection before the portal acts: nothing is written', async () => {
    await context.control.setFaults({ drop: [{ method: 'tasks.task.add', count: 1, when: 'before' }] });
    await context.control.clearRequests();
    const failure = await callFailure(context.hook, 'tasks.task.add', {
      fields: { TITLE: 'Dropped before', RESPONSIBLE_ID: 1 },
    });
    expect(failure.status).toBe(0);
    expect(await tasksTitled('Dropped before')).toBe(0);
    expect((await context.control.requests())[0]).toMatchObject({ method: 'tasks.task.add', status: 0, userId: null });
  });

  it('drops the connection after the portal acted: the task exists though the caller saw a network error', async () => {
    await context.control.setFaults({ drop: [{ method: 'tasks.task.add', count: 1, when: 'after' }] });
    const failure = await callFailure(context.hook, 'tasks.task.add', {
      fields: { TITLE: 'Dropped after', RESPONSIBLE_ID: 1 },
    });
    expect(failure.status).toBe(0);
    expect(await tasksTitled('Dropped after')).toBe(1);
  });

  it("shows why a blind retry is unsafe: the SDK's own retry after a lost answer creates the task twice", async () => {
    const retrying = B24Hook.fromWebhookUrl(context.portal.webhookUrl, { restrictionParams: restrictionParams(3) });
    retrying.offClientSideWarning();
    await context.control.setFaults({ drop: [{ method: 'tasks.task.add', count: 1, when: 'after' }] });
    await call(retrying, 'tasks.task.add', { fields: { TITLE: 'Retried add', RESPONSIBLE_ID: 1 } });
    expect(await tasksTitled('Retried add')).toBe(2);
  });

  it('drops a batch that contains the method', async () => {
    await context.control.setFaults({ drop: [{ method: 'crm.item.update', count: 1, when: 'before' }] });
    const dropped = await context.hook.actions.v2.batch
      .make({
        calls: [
          ['server.time', {}],
          ['crm.item.update', { entityTypeId: 177, id: 29, fields: { title: 'Renamed' } }],
        ],
        options: { isHaltOnError: true },
      })
      .then(
        () => 'answered',
        () => 'dropped',
      );
    expect(dropped).toBe('dropped');
    expect(
      (await call<{ item: { title: string } }>(context.hook, 'crm.item.get', { entityTypeId: 177, id: 29 })).result.item
        .title,
    ).toBe('Washing Machine');
  });

  it('slows a method down and adds latency, as the time block shows', async () => {
    await context.control.setFaults({ slow: [{ method: 'server.time', ms: 150 }], latencyMs: 100 });
    const slow = await call(context.hook, 'server.time');
    expect(slow.time.processing as number).toBeGreaterThanOrEqual(0.14);
    expect(slow.time.duration as number).toBeGreaterThanOrEqual(0.24);
    await context.control.clearFaults();
    const fast = await call(context.hook, 'server.time');
    expect(fast.time.duration as number).toBeLessThan(0.24);
  });

  it('rejects a malformed fault with a clear message', async () => {
    await expect(
      context.control.setFaults({ drop: [{ method: 'x', count: 1, when: 'sometimes' as 'before' }] }),
    ).rejects.toThrow('drop[0].when must be "before" or "after"');
  });
});

describe('request log', () => {
  it('records one entry per REST request with method, status, bytes and user', async () => {
    await context.control.clearRequests();
    await call(context.hookAs(4), 'crm.item.get', { entityTypeId: 177, id: 29 });
    await callFailure(context.hook, 'crm.item.get', { entityTypeId: 177, id: 0 });
    const log = await context.control.requests();
    expect(log.map((entry) => [entry.method, entry.status, entry.userId])).toEqual([
      ['crm.item.get', 200, 4],
      ['crm.item.get', 400, 1],
    ]);
    expect(log[0]!.bytesIn).toBeGreaterThan(0);
    expect(log[0]!.bytesOut).toBeGreaterThan(500);
    expect(log[0]!.at).toMatch(/\+03:00$/);
  });
});

describe('reset and configuration', () => {
  it('reseeds, optionally as a fresh portal where the app is not installed', async () => {
    await call(context.hook, 'tasks.task.add', { fields: { TITLE: 'Before reset', RESPONSIBLE_ID: 1 } });
    await context.control.configure({ language: 'de' });
    expect((await call<{ LANGUAGE_ID: string }>(context.app(1), 'app.info')).result.LANGUAGE_ID).toBe('de');

    await context.control.reset({ fresh: true });
    expect(await tasksTitled('Before reset')).toBe(0);
    const fresh = context.app(1);
    expect((await call<{ INSTALLED: boolean; LANGUAGE_ID: string }>(fresh, 'app.info')).result).toMatchObject({
      INSTALLED: false,
      LANGUAGE_ID: 'en',
    });
    expect((await call(fresh, 'placement.get')).result).toEqual([]);

    await context.control.reset();
    expect((await call<{ INSTALLED: boolean }>(context.app(1), 'app.info')).result.INSTALLED).toBe(true);
    expect((await call<unknown[]>(context.app(1), 'placement.get')).result.length).toBeGreaterThan(0);
  });
});
