import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BitrixError } from '../../bitrix/errors';
import type { TaskDraft } from '../../domain/task-draft';
import { CreateFailedError } from '../../features/create-linked-task/create-linked-task';
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
    expect((screen.getByLabelText('Deadline') as HTMLInputElement).value).toBe('2099-01-05T18:00');
    fireEvent.change(screen.getByLabelText('Deadline'), { target: { value: '2099-03-14T16:30' } });
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
    const inAnHour = new Date(Date.now() + 3_600_000).toISOString().slice(0, 16);
    fireEvent.change(screen.getByLabelText('Deadline'), { target: { value: inAnHour } });
    fireEvent.click(screen.getByRole('button', { name: 'Create task' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByText('The deadline is in the past.')).toBeTruthy();
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
