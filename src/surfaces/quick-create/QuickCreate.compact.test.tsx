/**
 * Issue 9.4: the quick-create panel lets the user change the responsible and the deadline, has
 * a way to the full form (the item's Tasks tab), and mentions the item's open linked tasks so a
 * twin is not made by accident.
 */
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeBoundary, type FakeBoundary } from '../../testing/fake-boundary';
import { renderSurface } from '../../testing/render-surface';
import { fakeCrm, fakeCrmHandlers } from '../../testing/fake-crm';
import { fakeTaskHandlers, fakeTaskStore, type FakeTaskStore } from '../../testing/fake-tasks';
import { QuickCreate } from './QuickCreate';

const DEFAULT_TITLE = 'Equipment Purchase: Washing Machine';

function renderPanel(
  options: { tasks?: FakeTaskStore; language?: string; before?: (boundary: FakeBoundary) => void } = {},
) {
  const tasks = options.tasks ?? fakeTaskStore();
  const boundary = createFakeBoundary(
    { ...fakeCrmHandlers(fakeCrm()), ...fakeTaskHandlers(tasks) },
    {
      placement: 'CRM_DYNAMIC_177_DETAIL_TOOLBAR',
      placementOptions: { ENTITY_ID: '29' },
      bitrixLanguage: options.language ?? 'en',
    },
  );
  options.before?.(boundary);
  renderSurface(<QuickCreate entityTypeId={177} itemId={29} activityId={null} />, { boundary });
  return { boundary, tasks };
}

afterEach(() => {
  cleanup();
  sessionStorage.clear();
});

describe('the quick-create panel, compact but complete', () => {
  it('changes the responsible and the deadline before creating', async () => {
    const { boundary, tasks } = renderPanel();
    await screen.findByRole('heading', { level: 1 });
    boundary.answerNextPicker([{ id: 4, name: 'Daniel Park', photoUrl: null, position: '' }]);
    fireEvent.click(screen.getByRole('button', { name: 'Change the responsible person' }));
    expect(await screen.findByText('Daniel Park')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Deadline'), { target: { value: '03/14/2099, 04:30 PM' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create task' }));
    expect(await screen.findByText('Task created')).toBeTruthy();
    expect(tasks.tasks).toHaveLength(1);
    expect(tasks.tasks[0]).toMatchObject({ responsibleId: '4' });
    // 16:30 in the user's Bitrix24 zone (the portal's, +03:00: the profile names none), whatever the computer's zone.
    expect(tasks.tasks[0]!.deadline).toBe('2099-03-14T16:30:00+03:00');
  });

  it('takes the deadline as a German user writes it, and a wrong one sends nothing (issue 9.8)', async () => {
    const { tasks } = renderPanel({ language: 'de' });
    await screen.findByRole('heading', { level: 1 });
    const field = screen.getByLabelText('Frist') as HTMLInputElement;
    expect(field.type).toBe('text');
    expect(field.value).toMatch(/^\d{2}\.\d{2}\.\d{4}, 18:00$/);
    fireEvent.change(field, { target: { value: '32.12.2099 18:00' } });
    fireEvent.click(screen.getByRole('button', { name: 'Aufgabe erstellen' }));
    expect(await screen.findByText('Bitte Datum und Uhrzeit im Format TT.MM.JJJJ, hh:mm eingeben.')).toBeTruthy();
    expect(tasks.tasks).toHaveLength(0);

    fireEvent.change(field, { target: { value: '02.12.2099 18:00' } });
    fireEvent.click(screen.getByRole('button', { name: 'Aufgabe erstellen' }));
    expect(await screen.findByText('Aufgabe erstellt')).toBeTruthy();
    // 18:00 in the user's Bitrix24 zone (the portal's, +03:00).
    expect(tasks.tasks[0]!.deadline).toBe('2099-12-02T18:00:00+03:00');
  });

  it('offers the full form: "More options…" opens the item’s card on the Tasks tab', async () => {
    const { boundary } = renderPanel();
    await screen.findByRole('heading', { level: 1 });
    fireEvent.click(screen.getByRole('button', { name: 'More options…' }));
    expect(boundary.openedPaths).toEqual(['/crm/type/177/details/29/?active_tab=CRM_DYNAMIC_177_DETAIL_TAB']);
  });

  it('mentions the item’s open tasks (how many, the newest) and asks before making a twin', async () => {
    const store = fakeTaskStore();
    store.tasks.push(
      {
        id: '101',
        title: 'Request quotes',
        status: '5',
        responsibleId: '2',
        createdBy: '2',
        closedDate: '2026-11-03T16:20:00+03:00',
        deadline: null,
        ufCrmTask: ['Tb1_29'],
      },
      {
        id: '102',
        title: 'Check the installation site',
        status: '3',
        responsibleId: '2',
        createdBy: '2',
        createdDate: '2026-11-01T10:00:00+03:00',
        deadline: null,
        ufCrmTask: ['Tb1_29'],
      },
      {
        id: '103',
        title: DEFAULT_TITLE,
        status: '2',
        responsibleId: '2',
        createdBy: '2',
        createdDate: '2026-11-02T10:00:00+03:00',
        deadline: null,
        ufCrmTask: ['Tb1_29'],
      },
    );
    const { boundary, tasks } = renderPanel({ tasks: store });
    expect(
      await screen.findByText(`This item already has 2 open tasks; the newest is “${DEFAULT_TITLE}”.`),
    ).toBeTruthy();
    // Everything the panel shows came in its one batch.
    expect(boundary.roundTrips).toHaveLength(1);

    fireEvent.click(screen.getByRole('button', { name: 'Create task' }));
    const warning = await screen.findByText('This task is already open for this item');
    expect(tasks.tasks).toHaveLength(3);
    fireEvent.click(
      within(warning.closest('[role="alert"]') as HTMLElement).getByRole('button', { name: 'Create a second task' }),
    );
    expect(await screen.findByText('Task created')).toBeTruthy();
    expect(tasks.tasks).toHaveLength(4);
  });
});
