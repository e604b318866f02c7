import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PlaybookDocument, PlaybookTemplate } from '../../domain/playbooks/playbook';
import { createFakeBoundary, portalError, type FakeBoundary } from '../../testing/fake-boundary';
import { fakeCrm, fakeCrmHandlers, fakeItemListByStage, type FakeCrm } from '../../testing/fake-crm';
import { fakeTaskHandlers, fakeTaskStore, type FakeTaskStore } from '../../testing/fake-tasks';
import { playbookDocument, playbookTemplate } from '../../testing/fixtures';
import { renderSurface } from '../../testing/render-surface';
import { DetailTab } from './DetailTab';

const template = (key: string, title: string, overrides: Partial<PlaybookTemplate> = {}) =>
  playbookTemplate(key, {
    title,
    description: 'For {title}',
    deadline: { unit: 'working-days', amount: 2, timeOfDay: '12:00' },
    checklist: ['First', 'Second'],
    ...overrides,
  });

const APPROVAL = 'DT177_7:CLIENT';
const playbook = (approval: PlaybookTemplate[] = []): PlaybookDocument =>
  playbookDocument(
    [
      {
        stageId: APPROVAL,
        templates: approval.length
          ? approval
          : [
              template('budget', 'Check the budget of {title}'),
              template('contract', 'Draft the contract'),
              template('approve', 'Approve with the buyer', { responsible: { kind: 'clicking-user' } }),
            ],
      },
      { stageId: 'DT177_7:SUCCESS', templates: [template('handover', 'Hand over to {responsible}')] },
    ],
    { revision: 3 },
  );

function renderTab(
  options: {
    crm?: FakeCrm;
    tasks?: FakeTaskStore;
    document?: PlaybookDocument | null;
    isAdmin?: boolean;
    before?: (boundary: FakeBoundary) => void;
  } = {},
) {
  const crm = options.crm ?? fakeCrm();
  const tasks = options.tasks ?? fakeTaskStore();
  const document = options.document === undefined ? playbook() : options.document;
  const boundary = createFakeBoundary(
    {
      ...fakeCrmHandlers(crm),
      ...fakeTaskHandlers(tasks),
      'app.option.get': ({ option }) => (option === 'playbook_177' && document ? JSON.stringify(document) : null),
      'crm.item.list': fakeItemListByStage(crm),
    },
    // An admin by default (sees every task: no confirmation step); tests of a user say isAdmin: false.
    { isAdmin: options.isAdmin ?? true },
  );
  options.before?.(boundary);
  renderSurface(<DetailTab entityTypeId={177} itemId={29} />, { boundary });
  return { boundary, crm, tasks };
}

const panel = () => screen.findByRole('region', { name: 'Stage playbook' });

afterEach(() => {
  cleanup();
  localStorage.clear();
  sessionStorage.clear();
});

