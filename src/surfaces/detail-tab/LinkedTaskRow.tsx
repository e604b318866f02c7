import { useRef, useState } from 'react';
import { useBitrix } from '../../bitrix';
import { isTaskOpen, isTaskOverdue, type LinkedTask } from '../../domain/tasks';
import { commonMessages, useI18n, useMessages } from '../../i18n';
import type { RightsState } from '../../queries/task-actions';
import type { User } from '../../queries/users';
import { Badge, Icon, Person } from '../../ui';
import { linkedTaskMessages } from '../../features/create-linked-task/messages';
import { TaskLink } from '../../features/create-linked-task/TaskLink';
import { TaskStatusBadge } from '../../features/create-linked-task/TaskStatusBadge';
import { taskActionMessages } from '../../features/task-actions/messages';
import type { TaskAction, TaskActionKind } from '../../features/task-actions/task-action';
import { TaskActionNoteView } from '../../features/task-actions/TaskActionNoteView';
import type { TaskActionNote } from '../../features/task-actions/use-task-actions';
import { detailTabMessages } from './messages';
import { TaskActionsMenu } from './TaskActionsMenu';
import { TaskDeadlineForm } from './TaskDeadlineForm';
import './task-actions.css';

/** What a row can do with its task, from the panel (features/task-actions). */
export interface RowActions {
  /** The user's rights on this task as the portal reports them. */
  rights: RightsState;
  /** The user reaches for the menu: read the rights not known yet (one batch for every row). */
  requestRights: () => void;
  /** The action under way on this task, if any. */
  pending: TaskActionKind | undefined;
  /** What became of the last action that did not simply work. */
  note: TaskActionNote | undefined;
  /** Returns false when an action on this task is already under way (nothing is sent). */
  run: (action: TaskAction) => boolean;
  dismissNote: () => void;
}

/**
 * One linked task as Bitrix24's own lists show it: its title as a link (opens the task in the
 * portal's slider; `onSliderClosed` runs when the user comes back), priority when high,
 * status, deadline (overdue by the PORTAL's clock), responsible; and, with `actions`, a
 * menu of what the user may do with it right here.
 */
export function LinkedTaskRow({
  task,
  responsible,
  currentUserId,
  onSliderClosed,
  actions,
}: {
  task: LinkedTask;
  responsible: User | null;
  currentUserId: number;
  onSliderClosed: () => void;
  actions?: RowActions;
}) {
  const boundary = useBitrix();
  const text = useMessages(detailTabMessages);
  const linked = useMessages(linkedTaskMessages);
  const common = useMessages(commonMessages);
  const actionText = useMessages(taskActionMessages);
  const { format } = useI18n();
  const [editingDeadline, setEditingDeadline] = useState(false);
  const item = useRef<HTMLLIElement>(null);
  // The deadline form closes: the focus goes back to where it came from, the row's menu button.
  const closeDeadline = () => {
    setEditingDeadline(false);
    item.current?.querySelector<HTMLElement>('.ta-menu__button')?.focus();
  };
  // Overdue by the portal's clock: a computer whose clock is off must not mark tasks late (or not).
  const overdue = isTaskOverdue(task, new Date(boundary.portalNow()));

  const choose = (kind: TaskActionKind) => {
    if (!actions) return;
    if (kind === 'deadline') setEditingDeadline(true);
    else if (kind === 'responsible')
      // A cancelled picker never answers: nothing waits on it.
      void boundary.pickUser().then((user) => {
        if (user) actions.run({ kind: 'responsible', responsible: user });
      });
    else actions.run({ kind });
  };

  return (
    <li
      ref={item}
      className={`st-row dt-task${isTaskOpen(task) ? '' : ' dt-task--closed'}`}
      data-task-id={task.id}
      aria-busy={actions?.pending ? true : undefined}
    >
      <TaskLink
        taskId={task.id}
        currentUserId={currentUserId}
        className="dt-task__title st-clamp"
        label={linked.openTask(task.title)}
        // The user may have changed the task in the slider.
        onSliderClosed={onSliderClosed}
      >
        {task.title}
      </TaskLink>
      <span className="dt-task__meta">
        {/* As Bitrix24's own lists: only a high priority is marked ("important"). */}
        {task.priority === 'high' && (
          <span className="ta-priority">
            <Icon name="priority" />
            <span>
              <span className="st-visually-hidden">{text.formPriorityLabel}: </span>
              {text.priority[task.priority]}
            </span>
          </span>
        )}
        <TaskStatusBadge status={task.status} />
        {overdue && <Badge tone="alert">{text.overdue}</Badge>}
        <span className={overdue ? 'dt-task__deadline dt-task__deadline--overdue' : 'dt-task__deadline'}>
          <Icon name="deadline" />
          <span className="st-visually-hidden">{text.deadline}: </span>
          {task.deadline ? format.dateTime(task.deadline) : text.noDeadline}
        </span>
        {task.responsibleId && (
          <Person
            name={responsible?.name || common.userFallbackName(task.responsibleId)}
            photoUrl={responsible?.photoUrl ?? null}
            size={22}
          />
        )}
        {responsible?.active === false && (
          <Badge tone="warning" title={text.inactiveResponsibleHint}>
            {text.inactiveUser}
          </Badge>
        )}
        {actions?.pending && (
          <span className="ta-working" role="status">
            {actionText.working[actions.pending]}
          </span>
        )}
      </span>
      {actions && (
        <TaskActionsMenu
          taskTitle={task.title}
          rights={actions.rights}
          busy={actions.pending !== undefined}
          onIntent={actions.requestRights}
          onChoose={choose}
        />
      )}
      {actions && editingDeadline && (
        <TaskDeadlineForm
          deadline={task.deadline}
          onCancel={closeDeadline}
          onSave={(deadline) => {
            if (actions.run({ kind: 'deadline', deadline })) closeDeadline();
          }}
        />
      )}
      {actions?.note && (
        <div className="ta-note">
          <TaskActionNoteView note={actions.note} onDismiss={actions.dismissNote} />
        </div>
      )}
    </li>
  );
}
