/**
 * Issue 12, "Linked tasks handled in place": from the tab's linked-task list, within the rights
 * the portal reports (the task's `action` flags), complete / renew, start / pause, change the
 * deadline, change the responsible; each ONE round trip, shown at once, rolled back with a
 * clear message on refusal. Issue 9: priority visible in the list.
 */
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { BitrixError } from '../../bitrix/errors';
import type { RestTaskAction } from '../../bitrix/rest-types';
import { createFakeBoundary, type FakeBoundary } from '../../testing/fake-boundary';
import { fakeCrm, fakeCrmHandlers, type FakeCrm } from '../../testing/fake-crm';
import { fakeTaskActionHandlers, statusRights } from '../../testing/fake-task-actions';
import { fakeTaskStore, type FakeTaskStore } from '../../testing/fake-tasks';
import { renderSurface } from '../../testing/render-surface';
import { DetailTab } from './DetailTab';

type StoredTask = FakeTaskStore['tasks'][number];

function seeded(): FakeTaskStore {
  const store = fakeTaskStore();
  store.tasks.push(
    {
      id: '201',
      title: 'Sign the delivery note',
      status: '2',
      priority: '2',
      responsibleId: '1',
      createdBy: '2',
      deadline: '2099-01-10T18:00:00+03:00',
      ufCrmTask: ['Tb1_29'],
    },
    {
      id: '202',
      title: 'Request quotes',
      status: '5',
      priority: '1',
      responsibleId: '2',
      createdBy: '2',
      closedDate: '2026-11-03T16:20:00+03:00',
      deadline: '2026-11-04T19:00:00+03:00',
      ufCrmTask: ['Tb1_29'],
    },
  );
  return store;
}

function renderTab(
  options: {
    crm?: FakeCrm;
    tasks?: FakeTaskStore;
    rights?: (task: StoredTask) => RestTaskAction;
    language?: string;
    before?: (boundary: FakeBoundary) => void;
  } = {},
) {
  const crm = options.crm ?? fakeCrm();
  const tasks = options.tasks ?? seeded();
  const boundary = createFakeBoundary(
    { ...fakeCrmHandlers(crm), ...fakeTaskActionHandlers(tasks, { rights: options.rights }) },
    { bitrixLanguage: options.language ?? 'en' },
  );
  options.before?.(boundary);
  renderSurface(<DetailTab entityTypeId={177} itemId={29} />, { boundary });
  return { boundary, tasks };
}

async function row(title: string): Promise<HTMLElement> {
  const link = await screen.findByRole('link', { name: `Open task “${title}”` });
  return link.closest('li') as HTMLElement;
}

/** Opens a row's menu; `ready` waits until the rights are in. */
async function openMenu(title: string, { ready = true } = {}): Promise<HTMLElement> {
  const task = await row(title);
  fireEvent.click(within(task).getByRole('button', { name: `Actions for “${title}”` }));
  const menu = within(task).getByRole('menu');
  if (ready)
    await waitFor(() => expect(within(menu).queryByText('Checking what you can do with this task…')).toBeNull());
  return menu;
}

/** Opens the menu once the rights are in, and returns its items' names. */
async function menuItems(title: string): Promise<string[]> {
  const menu = await openMenu(title);
  return within(menu)
    .queryAllByRole('menuitem')
    .map((item) => item.textContent ?? '');
}

function calls(boundary: FakeBoundary, method: string): number {
  return boundary.roundTrips.filter((trip) => trip.methods.includes(method)).length;
}

/** A handler whose answer the test releases. */
function held<T>(answer: () => T) {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  return { handler: async () => (await gate, answer()), release: () => release() };
}

afterEach(() => {
  cleanup();
  sessionStorage.clear();
});

