/**
 * The one-click guarantee as a surface holds it (the hook over createLinkedTask): pending
 * clicks belong to one user on one portal, and every search uses the portal's clock.
 */
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeBoundary, portalError, type FakeBoundary } from '../../testing/fake-boundary';
import { renderSurface } from '../../testing/render-surface';
import { fakeCrm, fakeCrmHandlers } from '../../testing/fake-crm';
import { fakeTaskHandlers, fakeTaskStore, type FakeTaskStore } from '../../testing/fake-tasks';
import { QuickCreate } from './QuickCreate';

const HOURS = 3_600_000;

/** The panel of user `userId` on item 177/29; the fake portal stamps tasks with its own clock. */
function renderPanel(userId: number, tasks: FakeTaskStore = fakeTaskStore({ currentUserId: userId })) {
  const crm = fakeCrm({ currentUserId: userId });
  crm.users.push({
    ID: '3',
    NAME: 'Sophie',
    LAST_NAME: 'Wagner',
    PERSONAL_PHOTO: null,
    WORK_POSITION: 'Sales Manager',
  });
  const boundary: FakeBoundary = createFakeBoundary(
    { ...fakeCrmHandlers(crm), ...fakeTaskHandlers(tasks) },
    { placement: 'CRM_DYNAMIC_177_DETAIL_TOOLBAR', placementOptions: { ENTITY_ID: '29' } },
  );
  tasks.now = () => boundary.portalNow();
  renderSurface(<QuickCreate entityTypeId={177} itemId={29} activityId={null} />, { boundary });
  return { boundary, tasks };
}

afterEach(() => {
  cleanup();
  sessionStorage.clear();
});

describe('one click = one task, in the browser', () => {
  it('a pending click of user 1 never holds up user 3 in the same browser', async () => {
    const olivia = renderPanel(1);
    await screen.findByRole('heading', { level: 1 });
    // Olivia's answer is lost and the portal cannot be searched: her click stays pending.
    olivia.boundary.failNextRoundTrip(portalError('network', 'NETWORK_ERROR', 0));
    olivia.boundary.setHandler('tasks.task.list', () => {
      throw portalError('access-denied', 'ACCESS_DENIED', 403);
    });
    fireEvent.click(screen.getByRole('button', { name: 'Create task' }));
    expect(await screen.findByText('Not sure the task was created')).toBeTruthy();
    cleanup();

    // Sophie signs in, in the same browser tab (same sessionStorage), and clicks.
    const sophie = renderPanel(3);
    fireEvent.click(await screen.findByRole('button', { name: 'Create task' }));
    expect(await screen.findByText('Task created')).toBeTruthy();
    expect(sophie.tasks.tasks).toHaveLength(1);
    expect(sophie.tasks.tasks[0]!.createdBy).toBe('3');
    // After the panel's first batch (which lists the item's tasks): only the create batch's own list.
    expect(
      sophie.boundary.roundTrips
        .slice(1)
        .map((trip) => trip.methods)
        .flat()
        .filter((method) => method === 'tasks.task.list'),
    ).toHaveLength(1);
  });

  it('finds the task whose answer was lost although the computer’s clock is hours ahead of the portal’s', async () => {
    const { boundary, tasks } = renderPanel(1);
    boundary.setPortalClockSkew(-3 * HOURS);
    await screen.findByRole('heading', { level: 1 });
    boundary.failNextRoundTrip(portalError('network', 'NETWORK_ERROR', 0), { afterRunning: true });
    fireEvent.click(screen.getByRole('button', { name: 'Create task' }));
    expect(await screen.findByText(/it did arrive/, undefined, { timeout: 4_000 })).toBeTruthy();
    expect(tasks.tasks).toHaveLength(1);
  });
});
