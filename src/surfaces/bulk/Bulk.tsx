import { useState } from 'react';
import { commonMessages, errorMessages, useI18n, useMessages } from '../../i18n';
import { useBulkSetup, useExistingTaskCount, type BulkSetup } from '../../queries/bulk-setup';
import { Alert, Button, QueryView, Skeleton } from '../../ui';
import { BulkSetupForm } from './BulkSetupForm';
import { bulkMessages } from './messages';
import { RunProgressView } from './RunProgressView';
import { RunReport } from './RunReport';
import { useBulkRun } from './use-bulk-run';
import { InUserZone } from '../../features/user-zone/InUserZone';

/** The list toolbar's panel: choose items, describe the task, run, watch, resume, report. */
export function Bulk({ entityTypeId, initialFunnel }: { entityTypeId: number; initialFunnel: number | null }) {
  const setup = useBulkSetup(entityTypeId);
  const text = useMessages(bulkMessages);
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
        <InUserZone currentUser={data.currentUser}>
          <BulkPanel setup={data} initialFunnel={initialFunnel} />
        </InUserZone>
      )}
    </QueryView>
  );
}

function BulkPanel({ setup, initialFunnel }: { setup: BulkSetup; initialFunnel: number | null }) {
  const text = useMessages(bulkMessages);
  const common = useMessages(commonMessages);
  const errors = useMessages(errorMessages);
  const { locale, format } = useI18n();
  const run = useBulkRun(setup, { markerLabel: text.markerLabel, itemFallback: text.itemFallback });
  const { checkpoint, progress } = run;
  // A report opens by itself only for the run that just finished here; an earlier run's report is
  // one click away ("Last run on …"), so the panel opens on a new run.
  const [reportAsked, setReportAsked] = useState(false);
  const reportOpen = run.finishedHere || reportAsked;
  const finished = checkpoint?.status === 'finished' ? checkpoint : null;
  const earlier = finished
    ? {
        runId: finished.runId,
        startedAt: finished.startedAt || null,
        counts: finished.counts,
        playbook: finished.playbook !== null,
        taskIds: finished.created.map((link) => link.taskId),
      }
    : run.lastRun
      ? {
          runId: run.lastRun.runId,
          startedAt: run.lastRun.startedAt,
          counts: run.lastRun.counts,
          playbook: run.lastRun.playbook,
          taskIds: run.lastRun.taskIds,
        }
      : null;
  // A run whose tasks were all deleted since is not recalled (its counts would describe nothing).
  const remaining = useExistingTaskCount(earlier?.runId ?? null, earlier?.taskIds ?? []);
  const earlierGone = remaining.data === 0 && earlier !== null && earlier.counts.failed === 0;

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
    body = (
      <RunProgressView
        progress={progress}
        playbook={checkpoint?.playbook != null}
        cancelling={run.cancelling}
        onCancel={run.cancel}
      />
    );
  } else if (finished && reportOpen) {
    body = (
      <RunReport
        checkpoint={finished}
        onRetryFailed={run.retryFailed}
        onNewRun={() => {
          setReportAsked(false);
          run.discard();
        }}
      />
    );
  } else if (checkpoint && checkpoint.status !== 'finished' && progress) {
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
        <RunProgressView progress={progress} playbook={checkpoint.playbook !== null} />
      </>
    );
  } else {
    body = (
      <>
        {earlier && !earlierGone && (
          <Alert
            tone={earlier.counts.failed > 0 ? 'warning' : 'info'}
            title={earlier.startedAt ? text.lastRunOn(format.dateTime(new Date(earlier.startedAt))) : text.lastRunTitle}
            actions={
              finished && (
                <Button size="small" onClick={() => setReportAsked(true)}>
                  {text.showReport}
                </Button>
              )
            }
          >
            {earlier.playbook
              ? text.reportPlaybookSummary(
                  earlier.counts.created,
                  earlier.counts.tasks,
                  earlier.counts.skipped,
                  earlier.counts.failed,
                  locale,
                )
              : text.reportSummary(earlier.counts.created, earlier.counts.skipped, earlier.counts.failed, locale)}
          </Alert>
        )}
        <BulkSetupForm setup={setup} initialFunnel={initialFunnel} onStart={run.start} />
      </>
    );
  }

  return (
    <div className="st-surface">
      <h1 className="st-title">
        {text.heading(setup.smartProcess.title || common.number(setup.smartProcess.entityTypeId))}
      </h1>
      <p className="st-muted">{text.intro}</p>
      {!run.persistent && <Alert tone="info">{text.noStorage}</Alert>}
      {body}
    </div>
  );
}