describe('the rights come as the portal reports them, without holding up the tab', () => {
  it('opening the tab reads no rights; reaching for a menu reads every visible task’s rights in ONE batch', async () => {
    const access = held(() => ({ allowedActions: { '1': { COMPLETE: true } } }));
    const { boundary } = renderTab({ before: (fake) => fake.setHandler('tasks.task.getaccess', access.handler) });
    const task = await row('Sign the delivery note');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(calls(boundary, 'tasks.task.getaccess')).toBe(0);

    const button = within(task).getByRole('button', { name: 'Actions for “Sign the delivery note”' });
    // The pointer entering the list is the cue; the click finds the read under way, and sends no other.
    fireEvent.pointerEnter(task.closest('ul')!);
    expect(calls(boundary, 'tasks.task.getaccess')).toBe(1);
    fireEvent.click(button);
    const menu = within(task).getByRole('menu');
    expect(within(menu).getByText('Checking what you can do with this task…')).toBeTruthy();
    const rightsTrips = boundary.roundTrips.filter((trip) => trip.methods.includes('tasks.task.getaccess'));
    expect(rightsTrips).toHaveLength(1);
    expect(rightsTrips[0]!.methods).toEqual(['tasks.task.getaccess', 'tasks.task.getaccess']);
    access.release();
    expect(await within(menu).findByRole('menuitem', { name: 'Complete' })).toBeTruthy();

    // The other row's rights came in the same batch: its menu needs no read of its own.
    expect(await menuItems('Request quotes')).toEqual(['Complete']);
    expect(calls(boundary, 'tasks.task.getaccess')).toBe(1);
  });

  it('a task created later is not read on its own: the next intent reads just it', async () => {
    const { boundary } = renderTab();
    const list = (await row('Sign the delivery note')).closest('ul')!;
    fireEvent.pointerEnter(list);
    await waitFor(() => expect(calls(boundary, 'tasks.task.getaccess')).toBe(1));
    // Back in the list with every right known: nothing to read, and nothing left waiting either.
    fireEvent.pointerLeave(list);
    fireEvent.pointerEnter(list);
    fireEvent.pointerLeave(list);
    fireEvent.click(screen.getByRole('button', { name: 'Create task' }));
    await row('Equipment Purchase: Washing Machine');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(calls(boundary, 'tasks.task.getaccess')).toBe(1);
    fireEvent.pointerEnter(list);
    await waitFor(() => expect(calls(boundary, 'tasks.task.getaccess')).toBe(2));
    const last = boundary.roundTrips.filter((trip) => trip.methods.includes('tasks.task.getaccess')).at(-1)!;
    expect(last.methods).toEqual(['tasks.task.getaccess']);
  });

  it('a read of the rights that failed says so in the menu, and "Try again" reads them again', async () => {
    const store = seeded();
    const { boundary } = renderTab({ tasks: store });
    const task = await row('Sign the delivery note');
    const working = fakeTaskActionHandlers(store)['tasks.task.getaccess']!;
    boundary.setHandler('tasks.task.getaccess', () => {
      throw new BitrixError({ kind: 'server', code: 'INTERNAL_SERVER_ERROR', status: 500 });
    });
    fireEvent.click(within(task).getByRole('button', { name: 'Actions for “Sign the delivery note”' }));
    const menu = within(task).getByRole('menu');
    expect(await within(menu).findByText(/Could not check what you can do with this task\./)).toBeTruthy();
    boundary.setHandler('tasks.task.getaccess', working);
    fireEvent.click(within(menu).getByRole('menuitem', { name: 'Try again' }));
    expect(await within(menu).findByRole('menuitem', { name: 'Complete' })).toBeTruthy();
  });

  it('an observer without rights sees no action, and is told the task is view-only', async () => {
    renderTab({ rights: () => ({}) });
    expect(await menuItems('Sign the delivery note')).toEqual([]);
    expect(screen.getByText('You can view this task but not change it.')).toBeTruthy();
  });

  it.each([
    ['start', 'Start'],
    ['pause', 'Pause'],
    ['complete', 'Complete'],
    ['renew', 'Resume'],
    ['changeDeadline', 'Change deadline…'],
    ['edit', 'Change responsible…'],
    ['delegate', 'Change responsible…'],
  ])('the flag %s alone shows exactly "%s"', async (flag, label) => {
    renderTab({ rights: () => ({ [flag]: true }) });
    expect(await menuItems('Sign the delivery note')).toEqual([label]);
  });

  it('a completed task offers Resume, not Complete (the flags follow the status)', async () => {
    renderTab();
    const items = await menuItems('Request quotes');
    expect(items).toContain('Resume');
    expect(items).not.toContain('Complete');
  });
});

