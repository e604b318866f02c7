import { useErrorText, useMessages } from '../../i18n';
import { RetryAlert, type RetryProps } from '../../ui';
import { LinkedItemError } from './load-linked-item';
import { linkedTaskMessages } from './messages';

/**
 * Why the item cannot be shown, in words. "Try again" only where asking again can help: an item
 * that is gone or closed to this user answers the same every time.
 */
export function LinkedItemFailure({ error, onRetry, retrying }: { error: Error } & RetryProps) {
  const text = useMessages(linkedTaskMessages);
  const errorText = useErrorText();
  const problem = error instanceof LinkedItemError ? error.problem : 'failed';

  const [title, body] =
    problem === 'item-missing'
      ? [text.itemMissingTitle, text.itemMissingText]
      : problem === 'smart-process-missing'
        ? [text.smartProcessMissingTitle, text.smartProcessMissingText]
        : problem === 'no-access'
          ? [text.noAccessTitle, text.noAccessText]
          : [text.loadFailedTitle, errorText(error instanceof LinkedItemError ? error.reason : error)];

  return (
    <RetryAlert
      tone={problem === 'failed' ? 'danger' : 'warning'}
      title={title}
      onRetry={onRetry}
      retrying={retrying}
      error={error instanceof LinkedItemError ? error.reason : error}
    >
      {body}
    </RetryAlert>
  );
}