describe('the stage playbook in the detail tab', () => {
  it('lists the stage’s templates as missing and creates all 3 in one click, in ONE round trip', async () => {
    const { boundary, tasks } = renderTab();
    const region = await panel();
    expect(within(region).getByText('Check the budget of Washing Machine')).toBeTruthy();
    expect(within(region).getAllByText('Missing')).toHaveLength(3);
    const button = await within(region).findByRole('button', { name: 'Create the 3 missing tasks' });
    await waitFor(() => expect(button).toHaveProperty('disabled', false));
    const before = boundary.roundTrips.length;
    fireEvent.click(button, { detail: 1 });
    await within(region).findByText('3 tasks are created and linked to this item.');
    expect(boundary.roundTrips.length - before).toBe(1);
    expect(tasks.tasks.map((task) => task.xmlId).sort()).toEqual([
      'smart-tasks:template:approve',
      'smart-tasks:template:budget',
      'smart-tasks:template:contract',
    ]);
    // The clicking user's template went to the clicking user; the others to the item's responsible.
    expect(tasks.tasks.find((task) => task.xmlId?.endsWith('approve'))?.responsibleId).toBe('1');
    expect(tasks.tasks.find((task) => task.xmlId?.endsWith('budget'))?.responsibleId).toBe('2');
    for (const task of tasks.tasks) expect(tasks.checklists.get(task.id)).toHaveLength(2);
    // Each now shows its task; nothing is missing.
    const done = await within(region).findByRole('button', { name: 'All created' });
    expect(done).toHaveProperty('disabled', true);
    expect(within(region).getByRole('link', { name: 'Open task “Draft the contract”' })).toBeTruthy();
  });

  it('a double click and clicks while the request is on its way create 3 tasks, not 6', async () => {
    const { tasks } = renderTab();
    const region = await panel();
    const button = await within(region).findByRole('button', { name: 'Create the 3 missing tasks' });
    await waitFor(() => expect(button).toHaveProperty('disabled', false));
    fireEvent.click(button, { detail: 1 });
    fireEvent.click(button, { detail: 2 });
    fireEvent.click(button, { detail: 1 });
    await within(region).findByRole('button', { name: 'All created' });
    expect(tasks.tasks).toHaveLength(3);
  });

  it('matches by the template key in the task, not by title; the button counts exactly the missing ones', async () => {
    const store = fakeTaskStore();
    store.tasks.push(
      // Renamed by a user, still the template's task.
      {
        id: '201',
        title: 'Budget (renamed)',
        status: '3',
        responsibleId: '2',
        createdBy: '2',
        ufCrmTask: ['Tb1_29'],
        xmlId: 'smart-tasks:template:budget',
      },
      // Same title as a template but made by hand: not the template's.
      {
        id: '202',
        title: 'Draft the contract',
        status: '2',
        responsibleId: '2',
        createdBy: '2',
        ufCrmTask: ['Tb1_29'],
      },
    );
    renderTab({ tasks: store });
    const region = await panel();
    expect(await within(region).findByRole('button', { name: 'Create the 2 missing tasks' })).toBeTruthy();
    expect(within(region).getByRole('link', { name: 'Open task “Budget (renamed)”' })).toBeTruthy();
    expect(within(region).getByText('In progress')).toBeTruthy();
  });

  it('asks who gets a template’s task when its fixed user is deactivated, and never gives it to someone else', async () => {
    const crm = fakeCrm();
    crm.users.push({ ID: '9', NAME: 'Former', LAST_NAME: 'Employee', ACTIVE: false, PERSONAL_PHOTO: null });
    const { boundary, tasks } = renderTab({
      crm,
      document: playbook([template('legal', 'Legal review', { responsible: { kind: 'user', userId: 9 } })]),
    });
    const region = await panel();
    await within(region).findByText('Former Employee is deactivated. Choose who gets this task.');
    expect(within(region).getByRole('button', { name: 'Create the missing task' })).toHaveProperty('disabled', true);
    boundary.answerNextPicker([{ id: 4, name: 'Daniel Park', photoUrl: null, position: '' }]);
    fireEvent.click(within(region).getByRole('button', { name: 'Choose responsible' }));
    const create = within(region).getByRole('button', { name: 'Create the missing task' });
    await waitFor(() => expect(create).toHaveProperty('disabled', false));
    fireEvent.click(create, { detail: 1 });
    await within(region).findByRole('button', { name: 'All created' });
    expect(tasks.tasks.map((task) => task.responsibleId)).toEqual(['4']);
  });

  it('a lookup of the rule’s user that keeps failing says so and offers a retry, never “no longer exists”', async () => {
    const crm = fakeCrm();
    crm.users.push({ ID: '3', NAME: 'Sophie', LAST_NAME: 'Martin', ACTIVE: true, PERSONAL_PHOTO: null });
    let failing = true;
    const { tasks } = renderTab({
      crm,
      document: playbook([template('legal', 'Legal review', { responsible: { kind: 'user', userId: 3 } })]),
      before: (boundary) =>
        boundary.setHandler('user.get', ({ filter = {} }) => {
          const wanted = ([] as Array<number | string>).concat(filter.ID ?? []).map(String);
          if (wanted.includes('3') && failing) throw portalError('rate-limit', 'QUERY_LIMIT_EXCEEDED', 503);
          return crm.users.filter((user) => wanted.includes(user.ID));
        }),
    });
    const region = await panel();
    await within(region).findByText(/Who gets the tasks could not be read/);
    expect(within(region).queryByText(/no longer exists/)).toBeNull();
    const create = within(region).getByRole('button', { name: 'Create the missing task' });
    expect(create).toHaveProperty('disabled', true);
    failing = false;
    fireEvent.click(within(region).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(create).toHaveProperty('disabled', false));
    expect(within(region).queryByText(/no longer exists|Loading who gets the tasks/)).toBeNull();
    fireEvent.click(create, { detail: 1 });
    await within(region).findByRole('button', { name: 'All created' });
    expect(tasks.tasks.map((task) => task.responsibleId)).toEqual(['3']);
  });

  it('says “no longer exists” when the portal does not return the rule’s user', async () => {
    const { tasks } = renderTab({
      document: playbook([template('legal', 'Legal review', { responsible: { kind: 'user', userId: 77 } })]),
    });
    const region = await panel();
    await within(region).findByText('The employee this task goes to no longer exists. Choose who gets it.');
    expect(within(region).queryByText('Loading who gets the tasks…')).toBeNull();
    expect(within(region).getByRole('button', { name: 'Create the missing task' })).toHaveProperty('disabled', true);
    expect(tasks.tasks).toHaveLength(0);
  });

  it('leaves a deactivated participant out of the task, and says so before the click', async () => {
    const crm = fakeCrm();
    crm.users.push({ ID: '9', NAME: 'Former', LAST_NAME: 'Employee', ACTIVE: false, PERSONAL_PHOTO: null });
    const { tasks } = renderTab({
      crm,
      document: playbook([template('legal', 'Legal review', { participantIds: [4, 9] })]),
    });
    const region = await panel();
    await within(region).findByText('Left out as deactivated or unknown: Former Employee.');
    const create = within(region).getByRole('button', { name: 'Create the missing task' });
    await waitFor(() => expect(create).toHaveProperty('disabled', false));
    fireEvent.click(create, { detail: 1 });
    await within(region).findByRole('button', { name: 'All created' });
    expect(tasks.tasks[0]!.accomplices).toEqual(['4']);
  });

  it('says the item moved to a new stage since the user last saw it, and offers that stage’s tasks', async () => {
    localStorage.setItem('smart-tasks:stage-seen:member-1:user-1:177:29', 'DT177_7:NEW');
    renderTab();
    const region = await panel();
    expect(
      await within(region).findByText(
        /Moved from “New request” to “Approval” since you last saw it\. 3 tasks of the new stage are still missing\./,
      ),
    ).toBeTruthy();
    expect(localStorage.getItem('smart-tasks:stage-seen:member-1:user-1:177:29')).toBe(APPROVAL);
  });

  it('says nothing about a move on the first visit, nor when the stage is the one last seen', async () => {
    localStorage.setItem('smart-tasks:stage-seen:member-1:user-1:177:29', APPROVAL);
    renderTab();
    const region = await panel();
    await within(region).findByRole('button', { name: 'Create the 3 missing tasks' });
    expect(within(region).queryByText(/since you last saw it/)).toBeNull();
  });

  it('creates nothing when the item left the stage after the tab loaded, says so, and shows the new stage’s tasks', async () => {
    const { crm, tasks } = renderTab();
    const region = await panel();
    const button = await within(region).findByRole('button', { name: 'Create the 3 missing tasks' });
    await waitFor(() => expect(button).toHaveProperty('disabled', false));
    crm.items[0]!.stageId = 'DT177_7:SUCCESS';
    fireEvent.click(button, { detail: 1 });
    expect(
      await within(region).findByText(/It moved from “Approval” to “Delivered” after this card was loaded/),
    ).toBeTruthy();
    expect(tasks.tasks).toHaveLength(0);
    expect(await within(region).findByText('Hand over to Maxim Orlov')).toBeTruthy();
    // The click's own message tells of the move: no second notice.
    expect(within(region).queryByText(/since you last saw it/)).toBeNull();
  });

  it('says why nothing was created when the portal refuses the request (its limit), and that a click may follow', async () => {
    const { boundary, tasks } = renderTab();
    const region = await panel();
    const button = await within(region).findByRole('button', { name: 'Create the 3 missing tasks' });
    await waitFor(() => expect(button).toHaveProperty('disabled', false));
    boundary.failNextRoundTrip(portalError('rate-limit', 'QUERY_LIMIT_EXCEEDED', 503));
    fireEvent.click(button, { detail: 1 });
    const alert = await within(region).findByRole('alert');
    expect(alert.textContent).toContain('No task was created');
    expect(alert.textContent).toContain('Bitrix24 is busy right now.');
    expect(tasks.tasks).toHaveLength(0);
    expect(within(region).getByRole('button', { name: 'Create the 3 missing tasks' })).toHaveProperty(
      'disabled',
      false,
    );
  });

  it('names the template the portal refused (rights) and keeps the ones made before it', async () => {
    const store = fakeTaskStore();
    const { tasks } = renderTab({
      tasks: store,
      before: (fake) => {
        const add = fakeTaskHandlers(store)['tasks.task.add']!;
        fake.setHandler('tasks.task.add', (params) => {
          if (params.fields.XML_ID?.endsWith(':contract'))
            throw portalError('access-denied', 'ACCESS_DENIED', 403, 'Access denied');
          return add(params);
        });
      },
    });
    const region = await panel();
    const button = await within(region).findByRole('button', { name: 'Create the 3 missing tasks' });
    await waitFor(() => expect(button).toHaveProperty('disabled', false));
    fireEvent.click(button, { detail: 1 });
    const alert = await within(region).findByRole('alert');
    expect(alert.textContent).toContain('“Draft the contract” was not created');
    expect(alert.textContent).toContain('You do not have permission for this in Bitrix24.');
    expect(alert.textContent).toContain('2 tasks were not created.');
    expect(tasks.tasks.map((task) => task.xmlId)).toEqual(['smart-tasks:template:budget']);
    expect(await within(region).findByRole('button', { name: 'Create the 2 missing tasks' })).toBeTruthy();
  });

  it('notices a move made on the card’s stage bar while the tab is open, when the user comes back to it', async () => {
    const { crm, boundary } = renderTab();
    const region = await panel();
    await within(region).findByRole('button', { name: 'Create the 3 missing tasks' });
    crm.items[0]!.stageId = 'DT177_7:SUCCESS';
    // Right after opening, nothing is asked again.
    const trips = boundary.roundTrips.length;
    fireEvent.pointerOver(region);
    expect(boundary.roundTrips.length).toBe(trips);
    // A while later the user comes back to the frame.
    const now = performance.now();
    vi.spyOn(performance, 'now').mockReturnValue(now + 20_000);
    fireEvent.pointerOver(region);
    expect(
      await within(await panel()).findByText(/Moved from “Approval” to “Delivered” since you last saw it/),
    ).toBeTruthy();
    expect(within(await panel()).getByText('Hand over to Maxim Orlov')).toBeTruthy();
    vi.restoreAllMocks();
  });

  it('a session that ended sends nothing and says to reload; a deleted item says it is gone', async () => {
    const { boundary, crm, tasks } = renderTab();
    const region = await panel();
    const button = await within(region).findByRole('button', { name: 'Create the 3 missing tasks' });
    await waitFor(() => expect(button).toHaveProperty('disabled', false));
    boundary.failNextRoundTrip(portalError('auth-expired', 'JSSDK_UNKNOWN_ERROR', 0));
    fireEvent.click(button, { detail: 1 });
    expect(
      await within(region).findByText(
        'Your Bitrix24 session has ended, so nothing was sent. Reload the page and click again.',
      ),
    ).toBeTruthy();
    crm.items = [];
    fireEvent.click(button, { detail: 1 });
    expect(
      await within(region).findByText(
        'This item no longer exists: it was deleted or moved to the recycle bin, so no task was created.',
      ),
    ).toBeTruthy();
    expect(tasks.tasks).toHaveLength(0);
  });

  it('speaks the user’s language: Russian counts and words', async () => {
    const crm = fakeCrm();
    const tasks = fakeTaskStore();
    const document = playbook();
    const boundary = createFakeBoundary(
      {
        ...fakeCrmHandlers(crm),
        ...fakeTaskHandlers(tasks),
        'app.option.get': () => JSON.stringify(document),
      },
      { bitrixLanguage: 'ru' },
    );
    renderSurface(<DetailTab entityTypeId={177} itemId={29} />, { boundary });
    const region = await screen.findByRole('region', { name: 'Задачи стадии' });
    expect(await within(region).findByRole('button', { name: 'Создать 3 недостающие задачи' })).toBeTruthy();
    expect(within(region).getAllByText('Не создана', { exact: true })).toHaveLength(3);
  });

  it('tells a user who is not an admin that only tasks they see count, and names the tasks before creating them', async () => {
    const { tasks } = renderTab({ isAdmin: false });
    const region = await panel();
    expect(
      within(region).getByText(
        'Only tasks you can see in Bitrix24 count here: a colleague’s task you take no part in shows as missing.',
      ),
    ).toBeTruthy();
    const button = await within(region).findByRole('button', { name: 'Create the 3 missing tasks' });
    await waitFor(() => expect(button).toHaveProperty('disabled', false));
    fireEvent.click(button, { detail: 1 });
    await within(region).findByText(
      'This creates: “Check the budget of Washing Machine”, “Draft the contract”, “Approve with the buyer”. If one of them already exists as a task you cannot see, stop here.',
    );
    fireEvent.click(within(region).getByRole('button', { name: 'Cancel' }));
    expect(tasks.tasks).toHaveLength(0);
    fireEvent.click(button, { detail: 1 });
    fireEvent.click(await within(region).findByRole('button', { name: 'Create them' }), { detail: 1 });
    await within(region).findByRole('button', { name: 'All created' });
    expect(tasks.tasks).toHaveLength(3);
  });

  it('shows nothing to a user when no playbook is set up, and a set-up link to an admin', async () => {
    renderTab({ document: null, isAdmin: false });
    await screen.findByRole('region', { name: /Linked tasks/ });
    expect(screen.queryByRole('region', { name: 'Stage playbook' })).toBeNull();
    expect(screen.queryByText(/stage playbook/i)).toBeNull();
    cleanup();
    const { boundary } = renderTab({ document: null, isAdmin: true });
    fireEvent.click(await screen.findByRole('button', { name: 'Set up stage playbooks' }));
    expect(boundary.openedPaths).toEqual(['/crm/type/177/automation/7/']);
  });
});
