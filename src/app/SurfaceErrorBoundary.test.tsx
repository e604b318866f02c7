import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeBoundary } from '../testing/fake-boundary';
import { AppProviders } from './AppProviders';
import { FrameFit } from './FrameFit';
import { SurfaceRouter } from './SurfaceRouter';

// A surface with a rendering bug: what the boundary is there for. Only the app's own module is
// replaced; the SDK is not involved.
vi.mock('../surfaces/detail-tab/DetailTabSurface', () => ({
  default: function BrokenSurface(): never {
    throw new Error('a bug in the surface');
  },
}));

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function renderRouter(bitrixLanguage: string) {
  const boundary = createFakeBoundary(
    {},
    { placement: 'CRM_DYNAMIC_177_DETAIL_TAB', placementOptions: { ID: '29' }, bitrixLanguage },
  );
  render(
    <AppProviders boundary={boundary}>
      <FrameFit>
        <SurfaceRouter />
      </FrameFit>
    </AppProviders>,
  );
  return boundary;
}

describe('a surface that throws while rendering', () => {
  it('shows the failure view with Reload instead of a blank frame, and the frame still fits it', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const boundary = renderRouter('en');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Something went wrong on this page');
    expect(screen.getByRole('button', { name: 'Reload' })).toBeTruthy();
    expect(boundary.fittedTo).not.toBeNull();
  });

  it('says so in the portal’s language', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    renderRouter('de');
    expect((await screen.findByRole('alert')).textContent).toContain('Auf dieser Seite ist etwas schiefgelaufen');
  });
});
