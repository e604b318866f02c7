/** Quick-create offers the item's stage templates as one-click choices beside the free-form task. */
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { PlaybookDocument } from '../../domain/playbooks/playbook';
import { createFakeBoundary } from '../../testing/fake-boundary';
import { fakeCrm, fakeCrmHandlers, fakeItemListByStage } from '../../testing/fake-crm';
import { fakeTaskHandlers, fakeTaskStore } from '../../testing/fake-tasks';
import { playbookDocument, playbookTemplate } from '../../testing/fixtures';
import { renderSurface } from '../../testing/render-surface';
import { QuickCreate } from './QuickCreate';

const template = (key: string, title: string) =>
  playbookTemplate(key, {
    title,
    deadline: { unit: 'hours', amount: 4 },
    priority: 'high',
    checklist: ['Call the supplier'],
  });

const document = playbookDocument([
  { stageId: 'DT177_7:CLIENT', templates: [template('budget', 'Check the budget ({stage})')] },
  { stageId: '*', templates: [template('call', 'Call {responsible}')] },
]);

function renderPanel(stored: PlaybookDocument | null = document, crm = fakeCrm()) {
  const tasks = fakeTaskStore();
  const boundary = createFakeBoundary(
    {
      ...fakeCrmHandlers(crm),
      ...fakeTaskHandlers(tasks),
      'app.option.get': ({ option }) => (option === 'playbook_177' && stored ? JSON.stringify(stored) : null),
      'crm.item.list': fakeItemListByStage(crm),
    },
    { placement: 'CRM_DYNAMIC_177_DETAIL_TOOLBAR', placementOptions: { ENTITY_ID: '29' } },
  );
  renderSurface(<QuickCreate entityTypeId={177} itemId={29} activityId={null} />, { boundary });
  return { boundary, tasks, crm };
}

afterEach(() => {
  cleanup();
  sessionStorage.clear();
  localStorage.clear();
});

describe('quick-create: the stage playbook’s choices', () => {
  it('offers the stage’s and any-stage templates; one click creates exactly that template’s task, once', async () => {
    const { boundary, tasks } = renderPanel();
    const choices = await screen.findByRole('region', { name: 'From the stage playbook' });
    expect(within(choices).getByText('Check the budget (Approval)')).toBeTruthy();
    expect(within(choices).getByText('Call Maxim Orlov')).toBeTruthy();
    const create = within(choices).getByRole('button', { name: 'Create “Check the budget (Approval)”' });
    await waitFor(() => expect(create).toHaveProperty('disabled', false));
    const before = boundary.roundTrips.length;
    fireEvent.click(create, { detail: 1 });
    fireEvent.click(create, { detail: 2 });
    await within(choices).findByRole('link', { name: 'Open task “Check the budget (Approval)”' });
    expect(boundary.roundTrips.length - before).toBe(1);
    expect(tasks.tasks).toHaveLength(1);
    expect(tasks.tasks[0]).toMatchObject({
      xmlId: 'smart-tasks:template:budget',
      priority: '2',
      ufCrmTask: ['Tb1_29'],
    });
    expect(tasks.checklists.get(tasks.tasks[0]!.id)?.map((line) => line.title)).toEqual(['Call the supplier']);
    // The other template is still offered; the free-form task is still there.
    expect(within(choices).getByRole('button', { name: 'Create “Call Maxim Orlov”' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Create task' })).toBeTruthy();
  });

  it('creates nothing for a stage the item has left, says so, and offers the new stage’s templates', async () => {
    const { tasks, crm } = renderPanel();
    const choices = await screen.findByRole('region', { name: 'From the stage playbook' });
    const create = within(choices).getByRole('button', { name: 'Create “Check the budget (Approval)”' });
    await waitFor(() => expect(create).toHaveProperty('disabled', false));
    crm.items[0]!.stageId = 'DT177_7:SUCCESS';
    fireEvent.click(create, { detail: 1 });
    expect(await screen.findByText(/It moved from “Approval” to “Delivered” after this card was loaded/)).toBeTruthy();
    expect(tasks.tasks).toHaveLength(0);
    await waitFor(() => expect(screen.queryByText('Check the budget (Approval)')).toBeNull());
    expect(screen.getByRole('button', { name: 'Create “Call Maxim Orlov”' })).toBeTruthy();
  });

  it('offers nothing when no playbook is set up', async () => {
    renderPanel(null);
    await screen.findByRole('button', { name: 'Create task' });
    expect(screen.queryByRole('region', { name: 'From the stage playbook' })).toBeNull();
  });
});
