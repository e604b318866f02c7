/**
 * The operating-time limit as settings/performance/limits.md describes it, through the real SDK:
 * per method, per app (all its users) and per webhook, checked before each call, 429
 * OPERATION_TIME_LIMIT once the sum already exceeds the limit, calls allowed again when the
 * oldest basket drops at `operating_reset_at`; the outer batch not counted, each command counted
 * and refused inside `result_error`. Run on the cloud costs at scale 120 with a small limit, so a
 * basket lives 5 machine seconds.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, callFailure, contractPortalForThisFile, rawWebhookCall } from './contract-harness';
import type { PortalFailure } from './contract-harness';

const context = contractPortalForThisFile();
const SCALE = 120;
const LIMIT = 2.5;

beforeEach(async () => {
  await context.control.useCloudProfile({ timeScale: SCALE, operatingLimitSeconds: LIMIT });
});
afterEach(async () => {
  await context.control.reset();
});

interface Time {
  start: number;
  finish: number;
  processing: number;
  operating?: number;
  operating_reset_at?: number;
}

const BLOCKED: PortalFailure = {
  code: 'OPERATION_TIME_LIMIT',
  status: 429,
  message: 'Method is blocked due to operation time limit.',
};

function addTask(title: string) {
  return { fields: { TITLE: title, RESPONSIBLE_ID: 1 } };
}

describe('operating time per method', () => {
  it('refuses the call after the one that took the sum over the limit, until the oldest basket drops', async () => {
    const times: Time[] = [];
    let refused: PortalFailure | null = null;
    // tasks.task.add costs 0.934 s: three calls pass 2.5 s; the check comes before each call.
    for (let attempt = 0; attempt < 10 && !refused; attempt += 1) {
      try {
        times.push((await call(context.hook, 'tasks.task.add', addTask(`Budget ${attempt}`))).time as unknown as Time);
      } catch {
        refused = await callFailure(context.hook, 'tasks.task.add', addTask('Refused'));
      }
    }
    expect(refused).toEqual(BLOCKED);
    const last = times[times.length - 1]!;
    expect(last.operating).toBeGreaterThan(LIMIT);
    expect(times[times.length - 2]!.operating).toBeLessThanOrEqual(LIMIT);
    expect(times.length).toBeGreaterThanOrEqual(2);

    // Still refused: nothing was accounted for the refused calls, nothing dropped yet.
    expect(await callFailure(context.hook, 'tasks.task.add', addTask('Refused again'))).toEqual(BLOCKED);
    // Other methods go on.
    await call(context.hook, 'tasks.task.list', { select: ['ID'] });

    // Baskets drop one by one from operating_reset_at (portal clock = machine clock here); the
    // method is allowed again once the sum no longer exceeds the limit (the calls may have
    // spread over several one-minute baskets: 0.5 machine seconds each at this scale).
    const resetAtMs = last.operating_reset_at! * 1000;
    expect(resetAtMs - Date.now()).toBeLessThan((600 / SCALE) * 1000 + 1000);
    let after: Time | null = null;
    while (!after && Date.now() < resetAtMs + (600 / SCALE) * 1000) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      after = await call(context.hook, 'tasks.task.add', addTask('After the reset'))
        .then((answer) => answer.time as unknown as Time)
        .catch(() => null);
    }
    expect(after).not.toBeNull();
    expect(after!.start * 1000).toBeGreaterThanOrEqual(resetAtMs);
    expect(after!.operating).toBeLessThan(last.operating!);
  }, 20_000);

  it('keeps one budget per app for all its users, and one per webhook', async () => {
    const appAsOlivia = context.app(1);
    const appAsMaxim = context.app(2);
    for (let index = 0; index < 10; index += 1) {
      const failure = await callFailure(appAsOlivia, 'tasks.task.add', addTask(`App budget ${index}`)).catch(
        () => null,
      );
      if (failure) break;
    }
    expect(await callFailure(appAsOlivia, 'tasks.task.add', addTask('App refused'))).toEqual(BLOCKED);
    // Another user of the same app: the same budget (limits.md: per application).
    expect(await callFailure(appAsMaxim, 'tasks.task.add', addTask('App refused too'))).toEqual(BLOCKED);
    // A webhook has its own budget.
    await call(context.hook, 'tasks.task.add', addTask('Webhook still works'));
  }, 20_000);
});

describe('batch', () => {
  interface BatchAnswer {
    result: {
      result: Record<string, unknown> | unknown[];
      result_error: Record<string, { error: string; error_description: string }> | [];
      result_time: Record<string, Time>;
    };
    time: Time;
  }

  it('is not counted itself; each command is, and a command over the limit fails inside result_error', async () => {
    const cmd: Record<string, string> = {};
    for (let index = 0; index < 6; index += 1)
      cmd[`t${index}`] = `tasks.task.add?fields[TITLE]=Batch budget ${index}&fields[RESPONSIBLE_ID]=1`;
    cmd.me = 'user.current';
    const { status, body } = await rawWebhookCall(context.portal, 'batch', { halt: 0, cmd });
    expect(status).toBe(200);
    const answer = (body as unknown as BatchAnswer).result;
    const errors = answer.result_error as Record<string, { error: string; error_description: string }>;
    const done = Object.keys(answer.result_time).filter((key) => key.startsWith('t'));
    const refused = Object.keys(errors);
    expect(done.length).toBeGreaterThanOrEqual(2);
    expect(refused.length).toBeGreaterThanOrEqual(1);
    expect(done.length + refused.length).toBe(6);
    // The command that took the sum over the limit ran; every one after it was refused.
    const lastDone = answer.result_time[done[done.length - 1]!]!;
    expect(lastDone.operating).toBeGreaterThan(LIMIT);
    expect(answer.result_time[done[done.length - 2]!]!.operating).toBeLessThanOrEqual(LIMIT);
    for (const key of refused)
      expect(errors[key]).toEqual({
        error: 'OPERATION_TIME_LIMIT',
        error_description: 'Method is blocked due to operation time limit.',
      });
    // The request log counts the refusals a batch met (benchmarks read it).
    const logged = (await context.control.requests()).filter((entry) => entry.method === 'batch');
    expect(logged[logged.length - 1]?.operationTimeLimited).toBe(refused.length);
    expect(refused.every((key) => Number(key.slice(1)) > Number(done[done.length - 1]!.slice(1)))).toBe(true);
    // Another method in the same batch is not affected.
    expect(answer.result_time.me).toBeDefined();

    // The batch itself is never blocked, and the method stays refused inside it.
    const again = await rawWebhookCall(context.portal, 'batch', {
      cmd: { t: 'tasks.task.add?fields[TITLE]=Blocked&fields[RESPONSIBLE_ID]=1', me: 'user.current' },
    });
    expect(again.status).toBe(200);
    const second = (again.body as unknown as BatchAnswer).result;
    expect((second.result_error as Record<string, unknown>).t).toEqual({
      error: 'OPERATION_TIME_LIMIT',
      error_description: 'Method is blocked due to operation time limit.',
    });
    expect((again.body as unknown as BatchAnswer).time.operating).toBe(0);
  });

  it('shows the SDK a refused command as that command\u2019s error', async () => {
    for (let index = 0; index < 10; index += 1) {
      const failure = await callFailure(context.hook, 'tasks.task.add', addTask(`SDK budget ${index}`)).catch(
        () => null,
      );
      if (failure) break;
    }
    const response = await context.hook.actions.v2.batch.make({
      calls: [
        ['tasks.task.add', addTask('Through the SDK')],
        ['user.current', {}],
      ],
      options: { isHaltOnError: false },
    });
    expect(response.isSuccess).toBe(false);
    expect(response.getErrorMessages().join(' ')).toContain('Method is blocked due to operation time limit.');
  });
});

describe('configuration', () => {
  it('has no limiter (and no operating keys) when the limit is off', async () => {
    await context.control.configure({ operatingLimitSeconds: null });
    for (let index = 0; index < 4; index += 1) {
      const time = (await call(context.hook, 'tasks.task.add', addTask(`Unlimited ${index}`))).time as unknown as Time;
      expect(time).not.toHaveProperty('operating');
    }
    expect(await context.control.operating()).toEqual({});
  });

  it('reports the accounted time through the control API and forgets it on reset', async () => {
    await call(context.hook, 'tasks.task.add', addTask('Accounted'));
    const operating = await context.control.operating();
    expect(operating['webhook:1|tasks.task.add']).toBeGreaterThanOrEqual(0.934);
    await context.control.reset();
    expect(await context.control.operating()).toEqual({});
  });
});
