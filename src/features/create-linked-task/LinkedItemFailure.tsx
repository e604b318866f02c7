import { useErrorText, useMessages } from '../../i18n';
import { RetryAlert, type RetryProps } from '../../ui';
import { LinkedItemError } from './load-linked-item';
import { linkedTaskMessages } from './messages';

/** Why the item cannot be shown, in words, with a way to try again. */
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
    <RetryAlert tone={problem === 'failed' ? 'danger' : 'warning'} title={title} onRetry={onRetry} retrying={retrying}>
      {body}
    </RetryAlert>
  );
}
