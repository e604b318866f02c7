/**
 * Planned failures `after` the write (control API `fail … when: "after"`): the portal acts, then
 * the caller gets an error — the portal's own JSON, a proxy's 503 HTML page, a gateway's 429
 * text, a 500 — for plain calls and for whole batches; `before` still writes nothing. Seen
 * through the SDK, counted through tasks.task.list.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { call, callFailure, contractPortalForThisFile, rawWebhookCall } from './contract-harness';

const context = contractPortalForThisFile();

afterEach(async () => {
  await context.control.clearFaults();
});

async function tasksTitled(title: string): Promise<number> {
  const { total } = await call(context.hook, 'tasks.task.list', { filter: { TITLE: title }, select: ['ID'] });
  return total;
}

function addTask(title: string) {
  return callFailure(context.hook, 'tasks.task.add', { fields: { TITLE: title, RESPONSIBLE_ID: 1 } });
}

describe('a plain call that fails after its write', () => {
  it("answers the portal's own JSON error and keeps the task", async () => {
    await context.control.setFaults({
      fail: [
        {
          method: 'tasks.task.add',
          count: 1,
          error: 'ERROR_CORE',
          status: 400,
          description: 'Lost on the way back',
          when: 'after',
        },
      ],
    });
    expect(await addTask('After portal error')).toMatchObject({
      code: 'ERROR_CORE',
      status: 400,
      message: 'Lost on the way back',
    });
    expect(await tasksTitled('After portal error')).toBe(1);
  });

  it("answers a proxy's 503 HTML page, not Bitrix JSON, and keeps the task", async () => {
    await context.control.setFaults({
      fail: [{ method: 'tasks.task.add', count: 1, answer: 'proxy-html', when: 'after' }],
    });
    const failure = await addTask('After proxy 503');
    expect(failure.status).toBe(503);
    expect(failure.code).not.toBe('QUERY_LIMIT_EXCEEDED');
    expect(await tasksTitled('After proxy 503')).toBe(1);

    await context.control.setFaults({
      fail: [{ method: 'tasks.task.add', count: 1, answer: 'proxy-html', when: 'after' }],
    });
    const raw = await fetch(`${context.portal.webhookUrl}tasks.task.add`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ fields: { TITLE: 'After proxy 503 raw', RESPONSIBLE_ID: 1 } }),
    });
    expect(raw.status).toBe(503);
    expect(raw.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await raw.text()).toContain('<title>503 Service Unavailable</title>');
    expect(await tasksTitled('After proxy 503 raw')).toBe(1);
  });

  it("answers a gateway's 429 in plain text, not Bitrix JSON, and keeps the task", async () => {
    await context.control.setFaults({
      fail: [{ method: 'tasks.task.add', count: 1, answer: 'proxy-text', when: 'after' }],
    });
    const failure = await addTask('After gateway 429');
    expect(failure.status).toBe(429);
    expect(failure.code).not.toBe('OPERATION_TIME_LIMIT');
    expect(await tasksTitled('After gateway 429')).toBe(1);
  });

  it('answers a 500 and keeps the task', async () => {
    await context.control.setFaults({
      fail: [{ method: 'tasks.task.add', count: 1, error: 'INTERNAL_SERVER_ERROR', status: 500, when: 'after' }],
    });
    expect(await addTask('After 500')).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', status: 500 });
    expect(await tasksTitled('After 500')).toBe(1);
  });

  it('writes nothing when the failure comes before, in each answer form', async () => {
    await context.control.setFaults({
      fail: [
        { method: 'tasks.task.add', count: 1, answer: 'proxy-html', when: 'before' },
        { method: 'tasks.task.add', count: 1, error: 'ERROR_CORE', when: 'before' },
      ],
    });
    expect((await addTask('Before proxy')).status).toBe(503);
    expect(await addTask('Before portal')).toMatchObject({ code: 'ERROR_CORE', status: 400 });
    expect(await tasksTitled('Before proxy')).toBe(0);
    expect(await tasksTitled('Before portal')).toBe(0);
  });

  it('answers a method that fails on its own with its own error (nothing written)', async () => {
    await context.control.setFaults({
      fail: [{ method: 'tasks.task.add', count: 1, error: 'ERROR_CORE', status: 500, when: 'after' }],
    });
    const failure = await callFailure(context.hook, 'tasks.task.add', { fields: { RESPONSIBLE_ID: 1 } });
    expect(failure).toMatchObject({ code: 'ERROR_CORE', status: 400 });
    expect(failure.message).toContain('Task title is not specified');
  });
});

describe('a batch that fails after its commands ran', () => {
  const calls: Array<[string, object]> = [
    ['tasks.task.add', { fields: { TITLE: 'Batch after A', RESPONSIBLE_ID: 1 } }],
    ['tasks.task.add', { fields: { TITLE: 'Batch after B', RESPONSIBLE_ID: 1 } }],
  ];

  it('answers the whole batch request with a 500 while both tasks were written', async () => {
    await context.control.setFaults({
      fail: [{ method: 'batch', count: 1, error: 'INTERNAL_SERVER_ERROR', status: 500, when: 'after' }],
    });
    const failed = await context.hook.actions.v2.batch.make({ calls, options: { isHaltOnError: true } }).then(
      (response) => response.isSuccess,
      () => false,
    );
    expect(failed).toBe(false);
    expect(await tasksTitled('Batch after A')).toBe(1);
    expect(await tasksTitled('Batch after B')).toBe(1);
  });

  it("answers a proxy's 503 for a batch holding the method, after all its commands ran", async () => {
    await context.control.setFaults({
      fail: [{ method: 'tasks.task.add', count: 1, answer: 'proxy-html', when: 'after' }],
    });
    const batch = await rawWebhookCall(context.portal, 'batch', {
      cmd: {
        c: 'tasks.task.add?fields[TITLE]=Batch proxy C&fields[RESPONSIBLE_ID]=1',
        d: 'tasks.task.add?fields[TITLE]=Batch proxy D&fields[RESPONSIBLE_ID]=1',
      },
    }).catch(() => ({ status: 503, body: {} }));
    expect(batch.status).toBe(503);
    expect(await tasksTitled('Batch proxy C')).toBe(1);
    expect(await tasksTitled('Batch proxy D')).toBe(1);
  });

  it("reports a command failing after its write in result_error, the portal's way", async () => {
    await context.control.setFaults({
      fail: [{ method: 'tasks.task.add', count: 1, error: 'ERROR_CORE', description: 'Late failure', when: 'after' }],
    });
    const batch = await rawWebhookCall(context.portal, 'batch', {
      cmd: { e: 'tasks.task.add?fields[TITLE]=Batch late E&fields[RESPONSIBLE_ID]=1' },
    });
    expect((batch.body.result as { result_error: unknown }).result_error).toEqual({
      e: { error: 'ERROR_CORE', error_description: 'Late failure' },
    });
    expect(await tasksTitled('Batch late E')).toBe(1);
  });
});

describe('fault settings', () => {
  it('shows what is planned and refuses an unknown answer form', async () => {
    await context.control.setFaults({
      fail: [{ method: 'tasks.task.add', count: 2, answer: 'proxy-text', when: 'after' }],
    });
    const planned = await (await fetch(`${context.portal.origin}/_emulator/faults`)).json();
    expect(planned.faults.fail).toEqual([
      { method: 'tasks.task.add', count: 2, error: 'proxy-text', answer: 'proxy-text', when: 'after' },
    ]);
    await expect(
      context.control.setFaults({ fail: [{ method: 'x', count: 1, answer: 'teapot' as 'portal' }] }),
    ).rejects.toThrow('fail[0].answer must be one of portal, proxy-html, proxy-text');
  });
});
