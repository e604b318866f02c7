import type { BulkProgress } from '../../domain/bulk/bulk-runner';
import { useI18n, useMessages } from '../../i18n';
import { Button } from '../../ui';
import { bulkMessages } from './messages';

/** Done, failed, remaining and time left, with a Pause that stops after the current step (the run resumes from there). */
export function RunProgressView({
  progress,
  playbook = false,
  cancelling = false,
  onCancel,
}: {
  progress: BulkProgress;
  /** A playbook run: tasks are counted apart from the items (an item may get several). */
  playbook?: boolean;
  cancelling?: boolean;
  onCancel?: () => void;
}) {
  const text = useMessages(bulkMessages);
  const { format, locale } = useI18n();
  return (
    <div className="bk-run" data-testid="bulk-progress">
      <progress className="bk-run__bar" aria-label={text.progressLabel} max={1} value={progress.fraction} />
      <p className="bk-run__numbers" role="status" aria-live="polite">
        <span data-count="created">
          {playbook ? text.tasksCreated(progress.tasks, locale) : text.created(progress.created, locale)}
        </span>
        <span data-count="skipped">
          {playbook ? text.itemsSkipped(progress.skipped, locale) : text.skipped(progress.skipped, locale)}
        </span>
        <span data-count="failed">
          {playbook ? text.itemsFailed(progress.failed, locale) : text.failed(progress.failed, locale)}
        </span>
        <span data-count="remaining">
          {playbook ? text.itemsRemaining(progress.remaining, locale) : text.remaining(progress.remaining, locale)}
        </span>
        {progress.timeLeftMs !== null && progress.timeLeftMs > 0 && <span>{text.timeLeft(progress.timeLeftMs)}</span>}
      </p>
      {progress.waitingFor && (
        <p className="bk-run__waiting" data-testid="bulk-waiting">
          {progress.waitingFor === 'operating-limit' && progress.continuesAt !== null
            ? text.waitingOperatingLimit(clockTime(format.locale, format.timeZone, progress.continuesAt))
            : progress.waitingFor === 'sdk-pacing'
              ? text.sdkWaiting
              : progress.waitingFor === 'rate-limit' || progress.waitingFor === 'operating-limit'
                ? text.waitingRateLimit
                : text.waitingConnection}
        </p>
      )}
      {onCancel && (
        <Button onClick={onCancel} busy={cancelling}>
          {cancelling ? text.cancelling : text.cancel}
        </Button>
      )}
    </div>
  );
}

/** HH:MM of an instant (ms since the epoch) in the user's Bitrix24 time zone, in their locale. */
function clockTime(locale: string, timeZone: string | undefined, instant: number): string {
  return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone }).format(instant);
}
