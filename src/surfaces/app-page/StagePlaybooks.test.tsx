import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeBoundary } from '../../testing/fake-boundary';
import { fakeCrm, fakeCrmHandlers } from '../../testing/fake-crm';
import { renderSurface } from '../../testing/render-surface';
import { StagePlaybooks } from './StagePlaybooks';

afterEach(cleanup);

describe('StagePlaybooks (app page)', () => {
  it('reads nothing until the admin chooses a smart process, then opens its playbook editor', async () => {
    const boundary = createFakeBoundary(
      { ...fakeCrmHandlers(fakeCrm()), 'app.option.get': () => null as never },
      { isAdmin: true, placement: 'DEFAULT', placementOptions: {} },
    );
    renderSurface(
      <StagePlaybooks
        smartProcesses={[
          { entityTypeId: 177, title: 'Equipment Purchase' },
          { entityTypeId: 156, title: 'Purchase' },
        ]}
      />,
      { boundary },
    );
    expect(screen.getByRole('heading', { name: 'Stage playbooks' })).toBeTruthy();
    expect(boundary.roundTrips).toEqual([]);
    fireEvent.change(screen.getByLabelText('Smart process'), { target: { value: '177' } });
    expect(await screen.findByRole('heading', { name: 'Equipment Purchase' })).toBeTruthy();
    expect(screen.getByText('No playbook yet')).toBeTruthy();
  });

  it('asks before switching away from unsaved changes', async () => {
    const boundary = createFakeBoundary(
      { ...fakeCrmHandlers(fakeCrm()), 'app.option.get': () => null as never },
      { isAdmin: true, placement: 'DEFAULT', placementOptions: {} },
    );
    renderSurface(<StagePlaybooks smartProcesses={[{ entityTypeId: 177, title: 'Equipment Purchase' }]} />, {
      boundary,
    });
    const picker = screen.getByLabelText('Smart process');
    fireEvent.change(picker, { target: { value: '177' } });
    fireEvent.click(await screen.findByRole('button', { name: 'Use the suggestion' }));
    fireEvent.change(picker, { target: { value: '' } });
    expect(screen.getByText('This playbook has unsaved changes. Switching drops them.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Stay and save' }));
    expect(screen.getByRole('heading', { name: 'Equipment Purchase' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Save' })).toBeTruthy();
    fireEvent.change(picker, { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Switch and drop them' }));
    expect(screen.queryByRole('heading', { name: 'Equipment Purchase' })).toBeNull();
  });
});
