import type { TaskStatus } from '../../domain/tasks';
import { useMessages } from '../../i18n';
import { Badge, type BadgeTone } from '../../ui';
import { taskStatusMessages } from './task-status-messages';

/** Open work is accent, waiting for review a warning, done a success, the rest neutral. */
const STATUS_TONE: Record<TaskStatus, BadgeTone> = {
  new: 'accent',
  pending: 'accent',
  'in-progress': 'accent',
  'awaiting-control': 'warning',
  completed: 'success',
  deferred: 'neutral',
  unknown: 'neutral',
};

/** A linked task's status as a badge: the same words and tone in every list of tasks. */
export function TaskStatusBadge({ status }: { status: TaskStatus }) {
  const text = useMessages(taskStatusMessages);
  return <Badge tone={STATUS_TONE[status]}>{text.status[status]}</Badge>;
}
