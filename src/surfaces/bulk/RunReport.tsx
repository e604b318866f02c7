import { useState } from 'react';
import { useBitrix } from '../../bitrix';
import type { BulkRunCheckpoint } from '../../domain/bulk/checkpoint';
import { crmItemPath, taskViewPath } from '../../domain/portal-paths';
import { useI18n, useMessages } from '../../i18n';
import { Alert, Button, Panel } from '../../ui';
import { bulkMessages } from './messages';

const FIRST_SHOWN = 20;

/** The outcome of a finished run: what was created (with links), what was skipped or failed and why. */
export function RunReport({
  checkpoint,
  onRetryFailed,
  onNewRun,
}: {
  checkpoint: BulkRunCheckpoint;
  onRetryFailed: () => void;
  onNewRun: () => void;
}) {
  const boundary = useBitrix();
  const text = useMessages(bulkMessages);
  const { locale } = useI18n();
  const [showAll, setShowAll] = useState(false);
  const { counts, created, failures } = checkpoint;
  // Checkpoints stored before skipped items were kept come without them.
  const skippedItems = checkpoint.skippedItems ?? [];
  const shown = showAll ? created : created.slice(0, FIRST_SHOWN);
  const entityTypeId = checkpoint.filter.entityTypeId;

  return (
    <div className="st-stack" data-testid="bulk-report">
      <Alert tone={counts.failed > 0 ? 'warning' : 'success'} title={text.reportTitle}>
        {checkpoint.playbook
          ? text.reportPlaybookSummary(counts.created, counts.tasks, counts.skipped, counts.failed, locale)
          : text.reportSummary(counts.created, counts.skipped, counts.failed, locale)}
        {counts.copiesRemoved > 0 && ` ${text.copiesRemoved(counts.copiesRemoved, locale)}`}
      </Alert>
      {checkpoint.checklistLinesMissing > 0 && (
        <Alert tone="warning">{text.checklistLinesMissing(checkpoint.checklistLinesMissing, locale)}</Alert>
      )}
      {failures.length > 0 && (
        <Panel
          title={checkpoint.playbook ? text.failedItemsPlaybook : text.failedItems}
          actions={
            <Button variant="primary" onClick={onRetryFailed}>
              {text.retryFailed}
            </Button>
          }
        >
          <ul className="bk-list">
            {failures.map((failure) => (
              <li key={failure.itemId}>
                <Button
                  variant="link"
                  onClick={() => void boundary.openPortalPath(crmItemPath(entityTypeId, failure.itemId))}
                >
                  {failure.itemTitle || text.itemFallback(failure.itemId)}
                </Button>{' '}
                <span className="st-muted">
                  {text.reason[failure.reason]} {failure.message}
                </span>
              </li>
            ))}
          </ul>
        </Panel>
      )}
      {skippedItems.length > 0 && (
        <Panel title={text.skippedItems}>
          <ul className="bk-list" data-testid="bulk-skipped">
            {skippedItems.map((skipped) => (
              <li key={skipped.itemId}>
                <Button
                  variant="link"
                  onClick={() => void boundary.openPortalPath(crmItemPath(entityTypeId, skipped.itemId))}
                >
                  {skipped.itemTitle || text.itemFallback(skipped.itemId)}
                </Button>{' '}
                <span className="st-muted">{text.skipReason[skipped.reason]}</span>
              </li>
            ))}
          </ul>
        </Panel>
      )}
      {created.length > 0 && (
        <Panel title={text.createdTasks}>
          <ul className="bk-list">
            {shown.map((link) => (
              <li key={link.taskId}>
                <Button
                  variant="link"
                  onClick={() => void boundary.openPortalPath(taskViewPath(checkpoint.currentUserId, link.taskId))}
                >
                  {link.taskTitle
                    ? text.openTemplateTask(link.taskTitle)
                    : text.openTask(link.itemTitle || text.itemFallback(link.itemId))}
                </Button>
              </li>
            ))}
          </ul>
          {!showAll && created.length > FIRST_SHOWN && (
            <Button variant="link" onClick={() => setShowAll(true)}>
              {text.showAll(created.length, locale)}
            </Button>
          )}
          {checkpoint.createdNotListed > 0 && (
            <p className="st-muted">{text.notListed(checkpoint.createdNotListed, locale)}</p>
          )}
        </Panel>
      )}
      <div className="st-actions">
        <Button onClick={onNewRun}>{text.newRun}</Button>
      </div>
    </div>
  );
}
