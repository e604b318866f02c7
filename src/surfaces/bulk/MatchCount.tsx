import { useEffect, useMemo, useState } from 'react';
import { useBitrix } from '../../bitrix';
import { countTasksToMake, type ExactCountProgress } from '../../domain/bulk/count-matching';
import type { BulkItemFilter } from '../../domain/bulk/item-filter';
import type { RunPlan } from '../../domain/bulk/run-plan';
import { useI18n, useMessages } from '../../i18n';
import { bulkRunPorts } from '../../queries/bulk-run-ports';
import { useMatchingItemCount } from '../../queries/bulk-setup';
import { Button } from '../../ui';
import { bulkMessages } from './messages';

/** Up to this many items, the exact count (without open tasks, or of missing tasks) is looked up by itself. */
const AUTO_EXACT_COUNT = 500;

/**
 * What the run would do, for the start button: `matched` items pass the filter; `items` of them
 * would get `tasks` tasks — exact when `exact`, otherwise at most that many (items with an open
 * linked task, or a playbook's templates an item has, are then skipped as the run goes); null
 * while the exact numbers are still being counted.
 */
export interface RunSize {
  matched: number;
  items: number | null;
  tasks: number | null;
  exact: boolean;
}

/** The single template's run: one key, other open tasks looked at. */
const SINGLE: Pick<RunPlan, 'keys' | 'others'> = { keys: [null], others: 'open' };

/** How many items a run would cover (and, for a playbook, how many tasks it would make), said before anything runs. */
export function MatchCount({
  filter,
  shortCode,
  playbookKeys,
  onCount,
}: {
  filter: BulkItemFilter;
  shortCode: string;
  /** The template keys of the stage's playbook when the run applies it; null for the single template. */
  playbookKeys: readonly string[] | null;
  onCount: (size: RunSize | null) => void;
}) {
  const boundary = useBitrix();
  const { locale } = useI18n();
  const text = useMessages(bulkMessages);
  const count = useMatchingItemCount(filter);
  const matched = count.data ?? null;
  const [exact, setExact] = useState<(ExactCountProgress & { done: boolean }) | null>(null);
  const [exactWanted, setExactWanted] = useState(false);
  const keysKey = playbookKeys === null ? '' : playbookKeys.join(',');
  const plan = useMemo<Pick<RunPlan, 'keys' | 'others'>>(
    () => (keysKey === '' ? SINGLE : { keys: keysKey.split(','), others: 'all' }),
    [keysKey],
  );
  const filterKey = `${JSON.stringify(filter)} ${keysKey}`;
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

  const playbook = playbookKeys !== null;
  // Whether the items' tasks must be looked at to know what the run makes.
  const looks = playbook || filter.onlyWithoutOpenTask;
  const perItem = plan.keys.length;
  const shouldCountExactly = looks && matched !== null && matched > 0 && (matched <= AUTO_EXACT_COUNT || exactWanted);
  const exactDone = exact?.done === true ? exact : null;
  useEffect(() => {
    if (matched === null) onCount(null);
    else if (!looks || matched === 0) onCount({ matched, items: matched, tasks: matched * perItem, exact: true });
    else if (exactDone !== null)
      onCount({ matched, items: exactDone.needingTasks, tasks: exactDone.tasks, exact: true });
    else if (shouldCountExactly) onCount({ matched, items: null, tasks: null, exact: false });
    else onCount({ matched, items: matched, tasks: matched * perItem, exact: false });
  }, [matched, looks, perItem, exactDone, shouldCountExactly, onCount]);
  useEffect(() => {
    if (!shouldCountExactly || matched === null) return;
    const abort = new AbortController();
    countTasksToMake(filter, plan, ports, {
      total: matched,
      signal: abort.signal,
      onProgress: (step) => !abort.signal.aborted && setExact({ ...step, done: false }),
    }).then(
      (counted) =>
        !abort.signal.aborted &&
        setExact((last) => ({
          looked: last?.looked ?? matched,
          ofTotal: matched,
          needingTasks: counted.items,
          tasks: counted.tasks,
          done: true,
        })),
      () => !abort.signal.aborted && setExact(null),
    );
    return () => abort.abort();
    // filterKey stands for the filter's and the plan's content.
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
      {looks && count.data > 0 && (
        <>
          {exact?.done ? (
            playbook ? (
              <span data-testid="bulk-missing">{text.missingTasks(exact.needingTasks, exact.tasks, locale)}</span>
            ) : (
              text.withoutOpenTask(exact.needingTasks, locale)
            )
          ) : exact || shouldCountExactly ? (
            (playbook ? text.countingMissing : text.countingOpen)(
              exact?.looked ?? 0,
              exact?.ofTotal ?? count.data,
              locale,
            )
          ) : (
            <>
              {playbook ? text.missingLater : text.skippedLater}{' '}
              <Button size="small" variant="link" onClick={() => setExactWanted(true)}>
                {playbook ? text.countMissing : text.countExactly}
              </Button>
            </>
          )}
        </>
      )}
    </div>
  );
}
