import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BitrixError } from '../../bitrix/errors';
import type { TaskDraft } from '../../domain/task-draft';
import { CreateFailedError } from '../../features/create-linked-task/create-linked-task';
import { dateTimeInputFormat } from '../../i18n';
import { createFakeBoundary, type FakeBoundary } from '../../testing/fake-boundary';
import { renderSurface } from '../../testing/render-surface';
import { CustomizeTaskForm } from './CustomizeTaskForm';

const initial: TaskDraft = {
  title: 'Equipment Purchase: Washing Machine',
  description: 'Task for it.',
  responsibleId: 2,
  participantIds: [],
  deadline: new Date(2099, 0, 5, 18),
  priority: 'medium',
};
const users = new Map([[2, { id: 2, name: 'Maxim Orlov', photoUrl: null, position: '' }]]);

function renderForm(boundary: FakeBoundary, submitError: Error | null = null) {
  const onSubmit = vi.fn<(draft: TaskDraft) => void>();
  renderSurface(
    <CustomizeTaskForm
      initial={initial}
      users={users}
      busy={false}
      submitError={submitError}
      onSubmit={onSubmit}
      onCancel={() => undefined}
    />,
    { boundary },
  );
  return onSubmit;
}

afterEach(cleanup);

describe('the customize form', () => {
  it('takes people from the portal’s picker and sends the whole draft', async () => {
    const boundary = createFakeBoundary();
    const onSubmit = renderForm(boundary);
    boundary.answerNextPicker([{ id: 3, name: 'Sophie Wagner', photoUrl: null, position: '' }]);
    fireEvent.click(screen.getByRole('button', { name: 'Choose responsible person' }));
    expect(await screen.findByText('Sophie Wagner')).toBeTruthy();
    boundary.answerNextPicker([
      { id: 5, name: 'Elena Petrova', photoUrl: null, position: '' },
      { id: 8, name: 'Tomasz Nowak', photoUrl: null, position: '' },
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Add participants' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Remove Tomasz Nowak' }));
    fireEvent.change(screen.getByLabelText('Priority'), { target: { value: 'high' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create task' }));
    expect(onSubmit).toHaveBeenCalledWith(
      expect.objectContaining({ title: initial.title, responsibleId: 3, participantIds: [5], priority: 'high' }),
    );
  });

  it('never waits for a picker that was closed without a choice', () => {
    const boundary = createFakeBoundary();
    const onSubmit = renderForm(boundary);
    boundary.answerNextPicker(null);
    fireEvent.click(screen.getByRole('button', { name: 'Choose responsible person' }));
    fireEvent.click(screen.getByRole('button', { name: 'Create task' }));
    expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining({ responsibleId: 2 }));
  });

  it('puts mistakes next to their fields and sends nothing', () => {
    const onSubmit = renderForm(createFakeBoundary());
    fireEvent.change(screen.getByLabelText('Title'), { target: { value: ' ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create task' }));
    const title = screen.getByLabelText('Title');
    expect(title.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(title.getAttribute('aria-describedby')!)?.textContent).toBe('Enter a title.');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('reads and shows the deadline on the clock of the user’s Bitrix24 zone, not the computer’s', () => {
    const onSubmit = vi.fn<(draft: TaskDraft) => void>();
    const boundary = createFakeBoundary();
    renderSurface(
      <CustomizeTaskForm
        initial={{ ...initial, deadline: new Date('2099-01-05T08:00:00Z') }}
        users={users}
        busy={false}
        submitError={null}
        onSubmit={onSubmit}
        onCancel={() => undefined}
      />,
      { boundary, timeZone: 'Asia/Vladivostok' },
    );
    // 08:00 UTC is 18:00 in Vladivostok (UTC+10), whatever zone the computer is set to.
    expect((screen.getByLabelText('Deadline') as HTMLInputElement).value).toBe('01/05/2099, 06:00 PM');
    fireEvent.change(screen.getByLabelText('Deadline'), { target: { value: '03/14/2099, 04:30 PM' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create task' }));
    expect(onSubmit.mock.calls[0]![0].deadline?.toISOString()).toBe('2099-03-14T06:30:00.000Z');
  });

  it('judges "in the past" by the portal’s clock: a computer clock a day behind does not let yesterday through', () => {
    const onSubmit = vi.fn<(draft: TaskDraft) => void>();
    const boundary = createFakeBoundary();
    boundary.setPortalClockSkew(24 * 3_600_000);
    renderSurface(
      <CustomizeTaskForm
        initial={initial}
        users={users}
        busy={false}
        submitError={null}
        onSubmit={onSubmit}
        onCancel={() => undefined}
      />,
      { boundary, timeZone: 'UTC' },
    );
    // One hour from now by the computer is 23 hours ago by the portal.
    const inAnHour = dateTimeInputFormat('en').format(new Date(Date.now() + 3_600_000).toISOString().slice(0, 16));
    fireEvent.change(screen.getByLabelText('Deadline'), { target: { value: inAnHour } });
    fireEvent.click(screen.getByRole('button', { name: 'Create task' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByText('The deadline is in the past.')).toBeTruthy();
  });

  describe('takes the deadline in the portal language’s format (issue 9.8)', () => {
    const renderIn = (language: string) => {
      const onSubmit = vi.fn<(draft: TaskDraft) => void>();
      renderSurface(
        <CustomizeTaskForm
          initial={{ ...initial, deadline: new Date('2026-12-03T15:00:00Z') }}
          users={users}
          busy={false}
          submitError={null}
          onSubmit={onSubmit}
          onCancel={() => undefined}
        />,
        // The user's Bitrix24 zone is Berlin (UTC+1 in December), whatever the computer's.
        { boundary: createFakeBoundary({}, { bitrixLanguage: language }), timeZone: 'Europe/Berlin' },
      );
      return onSubmit;
    };
    const deadlineField = () => screen.getByRole('textbox', { name: /Frist|Крайний срок|Deadline/ });
    const submit = () =>
      fireEvent.click(screen.getByRole('button', { name: /Aufgabe erstellen|Создать задачу|Create task/ }));

    it.each([
      ['de', '03.12.2026, 16:00', 'TT.MM.JJJJ, hh:mm'],
      ['ru', '03.12.2026, 16:00', 'ДД.ММ.ГГГГ, чч:мм'],
    ])('a %s user sees %s, types “02.12.2026 18:00” and gets 18:00 in their zone', (language, shown, pattern) => {
      const onSubmit = renderIn(language);
      const field = deadlineField() as HTMLInputElement;
      expect(field.value).toBe(shown);
      expect(field.type).toBe('text');
      expect(document.getElementById(field.getAttribute('aria-describedby')!)?.textContent).toBe(pattern);
      fireEvent.change(field, { target: { value: '02.12.2026 18:00' } });
      fireEvent.blur(field);
      expect(field.value).toBe('02.12.2026, 18:00');
      submit();
      expect(onSubmit.mock.calls[0]![0].deadline?.toISOString()).toBe('2026-12-02T17:00:00.000Z');
    });

    it('an English user sees and types their own format', () => {
      const onSubmit = renderIn('en');
      const field = deadlineField() as HTMLInputElement;
      expect(field.value).toBe('12/03/2026, 04:00 PM');
      fireEvent.change(field, { target: { value: '12/02/2026 6:00 PM' } });
      submit();
      expect(onSubmit.mock.calls[0]![0].deadline?.toISOString()).toBe('2026-12-02T17:00:00.000Z');
    });

    it('a wrong entry says so, in the user’s language and format, and sends nothing', () => {
      const onSubmit = renderIn('de');
      const field = deadlineField();
      fireEvent.change(field, { target: { value: '31.02.2026 18:00' } });
      submit();
      expect(onSubmit).not.toHaveBeenCalled();
      expect(field.getAttribute('aria-invalid')).toBe('true');
      expect(screen.getByText('Bitte Datum und Uhrzeit im Format TT.MM.JJJJ, hh:mm eingeben.')).toBeTruthy();
      expect(document.activeElement).toBe(field);
    });
  });

  it('shows the portal’s validation error beside the field it is about', () => {
    const error = new CreateFailedError(
      new BitrixError({
        kind: 'validation',
        code: 'ERROR_CORE',
        status: 400,
        portalDescription: 'Task title is not specified',
      }),
    );
    renderForm(createFakeBoundary(), error);
    const title = screen.getByLabelText('Title');
    expect(document.getElementById(title.getAttribute('aria-describedby')!)?.textContent).toBe(
      'Task title is not specified',
    );
    expect(within(screen.getByRole('form')).getAllByRole('button').length).toBeGreaterThan(0);
  });
});
