/**
 * batch: the SDK's batch action against the portal's rules — cmd as object or array, `$result`
 * references (raw values for whole references, scalars inside strings, the last existing level
 * for missing keys), halt, 50 commands at most, the five result maps and PHP's list-vs-object.
 */
import { describe, expect, it } from 'vitest';
import { call, rawWebhookCall, contractPortalForThisFile } from './contract-harness';

const context = contractPortalForThisFile();

type BatchBody = {
  result: { result: unknown; result_error: unknown; result_total: unknown; result_next: unknown; result_time: unknown };
  time: Record<string, unknown>;
};

describe('batch through the SDK', () => {
  it('chains commands with $result references', async () => {
    const response = await context.hook.actions.v2.batch.make({
      calls: {
        item: {
          method: 'crm.item.list',
          params: { entityTypeId: 177, filter: { title: 'Washing Machine' }, select: ['id'] },
        },
        tasks: {
          method: 'tasks.task.list',
          params: { filter: { UF_CRM_TASK: 'Tb1_$result[item][items][0][id]' }, select: ['ID'], order: { ID: 'ASC' } },
        },
        first: {
          method: 'tasks.task.get',
          params: { taskId: '$result[tasks][tasks][0][id]', select: ['ID', 'TITLE', 'UF_CRM_TASK'] },
        },
      },
      options: { isHaltOnError: true },
    });
    expect(response.isSuccess).toBe(true);
    const data = response.getData() as Record<
      string,
      { items?: unknown[]; tasks?: Array<{ id: string }>; task?: { title: string; ufCrmTask: string[] } }
    >;
    expect(data.item!.items).toEqual([{ id: 29 }]);
    expect(data.tasks!.tasks!.map((task) => task.id)).toEqual(['101', '102', '103', '104', '111']);
    expect(data.first!.task).toMatchObject({ title: 'Request quotes from three suppliers', ufCrmTask: ['Tb1_29'] });
  });

  it('substitutes a whole array, leaves a non-scalar inside a string as written, and stops at the last existing level', async () => {
    const response = await context.hook.actions.v2.batch.make({
      calls: {
        source: { method: 'tasks.task.get', params: { taskId: 103, select: ['ID', 'UF_CRM_TASK'] } },
        copy: {
          method: 'tasks.task.add',
          params: {
            fields: {
              TITLE: 'Copy of $result[source][task][id][missing]',
              RESPONSIBLE_ID: 1,
              UF_CRM_TASK: '$result[source][task][ufCrmTask]',
            },
          },
        },
        literal: {
          method: 'tasks.task.add',
          params: { fields: { TITLE: 'Links: $result[source][task][ufCrmTask]', RESPONSIBLE_ID: 1 } },
        },
      },
      options: { isHaltOnError: true },
    });
    expect(response.isSuccess).toBe(true);
    const data = response.getData() as Record<string, { task: { id: string; title: string } }>;
    expect(data.copy!.task.title).toBe('Copy of 103');
    expect(data.literal!.task.title).toBe('Links: $result[source][task][ufCrmTask]');
    const links = await call<{ task: { ufCrmTask: string[] } }>(context.hook, 'tasks.task.get', {
      taskId: data.copy!.task.id,
      select: ['UF_CRM_TASK'],
    });
    expect(links.result.task.ufCrmTask).toEqual(['Tb1_29', 'T9c_12']);
  });

  it('reports failed commands by key while the others succeed', async () => {
    const response = await context.hook.actions.v2.batch.make({
      calls: [
        ['crm.item.get', { entityTypeId: 177, id: 29 }],
        ['crm.item.get', { entityTypeId: 177, id: 99_999 }],
        ['user.current', {}],
      ],
      options: { isHaltOnError: false },
    });
    expect(response.isSuccess).toBe(false);
    expect(response.getErrorMessages()).toEqual(['Element not found']);
    const data = response.getData() as unknown[];
    expect((data[0] as { item: { id: number } }).item.id).toBe(29);
  });
});

