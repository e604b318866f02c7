/**
 * Batch commands that fail with a falsy error code, as the portal answers them inside
 * `result_error`: `"error": 0` for crm.type.* ("SPA not found" / "Smart process not found",
 * docs crm-type-get.md) and `"error": ""` for crm.activity.get (docs crm-activity-get.md) and
 * crm.status.list. SDK 2.2.0 counts such a command as a success without a result — the trap the
 * app must handle — so the tests pin both the wire and what the SDK makes of it.
 */
import { describe, expect, it } from 'vitest';
import { call, contractPortalForThisFile, rawWebhookCall } from './contract-harness';

const context = contractPortalForThisFile();

type BatchMaps = { result: unknown; result_error: Record<string, unknown>; result_time: Record<string, unknown> };

describe('falsy error codes inside a batch', () => {
  it('answers a deleted smart process with error 0, a missing activity and a bad stage filter with error ""', async () => {
    const created = await call<{ type: { id: number; entityTypeId: number } }>(context.hook, 'crm.type.add', {
      fields: { title: 'Short-lived' },
    });
    const { id, entityTypeId } = created.result.type;
    await call(context.hook, 'crm.type.delete', { id });

    const batch = await rawWebhookCall(context.portal, 'batch', {
      cmd: {
        byId: `crm.type.get?id=${id}`,
        byEntityType: `crm.type.getByEntityTypeId?entityTypeId=${entityTypeId}`,
        update: `crm.type.update?id=${id}&fields[title]=Again`,
        activity: 'crm.activity.get?id=99999',
        stages: 'crm.status.list?filter[ENTITY_ID][]=DYNAMIC_177_STAGE_7',
        fine: 'server.time',
      },
    });
    expect(batch.status).toBe(200);
    const maps = batch.body.result as BatchMaps;
    expect(maps.result_error).toEqual({
      byId: { error: 0, error_description: 'SPA not found' },
      byEntityType: { error: 0, error_description: 'Smart process not found' },
      update: { error: 0, error_description: 'SPA not found' },
      activity: { error: '', error_description: 'Activity is not found' },
      stages: { error: '', error_description: 'Filter by ENTITY_ID must be a string' },
    });
    expect(Object.keys(maps.result as Record<string, unknown>)).toEqual(['fine']);
    expect(Object.keys(maps.result_time)).toEqual(['fine']);
  });

  it('reaches the SDK as commands that "succeeded" with no result (SDK 2.2.0 reads a falsy code as no error)', async () => {
    const response = await context.hook.actions.v2.batch.make({
      calls: {
        type: { method: 'crm.type.get', params: { id: 999 } },
        activity: { method: 'crm.activity.get', params: { id: 99999 } },
        time: { method: 'server.time', params: {} },
      },
      options: { isHaltOnError: false },
    });
    expect(response.isSuccess).toBe(true);
    const data = response.getData() as Record<string, unknown>;
    expect(data.type).toBeUndefined();
    expect(data.activity).toBeUndefined();
    expect(typeof data.time).toBe('string');
  });
});
