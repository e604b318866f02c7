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
    expect(await screen.findByRole('heading', { name: 'Stage playbooks: Equipment Purchase' })).toBeTruthy();
    expect(screen.getByText('No playbook yet')).toBeTruthy();
  });
});
