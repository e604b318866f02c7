import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BitrixError } from '../../bitrix/errors';
import { createFakeBoundary, type FakeBoundary } from '../../testing/fake-boundary';
import { renderSurface } from '../../testing/render-surface';
import { fakeCrm, fakeCrmHandlers, type FakeCrm } from '../../testing/fake-crm';
import { fakeTaskHandlers, fakeTaskStore, type FakeTaskStore } from '../../testing/fake-tasks';
import { DetailTab } from './DetailTab';

function seededTasks(): FakeTaskStore {
  const store = fakeTaskStore();
  store.tasks.push(
    {
      id: '101',
      title: 'Request quotes',
      status: '5',
      responsibleId: '2',
      createdBy: '2',
      closedDate: '2026-11-03T16:20:00+03:00',
      deadline: '2026-11-04T19:00:00+03:00',
      ufCrmTask: ['Tb1_29'],
    },
    {
      id: '102',
      title: 'Check the installation site',
      status: '3',
      responsibleId: '4',
      createdBy: '2',
      deadline: '2020-01-10T18:00:00+03:00',
      ufCrmTask: ['Tb1_29'],
      responsible: { id: '4', name: 'Daniel Park' },
    },
    {
      id: '103',
      title: 'Approve the budget',
      status: '2',
      responsibleId: '1',
      createdBy: '2',
      deadline: '2099-01-10T18:00:00+03:00',
      ufCrmTask: ['Tb1_29'],
    },
  );
  return store;
}

function renderTab(
  options: {
    crm?: FakeCrm;
    tasks?: FakeTaskStore;
    isAdmin?: boolean;
    language?: string;
    before?: (boundary: FakeBoundary) => void;
  } = {},
) {
  const crm = options.crm ?? fakeCrm();
  const tasks = options.tasks ?? seededTasks();
  const boundary = createFakeBoundary(
    { ...fakeCrmHandlers(crm), ...fakeTaskHandlers(tasks) },
    { isAdmin: options.isAdmin ?? false, bitrixLanguage: options.language ?? 'en' },
  );
  options.before?.(boundary);
  renderSurface(<DetailTab entityTypeId={177} itemId={29} />, { boundary });
  return { boundary, crm, tasks };
}

function tasksRegion() {
  return screen.getByRole('region', { name: /Linked tasks/ });
}

afterEach(() => {
  vi.restoreAllMocks();
  cleanup();
  sessionStorage.clear();
});

