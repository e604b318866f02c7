import { useBitrix } from '../../bitrix';
import { isTaskOpen, isTaskOverdue, type LinkedTask, type TaskStatus } from '../../domain/tasks';
import { commonMessages, useI18n, useMessages } from '../../i18n';
import type { User } from '../../queries/users';
import { Badge, Person, type BadgeTone } from '../../ui';
import { linkedTaskMessages } from '../../features/create-linked-task/messages';
import { TaskLink } from '../../features/create-linked-task/TaskLink';
import { detailTabMessages } from './messages';

const STATUS_TONE: Record<TaskStatus, BadgeTone> = {
  new: 'accent',
  pending: 'accent',
  'in-progress': 'accent',
  'awaiting-control': 'warning',
  completed: 'success',
  deferred: 'neutral',
  unknown: 'neutral',
};

/** One linked task: opens in the portal's task slider; `onSliderClosed` runs when the user comes back. */
export function LinkedTaskRow({
  task,
  responsible,
  currentUserId,
  onSliderClosed,
}: {
  task: LinkedTask;
  responsible: User | null;
  currentUserId: number;
  onSliderClosed: () => void;
}) {
  const boundary = useBitrix();
  const text = useMessages(detailTabMessages);
  const linked = useMessages(linkedTaskMessages);
  const common = useMessages(commonMessages);
  const { format } = useI18n();
  // Overdue by the portal's clock: a computer whose clock is off must not mark tasks late (or not).
  const overdue = isTaskOverdue(task, new Date(boundary.portalNow()));
  return (
    <li className={`dt-task${isTaskOpen(task) ? '' : ' dt-task--closed'}`} data-task-id={task.id}>
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
        <Badge tone={STATUS_TONE[task.status]}>{text.status[task.status]}</Badge>
        {overdue && <Badge tone="alert">{text.overdue}</Badge>}
        <span className={overdue ? 'dt-task__deadline dt-task__deadline--overdue' : 'dt-task__deadline'}>
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
      </span>
    </li>
  );
}
