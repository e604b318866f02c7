import type { UseQueryResult } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { CreateOutcome } from '../../features/create-linked-task/CreateOutcome';
import { DuplicateConfirm } from '../../features/create-linked-task/DuplicateConfirm';
import { openTaskWithTitle } from '../../features/create-linked-task/open-linked-tasks';
import type { LinkedItem } from '../../features/create-linked-task/load-linked-item';
import { linkedTaskMessages } from '../../features/create-linked-task/messages';
import { useCreateLinkedTask } from '../../features/create-linked-task/use-create-linked-task';
import { useDefaultDraft } from '../../features/create-linked-task/use-default-draft';
import { TaskActionNoteView } from '../../features/task-actions/TaskActionNoteView';
import { useTaskActions } from '../../features/task-actions/use-task-actions';
import { commonMessages, useErrorText, useI18n, useMessages } from '../../i18n';
import type { TaskDraft } from '../../domain/task-draft';
import type { LinkedTask } from '../../domain/tasks';
import { useLinkedTaskRights } from '../../queries/task-actions';
import type { LinkedTasks } from '../../queries/tasks';
import type { User } from '../../queries/users';
import { Alert, Button, EmptyState, Panel, RetryAlert, Skeleton } from '../../ui';
import { CustomizeTaskForm } from './CustomizeTaskForm';
import { LinkedTaskRow } from './LinkedTaskRow';
import { detailTabMessages } from './messages';

