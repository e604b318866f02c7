import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { BitrixProvider, type BitrixBoundary } from '../bitrix';
import { I18nProvider } from '../i18n';
import { createQueryClient } from './query-client';

/**
 * Everything a surface needs from above: server state, the Bitrix24 boundary and the
 * language. Tests render surfaces inside this with a fake boundary.
 */
export function AppProviders({
  boundary,
  queryClient,
  timeZone,
  children,
}: {
  boundary: BitrixBoundary;
  queryClient?: QueryClient;
  timeZone?: string | null;
  children: ReactNode;
}) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  return (
    <QueryClientProvider client={client}>
      <BitrixProvider boundary={boundary}>
        <I18nProvider bitrixLanguage={boundary.session.bitrixLanguage} timeZone={timeZone}>
          {children}
        </I18nProvider>
      </BitrixProvider>
    </QueryClientProvider>
  );
}
