import { useEffect, useMemo, useState } from 'react';
import { useBitrix } from '../../bitrix';
import { countItemsWithoutOpenTask, type ExactCountProgress } from '../../domain/bulk/count-matching';
import type { BulkItemFilter } from '../../domain/bulk/item-filter';
import { useI18n, useMessages } from '../../i18n';
import { bulkRunPorts } from '../../queries/bulk-run-ports';
import { useMatchingItemCount } from '../../queries/bulk-setup';
import { Button } from '../../ui';
import { bulkMessages } from './messages';

/** Up to this many items, the exact count without open tasks is looked up by itself. */
const AUTO_EXACT_COUNT = 500;

/**
 * What the run would do, for the start button: `matched` items pass the filter; `tasks` of them
 * would get a task — exact when `exact`, otherwise at most that many (items with an open linked
 * task are then skipped as the run goes); null while the exact number is still being counted.
 */
export interface RunSize {
  matched: number;
  tasks: number | null;
  exact: boolean;
}

/** How many items a run would cover, said before anything runs. */
export function MatchCount({
  filter,
  shortCode,
  onCount,
}: {
  filter: BulkItemFilter;
  shortCode: string;
  onCount: (size: RunSize | null) => void;
}) {
  const boundary = useBitrix();
  const { locale } = useI18n();
  const text = useMessages(bulkMessages);
  const count = useMatchingItemCount(filter);
  const matched = count.data ?? null;
  const [exact, setExact] = useState<(ExactCountProgress & { done: boolean }) | null>(null);
  const [exactWanted, setExactWanted] = useState(false);
  const filterKey = JSON.stringify(filter);
  const ports = useMemo(
    () =>
      bulkRunPorts({
        boundary,
        runId: '',
        entityTypeId: filter.entityTypeId,
        shortCode,
        currentUserId: 0,
        // Unused here (no run's own tasks are looked for), but on the portal's clock like every run.
        runStartedAt: boundary.portalNow(),
        stageNames: new Map(),
        needsResponsibleNames: false,
        itemLabel: () => '',
      }),
    [boundary, filter.entityTypeId, shortCode],
  );

  useEffect(() => {
    setExact(null);
    setExactWanted(false);
  }, [filterKey]);

  const shouldCountExactly =
    filter.onlyWithoutOpenTask && matched !== null && matched > 0 && (matched <= AUTO_EXACT_COUNT || exactWanted);
  const exactDone = exact?.done === true ? exact.withoutOpenTask : null;
  useEffect(() => {
    if (matched === null) onCount(null);
    else if (!filter.onlyWithoutOpenTask || matched === 0) onCount({ matched, tasks: matched, exact: true });
    else if (exactDone !== null) onCount({ matched, tasks: exactDone, exact: true });
    else if (shouldCountExactly) onCount({ matched, tasks: null, exact: false });
    else onCount({ matched, tasks: matched, exact: false });
  }, [matched, filter.onlyWithoutOpenTask, exactDone, shouldCountExactly, onCount]);
  useEffect(() => {
    if (!shouldCountExactly || matched === null) return;
    const abort = new AbortController();
    countItemsWithoutOpenTask(filter, ports, {
      total: matched,
      signal: abort.signal,
      onProgress: (step) => !abort.signal.aborted && setExact({ ...step, done: false }),
    }).then(
      (withoutOpenTask) =>
        !abort.signal.aborted &&
        setExact((last) => ({ looked: last?.looked ?? matched, ofTotal: matched, withoutOpenTask, done: true })),
      () => !abort.signal.aborted && setExact(null),
    );
    return () => abort.abort();
    // filterKey stands for the filter's content.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [shouldCountExactly, matched, filterKey, ports]);

  if (count.isPending)
    return (
      <p className="bk-count" role="status">
        {text.counting}
      </p>
    );
  if (count.isError)
    return (
      <p className="bk-count bk-count--error" role="alert">
        {text.countFailed}
      </p>
    );
  return (
    <div className="bk-count" role="status" aria-live="polite">
      <strong>{text.matches(count.data, locale)}</strong>{' '}
      {filter.onlyWithoutOpenTask && count.data > 0 && (
        <>
          {exact?.done ? (
            text.withoutOpenTask(exact.withoutOpenTask, locale)
          ) : exact ? (
            text.countingOpen(exact.looked, exact.ofTotal, locale)
          ) : shouldCountExactly ? (
            text.countingOpen(0, count.data, locale)
          ) : (
            <>
              {text.skippedLater}{' '}
              <Button size="small" variant="link" onClick={() => setExactWanted(true)}>
                {text.countExactly}
              </Button>
            </>
          )}
        </>
      )}
    </div>
  );
}
