/**
 * An edited customize form is never thrown away: when the click finds that an EARLIER click's
 * task exists, the form stays with the user's edits and says that they were not sent.
 */
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import { createFakeBoundary, portalError } from '../../testing/fake-boundary';
import { renderSurface } from '../../testing/render-surface';
import { fakeCrm, fakeCrmHandlers } from '../../testing/fake-crm';
import { fakeTaskHandlers, fakeTaskStore } from '../../testing/fake-tasks';
import { DetailTab } from './DetailTab';

afterEach(() => {
  cleanup();
  sessionStorage.clear();
});

it('keeps the edited form when an earlier click’s task turns up, and says the edit was not sent', async () => {
  const tasks = fakeTaskStore();
  const boundary = createFakeBoundary({ ...fakeCrmHandlers(fakeCrm()), ...fakeTaskHandlers(tasks) });
  renderSurface(<DetailTab entityTypeId={177} itemId={29} />, { boundary });
  fireEvent.click(await screen.findByRole('button', { name: 'Customize…' }));
  const form = screen.getByRole('form', { name: 'New task' });
  fireEvent.change(within(form).getByLabelText('Title'), { target: { value: 'First version' } });

  // The portal creates it, the answer is lost, and the portal cannot be searched just now.
  boundary.failNextRoundTrip(portalError('network', 'NETWORK_ERROR', 0), { afterRunning: true });
  boundary.setHandler('tasks.task.list', () => {
    throw portalError('access-denied', 'ACCESS_DENIED', 403);
  });
  fireEvent.click(within(form).getByRole('button', { name: 'Create task' }));
  expect(await screen.findByText('Not sure the task was created')).toBeTruthy();

  boundary.setHandler('tasks.task.list', fakeTaskHandlers(tasks)['tasks.task.list']!);
  fireEvent.change(within(form).getByLabelText('Title'), { target: { value: 'Second version' } });
  fireEvent.click(within(form).getByRole('button', { name: 'Create task' }));

  const outcome = await screen.findByText(/Your earlier click did create “First version”/);
  expect(outcome.textContent).toContain('Your changes in the form were not sent');
  const kept = screen.getByRole('form', { name: 'New task' });
  expect((within(kept).getByLabelText('Title') as HTMLInputElement).value).toBe('Second version');
  expect(tasks.tasks.map((task) => task.title)).toEqual(['First version']);
});
