import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useErrorText } from '../i18n';
import { RetryAlert } from './RetryAlert';

export interface RetryProps {
  onRetry: () => void;
  retrying: boolean;
}

/**
 * A surface around its first read, in the states every surface has: skeleton shapes while the
 * read is on its way (announced as busy), the failure with "Try again", else the content. The
 * surface's layout classes stay on every state, so the frame does not jump between them.
 */
export function QueryView<T>({
  query,
  className,
  loadingLabel,
  skeleton,
  failure,
  children,
}: {
  query: UseQueryResult<T>;
  className: string;
  loadingLabel: string;
  skeleton: ReactNode;
  /** The failure's title (the error's own words follow), or a view of its own. */
  failure: string | ((error: Error, retry: RetryProps) => ReactNode);
  children: (data: T) => ReactNode;
}) {
  const errorText = useErrorText();
  if (query.isPending) {
    return (
      <div className={className} role="status" aria-busy="true" aria-label={loadingLabel}>
        {skeleton}
      </div>
    );
  }
  if (query.isError) {
    const retry: RetryProps = { onRetry: () => void query.refetch(), retrying: query.isFetching };
    return (
      <div className={className}>
        {typeof failure === 'string' ? (
          <RetryAlert title={failure} error={query.error} {...retry}>
            {errorText(query.error)}
          </RetryAlert>
        ) : (
          failure(query.error, retry)
        )}
      </div>
    );
  }
  return <>{children(query.data)}</>;
}
