import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { TargetFor } from '../domain/placement';
import { QuickCreate } from '../surfaces/quick-create/QuickCreate';
import { createFakeBoundary } from '../testing/fake-boundary';
import { fakeCrm, fakeCrmHandlers } from '../testing/fake-crm';
import { fakeTaskHandlers, fakeTaskStore } from '../testing/fake-tasks';
import { createTestQueryClient, renderSurface } from '../testing/render-surface';
import { prefetchSurface } from './surfaces';

afterEach(() => {
  cleanup();
  sessionStorage.clear();
});

describe('the quick-create panel prefetched while its code downloads', () => {
  it('starts its one batch from the shell and opens on it without asking the portal again', async () => {
    const boundary = createFakeBoundary(
      {
        ...fakeCrmHandlers(fakeCrm()),
        ...fakeTaskHandlers(fakeTaskStore()),
        'crm.activity.get': ({ id }) => ({
          ID: String(id),
          SUBJECT: 'Call with Miele about the installation',
          OWNER_ID: '29',
          OWNER_TYPE_ID: '177',
        }),
      },
      { placement: 'CRM_DYNAMIC_177_ACTIVITY_TIMELINE_MENU' },
    );
    const queryClient = createTestQueryClient();
    // The panel reads only the item's ids and the timeline record from its launch target.
    const target = {
      route: 'quick-create',
      entityTypeId: 177,
      itemId: 29,
      options: { ENTITY_ID: '29', ASSOCIATED_ENTITY_ID: '8097', ASSOCIATED_ENTITY_TYPE_ID: '6' },
    } as unknown as TargetFor<'quick-create'>;

    prefetchSurface(target, { boundary, queryClient });
    expect(boundary.roundTrips).toHaveLength(1);
    renderSurface(<QuickCreate entityTypeId={177} itemId={29} activityId={8097} />, { boundary, queryClient });

    expect(await screen.findByDisplayValue(/Call with Miele about the installation/)).toBeTruthy();
    expect(boundary.roundTrips).toHaveLength(1);
  });
});
