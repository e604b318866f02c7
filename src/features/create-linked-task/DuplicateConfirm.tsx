import { useMessages } from '../../i18n';
import type { LinkedTask } from '../../domain/tasks';
import { Alert, Button } from '../../ui';
import { linkedTaskMessages } from './messages';
import { TaskLink } from './TaskLink';

/**
 * Asked before a task is created whose twin is already open on the item (same title, not
 * completed): the existing task, a way to it, and the user's choice. Nothing is sent until
 * "Create a second task" is clicked.
 */
export function DuplicateConfirm({
  existing,
  currentUserId,
  onConfirm,
  onCancel,
}: {
  existing: LinkedTask;
  currentUserId: number;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const text = useMessages(linkedTaskMessages);
  return (
    <Alert
      tone="warning"
      title={text.duplicateTitle}
      actions={
        <>
          <Button variant="primary" size="small" singleClicksOnly onClick={onConfirm}>
            {text.createAnyway}
          </Button>
          <Button size="small" onClick={onCancel}>
            {text.keepExisting}
          </Button>
          <TaskLink
            taskId={existing.id}
            currentUserId={currentUserId}
            className="st-link"
            label={text.openTask(existing.title)}
          >
            {text.openTask(existing.title)}
          </TaskLink>
        </>
      }
    >
      {text.duplicateText(existing.title)}
    </Alert>
  );
}