export function LinkedTasksPanel({
  data,
  tasks,
  users,
}: {
  data: LinkedItem;
  tasks: UseQueryResult<LinkedTasks>;
  users: ReadonlyMap<number, User>;
}) {
  const text = useMessages(detailTabMessages);
  const linked = useMessages(linkedTaskMessages);
  const common = useMessages(commonMessages);
  const errorText = useErrorText();
  const { locale } = useI18n();
  const creator = useCreateLinkedTask(data);
  const draftNow = useDefaultDraft(data);
  const [customizing, setCustomizing] = useState(false);
  const linksOff = data.smartProcess.allowsTaskLinks === false;
  const defaultDraft = draftNow();
  const defaultTitle = defaultDraft.title;
  // The item's responsible is deactivated: no task goes to them, nor silently to someone else.
  const mustChooseResponsible = defaultDraft.responsibleId <= 0;

  // The form closes once ITS task exists; the confirmation stays. A task of an earlier click
  // means this form's draft was not sent: the form stays, with the user's edits.
  const created = creator.created;
  useEffect(() => {
    if (created && !created.fromEarlierClick) setCustomizing(false);
  }, [created]);

  const list = tasks.data;
  // Linked tasks handled in place: the user's rights per task (one batch when the user first
  // reaches for a row's menu, never before the first paint) and the actions, each one request,
  // shown at once, rolled back on refusal.
  const rights = useLinkedTaskRights(data.item.entityTypeId, data.item.id, list?.tasks, data.currentUser.id);
  const taskActions = useTaskActions(data.item.entityTypeId, data.item.id);
  // A task whose twin (same title, still open) is already linked waits for the user's word.
  const [duplicate, setDuplicate] = useState<{ draft: TaskDraft; existing: LinkedTask } | null>(null);
  const requestCreate = (draft: TaskDraft) => {
    const existing = openTaskWithTitle(list?.tasks ?? [], draft.title);
    if (existing) {
      creator.reset();
      setDuplicate({ draft, existing });
      return;
    }
    setDuplicate(null);
    creator.create(draft);
  };
  const confirmDuplicate = () => {
    if (!duplicate) return;
    setDuplicate(null);
    creator.create(duplicate.draft);
  };
  return (
    <Panel
      title={
        <>
          {text.tasksTitle}
          {list && list.total > 0 && <span className="dt-count"> {text.tasksCount(list.total, locale)}</span>}
        </>
      }
      actions={
        <div className="st-actions">
          {/* One create path at a time: while the form is open, its own button is the create. */}
          {!customizing && (
            <Button
              variant="primary"
              busy={creator.busy}
              singleClicksOnly
              disabled={linksOff}
              title={text.createTaskHint(defaultTitle)}
              onClick={() => {
                if (mustChooseResponsible) {
                  // The user chooses who gets the task, in the form, before anything is sent.
                  creator.reset();
                  setDuplicate(null);
                  setCustomizing(true);
                  return;
                }
                requestCreate(draftNow());
              }}
            >
              {creator.phase === 'checking'
                ? linked.checking
                : creator.busy
                  ? linked.creating
                  : creator.created
                    ? linked.createAnother
                    : linked.createTask}
            </Button>
          )}
          <Button
            variant="secondary"
            disabled={linksOff || creator.busy}
            aria-expanded={customizing}
            onClick={() => {
              creator.reset();
              setDuplicate(null);
              setCustomizing((open) => !open);
            }}
          >
            {text.customize}
          </Button>
        </div>
      }
    >
      {customizing && mustChooseResponsible && (
        <Alert tone="warning">
          {text.chooseInsteadOfInactive(data.responsible?.name || common.userFallbackName(data.item.assignedById ?? 0))}
        </Alert>
      )}
      {duplicate && (
        <DuplicateConfirm
          existing={duplicate.existing}
          currentUserId={data.currentUser.id}
          onConfirm={confirmDuplicate}
          onCancel={() => setDuplicate(null)}
        />
      )}
      <CreateOutcome created={creator.created} error={creator.error} onDismiss={creator.reset} formKept={customizing} />
      {customizing && (
        <CustomizeTaskForm
          initial={draftNow()}
          users={users}
          busy={creator.busy}
          submitError={creator.error}
          onCancel={() => {
            setDuplicate(null);
            setCustomizing(false);
          }}
          onSubmit={requestCreate}
        />
      )}
      {/* A task that is gone (deleted, or out of the user's sight) has no row to say so in. */}
      {[...taskActions.notes]
        .filter(([taskId]) => !list?.tasks.some((task) => task.id === taskId))
        .map(([taskId, note]) => (
          <TaskActionNoteView key={taskId} note={note} named onDismiss={() => taskActions.dismiss(taskId)} />
        ))}
      {tasks.isPending ? (
        <div aria-busy="true" aria-label={common.loading} className="dt-task-skeleton">
          {[0, 1].map((row) => (
            <Skeleton key={row} height={36} />
          ))}
        </div>
      ) : tasks.isError ? (
        <RetryAlert
          title={text.tasksFailed}
          size="small"
          error={tasks.error}
          retrying={tasks.isFetching}
          onRetry={() => void tasks.refetch()}
        >
          {errorText(tasks.error)}
        </RetryAlert>
      ) : list && list.tasks.length > 0 ? (
        <>
          {/* The pointer or the focus in the list is the first sign the user may act on a task:
              its rights are read then, so a menu opened a moment later is ready. */}
          <ul
            className="st-rows dt-task-list"
            onPointerEnter={rights.request}
            onFocus={rights.request}
            // The second click of a double click lands where the first one moved things (a chosen
            // action closes its menu, a completed task moves down): it is refused, so it cannot
            // open the task now under the pointer or act a second time.
            onClickCapture={(event) => {
              if (event.detail > 1) {
                event.preventDefault();
                event.stopPropagation();
              }
            }}
          >
            {list.tasks.map((task) => (
              <LinkedTaskRow
                key={task.id}
                task={task}
                responsible={task.responsibleId ? (users.get(task.responsibleId) ?? null) : null}
                currentUserId={data.currentUser.id}
                // The user may have changed the task in the slider: read the list again.
                onSliderClosed={() => void tasks.refetch()}
                actions={{
                  rights: rights.rightsOf(task.id),
                  requestRights: rights.request,
                  pending: taskActions.pending.get(task.id),
                  note: taskActions.notes.get(task.id),
                  run: (action) => taskActions.run(task, action),
                  dismissNote: () => taskActions.dismiss(task.id),
                }}
              />
            ))}
          </ul>
          {list.total > list.tasks.length && (
            <p className="st-muted dt-more">{text.moreTasks(list.tasks.length, list.total)}</p>
          )}
        </>
      ) : (
        // Air's empty state; its action is the panel's own "Create task" right above it (one
        // create path at a time, issue 9), so none is repeated here.
        <EmptyState icon="checklist" title={text.emptyTasksTitle}>
          {/* "One click" only where one click does it: not while links are off, nor when the responsible must be chosen. */}
          {linksOff
            ? text.emptyTasksLinksOffText
            : mustChooseResponsible
              ? text.emptyTasksChooseText
              : text.emptyTasksText}
        </EmptyState>
      )}
    </Panel>
  );
}
