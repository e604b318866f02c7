// @vitest-environment node
/**
 * The boundary's REST part over the REAL SDK 2.2.0 against the emulator (a webhook client: the
 * same AbstractHttp and batch processing the frame uses). What the SDK does to the portal's
 * answers — falsy error codes it takes for successes, proxies' pages, the time block — is
 * checked here, not imagined in a fake.
 */
import { describe, expect, it } from 'vitest';
import { contractPortalForThisFile } from '../../portal/contract/contract-harness';
import { command } from './boundary';
import { createSdkRest } from './sdk-rest';

const contract = contractPortalForThisFile();

describe('falsy error codes (issue 8.3)', () => {
  it('turns `"error": ""` and `"error": 0` inside a batch into typed failures, the other commands untouched', async () => {
    const rest = createSdkRest(contract.hook);
    const answers = await rest.batch({
      activity: command('crm.activity.get', { id: 999_999 }),
      type: command('crm.type.getByEntityTypeId', { entityTypeId: 1_999 }),
      item: command('crm.item.get', { entityTypeId: 177, id: 29 }),
    });
    expect(answers.activity.ok).toBe(false);
    if (!answers.activity.ok)
      expect(answers.activity.error).toMatchObject({ kind: 'not-found', method: 'crm.activity.get' });
    expect(answers.type.ok).toBe(false);
    if (!answers.type.ok)
      expect(answers.type.error).toMatchObject({ kind: 'not-found', method: 'crm.type.getByEntityTypeId' });
    expect(answers.item.ok).toBe(true);
  });

  it('turns the same answers to plain calls into thrown not-found errors with the portal’s words', async () => {
    const rest = createSdkRest(contract.hook);
    await expect(rest.call('crm.activity.get', { id: 999_999 })).rejects.toMatchObject({ kind: 'not-found' });
    const typeError = await rest
      .call('crm.type.getByEntityTypeId', { entityTypeId: 1_999 })
      .catch((error: unknown) => error);
    expect(typeError).toMatchObject({ kind: 'not-found' });
    expect((typeError as { portalDescription?: string }).portalDescription).toMatch(/not found/i);
  });
});

describe('the portal clock', () => {
  it('reads the portal’s time and UTC offset from its answers', async () => {
    const rest = createSdkRest(contract.hook);
    expect(rest.portalUtcOffsetMinutes()).toBeNull();
    const { result } = await rest.call('server.time', {});
    const portalTime = Date.parse(result);
    expect(Math.abs(rest.portalNow() - portalTime)).toBeLessThan(2_000);
    expect(rest.portalUtcOffsetMinutes()).toBe(180);
  });

  it('is set by a surface’s first batch: no extra round trip at start-up', async () => {
    const rest = createSdkRest(contract.hook);
    await rest.batch({ activity: command('crm.activity.get', { id: 999_999 }), me: command('user.current', {}) });
    expect(rest.portalUtcOffsetMinutes()).toBe(180);
    const { result } = await createSdkRest(contract.hook).call('server.time', {});
    expect(Math.abs(rest.portalNow() - Date.parse(result))).toBeLessThan(2_000);
  });
});

describe('limits and proxies after a write (issue 7.5)', () => {
  const title = (tag: string) => `Contract ${tag} ${Math.random().toString(36).slice(2)}`;
  async function tasksTitled(text: string): Promise<number> {
    const { result } = await createSdkRest(contract.hook).call('tasks.task.list', {
      filter: { TITLE: text },
      select: ['ID'],
    });
    return result.tasks.length;
  }

  it('a proxy’s 503 page or 429 after the portal wrote leaves the write uncertain (and the task is there)', async () => {
    const rest = createSdkRest(contract.hook);
    for (const answer of ['proxy-html', 'proxy-text'] as const) {
      await contract.control.setFaults({ fail: [{ method: 'tasks.task.add', count: 1, answer, when: 'after' }] });
      const text = title(answer);
      const failure = await rest
        .call('tasks.task.add', { fields: { TITLE: text, RESPONSIBLE_ID: 1 } })
        .catch((error: unknown) => error);
      expect(failure).toMatchObject({ kind: 'server', leavesWriteUncertain: true, portalAnswered: false });
      expect(await tasksTitled(text)).toBe(1);
    }
    await contract.control.clearFaults();
  });

  it('the portal’s own QUERY_LIMIT_EXCEEDED is a definite refusal', async () => {
    const rest = createSdkRest(contract.hook);
    await contract.control.setFaults({
      fail: [
        {
          method: 'tasks.task.add',
          count: 1,
          error: 'QUERY_LIMIT_EXCEEDED',
          status: 503,
          description: 'Too many requests',
        },
      ],
    });
    const text = title('limit');
    const failure = await rest
      .call('tasks.task.add', { fields: { TITLE: text, RESPONSIBLE_ID: 1 } })
      .catch((error: unknown) => error);
    expect(failure).toMatchObject({ kind: 'rate-limit', leavesWriteUncertain: false, portalAnswered: true });
    expect(await tasksTitled(text)).toBe(0);
    await contract.control.clearFaults();
  });
});
