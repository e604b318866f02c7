import { describe, expect, it } from 'vitest';
import { countTasksToMake } from './count-matching';
import { InMemoryBulkPortal } from './testing/in-memory-bulk-portal';

const filter = {
  entityTypeId: 177,
  categoryId: null,
  stageId: null,
  responsibleId: null,
  onlyWithoutOpenTask: true,
};

describe('counting items before a run', () => {
  it('counts the items with no open linked task, page by page, with progress', async () => {
    const portal = new InMemoryBulkPortal(130);
    for (const itemId of [1, 60, 130]) portal.addOpenTask(itemId);
    const steps: number[] = [];

    const count = await countTasksToMake(filter, { keys: [null], others: 'open' }, portal, {
      total: 130,
      onProgress: (step) => steps.push(step.looked),
    });

    expect(count).toEqual({ items: 127, tasks: 127 });
    expect(steps).toEqual([50, 100, 130]);
    expect(portal.requests).toBe(6);
  });

  it('counts a playbook’s missing tasks: a template an item has a task of (open or completed) is not counted', async () => {
    const portal = new InMemoryBulkPortal(120);
    portal.addTemplateTask(1, 'call', { open: false });
    portal.addTemplateTask(1, 'visit');
    portal.addTemplateTask(2, 'call');
    // Item 3 has every template: it needs nothing.
    for (const key of ['call', 'visit', 'offer']) portal.addTemplateTask(3, key);
    // A task without a template key, or of another template, fills nothing.
    portal.addOpenTask(4);
    portal.addTemplateTask(5, 'retired');

    const count = await countTasksToMake(
      { ...filter, onlyWithoutOpenTask: false },
      { keys: ['call', 'visit', 'offer'], others: 'all' },
      portal,
      { total: 120 },
    );

    expect(count).toEqual({ items: 119, tasks: 120 * 3 - 2 - 1 - 3 });
  });
});
