import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeBoundary } from '../testing/fake-boundary';
import { renderSurface } from '../testing/render-surface';
import { FrameFit } from './FrameFit';
import { SurfaceRouter } from './SurfaceRouter';

function renderRouter(placement: string, placementOptions: unknown, bitrixLanguage = 'en') {
  const boundary = createFakeBoundary({}, { placement, placementOptions, bitrixLanguage });
  renderSurface(
    <FrameFit>
      <SurfaceRouter />
    </FrameFit>,
    { boundary },
  );
  return boundary;
}

afterEach(cleanup);

describe('the surface router', () => {
  it('explains an unknown placement instead of showing a blank frame', () => {
    renderRouter('CRM_DEAL_DETAIL_TAB', { ID: '5' });
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Smart Tasks does not know this place');
    expect(alert.textContent).toContain('CRM_DEAL_DETAIL_TAB');
  });

  it('explains options it cannot read', () => {
    renderRouter('CRM_DYNAMIC_177_DETAIL_TAB', '{"ID":');
    expect(screen.getByRole('alert').textContent).toContain('Bitrix24 sent data Smart Tasks cannot read');
  });

  it('explains a missing item id, in the portal’s language', () => {
    renderRouter('CRM_DYNAMIC_177_DETAIL_TAB', { URI: '/crm/' }, 'de');
    expect(screen.getByRole('alert').textContent).toContain('Welches Element ist das?');
  });

  it('loads the surface the manifest names for the placement', async () => {
    const boundary = renderRouter('CRM_DYNAMIC_177_DETAIL_TAB', { ID: '29' });
    // The detail tab's skeleton: its chunk loaded and it asked for its data.
    expect(await screen.findByRole('status', { name: 'Loading the item and its tasks' })).toBeTruthy();
    expect(boundary.fittedTo).not.toBeNull();
  });
});
