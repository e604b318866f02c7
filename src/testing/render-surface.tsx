import { render, type RenderResult } from '@testing-library/react';
import type { QueryClient } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { AppProviders } from '../app/AppProviders';
import { createQueryClient } from '../app/query-client';
import type { BitrixBoundary } from '../bitrix';

/**
 * The app's own query client for a test: the same retry rule, freshness and mutation policy as
 * the app (src/app/query-client.ts), without the back-off waits, so a transient failure is asked
 * again at once, as the app would after its pause.
 */
export function createTestQueryClient(): QueryClient {
  return createQueryClient({ retryDelayMs: () => 0 });
}

/**
 * Renders a surface (or any part of one) inside the app's providers, as the frame does: the
 * given boundary (usually `createFakeBoundary`), the app's query client (`createTestQueryClient`
 * unless one is given, e.g. to prime or inspect its cache) and the portal's language and, when
 * given, the user's Bitrix24 time zone.
 */
export function renderSurface(
  ui: ReactElement,
  {
    boundary,
    queryClient = createTestQueryClient(),
    timeZone,
  }: { boundary: BitrixBoundary; queryClient?: QueryClient; timeZone?: string | null },
): RenderResult & { queryClient: QueryClient } {
  return {
    ...render(
      <AppProviders boundary={boundary} queryClient={queryClient} timeZone={timeZone}>
        {ui}
      </AppProviders>,
    ),
    queryClient,
  };
}
