import { describe, expect, it } from 'vitest';
import { countItemsWithoutOpenTask } from './count-matching';
import { InMemoryBulkPortal } from './testing/in-memory-bulk-portal';

describe('counting items before a run', () => {
  it('counts the items with no open linked task, page by page, with progress', async () => {
    const portal = new InMemoryBulkPortal(130);
    for (const itemId of [1, 60, 130]) portal.addOpenTask(itemId);
    const filter = {
      entityTypeId: 177,
      categoryId: null,
      stageId: null,
      responsibleId: null,
      onlyWithoutOpenTask: true,
    };
    const steps: number[] = [];

    const count = await countItemsWithoutOpenTask(filter, portal, {
      total: 130,
      onProgress: (step) => steps.push(step.looked),
    });

    expect(count).toBe(127);
    expect(steps).toEqual([50, 100, 130]);
    expect(portal.requests).toBe(6);
  });
});