describe('batch on the wire', () => {
  it('answers an array for an array cmd when every command succeeds, with totals and next offsets', async () => {
    const { status, body } = await rawWebhookCall(context.portal, 'batch', {
      halt: 0,
      cmd: ['crm.item.list?entityTypeId=183&select[]=id', 'crm.category.list?entityTypeId=177'],
    });
    expect(status).toBe(200);
    const batch = (body as unknown as BatchBody).result;
    expect(Array.isArray(batch.result)).toBe(true);
    expect(batch.result_error).toEqual([]);
    expect(batch.result_total).toEqual([1240, 2]);
    // PHP writes {0: 50} as a list, as it does every array keyed 0..n-1.
    expect(batch.result_next).toEqual([50]);
    expect((batch.result_time as Array<Record<string, unknown>>)[0]).toMatchObject({
      start: expect.any(Number),
      finish: expect.any(Number),
      date_start: expect.any(String),
    });
    // The outer batch is not accounted (limits.md): the portal code prints its empty account.
    expect((body as unknown as BatchBody).time).toMatchObject({ operating: 0, operating_reset_at: expect.any(Number) });
  });

  it('times each command with its own operating keys, as the portal code prints a batch item (the SDK reads them)', async () => {
    const { body } = await rawWebhookCall(context.portal, 'batch', { cmd: { me: 'user.current' } });
    const time = ((body as unknown as BatchBody).result.result_time as Record<string, Record<string, unknown>>).me!;
    expect(Object.keys(time)).toEqual([
      'start',
      'finish',
      'duration',
      'processing',
      'date_start',
      'date_finish',
      'operating_reset_at',
      'operating',
    ]);
  });

  it('skips a command that is not a string: no entry in any map', async () => {
    const { body } = await rawWebhookCall(context.portal, 'batch', { cmd: { odd: 5, me: 'user.current' } });
    const batch = (body as unknown as BatchBody).result;
    expect(Object.keys(batch.result as object)).toEqual(['me']);
    expect(batch.result_error).toEqual([]);
    expect(Object.keys(batch.result_time as object)).toEqual(['me']);
  });

  it('answers objects with gaps when a command of an array cmd fails, and stops there with halt', async () => {
    const cmd = ['user.current', 'crm.item.get?entityTypeId=177&id=0', 'server.time'];
    const { body } = await rawWebhookCall(context.portal, 'batch', { halt: 0, cmd });
    const batch = (body as unknown as BatchBody).result;
    expect(Object.keys(batch.result as object)).toEqual(['0', '2']);
    expect(batch.result_error).toEqual({ '1': { error: 'NOT_FOUND', error_description: 'Element not found' } });

    const halted = (await rawWebhookCall(context.portal, 'batch', { halt: 1, cmd })).body as unknown as BatchBody;
    expect(halted.result.result).toEqual([expect.objectContaining({ ID: '1' })]);
    expect(Object.keys(halted.result.result_error as object)).toEqual(['1']);
  });

  it('runs at most 50 commands and refuses nested batches', async () => {
    const cmd = Object.fromEntries(Array.from({ length: 52 }, (_, index) => [`c${index}`, 'server.time']));
    cmd.c3 = 'batch?cmd[x]=server.time';
    const batch = ((await rawWebhookCall(context.portal, 'batch', { cmd })).body as unknown as BatchBody).result;
    expect(Object.keys(batch.result as object)).toHaveLength(49);
    expect(batch.result_error).toEqual({
      c3: { error: 'ERROR_BATCH_METHOD_NOT_ALLOWED', error_description: 'Method is not allowed for batch usage' },
      c50: { error: 'ERROR_BATCH_LENGTH_EXCEEDED', error_description: 'Max batch length exceeded' },
      c51: { error: 'ERROR_BATCH_LENGTH_EXCEEDED', error_description: 'Max batch length exceeded' },
    });
  });

  it('checks each command against the token scopes, with an empty description', async () => {
    const token = context.portal.issueAppToken(1);
    const response = await fetch(`${context.portal.origin}/rest/batch`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        auth: token.accessToken,
        cmd: { fields: 'userfieldconfig.list?moduleId=crm', me: 'user.current' },
      }),
    });
    const batch = ((await response.json()) as BatchBody).result;
    expect(batch.result_error).toEqual({ fields: { error: 'insufficient_scope', error_description: '' } });
    expect(batch.result).toHaveProperty('me');
  });

  it('counts as one request in the request log, with its commands', async () => {
    await context.control.clearRequests();
    await context.hook.actions.v2.batch.make({
      calls: [
        ['user.current', {}],
        ['server.time', {}],
      ],
      options: { isHaltOnError: true },
    });
    const log = await context.control.requests();
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      method: 'batch',
      commands: ['user.current', 'server.time'],
      status: 200,
      userId: 1,
    });
  });
});
