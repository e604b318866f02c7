import type { BitrixError } from '../../bitrix';
import { commonMessages, useErrorText, useMessages } from '../../i18n';
import { Button, type RetryProps } from '../../ui';

/**
 * A part of the tab that could not be read while the rest did (funnel, stages): it says so where
 * the part would be, why, and offers "Try again" when asking again can help (a passing failure).
 */
export function PartFailed({ message, error, retry }: { message: string; error: BitrixError; retry: RetryProps }) {
  const common = useMessages(commonMessages);
  const errorText = useErrorText();
  return (
    <span className="dt-part-failed" role="status">
      <span className="st-muted" title={errorText(error)}>
        {message}
      </span>
      {/* The reason, for screen readers too (sighted users see it on hover). */}
      <span className="st-visually-hidden"> {errorText(error)}</span>
      {error.isTransient && (
        <Button variant="link" size="small" busy={retry.retrying} onClick={retry.onRetry}>
          {common.retry}
        </Button>
      )}
    </span>
  );
}
