import { useBitrix } from '../../bitrix';
import { commonMessages, errorMessages, I18nProvider, useMessages } from '../../i18n';
import { useBulkSetup, type BulkSetup } from '../../queries/bulk-setup';
import { userZone } from '../../queries/users';
import { Alert, Button, QueryView, Skeleton } from '../../ui';
import { BulkSetupForm } from './BulkSetupForm';
import { bulkMessages } from './messages';
import { RunProgressView } from './RunProgressView';
import { RunReport } from './RunReport';
import { useBulkRun } from './use-bulk-run';

/** The list toolbar's panel: choose items, describe the task, run, watch, resume, report. */
export function Bulk({ entityTypeId, initialFunnel }: { entityTypeId: number; initialFunnel: number | null }) {
  const setup = useBulkSetup(entityTypeId);
  const text = useMessages(bulkMessages);
  const boundary = useBitrix();
  return (
    <QueryView
      query={setup}
      className="st-surface"
      loadingLabel={text.loadingLabel}
      skeleton={
        <>
          <Skeleton width="50%" height={22} />
          <Skeleton height={120} />
          <Skeleton height={160} />
        </>
      }
      failure={text.loadFailed}
    >
      {(data) => (
        // Dates (deadline, "continues at") on the clock of the user's Bitrix24 zone.
        <I18nProvider bitrixLanguage={boundary.session.bitrixLanguage} timeZone={userZone(boundary, data.currentUser.timeZone)}>
          <BulkPanel setup={data} initialFunnel={initialFunnel} />
        </I18nProvider>
      )}
    </QueryView>
  );
}

function BulkPanel({ setup, initialFunnel }: { setup: BulkSetup; initialFunnel: number | null }) {
  const text = useMessages(bulkMessages);
  const common = useMessages(commonMessages);
  const errors = useMessages(errorMessages);
  const run = useBulkRun(setup, { markerLabel: text.markerLabel, itemFallback: text.itemFallback });
  const { checkpoint, progress } = run;

  let body;
  if (run.elsewhere) {
    body = (
      <>
        <Alert tone="info" title={text.runningElsewhereTitle}>
          {text.runningElsewhereText}
        </Alert>
        <RunProgressView progress={run.elsewhere} />
      </>
    );
  } else if (run.running && progress) {
    body = <RunProgressView progress={progress} cancelling={run.cancelling} onCancel={run.cancel} />;
  } else if (checkpoint?.status === 'finished') {
    body = <RunReport checkpoint={checkpoint} onRetryFailed={run.retryFailed} onNewRun={run.discard} />;
  } else if (checkpoint && progress) {
    const because = checkpoint.pausedBecause;
    body = (
      <>
        <Alert
          tone="warning"
          title={text.pausedTitle}
          actions={
            <>
              <Button variant="primary" onClick={run.resume}>
                {text.resume}
              </Button>
              <Button onClick={run.discard}>{text.discard}</Button>
            </>
          }
        >
          {because?.reason === 'unreachable' && `${text.pausedByConnection} `}
          {because?.reason === 'rate-limited' && `${text.pausedByRateLimit} `}
          {because?.reason === 'operating-limit' && `${text.pausedByOperatingLimit} `}
          {because?.reason === 'rejected' && `${text.pausedRefused} ${because.message || errors.unknown} `}
          {text.pausedText}
        </Alert>
        <RunProgressView progress={progress} />
      </>
    );
  } else {
    body = (
      <>
        {run.lastRun && (
          <Alert tone="success" title={text.lastRunTitle}>
            {text.reportSummary(run.lastRun.counts.created, run.lastRun.counts.skipped, run.lastRun.counts.failed)}
          </Alert>
        )}
        <BulkSetupForm setup={setup} initialFunnel={initialFunnel} onStart={run.start} />
      </>
    );
  }

  return (
    <div className="st-surface">
      <h1 className="st-title">{text.heading(setup.smartProcess.title || common.number(setup.smartProcess.entityTypeId))}</h1>
      <p className="st-muted">{text.intro}</p>
      {!run.persistent && <Alert tone="info">{text.noStorage}</Alert>}
      {body}
    </div>
  );
}
