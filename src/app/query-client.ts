import { QueryClient } from '@tanstack/react-query';
import { isBitrixError } from '../bitrix';
import { READ_RETRIES } from '../queries/read-retries';

/** Back-off before a read is asked again: 1 s, 2 s; twice that after the portal's rate limit. */
function defaultRetryDelayMs(attempt: number, error: unknown): number {
  return (isBitrixError(error) && error.kind === 'rate-limit' ? 2_000 : 1_000) * 2 ** attempt;
}

/**
 * Server state lives here. Reads retry transient failures with back-off (the SDK itself makes
 * one attempt, see src/bitrix/frame.ts); writes (mutations) never retry on their own.
 */
export function createQueryClient(
  options: { retryDelayMs?: (attempt: number, error: unknown) => number } = {},
): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (failureCount, error) => isBitrixError(error) && error.isTransient && failureCount < READ_RETRIES,
        // Tests keep the retry rule and drop only the wait (src/testing/render-surface.tsx).
        retryDelay: options.retryDelayMs ?? defaultRetryDelayMs,
        refetchOnWindowFocus: false,
        staleTime: 30_000,
      },
      mutations: { retry: false },
    },
  });
}
