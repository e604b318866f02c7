import type { ApplyProgress } from '../../domain/install/apply-plan';
import { useMessages } from '../../i18n';
import { appPageMessages } from './messages';

/** A progress bar for binds and unbinds, announced politely as it moves. */
export function SyncProgress({ progress }: { progress: ApplyProgress }) {
  const text = useMessages(appPageMessages);
  const label = text.progress(progress.finished, progress.total);
  return (
    <div className="ap-progress" role="status">
      <progress
        className="ap-progress__bar"
        aria-label={text.progressLabel}
        max={Math.max(progress.total, 1)}
        value={progress.finished}
      />
      <span className="ap-progress__text">{label}</span>
    </div>
  );
}