describe('the detail tab', () => {
  it('shows a skeleton while its one batch is on its way', () => {
    renderTab({ before: (boundary) => boundary.setHandler('crm.item.get', () => new Promise(() => undefined)) });
    expect(screen.getByRole('status', { name: 'Loading the item and its tasks' }).getAttribute('aria-busy')).toBe(
      'true',
    );
  });

  it('shows the item’s funnel, responsible, linked tasks (open first, overdue marked) and fields from one batch', async () => {
    const { boundary } = renderTab();
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toContain('Washing Machine #29');
    expect(boundary.roundTrips[0]).toMatchObject({ kind: 'batch' });
    expect(boundary.roundTrips[0]!.methods).toEqual(
      expect.arrayContaining([
        'crm.item.get',
        'crm.type.getByEntityTypeId',
        'crm.status.list',
        'crm.item.fields',
        'tasks.task.list',
        'user.current',
        'user.get',
      ]),
    );

    const header = screen.getByRole('banner');
    expect(within(header).getByText('General')).toBeTruthy();
    expect(within(header).getByText('Maxim Orlov')).toBeTruthy();

    const rows = within(tasksRegion()).getAllByRole('listitem');
    expect(rows.map((row) => row.querySelector('.dt-task__title')?.textContent)).toEqual([
      'Check the installation site',
      'Approve the budget',
      'Request quotes',
    ]);
    expect(rows[0]!.textContent).toContain('Overdue');
    expect(rows[1]!.textContent).not.toContain('Overdue');
    expect(rows[2]!.textContent).toContain('Completed');

    const fields = screen.getByRole('region', { name: 'Fields' });
    expect(within(fields).getByText('Miele Professional')).toBeTruthy();
    expect(within(fields).getByText('€3,400.00')).toBeTruthy();
    expect(within(fields).getByText('WM-2')).toBeTruthy();
    expect(await within(fields).findByRole('button', { name: 'PO-0012 Safety gloves' })).toBeTruthy();
    expect(within(fields).getByText('Daniel Park')).toBeTruthy();
    expect(within(fields).queryByText('Notes')).toBeNull();
    fireEvent.click(within(fields).getByRole('button', { name: 'Show all fields (1 empty)' }));
    expect(within(fields).getByText('Notes')).toBeTruthy();
  });

  it('names status codes: the item’s source from the first batch, a custom status field with the names it looks up next', async () => {
    // The follow-up lookup (users, linked items, other directories) never answers here.
    const { boundary } = renderTab({
      before: (fake) => fake.setHandler('crm.item.list', () => new Promise(() => undefined)),
    });
    await screen.findByRole('heading', { level: 1 });
    const fields = screen.getByRole('region', { name: 'Fields' });
    expect(fields.querySelector('[data-field="sourceId"] dd')?.textContent).toBe('Other');
    expect(fields.querySelector('[data-field="ufCrm7Channel"] dd')?.textContent).toBe('PARTNER');
    expect(boundary.roundTrips[0]!.methods.filter((method) => method === 'crm.status.list')).toHaveLength(2);
    expect(boundary.roundTrips[1]!.methods).toEqual(expect.arrayContaining(['crm.status.list', 'crm.item.list']));
  });

  it('shows a custom status field’s name once the follow-up lookup brings it', async () => {
    renderTab();
    const fields = await screen.findByRole('region', { name: 'Fields' });
    expect(await within(fields).findByText('Partner')).toBeTruthy();
    expect(within(fields).getByText('Other')).toBeTruthy();
  });

  it('invites the first task when none is linked', async () => {
    renderTab({ tasks: fakeTaskStore() });
    expect(await screen.findByText('No tasks yet')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Create task' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('says why it cannot show the item, and tries again on request', async () => {
    let failing = true;
    const crmHandlers = fakeCrmHandlers(fakeCrm());
    renderTab({
      before: (boundary) =>
        boundary.setHandler('crm.item.get', (params) => {
          if (failing) throw new BitrixError({ kind: 'unknown', code: 'SOMETHING', status: 400 });
          return crmHandlers['crm.item.get']!(params);
        }),
    });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The item could not be loaded');
    failing = false;
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toContain('Washing Machine');
  });

  it('tells a deleted item apart from a deleted smart process', async () => {
    renderTab({ crm: fakeCrm({ items: [] }) });
    expect((await screen.findByRole('alert')).textContent).toContain('This item no longer exists');
  });

  it('creates the linked task with one click and lists it without a reload', async () => {
    const { boundary, tasks } = renderTab();
    await screen.findByRole('heading', { level: 1 });
    const button = screen.getByRole('button', { name: 'Create task' });
    fireEvent.click(button);
    fireEvent.click(button);
    expect(await screen.findByText('Task created')).toBeTruthy();
    expect(tasks.tasks).toHaveLength(4);
    const created = tasks.tasks.at(-1)!;
    expect(created).toMatchObject({
      title: 'Equipment Purchase: Washing Machine',
      responsibleId: '2',
      ufCrmTask: ['Tb1_29'],
    });
    expect(within(tasksRegion()).getAllByRole('listitem')).toHaveLength(4);
    expect(boundary.roundTrips.filter((trip) => trip.methods.includes('tasks.task.add'))).toHaveLength(1);

    fireEvent.click(
      within(screen.getByRole('status')).getByRole('link', { name: 'Open task “Equipment Purchase: Washing Machine”' }),
    );
    expect(boundary.openedPaths).toEqual([`/company/personal/user/1/tasks/task/view/${created.id}/`]);
  });

  it('takes the second half of a double click for the first even when the portal answered in between; a later click creates another', async () => {
    const { tasks } = renderTab();
    await screen.findByRole('heading', { level: 1 });
    const button = screen.getByRole('button', { name: 'Create task' });
    fireEvent.click(button, { detail: 1 });
    expect(await screen.findByText('Task created')).toBeTruthy();
    // The browser counts the double click's second half: detail 2.
    fireEvent.click(button, { detail: 2 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(tasks.tasks).toHaveLength(4);

    // A single click right after the confirmation is a new, deliberate task, however soon it
    // comes: its twin is open, so the user confirms it first.
    expect(button.textContent).toBe('Create another');
    fireEvent.click(button, { detail: 1 });
    fireEvent.click(await screen.findByRole('button', { name: 'Create a second task' }));
    await waitFor(() => expect(tasks.tasks).toHaveLength(5));
  });

  it('says before any click when the smart process does not allow task links, and lets an admin switch them on', async () => {
    const crm = fakeCrm({ allowsTaskLinks: false });
    renderTab({ crm, isAdmin: true });
    const notice = await screen.findByRole('alert');
    expect(notice.textContent).toContain('Tasks cannot be linked to these items yet');
    expect((screen.getByRole('button', { name: 'Create task' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(within(notice).getByRole('button', { name: 'Allow links to tasks' }));
    expect(await screen.findByText('Links to tasks are on')).toBeTruthy();
    expect(crm.allowsTaskLinks).toBe(true);
    expect((screen.getByRole('button', { name: 'Create task' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('tells an ordinary user whom to ask instead', async () => {
    renderTab({ crm: fakeCrm({ allowsTaskLinks: false }) });
    const notice = await screen.findByRole('alert');
    expect(notice.textContent).toContain('Ask a Bitrix24 administrator');
    expect(within(notice).queryByRole('button')).toBeNull();
  });

  it('speaks Russian on a Russian portal', async () => {
    renderTab({ language: 'ru' });
    expect(await screen.findByRole('button', { name: 'Создать задачу' })).toBeTruthy();
    expect(screen.getByRole('region', { name: /Связанные задачи/ }).textContent).toContain('3 задачи');
  });

  it('does not repeat what the card shows above it: no visible item title, no stage bar, no stage pill (issue 9)', async () => {
    renderTab();
    const heading = await screen.findByRole('heading', { level: 1 });
    // The title stays the frame's heading for screen readers only.
    expect(heading.classList.contains('st-visually-hidden')).toBe(true);
    expect(screen.queryByRole('list', { name: 'Stages' })).toBeNull();
    const header = screen.getByRole('banner');
    expect(within(header).queryByText('Approval')).toBeNull();
    expect(within(header).queryByText('Washing Machine')).toBeNull();
    // What the card does not show stays: the funnel and the responsible.
    expect(within(header).getByText('General')).toBeTruthy();
    expect(within(header).getByText('Maxim Orlov')).toBeTruthy();
  });

  it('keeps a 10,000-character item title out of sight, cut in its hidden heading (issue 7.9)', async () => {
    const title = 'Washing machine '.repeat(625);
    const crm = fakeCrm();
    crm.items[0]!.title = title;
    renderTab({ crm });
    const heading = await screen.findByRole('heading', { level: 1 });
    expect(heading.classList.contains('st-visually-hidden')).toBe(true);
    expect(heading.textContent!.length).toBeLessThan(300);
    expect(screen.getByRole('button', { name: 'Create task' })).toBeTruthy();
  });

  it('marks a deactivated responsible, and a click lets the user choose instead of creating a task for them (issue 7.8)', async () => {
    const crm = fakeCrm();
    crm.users = crm.users.map((user) => (user.ID === '2' ? { ...user, ACTIVE: false } : user));
    const { boundary, tasks } = renderTab({ crm });
    const header = await screen.findByRole('banner');
    expect(within(header).getByText('Maxim Orlov')).toBeTruthy();
    expect(within(header).getByText('Deactivated')).toBeTruthy();

    const before = tasks.tasks.length;
    fireEvent.click(screen.getByRole('button', { name: 'Create task' }));
    expect(
      await screen.findByText(
        'Maxim Orlov is deactivated in Bitrix24, so the task does not go to them. Choose who gets it.',
      ),
    ).toBeTruthy();
    expect(screen.getByRole('form', { name: 'New task' })).toBeTruthy();
    expect(boundary.roundTrips.some((trip) => trip.methods.includes('tasks.task.add'))).toBe(false);
    expect(tasks.tasks).toHaveLength(before);
  });

  it('marks a task overdue by the portal’s clock, not a computer clock three hours ahead (issue 8.1)', async () => {
    const store = fakeTaskStore();
    const inOneHour = new Date(Date.now() + 3_600_000).toISOString();
    store.tasks.push({
      id: '201',
      title: 'Due within the hour',
      status: '3',
      responsibleId: '2',
      createdBy: '2',
      deadline: inOneHour,
      ufCrmTask: ['Tb1_29'],
    });
    // The computer's clock runs three hours ahead of the portal's.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 3 * 3_600_000);
    try {
      renderTab({ tasks: store, before: (boundary) => boundary.setPortalClockSkew(-3 * 3_600_000) });
      const row = (await screen.findByText('Due within the hour')).closest('li')!;
      expect(row.textContent).toContain('In progress');
      expect(row.textContent).not.toContain('Overdue');
    } finally {
      vi.useRealTimers();
    }
  });

  it('marks a linked task whose responsible is deactivated (the embedded responsible does not say; the lookup does)', async () => {
    const crm = fakeCrm();
    crm.users = crm.users.map((user) => (user.ID === '4' ? { ...user, ACTIVE: false } : user));
    renderTab({ crm });
    const row = (await screen.findByText('Check the installation site')).closest('li')!;
    await waitFor(() => expect(row.textContent).toContain('Deactivated'));
    expect((await screen.findByText('Approve the budget')).closest('li')!.textContent).not.toContain('Deactivated');
  });

  describe('when a part of the first batch fails, the tab says so (issue 8.6)', () => {
    const busy = () => new BitrixError({ kind: 'server', code: 'INTERNAL_SERVER_ERROR', status: 500 });
    const crmHandlers = fakeCrmHandlers(fakeCrm());

    it('the stages: says they could not be loaded, and "Try again" reads them again', async () => {
      let failing = true;
      renderTab({
        before: (boundary) =>
          boundary.setHandler('crm.status.list', (params) => {
            if (failing && params.filter.ENTITY_ID.includes('_STAGE_')) throw busy();
            return crmHandlers['crm.status.list']!(params);
          }),
      });
      const header = await screen.findByRole('banner');
      expect(within(header).getByText('The stages could not be loaded.')).toBeTruthy();
      failing = false;
      fireEvent.click(within(header).getByRole('button', { name: 'Try again' }));
      await waitFor(() => expect(within(header).queryByText('The stages could not be loaded.')).toBeNull());
    });

    it('the funnel: says it could not be loaded instead of leaving it out', async () => {
      renderTab({
        before: (boundary) =>
          boundary.setHandler('crm.category.list', () => {
            throw busy();
          }),
      });
      const header = await screen.findByRole('banner');
      expect(within(header).getByText('Funnel')).toBeTruthy();
      expect(within(header).getByText('The funnel could not be loaded.')).toBeTruthy();
      expect(within(header).getByRole('button', { name: 'Try again' })).toBeTruthy();
    });

    it('a refusal that asking again cannot change gets no "Try again"', async () => {
      renderTab({
        before: (boundary) =>
          boundary.setHandler('crm.category.list', () => {
            throw new BitrixError({ kind: 'access-denied', code: 'ACCESS_DENIED', status: 403 });
          }),
      });
      const header = await screen.findByRole('banner');
      expect(within(header).getByText('The funnel could not be loaded.')).toBeTruthy();
      expect(within(header).queryByRole('button', { name: 'Try again' })).toBeNull();
    });

    it('the fields: says why, and tries again on request', async () => {
      let failing = true;
      renderTab({
        before: (boundary) =>
          boundary.setHandler('crm.item.fields', (params) => {
            if (failing) throw busy();
            return crmHandlers['crm.item.fields']!(params);
          }),
      });
      const fields = await screen.findByRole('region', { name: 'Fields' });
      const alert = within(fields).getByRole('alert');
      expect(alert.textContent).toContain('The fields could not be loaded.');
      expect(alert.textContent).toContain('Bitrix24 had an internal problem');
      failing = false;
      fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
      expect(await within(fields).findByText('Miele Professional')).toBeTruthy();
    });

    it('a status field whose names could not be read shows its code as a code, and tries again', async () => {
      let failing = true;
      renderTab({
        before: (boundary) =>
          boundary.setHandler('crm.status.list', (params) => {
            if (failing && params.filter.ENTITY_ID === 'CONTACT_TYPE') throw busy();
            return crmHandlers['crm.status.list']!(params);
          }),
      });
      const fields = await screen.findByRole('region', { name: 'Fields' });
      await waitFor(() =>
        expect(fields.querySelector('[data-field="ufCrm7Channel"] dd')?.textContent).toBe('PARTNER (name not loaded)'),
      );
      const alert = within(fields).getByRole('alert');
      expect(alert.textContent).toContain('Some values show their codes');
      failing = false;
      fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
      expect(await within(fields).findByText('Partner')).toBeTruthy();
    });
  });
});
