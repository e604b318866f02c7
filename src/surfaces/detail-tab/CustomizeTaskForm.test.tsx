import { QueryClient } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppProviders } from '../../app/AppProviders';
import { BitrixError } from '../../bitrix/errors';
import type { TaskDraft } from '../../domain/task-draft';
import { CreateFailedError } from '../../queries/create-linked-task';
import { createFakeBoundary, type FakeBoundary } from '../../testing/fake-boundary';
import { CustomizeTaskForm } from './CustomizeTaskForm';

const initial: TaskDraft = { title: 'Equipment Purchase: Washing Machine', description: 'Task for it.', responsibleId: 2, participantIds: [], deadline: new Date(2099, 0, 5, 18), priority: 'medium' };
const users = new Map([[2, { id: 2, name: 'Maxim Orlov', photoUrl: null, position: '' }]]);

function renderForm(boundary: FakeBoundary, submitError: Error | null = null) {
  const onSubmit = vi.fn<(draft: TaskDraft) => void>();
  render(
    <AppProviders boundary={boundary} queryClient={new QueryClient()}>
      <CustomizeTaskForm initial={initial} users={users} busy={false} submitError={submitError} onSubmit={onSubmit} onCancel={() => undefined} />
    </AppProviders>,
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
    expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining({ title: initial.title, responsibleId: 3, participantIds: [5], priority: 'high' }));
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

  it('shows the portal’s validation error beside the field it is about', () => {
    const error = new CreateFailedError(new BitrixError({ kind: 'validation', code: 'ERROR_CORE', status: 400, portalDescription: 'Task title is not specified' }));
    renderForm(createFakeBoundary(), error);
    const title = screen.getByLabelText('Title');
    expect(document.getElementById(title.getAttribute('aria-describedby')!)?.textContent).toBe('Task title is not specified');
    expect(within(screen.getByRole('form')).getAllByRole('button').length).toBeGreaterThan(0);
  });
});