describe('each action is one round trip, shown at once', () => {
  it('Complete: the row shows it done before the portal answers; one tasks.task.complete; the portal gets it', async () => {
    const store = seeded();
    const { boundary } = renderTab({ tasks: store });
    const menu = await openMenu('Sign the delivery note');
    const complete = held(() => {
      const task = store.tasks.find((entry) => entry.id === '201')!;
      task.status = '5';
      return { task: { ...task, action: statusRights(task) } };
    });
    boundary.setHandler('tasks.task.complete', complete.handler);
    fireEvent.click(await within(menu).findByRole('menuitem', { name: 'Complete' }));

    const task = await row('Sign the delivery note');
    // Shown while the portal has not answered yet.
    expect(await within(task).findByText('Completed')).toBeTruthy();
    expect(within(task).getByRole('status').textContent).toBe('Completing…');
    complete.release();
    await waitFor(() => expect(within(task).queryByText('Completing…')).toBeNull());
    expect(within(task).getByText('Completed')).toBeTruthy();
    expect(calls(boundary, 'tasks.task.complete')).toBe(1);
    expect(boundary.roundTrips.filter((trip) => trip.kind === 'call')).toHaveLength(1);
    // The answer's flags are the new rights: no read of its own.
    expect(await menuItems('Sign the delivery note')).toEqual(['Resume', 'Change deadline…', 'Change responsible…']);
    expect(calls(boundary, 'tasks.task.getaccess')).toBe(1);
  });

  it('a completion the creator must review shows as the portal answered it: awaiting review, not completed', async () => {
    const store = seeded();
    const { boundary } = renderTab({ tasks: store });
    boundary.setHandler('tasks.task.complete', () => {
      const task = store.tasks.find((entry) => entry.id === '201')!;
      task.status = '4';
      return { task: { ...task, action: statusRights(task) } };
    });
    fireEvent.click(within(await openMenu('Sign the delivery note')).getByRole('menuitem', { name: 'Complete' }));
    const task = await row('Sign the delivery note');
    expect(await within(task).findByText('Awaiting review')).toBeTruthy();
    expect(within(task).queryByText('Completed')).toBeNull();
    expect(within(task).queryByRole('alert')).toBeNull();
  });

  it('Start, then Pause, each one call', async () => {
    const { boundary, tasks } = renderTab();
    const menu = await openMenu('Sign the delivery note');
    fireEvent.click(await within(menu).findByRole('menuitem', { name: 'Start' }));
    const task = await row('Sign the delivery note');
    expect(await within(task).findByText('In progress')).toBeTruthy();
    await waitFor(() => expect(tasks.tasks[0]!.status).toBe('3'));
    fireEvent.click(within(await openMenu('Sign the delivery note')).getByRole('menuitem', { name: 'Pause' }));
    await waitFor(() => expect(tasks.tasks[0]!.status).toBe('2'));
    expect(within(task).getByText('Pending')).toBeTruthy();
    expect(calls(boundary, 'tasks.task.start')).toBe(1);
    expect(calls(boundary, 'tasks.task.pause')).toBe(1);
  });

  it('Resume brings a completed task back', async () => {
    const { boundary, tasks } = renderTab();
    fireEvent.click(within(await openMenu('Request quotes')).getByRole('menuitem', { name: 'Resume' }));
    expect(await within(await row('Request quotes')).findByText('Pending')).toBeTruthy();
    await waitFor(() => expect(tasks.tasks[1]!.status).toBe('2'));
    expect(calls(boundary, 'tasks.task.renew')).toBe(1);
  });

  it('the deadline is typed in the portal language’s format on the user’s Bitrix24 clock, and sent with the portal’s offset', async () => {
    const crm = fakeCrm();
    crm.users[0]!.TIME_ZONE = 'Asia/Vladivostok';
    const { boundary, tasks } = renderTab({ crm, language: 'de' });
    const title = 'Sign the delivery note';
    const link = await screen.findByRole('link', { name: `Aufgabe „${title}“ öffnen` });
    const task = link.closest('li') as HTMLElement;
    fireEvent.click(within(task).getByRole('button', { name: `Aktionen für „${title}“` }));
    fireEvent.click(await within(task).findByRole('menuitem', { name: 'Frist ändern…' }));
    const input = within(task).getByLabelText('Neue Frist');
    // The current deadline, 2099-01-10 18:00 Moscow, on the Vladivostok clock, written as German dates are.
    expect((input as HTMLInputElement).value).toBe('11.01.2099, 01:00');
    fireEvent.change(input, { target: { value: '04.12.2026 18:00' } });
    fireEvent.click(within(task).getByRole('button', { name: 'Speichern' }));
    // 18:00 in Vladivostok (+10) is 11:00 in the portal's zone (+03).
    await waitFor(() => expect(tasks.tasks[0]!.deadline).toBe('2026-12-04T11:00:00+03:00'));
    expect(calls(boundary, 'tasks.task.update')).toBe(1);
    expect(within(task).queryByLabelText('Neue Frist')).toBeNull();
    // The focus is back on the row's menu button.
    expect(document.activeElement).toBe(within(task).getByRole('button', { name: `Aktionen für „${title}“` }));
  });

  it('a deadline that is no date is refused in the form, and nothing is sent', async () => {
    const { boundary } = renderTab();
    const task = await row('Sign the delivery note');
    fireEvent.click(
      within(await openMenu('Sign the delivery note')).getByRole('menuitem', { name: 'Change deadline…' }),
    );
    fireEvent.change(within(task).getByLabelText('New deadline'), { target: { value: '31/02/2026, 25:00' } });
    fireEvent.click(within(task).getByRole('button', { name: 'Save' }));
    expect(within(task).getByText(/^Enter the date and time as /)).toBeTruthy();
    expect(calls(boundary, 'tasks.task.update')).toBe(0);
  });

  it('an emptied deadline is asked for, not sent (the deadline is changed here, not removed)', async () => {
    const { boundary } = renderTab();
    const task = await row('Sign the delivery note');
    fireEvent.click(
      within(await openMenu('Sign the delivery note')).getByRole('menuitem', { name: 'Change deadline…' }),
    );
    fireEvent.change(within(task).getByLabelText('New deadline'), { target: { value: '' } });
    fireEvent.click(within(task).getByRole('button', { name: 'Save' }));
    expect(within(task).getByText(/^Enter the date and time as /)).toBeTruthy();
    expect(calls(boundary, 'tasks.task.update')).toBe(0);
    fireEvent.keyDown(within(task).getByLabelText('New deadline'), { key: 'Escape' });
    expect(within(task).queryByLabelText('New deadline')).toBeNull();
  });

  it('the responsible comes from the portal’s picker, shows at once, and is written with one update', async () => {
    const { boundary, tasks } = renderTab();
    boundary.answerNextPicker([{ id: 4, name: 'Daniel Park', photoUrl: null, position: 'Engineer' }]);
    fireEvent.click(
      within(await openMenu('Sign the delivery note')).getByRole('menuitem', { name: 'Change responsible…' }),
    );
    const task = await row('Sign the delivery note');
    expect(await within(task).findByText('Daniel Park')).toBeTruthy();
    await waitFor(() => expect(tasks.tasks[0]!.responsibleId).toBe('4'));
    expect(calls(boundary, 'tasks.task.update')).toBe(1);
  });

  it('a cancelled picker sends nothing', async () => {
    const { boundary } = renderTab();
    boundary.answerNextPicker(null);
    fireEvent.click(
      within(await openMenu('Sign the delivery note')).getByRole('menuitem', { name: 'Change responsible…' }),
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(calls(boundary, 'tasks.task.update')).toBe(0);
  });
});

describe('double clicks send once', () => {
  it('while an action is under way the row’s menu does not open again, and nothing more is sent', async () => {
    const { boundary } = renderTab();
    const complete = held(() => ({ task: { id: '201', title: 'Sign the delivery note', status: '5' } }));
    boundary.setHandler('tasks.task.complete', complete.handler);
    const menu = await openMenu('Sign the delivery note');
    const item = await within(menu).findByRole('menuitem', { name: 'Complete' });
    fireEvent.click(item, { detail: 1 });
    fireEvent.click(item, { detail: 2 });
    const task = await row('Sign the delivery note');
    const button = within(task).getByRole('button', { name: 'Actions for “Sign the delivery note”' });
    fireEvent.click(button);
    expect(within(task).queryByRole('menu')).toBeNull();
    complete.release();
    await waitFor(() => expect(within(task).queryByText('Completing…')).toBeNull());
    expect(calls(boundary, 'tasks.task.complete')).toBe(1);
  });
});

describe('the second click of a double click', () => {
  it('lands on nothing: not on the task that moved under the pointer, nor a second action', async () => {
    const { boundary } = renderTab();
    const menu = await openMenu('Sign the delivery note');
    fireEvent.click(within(menu).getByRole('menuitem', { name: 'Complete' }), { detail: 1 });
    // What is under the pointer now: the other task's title.
    const other = within(await row('Request quotes')).getByRole('link', { name: 'Open task “Request quotes”' });
    const second = fireEvent.click(other, { detail: 2 });
    expect(second).toBe(false); // default prevented: no navigation either
    expect(boundary.openedPaths).toEqual([]);
    await waitFor(() => expect(calls(boundary, 'tasks.task.complete')).toBe(1));
    // A later single click opens it as usual.
    fireEvent.click(other, { detail: 1 });
    expect(boundary.openedPaths).toHaveLength(1);
  });
});

describe('a refusal rolls back with a message naming what was refused and why', () => {
  it('no right: the row goes back, the message says so, and the menu shows the re-read rights', async () => {
    // The rights read earlier said "complete"; meanwhile they were taken away.
    let allowed = true;
    const { boundary } = renderTab({
      rights: (task) => ({ ...statusRights(task), complete: allowed }),
    });
    const menu = await openMenu('Sign the delivery note');
    const complete = await within(menu).findByRole('menuitem', { name: 'Complete' });
    allowed = false;
    fireEvent.click(complete);
    const task = await row('Sign the delivery note');
    const alert = await within(task).findByRole('alert');
    expect(within(alert).getByText('The task was not completed')).toBeTruthy();
    expect(alert.textContent).toContain('Bitrix24 does not allow you to do this with this task.');
    expect(within(task).getByText('Pending')).toBeTruthy();
    expect(within(task).queryByText('Completed')).toBeNull();
    expect(calls(boundary, 'tasks.task.complete')).toBe(1);
    // The re-read (tasks.task.get) carried the flags: Complete is gone from the menu.
    expect(await menuItems('Sign the delivery note')).not.toContain('Complete');
  });

  it('a task deleted meanwhile leaves the list, and the message names it', async () => {
    const store = seeded();
    renderTab({ tasks: store });
    const menu = await openMenu('Sign the delivery note');
    const complete = await within(menu).findByRole('menuitem', { name: 'Complete' });
    store.tasks.splice(0, 1);
    fireEvent.click(complete);
    const region = screen.getByRole('region', { name: /Linked tasks/ });
    const title = await within(region).findByText('The task was not completed: “Sign the delivery note”');
    const alert = title.closest('[role="alert"]') as HTMLElement;
    expect(alert.textContent).toContain('The task no longer exists in Bitrix24, or you can no longer see it.');
    expect(within(region).queryByRole('link', { name: 'Open task “Sign the delivery note”' })).toBeNull();
  });

  it('refused because it is already so (a resent copy did it): shown done, no error', async () => {
    const store = seeded();
    const { boundary } = renderTab({ tasks: store });
    const menu = await openMenu('Sign the delivery note');
    const complete = await within(menu).findByRole('menuitem', { name: 'Complete' });
    // The first copy completed it; the answer the app gets is the second copy's refusal.
    store.tasks[0]!.status = '5';
    fireEvent.click(complete);
    const task = await row('Sign the delivery note');
    expect(await within(task).findByText('Completed')).toBeTruthy();
    await waitFor(() => expect(within(task).queryByRole('status')).toBeNull());
    expect(within(task).queryByRole('alert')).toBeNull();
    expect(calls(boundary, 'tasks.task.complete')).toBe(1);
  });

  it('the portal’s limit: back as it was, "busy, nothing changed", no second request', async () => {
    const { boundary } = renderTab();
    const menu = await openMenu('Sign the delivery note');
    const complete = await within(menu).findByRole('menuitem', { name: 'Complete' });
    boundary.failNextRoundTrip(
      new BitrixError({
        kind: 'rate-limit',
        code: 'QUERY_LIMIT_EXCEEDED',
        status: 503,
        portalDescription: 'Too many requests',
      }),
    );
    const before = boundary.roundTrips.length;
    fireEvent.click(complete);
    const task = await row('Sign the delivery note');
    const alert = await within(task).findByRole('alert');
    expect(alert.textContent).toContain('The task was not completed');
    expect(alert.textContent).toContain('Bitrix24 is busy right now (its request limit), so nothing was changed.');
    expect(within(task).getByText('Pending')).toBeTruthy();
    expect(boundary.roundTrips.length - before).toBe(1);
  });

  it('a session that ended: back as it was, "nothing was sent, reload"', async () => {
    const { boundary } = renderTab();
    const menu = await openMenu('Sign the delivery note');
    const start = await within(menu).findByRole('menuitem', { name: 'Start' });
    boundary.failNextRoundTrip(
      new BitrixError({ kind: 'auth-expired', code: 'JSSDK_FRAME_REFRESH_AUTH_TIMEOUT', status: 0 }),
    );
    fireEvent.click(start);
    const task = await row('Sign the delivery note');
    const alert = await within(task).findByRole('alert');
    expect(alert.textContent).toContain('The task was not started');
    expect(alert.textContent).toContain('Your Bitrix24 session has ended, so nothing was sent.');
    expect(within(task).getByText('Pending')).toBeTruthy();
  });

  it('an answer lost after the portal did it: the task is read again, not guessed, and shows done', async () => {
    const { boundary, tasks } = renderTab();
    const menu = await openMenu('Sign the delivery note');
    const complete = await within(menu).findByRole('menuitem', { name: 'Complete' });
    boundary.failNextRoundTrip(new BitrixError({ kind: 'network', code: 'NETWORK_ERROR', status: 0 }), {
      afterRunning: true,
    });
    fireEvent.click(complete);
    const task = await row('Sign the delivery note');
    expect(await within(task).findByText('No clear answer from Bitrix24')).toBeTruthy();
    expect(within(task).getByText('The task was read again: it has been completed.')).toBeTruthy();
    expect(within(task).getByText('Completed')).toBeTruthy();
    expect(tasks.tasks[0]!.status).toBe('5');
    expect(calls(boundary, 'tasks.task.get')).toBe(1);
  });

  it('an answer lost before the portal did it: the re-read shows it not done, and the row shows the portal’s state', async () => {
    const { boundary } = renderTab();
    const menu = await openMenu('Sign the delivery note');
    const complete = await within(menu).findByRole('menuitem', { name: 'Complete' });
    boundary.failNextRoundTrip(new BitrixError({ kind: 'timeout', code: 'ETIMEDOUT', status: 0 }));
    fireEvent.click(complete);
    const task = await row('Sign the delivery note');
    expect(await within(task).findByText(/the change is not there/)).toBeTruthy();
    expect(within(task).getByText('Pending')).toBeTruthy();
  });

  it('no answer and no re-read: back as it was, and the message says the state is unknown', async () => {
    const { boundary } = renderTab();
    const menu = await openMenu('Sign the delivery note');
    const complete = await within(menu).findByRole('menuitem', { name: 'Complete' });
    boundary.setHandler('tasks.task.get', () => {
      throw new BitrixError({ kind: 'network', code: 'NETWORK_ERROR', status: 0 });
    });
    boundary.failNextRoundTrip(new BitrixError({ kind: 'network', code: 'NETWORK_ERROR', status: 0 }));
    fireEvent.click(complete);
    const task = await row('Sign the delivery note');
    expect(await within(task).findByText(/could not be read again/)).toBeTruthy();
    expect(within(task).getByText('Pending')).toBeTruthy();
  });

  it('a portal that rejects the value: back as it was, with the portal’s own words', async () => {
    const { boundary } = renderTab();
    boundary.answerNextPicker([{ id: 99, name: 'Ghost', photoUrl: null, position: '' }]);
    boundary.setHandler('tasks.task.update', () => {
      throw new BitrixError({
        kind: 'validation',
        code: 'ERROR_CORE',
        status: 400,
        portalDescription: 'The user specified in the "Responsible" field was not found',
      });
    });
    fireEvent.click(
      within(await openMenu('Sign the delivery note')).getByRole('menuitem', { name: 'Change responsible…' }),
    );
    const task = await row('Sign the delivery note');
    const alert = await within(task).findByRole('alert');
    expect(alert.textContent).toContain('The responsible person was not changed');
    expect(alert.textContent).toContain('The user specified in the "Responsible" field was not found');
    expect(within(task).getByText('Olivia Bennett')).toBeTruthy();
    expect(within(task).queryByText('Ghost')).toBeNull();
  });
});

describe('keyboard and the native look', () => {
  it('Escape closes the menu and gives the focus back to its button', async () => {
    renderTab();
    const task = await row('Sign the delivery note');
    const button = within(task).getByRole('button', { name: 'Actions for “Sign the delivery note”' });
    fireEvent.click(button);
    const first = await within(task).findByRole('menuitem', { name: 'Start' });
    await waitFor(() => expect(document.activeElement).toBe(first));
    fireEvent.keyDown(first, { key: 'ArrowDown' });
    expect(document.activeElement?.textContent).toBe('Complete');
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(within(task).queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(button);
    expect(button.getAttribute('aria-expanded')).toBe('false');
  });

  it('a click on another row’s menu button closes the first menu and opens the other', async () => {
    renderTab();
    await openMenu('Sign the delivery note');
    const other = await row('Request quotes');
    fireEvent.click(within(other).getByRole('button', { name: 'Actions for “Request quotes”' }));
    expect(screen.getAllByRole('menu')).toEqual([within(other).getByRole('menu')]);
  });

  it('a high-priority task is marked, as Bitrix24 marks it; a normal or low one shows no priority', async () => {
    const store = seeded();
    store.tasks.push({
      id: '203',
      title: 'Archive the old manuals',
      status: '2',
      priority: '0',
      responsibleId: '1',
      createdBy: '1',
      deadline: null,
      ufCrmTask: ['Tb1_29'],
    });
    renderTab({ tasks: store });
    expect((await row('Archive the old manuals')).textContent).not.toContain('Priority');
    expect((await row('Sign the delivery note')).textContent).toContain('Priority: High');
    expect((await row('Request quotes')).textContent).not.toContain('Priority');
  });
});
