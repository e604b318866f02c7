import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { BitrixError } from '../../bitrix/errors';
import { createFakeBoundary, type FakeBoundary } from '../../testing/fake-boundary';
import { renderSurface } from '../../testing/render-surface';
import { fakeCrm, fakeCrmHandlers, type FakeCrm } from '../../testing/fake-crm';
import { fakeTaskHandlers, fakeTaskStore, type FakeTaskStore } from '../../testing/fake-tasks';
import { QuickCreate } from './QuickCreate';

function renderPanel(
  options: {
    crm?: FakeCrm;
    tasks?: FakeTaskStore;
    activityId?: number | null;
    itemId?: number;
    before?: (boundary: FakeBoundary) => void;
  } = {},
) {
  const crm = options.crm ?? fakeCrm();
  const tasks = options.tasks ?? fakeTaskStore();
  const boundary = createFakeBoundary(
    {
      ...fakeCrmHandlers(crm),
      ...fakeTaskHandlers(tasks),
      'crm.activity.get': ({ id }) => ({
        ID: String(id),
        SUBJECT: 'Call with Miele about the installation',
        OWNER_ID: '29',
        OWNER_TYPE_ID: '177',
      }),
    },
    { placement: 'CRM_DYNAMIC_177_DETAIL_TOOLBAR', placementOptions: { ENTITY_ID: '29' } },
  );
  options.before?.(boundary);
  renderSurface(
    <QuickCreate entityTypeId={177} itemId={options.itemId ?? 29} activityId={options.activityId ?? null} />,
    { boundary },
  );
  return { boundary, tasks };
}

afterEach(() => {
  cleanup();
  sessionStorage.clear();
});

describe('the quick-create panel', () => {
  it('shows a skeleton while its one batch is on its way', () => {
    const { boundary } = renderPanel({
      before: (fake) => fake.setHandler('crm.item.get', () => new Promise(() => undefined)),
    });
    expect(screen.getByRole('status', { name: 'Loading the item' })).toBeTruthy();
    expect(boundary.roundTrips).toHaveLength(1);
  });

  it('creates one linked task with the tab’s defaults, then offers to close the slider', async () => {
    const { boundary, tasks } = renderPanel();
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Washing Machine');
    const title = screen.getByRole('textbox', { name: 'Task title' }) as HTMLInputElement;
    expect(title.value).toBe('Equipment Purchase: Washing Machine');
    expect(screen.getByText('Maxim Orlov')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Create task' }));
    expect(await screen.findByText('Task created')).toBeTruthy();
    expect(tasks.tasks).toHaveLength(1);
    expect(tasks.tasks[0]).toMatchObject({
      title: 'Equipment Purchase: Washing Machine',
      responsibleId: '2',
      ufCrmTask: ['Tb1_29'],
    });
    expect(screen.queryByRole('button', { name: 'Create task' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(boundary.closeApplicationCalls).toBe(1);
  });

  it('takes the timeline record’s subject as the title, or the item’s default on request', async () => {
    const { boundary } = renderPanel({ activityId: 8002 });
    const title = (await screen.findByRole('textbox', { name: 'Task title' })) as HTMLInputElement;
    expect(title.value).toBe('Call with Miele about the installation');
    expect(boundary.roundTrips).toHaveLength(1);
    expect(boundary.roundTrips[0]!.methods).toContain('crm.activity.get');

    fireEvent.click(screen.getByRole('checkbox', { name: 'Use the timeline record’s subject' }));
    expect(title.value).toBe('Equipment Purchase: Washing Machine');
  });

  it('refuses an empty title next to the field, sending nothing', async () => {
    const { tasks } = renderPanel();
    const title = await screen.findByRole('textbox', { name: 'Task title' });
    fireEvent.change(title, { target: { value: '   ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create task' }));
    expect(await screen.findByText('Enter a title.')).toBeTruthy();
    expect(tasks.tasks).toHaveLength(0);
  });

  it('says so when the item no longer exists', async () => {
    renderPanel({ itemId: 404 });
    expect(await screen.findByText('This item no longer exists')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Create task' })).toBeNull();
  });

  it('warns before any click when the smart process does not allow task links', async () => {
    renderPanel({ crm: fakeCrm({ allowsTaskLinks: false }) });
    expect(await screen.findByText('Tasks cannot be linked to these items yet')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Create task' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('gives no task to a deactivated responsible: the user chooses someone first (issue 7.8)', async () => {
    const crm = fakeCrm();
    crm.users = crm.users.map((user) => (user.ID === '2' ? { ...user, ACTIVE: false } : user));
    const { boundary, tasks } = renderPanel({ crm });
    expect(await screen.findByText('Deactivated')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Create task' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Choose who is responsible.');
    expect(tasks.tasks).toHaveLength(0);

    boundary.answerNextPicker([{ id: 4, name: 'Daniel Park', photoUrl: null, position: 'Engineer' }]);
    fireEvent.click(screen.getByRole('button', { name: 'Choose responsible person' }));
    expect(await screen.findByText('Daniel Park')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Create task' }));
    expect(await screen.findByText('Task created')).toBeTruthy();
    expect(tasks.tasks.map((task) => task.responsibleId)).toEqual(['4']);
  });

  it('from a timeline record whose activity is gone, still creates the task for the item (issue 8.3)', async () => {
    const { tasks } = renderPanel({
      activityId: 8001,
      before: (fake) =>
        fake.setHandler('crm.activity.get', () => {
          throw new BitrixError({
            kind: 'not-found',
            code: 'UNKNOWN',
            status: 400,
            portalDescription: 'Activity is not found',
          });
        }),
    });
    expect(await screen.findByRole('textbox', { name: 'Task title' })).toBeTruthy();
    expect(screen.queryByRole('checkbox', { name: 'Use the timeline record’s subject' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Create task' }));
    expect(await screen.findByText('Task created')).toBeTruthy();
    expect(tasks.tasks.map((task) => task.title)).toEqual(['Equipment Purchase: Washing Machine']);
  });
});
