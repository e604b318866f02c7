import { useState } from 'react';
import { useBitrix } from '../../bitrix';
import type { BulkRunCheckpoint } from '../../domain/bulk/checkpoint';
import { crmItemPath, taskViewPath } from '../../domain/portal-paths';
import { useI18n, useMessages } from '../../i18n';
import { Alert, Button, Panel } from '../../ui';
import { bulkMessages } from './messages';

const FIRST_SHOWN = 20;

/** The outcome of a finished run: what was created (with links), what was not and why. */
export function RunReport({ checkpoint, onRetryFailed, onNewRun }: { checkpoint: BulkRunCheckpoint; onRetryFailed: () => void; onNewRun: () => void }) {
  const boundary = useBitrix();
  const text = useMessages(bulkMessages);
  const { locale } = useI18n();
  const [showAll, setShowAll] = useState(false);
  const { counts, created, failures } = checkpoint;
  const shown = showAll ? created : created.slice(0, FIRST_SHOWN);
  const entityTypeId = checkpoint.filter.entityTypeId;

  return (
    <div className="st-stack" data-testid="bulk-report">
      <Alert tone={counts.failed > 0 ? 'warning' : 'success'} title={text.reportTitle}>
        {text.reportSummary(counts.created, counts.skipped, counts.failed)}
        {counts.copiesRemoved > 0 && ` ${text.copiesRemoved(counts.copiesRemoved, locale)}`}
      </Alert>
      {failures.length > 0 && (
        <Panel
          title={text.failedItems}
          actions={
            <Button variant="primary" onClick={onRetryFailed}>
              {text.retryFailed}
            </Button>
          }
        >
          <ul className="bk-list">
            {failures.map((failure) => (
              <li key={failure.itemId}>
                <Button variant="link" onClick={() => void boundary.openPortalPath(crmItemPath(entityTypeId, failure.itemId))}>
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
      {created.length > 0 && (
        <Panel title={text.createdTasks}>
          <ul className="bk-list">
            {shown.map((link) => (
              <li key={link.taskId}>
                <Button variant="link" onClick={() => void boundary.openPortalPath(taskViewPath(checkpoint.currentUserId, link.taskId))}>
                  {text.openTask(link.itemTitle || text.itemFallback(link.itemId))}
                </Button>
              </li>
            ))}
          </ul>
          {!showAll && created.length > FIRST_SHOWN && (
            <Button variant="link" onClick={() => setShowAll(true)}>
              {text.showAll(created.length)}
            </Button>
          )}
          {checkpoint.createdNotListed > 0 && <p className="st-muted">{text.notListed(checkpoint.createdNotListed, locale)}</p>}
        </Panel>
      )}
      <div className="st-actions">
        <Button onClick={onNewRun}>{text.newRun}</Button>
      </div>
    </div>
  );
}
