/**
 * Moving an item to another stage as a user does on the card's stage bar (portal page endpoint
 * and control API `POST items/stage`): the rules and the store of crm.item.update with `stageId`,
 * no REST request logged, and the card shows the new stage when it is loaded again.
 */
import { describe, expect, it } from 'vitest';
import { EmulatorControlError } from '../control-client';
import { CRM_AJAX_PATH, detailPath } from '../host/paths';
import { call, contractPortalForThisFile, rawRequest } from './contract-harness';

type Item = { id: number; stageId: string; movedBy: number; previousStageId: string };

const context = contractPortalForThisFile();

async function item(entityTypeId: number, id: number): Promise<Item> {
  return (
    await call<{ item: Item }>(context.hook, 'crm.item.get', {
      entityTypeId,
      id,
      select: ['id', 'stageId', 'movedBy', 'previousStageId'],
    })
  ).result.item;
}

describe('the stage bar', () => {
  it('moves the item for the user through the control API, with no REST request logged', async () => {
    await context.control.clearRequests();
    const moved = await context.control.moveItemToStage({
      entityTypeId: 177,
      id: 29,
      stageId: 'DT177_7:UC_ORDERED',
      userId: 3,
    });
    expect(moved).toEqual({ id: 29, stageId: 'DT177_7:UC_ORDERED', categoryId: 7 });
    expect(await context.control.requests()).toEqual([]);
    expect(await item(177, 29)).toMatchObject({
      stageId: 'DT177_7:UC_ORDERED',
      movedBy: 3,
      previousStageId: 'DT177_7:CLIENT',
    });
  });

  it('refuses what crm.item.update refuses: a stage of another funnel, a smart process the user may not see', async () => {
    const wrongStage = await context.control
      .moveItemToStage({ entityTypeId: 177, id: 29, stageId: 'DT177_9:NEW' })
      .catch((error: unknown) => error);
    expect(wrongStage).toBeInstanceOf(EmulatorControlError);
    expect((wrongStage as EmulatorControlError).status).toBe(400);
    const denied = await context.control
      .moveItemToStage({ entityTypeId: 156, id: 12, stageId: 'DT156_3:PREPARATION', userId: 6 })
      .catch((error: unknown) => error);
    // crm answers its own ACCESS_DENIED with 400, as crm.item.update does.
    expect((denied as EmulatorControlError).status).toBe(400);
    expect((denied as EmulatorControlError).message).toContain('ACCESS_DENIED');
  });

  it('draws every stage of the funnel on the card, the current one marked, and moves on a click’s request', async () => {
    const before = await rawRequest(context.portal, detailPath(177, 29, { user: 2 }));
    expect(before.text).toContain('data-testid="stage-bar"');
    expect(before.text).toMatch(/data-stage-id="DT177_7:UC_ORDERED" data-final="N" aria-current="step"/);
    expect(before.text.match(/data-testid="stage-bar-stage"/g)).toHaveLength(6);

    const click = await rawRequest(context.portal, CRM_AJAX_PATH, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        action: 'crm.item.moveToStage',
        user: 2,
        entityTypeId: 177,
        id: 29,
        stageId: 'DT177_7:SUCCESS',
      }),
    });
    expect(click.status).toBe(200);
    expect(click.json()).toEqual({ ok: true, stageId: 'DT177_7:SUCCESS' });
    const after = await rawRequest(context.portal, detailPath(177, 29, { user: 2 }));
    expect(after.text).toMatch(/data-stage-id="DT177_7:SUCCESS" data-final="Y" aria-current="step"/);
    expect((await item(177, 29)).movedBy).toBe(2);

    const refused = await rawRequest(context.portal, CRM_AJAX_PATH, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        action: 'crm.item.moveToStage',
        user: 6,
        entityTypeId: 156,
        id: 12,
        stageId: 'DT156_3:NEW',
      }),
    });
    expect(refused.status).toBe(403);
    expect(refused.json()).toMatchObject({ ok: false, error: 'ACCESS_DENIED' });
  });
});
