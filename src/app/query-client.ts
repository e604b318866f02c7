import { QueryClient } from '@tanstack/react-query';
import { isBitrixError } from '../bitrix';
import { READ_RETRIES } from '../queries/read-retries';

/**
 * Server state lives here. Reads retry transient failures with back-off (the SDK itself makes
 * one attempt, see src/bitrix/frame.ts); writes (mutations) never retry on their own.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (failureCount, error) => isBitrixError(error) && error.isTransient && failureCount < READ_RETRIES,
        retryDelay: (attempt, error) => (isBitrixError(error) && error.kind === 'rate-limit' ? 2_000 : 1_000) * 2 ** attempt,
        refetchOnWindowFocus: false,
        staleTime: 30_000,
      },
      mutations: { retry: false },
    },
  });
}
