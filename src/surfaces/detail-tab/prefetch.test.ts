import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TargetFor } from '../../domain/placement';
import { createFakeBoundary, portalError } from '../../testing/fake-boundary';
import { createTestQueryClient } from '../../testing/render-surface';
import { fakeCrm, fakeCrmHandlers } from '../../testing/fake-crm';
import { fakeTaskHandlers, fakeTaskStore } from '../../testing/fake-tasks';
import { detailTabKeys } from './load-detail-tab';
import { prefetchDetailTab } from './prefetch';

/** The prefetch reads only the item's ids from its launch target. */
const itemTarget = { route: 'detail-tab', entityTypeId: 177, itemId: 29 } as TargetFor<'detail-tab'>;

afterEach(() => {
  vi.useRealTimers();
});

/** A portal whose item read fails the first `times` times in a way worth asking again. */
function portalFailingItemRead(times: number, failure: () => Error) {
  const crm = fakeCrmHandlers(fakeCrm());
  let failures = 0;
  const boundary = createFakeBoundary({
    ...crm,
    ...fakeTaskHandlers(fakeTaskStore()),
    'crm.item.get': (params) => {
      if (failures++ < times) throw failure();
      return crm['crm.item.get']!(params);
    },
  });
  return boundary;
}

describe('the detail tab prefetched while its code downloads', () => {
  it('asks again after a passing failure of the item read, as the tab itself does, so the tab opens with the item', async () => {
    vi.useFakeTimers();
    const boundary = portalFailingItemRead(1, () => portalError('server', 'INTERNAL_SERVER_ERROR', 500));
    const queryClient = createTestQueryClient();
    prefetchDetailTab(itemTarget, { boundary, queryClient });
    await vi.advanceTimersByTimeAsync(30_000);
    expect(queryClient.getQueryState(detailTabKeys.data(177, 29))?.status).toBe('success');
    expect(boundary.roundTrips.filter((trip) => trip.methods.includes('crm.item.get'))).toHaveLength(2);
  });

  it('asks again when the whole batch got no answer (a dropped connection)', async () => {
    vi.useFakeTimers();
    const boundary = portalFailingItemRead(0, () => new Error('unused'));
    boundary.failNextRoundTrip(portalError('network', 'NETWORK_ERROR', 0));
    const queryClient = createTestQueryClient();
    prefetchDetailTab(itemTarget, { boundary, queryClient });
    await vi.advanceTimersByTimeAsync(30_000);
    expect(queryClient.getQueryState(detailTabKeys.data(177, 29))?.status).toBe('success');
  });

  it('does not ask again when the item is gone', async () => {
    vi.useFakeTimers();
    const boundary = portalFailingItemRead(5, () => portalError('not-found', 'NOT_FOUND', 400));
    const queryClient = createTestQueryClient();
    prefetchDetailTab(itemTarget, { boundary, queryClient });
    await vi.advanceTimersByTimeAsync(30_000);
    expect(queryClient.getQueryState(detailTabKeys.data(177, 29))?.status).toBe('error');
    expect(boundary.roundTrips).toHaveLength(1);
  });
});
