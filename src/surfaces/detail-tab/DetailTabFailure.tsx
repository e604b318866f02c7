import { isBitrixError } from '../../bitrix';
import { commonMessages, errorMessages, useMessages } from '../../i18n';
import { Alert, Button } from '../../ui';
import { DetailTabError } from './load-detail-tab';
import { detailTabMessages } from './messages';

/** Why the item cannot be shown, in words, with a way to try again. */
export function DetailTabFailure({ error, onRetry, retrying }: { error: Error; onRetry: () => void; retrying: boolean }) {
  const text = useMessages(detailTabMessages);
  const common = useMessages(commonMessages);
  const errors = useMessages(errorMessages);
  const problem = error instanceof DetailTabError ? error.problem : 'failed';
  const reason = error instanceof DetailTabError ? error.reason : isBitrixError(error) ? error : null;

  const [title, body] =
    problem === 'item-missing'
      ? [text.itemMissingTitle, text.itemMissingText]
      : problem === 'smart-process-missing'
        ? [text.smartProcessMissingTitle, text.smartProcessMissingText]
        : problem === 'no-access'
          ? [text.noAccessTitle, text.noAccessText]
          : [text.loadFailedTitle, reason ? errors[reason.messageKey] : errors.unknown];

  return (
    <div className="dt">
      <Alert
        tone={problem === 'failed' ? 'danger' : 'warning'}
        title={title}
        actions={
          <Button variant="secondary" onClick={onRetry} busy={retrying}>
            {common.retry}
          </Button>
        }
      >
        {body}
      </Alert>
    </div>
  );
}
