/**
 * Issue 9: one create path at a time in the tab (the header's "Create task" is not a second,
 * form-discarding submit; after success it reads "Create another"; an open twin is pointed out
 * before a second task is made), and failures and empty states that promise only what happens.
 */
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { BitrixError } from '../../bitrix/errors';
import { createFakeBoundary, type FakeBoundary } from '../../testing/fake-boundary';
import { renderSurface } from '../../testing/render-surface';
import { fakeCrm, fakeCrmHandlers, type FakeCrm } from '../../testing/fake-crm';
import { fakeTaskHandlers, fakeTaskStore, type FakeTaskStore } from '../../testing/fake-tasks';
import { DetailTab } from './DetailTab';

const DEFAULT_TITLE = 'Equipment Purchase: Washing Machine';

function renderTab(options: { crm?: FakeCrm; tasks?: FakeTaskStore; before?: (boundary: FakeBoundary) => void } = {}) {
  const crm = options.crm ?? fakeCrm();
  const tasks = options.tasks ?? fakeTaskStore();
  const boundary = createFakeBoundary(
    { ...fakeCrmHandlers(crm), ...fakeTaskHandlers(tasks) },
    { bitrixLanguage: 'en' },
  );
  options.before?.(boundary);
  renderSurface(<DetailTab entityTypeId={177} itemId={29} />, { boundary });
  return { boundary, tasks };
}

function tasksRegion() {
  return screen.findByRole('region', { name: /Linked tasks/ });
}

function adds(boundary: FakeBoundary): number {
  return boundary.roundTrips.filter((trip) => trip.methods.includes('tasks.task.add')).length;
}

afterEach(() => {
  cleanup();
  sessionStorage.clear();
});

describe('one create path at a time', () => {
  it('while the form is open the only "Create task" is the form’s, and it sends the edits; then the header reads "Create another"', async () => {
    const { tasks } = renderTab();
    await screen.findByRole('heading', { level: 1 });
    fireEvent.click(screen.getByRole('button', { name: 'Customize…' }));
    const form = screen.getByRole('form', { name: 'New task' });
    fireEvent.change(within(form).getByLabelText('Title'), { target: { value: 'Book the installer' } });
    // No second button that would create a default task and drop the form.
    expect(screen.getAllByRole('button', { name: 'Create task' })).toEqual([
      within(form).getByRole('button', { name: 'Create task' }),
    ]);
    fireEvent.click(within(form).getByRole('button', { name: 'Create task' }));
    expect(await screen.findByText('Task created')).toBeTruthy();
    expect(tasks.tasks.map((task) => task.title)).toEqual(['Book the installer']);
    expect(screen.queryByRole('form', { name: 'New task' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Create another' })).toBeTruthy();
  });

  it('points out an open task with the same title before a second one is made; "Create a second task" makes it', async () => {
    const store = fakeTaskStore();
    store.tasks.push({
      id: '103',
      title: DEFAULT_TITLE,
      status: '2',
      responsibleId: '2',
      createdBy: '2',
      deadline: null,
      ufCrmTask: ['Tb1_29'],
    });
    const { boundary, tasks } = renderTab({ tasks: store });
    await within(await tasksRegion()).findByText(DEFAULT_TITLE);
    fireEvent.click(screen.getByRole('button', { name: 'Create task' }));
    const warning = await screen.findByText('This task is already open for this item');
    const alert = warning.closest('[role="alert"]') as HTMLElement;
    expect(alert.textContent).toContain(`“${DEFAULT_TITLE}” is linked to this item and not yet completed`);
    expect(within(alert).getByRole('link', { name: `Open task “${DEFAULT_TITLE}”` })).toBeTruthy();
    expect(adds(boundary)).toBe(0);

    fireEvent.click(within(alert).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByText('This task is already open for this item')).toBeNull();
    expect(adds(boundary)).toBe(0);

    fireEvent.click(screen.getByRole('button', { name: 'Create task' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Create a second task' }));
    expect(await screen.findByText('Task created')).toBeTruthy();
    expect(tasks.tasks).toHaveLength(2);
    expect(adds(boundary)).toBe(1);
  });

  it('a completed task with the same title is no reason to ask', async () => {
    const store = fakeTaskStore();
    store.tasks.push({
      id: '101',
      title: DEFAULT_TITLE,
      status: '5',
      responsibleId: '2',
      createdBy: '2',
      closedDate: '2026-11-03T16:20:00+03:00',
      deadline: null,
      ufCrmTask: ['Tb1_29'],
    });
    const { tasks } = renderTab({ tasks: store });
    await within(await tasksRegion()).findByText(DEFAULT_TITLE);
    fireEvent.click(screen.getByRole('button', { name: 'Create task' }));
    await waitFor(() => expect(tasks.tasks).toHaveLength(2));
    expect(screen.queryByText('This task is already open for this item')).toBeNull();
  });
});

describe('failures and empty states promise only what happens (issue 9)', () => {
  it('a task list the user may not read offers no "Try again"', async () => {
    renderTab({
      before: (boundary) =>
        boundary.setHandler('tasks.task.list', () => {
          throw new BitrixError({ kind: 'access-denied', code: 'ACCESS_DENIED', status: 403 });
        }),
    });
    const region = await screen.findByRole('region', { name: /Linked tasks/ });
    await within(region).findByText('The linked tasks could not be loaded.');
    expect(within(region).queryByRole('button', { name: 'Try again' })).toBeNull();
  });

  it('an item the user may not see offers no "Try again"', async () => {
    renderTab({
      before: (boundary) =>
        boundary.setHandler('crm.item.get', () => {
          throw new BitrixError({ kind: 'access-denied', code: 'ACCESS_DENIED', status: 403 });
        }),
    });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('You cannot see this item');
    expect(within(alert).queryByRole('button', { name: 'Try again' })).toBeNull();
  });

  it('under a disabled "Create task" the empty list does not promise one click', async () => {
    renderTab({ crm: fakeCrm({ allowsTaskLinks: false }) });
    const empty = await within(await tasksRegion()).findByText('No tasks yet');
    expect((screen.getByRole('button', { name: 'Create task' }) as HTMLButtonElement).disabled).toBe(true);
    expect(empty.parentElement!.textContent).not.toMatch(/one click/i);
  });

  it('a task’s link is the plain task URL, without the app’s request key; a click opens it in the slider', async () => {
    const { boundary, tasks } = renderTab();
    await screen.findByRole('heading', { level: 1 });
    fireEvent.click(screen.getByRole('button', { name: 'Create task' }));
    const status = await screen.findByText('Task created');
    await waitFor(async () => expect((await tasksRegion()).querySelector('li.dt-task')).not.toBeNull());
    const id = tasks.tasks[0]!.id;
    const plain = `${boundary.session.portalOrigin}/company/personal/user/1/tasks/task/view/${id}/`;
    const links = [
      within(status.closest('[role="status"]') as HTMLElement).getByRole('link', {
        name: `Open task “${DEFAULT_TITLE}”`,
      }),
      within((await tasksRegion()).querySelector('li.dt-task') as HTMLElement).getByRole('link', {
        name: `Open task “${DEFAULT_TITLE}”`,
      }),
    ];
    for (const link of links) {
      expect(link.getAttribute('href')).toBe(plain);
      expect(link.getAttribute('href')).not.toContain('smart_tasks_request');
    }
    fireEvent.click(links[1]!);
    expect(boundary.openedPaths).toEqual([`/company/personal/user/1/tasks/task/view/${id}/`]);
  });
});
