import type { UseQueryResult } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { isBitrixError } from '../../bitrix';
import { defaultTaskDraft, type TaskDraft } from '../../domain/task-draft';
import { commonMessages, errorMessages, useI18n, useMessages } from '../../i18n';
import type { LinkedTasks } from '../../queries/tasks';
import type { User } from '../../queries/users';
import { Alert, Button, Panel, Skeleton } from '../../ui';
import { CreateOutcome } from './CreateOutcome';
import { CustomizeTaskForm } from './CustomizeTaskForm';
import { LinkedTaskRow } from './LinkedTaskRow';
import type { DetailTabData } from './load-detail-tab';
import { detailTabMessages } from './messages';
import { useCreateLinkedTask } from './use-create-linked-task';

export function LinkedTasksPanel({ data, tasks, users }: { data: DetailTabData; tasks: UseQueryResult<LinkedTasks>; users: ReadonlyMap<number, User> }) {
  const text = useMessages(detailTabMessages);
  const common = useMessages(commonMessages);
  const errors = useMessages(errorMessages);
  const { locale } = useI18n();
  const creator = useCreateLinkedTask(data);
  const [customizing, setCustomizing] = useState(false);
  const { item, smartProcess, currentUser } = data;
  const linksOff = smartProcess.allowsTaskLinks === false;

  const draftNow = (): TaskDraft =>
    defaultTaskDraft({
      smartProcessTitle: smartProcess.title,
      itemTitle: item.title,
      itemId: item.id,
      itemResponsibleId: item.assignedById,
      currentUserId: currentUser.id,
      now: new Date(),
      descriptionIntro: text.descriptionIntro(smartProcess.title, item.title || `#${item.id}`),
    });
  const defaultTitle = draftNow().title;

  // The form closes once its task exists; the confirmation stays.
  const created = creator.created;
  useEffect(() => {
    if (created) setCustomizing(false);
  }, [created]);

  const list = tasks.data;
  return (
    <Panel
      title={
        <>
          {text.tasksTitle}
          {list && list.total > 0 && <span className="dt-count"> {text.tasksCount(list.total, locale)}</span>}
        </>
      }
      actions={
        <div className="dt-actions">
          <Button
            variant="primary"
            busy={creator.busy}
            disabled={linksOff}
            title={text.createTaskHint(defaultTitle)}
            onClick={() => {
              setCustomizing(false);
              creator.create(draftNow());
            }}
          >
            {creator.phase === 'checking' ? text.checking : creator.busy ? text.creating : text.createTask}
          </Button>
          <Button
            variant="secondary"
            disabled={linksOff || creator.busy}
            aria-expanded={customizing}
            onClick={() => {
              creator.reset();
              setCustomizing((open) => !open);
            }}
          >
            {text.customize}
          </Button>
        </div>
      }
    >
      <CreateOutcome created={creator.created} error={creator.error} onDismiss={creator.reset} />
      {customizing && (
        <CustomizeTaskForm
          initial={draftNow()}
          users={users}
          busy={creator.busy}
          submitError={creator.error}
          onCancel={() => setCustomizing(false)}
          onSubmit={(draft) => creator.create(draft)}
        />
      )}
      {tasks.isPending ? (
        <div aria-busy="true" aria-label={common.loading} className="dt-task-skeleton">
          {[0, 1].map((row) => (
            <Skeleton key={row} height={36} />
          ))}
        </div>
      ) : tasks.isError ? (
        <Alert
          tone="danger"
          title={text.tasksFailed}
          actions={
            <Button variant="secondary" size="small" busy={tasks.isFetching} onClick={() => void tasks.refetch()}>
              {common.retry}
            </Button>
          }
        >
          {isBitrixError(tasks.error) ? errors[tasks.error.messageKey] : errors.unknown}
        </Alert>
      ) : list && list.tasks.length > 0 ? (
        <>
          <ul className="dt-task-list">
            {list.tasks.map((task) => (
              <LinkedTaskRow
                key={task.id}
                task={task}
                responsible={task.responsibleId ? (users.get(task.responsibleId) ?? null) : null}
                currentUserId={currentUser.id}
                // The user may have changed the task in the slider: read the list again.
                onSliderClosed={() => void tasks.refetch()}
              />
            ))}
          </ul>
          {list.total > list.tasks.length && <p className="dt-muted">{text.moreTasks(list.tasks.length, list.total)}</p>}
        </>
      ) : (
        <div className="dt-empty">
          <p className="dt-empty__title">{text.emptyTasksTitle}</p>
          <p className="dt-muted">{text.emptyTasksText}</p>
        </div>
      )}
    </Panel>
  );
}
