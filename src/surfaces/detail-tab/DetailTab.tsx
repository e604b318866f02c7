import { useEffect, useMemo } from 'react';
import {
  buildFieldViews,
  referencedCrmItems,
  referencedStatusTypes,
  referencedUserIds,
  type FieldView,
} from '../../domain/fields';
import { LinkedItemFailure } from '../../features/create-linked-task/LinkedItemFailure';
import { TaskLinksNotice } from '../../features/create-linked-task/TaskLinksNotice';
import { useMessages } from '../../i18n';
import { useLinkedTasks } from '../../queries/tasks';
import { useReferenceNames } from '../../queries/reference-names';
import { useSmartProcess } from '../../queries/smart-processes';
import { QueryView, type RetryProps } from '../../ui';
import { DetailTabSkeleton } from './DetailTabSkeleton';
import { FieldsPanel } from './FieldsPanel';
import { ItemHeader } from './ItemHeader';
import { LinkedTasksPanel } from './LinkedTasksPanel';
import { StagePlaybookPanel } from './StagePlaybookPanel';
import { stagePlaybookPeople } from '../../features/stage-playbook/stage-playbook-rows';
import type { DetailTabData } from './load-detail-tab';
import { detailTabMessages } from './messages';
import { useDetailTab } from './use-detail-tab';
import { InUserZone } from '../../features/user-zone/InUserZone';

const SURFACE = 'st-surface st-surface--embedded dt';

export function DetailTab({ entityTypeId, itemId }: { entityTypeId: number; itemId: number }) {
  const query = useDetailTab(entityTypeId, itemId);
  const text = useMessages(detailTabMessages);
  return (
    <QueryView
      query={query}
      className={SURFACE}
      loadingLabel={text.loadingLabel}
      skeleton={<DetailTabSkeleton />}
      failure={(error, retry) => <LinkedItemFailure error={error} {...retry} />}
    >
      {(data) => (
        <DetailTabContent data={data} retry={{ onRetry: () => void query.refetch(), retrying: query.isFetching }} />
      )}
    </QueryView>
  );
}

/** Benchmarks (bench/detail-tab.bench.ts) read these marks from the frame's performance timeline. */
export const FIRST_CONTENT_MARK = 'smart-tasks:first-content';

/** `retry` asks the tab's first batch again: a part of it that failed (funnel, stages, fields) comes back. */
function DetailTabContent({ data, retry }: { data: DetailTabData; retry: RetryProps }) {
  useEffect(() => {
    if (performance.getEntriesByName(FIRST_CONTENT_MARK).length === 0) performance.mark(FIRST_CONTENT_MARK);
  }, []);
  const { item, fields, directory, categories } = data;
  const tasks = useLinkedTasks(item.entityTypeId, item.id, data.linkCode);
  // Cached by the first batch; an admin switching task links on updates exactly this.
  const smartProcess = useSmartProcess(item.entityTypeId).data ?? data.smartProcess;
  const current = smartProcess === data.smartProcess ? data : { ...data, smartProcess };

  const views = useMemo<FieldView[] | null>(
    () =>
      fields
        ? buildFieldViews(fields, item.values, {
            entityTypeIdByShortCode: directory?.entityTypeIdByShortCode ?? new Map(),
            entityTypeIdBySymbolCode: directory?.entityTypeIdBySymbolCode ?? new Map(),
            categoryNames: new Map((categories ?? []).map((category) => [category.id, category.name])),
          })
        : null,
    [fields, item.values, directory, categories],
  );

  // Names the first batch could not know in advance (employee fields, linked items, task
  // responsibles the task list did not embed, status codes of custom fields): one follow-up
  // lookup, only when needed.
  const userIds = useMemo(() => {
    const ids = new Set(views ? referencedUserIds(views) : []);
    for (const task of tasks.data?.tasks ?? []) if (task.responsibleId) ids.add(task.responsibleId);
    if (item.assignedById) ids.add(item.assignedById);
    // Whom the stage playbook's rules name (fixed users, user fields, participants, observers).
    for (const id of stagePlaybookPeople(data.playbook, item)) ids.add(id);
    return [...ids].sort((a, b) => a - b);
  }, [views, tasks.data, item, data.playbook]);
  const crmItems = useMemo(() => (views ? referencedCrmItems(views) : new Map<number, number[]>()), [views]);
  const statusTypes = useMemo(() => (views ? referencedStatusTypes(views) : []), [views]);
  const names = useReferenceNames(userIds, crmItems, statusTypes);

  return (
    // The user's Bitrix24 zone (profile, else the portal's): never the computer's.
    <InUserZone currentUser={data.currentUser}>
      <div className={SURFACE}>
        <ItemHeader
          data={current}
          retry={retry}
          responsible={data.responsible ?? (item.assignedById ? (names.users.get(item.assignedById) ?? null) : null)}
        />
        <TaskLinksNotice smartProcess={smartProcess} />
        <StagePlaybookPanel
          data={current}
          tasks={tasks}
          names={names}
          namesLoading={names.isLoading}
          views={views}
          retry={retry}
        />
        <LinkedTasksPanel data={current} tasks={tasks} users={names.users} />
        <FieldsPanel views={views} names={names} directory={directory} failure={data.problems.fields} retry={retry} />
      </div>
    </InUserZone>
  );
}
