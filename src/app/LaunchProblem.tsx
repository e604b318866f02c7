import { PlacementError } from '../domain/placement';
import { useMessages } from '../i18n';
import { Alert, Button } from '../ui';
import { appMessages } from './messages';

/** The tab's message when the launch cannot be served: never a blank frame or a stack trace. */
export function LaunchProblem({ error }: { error: PlacementError }) {
  const text = useMessages(appMessages);
  const [title, body] =
    error.reason === 'unknown-placement'
      ? [text.unknownPlacementTitle, text.unknownPlacementText(error.placement)]
      : error.reason === 'missing-item-id'
        ? [text.missingItemTitle, text.missingItemText]
        : [text.malformedOptionsTitle, text.malformedOptionsText];
  return (
    <main style={{ padding: 'var(--ui-space-4)' }}>
      <Alert tone="warning" title={title}>
        {body}
      </Alert>
    </main>
  );
}

export function NotAvailable() {
  const text = useMessages(appMessages);
  return (
    <main style={{ padding: 'var(--ui-space-4)' }}>
      <Alert tone="info" title={text.notAvailableTitle}>
        {text.notAvailableText}
      </Alert>
    </main>
  );
}

/**
 * The frame's failure view, with Reload. `stage`: 'start' = the frame could not start (or a
 * surface's code did not download); 'render' = a surface failed while drawing (SurfaceErrorBoundary).
 */
export function FrameFailed({ messageKey, stage = 'start' }: { messageKey: string; stage?: 'start' | 'render' }) {
  const text = useMessages(appMessages);
  return (
    <main style={{ padding: 'var(--ui-space-4)' }}>
      <Alert
        tone="danger"
        title={stage === 'render' ? text.surfaceFailedTitle : text.frameFailedTitle}
        actions={
          <Button variant="secondary" onClick={() => window.location.reload()}>
            {text.reload}
          </Button>
        }
      >
        <span data-reason={messageKey}>{stage === 'render' ? text.surfaceFailedText : text.frameFailedText}</span>
      </Alert>
    </main>
  );
}
