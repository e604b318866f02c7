import { commonMessages, errorMessages, useMessages } from '../../i18n';
import {
  CreateFailedError,
  CreateNotLandedError,
  CreateTargetGoneError,
  CreateUnconfirmedError,
  type CreatedLinkedTask,
} from './create-linked-task';
import { useCurrentUser } from '../../queries/users';
import { Alert, Button } from '../../ui';
import { linkedTaskMessages } from './messages';
import { TaskLink } from './TaskLink';

/**
 * What became of the last "create task": done (with a link), done without the link, an earlier
 * click's task found (this click sent nothing; `formKept` = the surface kept the user's edited
 * form), refused (item or smart process gone, session ended, the portal's words), did not
 * arrive (click again), or not yet known.
 */
export function CreateOutcome({
  created,
  error,
  onDismiss,
  formKept = false,
}: {
  created: CreatedLinkedTask | null | undefined;
  error: Error | null;
  onDismiss: () => void;
  formKept?: boolean;
}) {
  const me = useCurrentUser();
  const text = useMessages(linkedTaskMessages);
  const common = useMessages(commonMessages);
  const errors = useMessages(errorMessages);

  if (created) {
    const { task } = created;
    const open = (
      <TaskLink taskId={task.id} currentUserId={me.data?.id ?? 0} className="st-link" label={text.openTask(task.title)}>
        {text.openTask(task.title)}
      </TaskLink>
    );
    const dismiss = (
      <Button variant="link" onClick={onDismiss}>
        {common.dismiss}
      </Button>
    );
    if (created.linkKept === false) {
      return (
        <Alert
          tone="warning"
          title={text.linkDroppedTitle}
          actions={
            <>
              {open}
              {dismiss}
            </>
          }
        >
          {text.linkDroppedText(task.title)}
        </Alert>
      );
    }
    return (
      <Alert
        tone="success"
        title={text.createdTitle}
        actions={
          <>
            {open}
            {dismiss}
          </>
        }
      >
        {created.fromEarlierClick
          ? formKept
            ? text.earlierClickFormText(task.title)
            : text.earlierClickText(task.title)
          : created.recovered
            ? text.recoveredText(task.title)
            : text.createdText(task.title)}
        {created.linkKept === null && ` ${text.linkUnconfirmedText}`}
        {created.duplicatesLeft > 0 && ` ${text.duplicatesLeftText(created.duplicatesLeft)}`}
      </Alert>
    );
  }

  if (error instanceof CreateUnconfirmedError) {
    return (
      <Alert tone="warning" title={text.unconfirmedTitle}>
        {text.unconfirmedText}
      </Alert>
    );
  }
  if (error instanceof CreateNotLandedError) {
    return (
      <Alert tone="danger" title={text.notLandedTitle}>
        {text.notLandedText}
      </Alert>
    );
  }
  if (error instanceof CreateTargetGoneError) {
    return (
      <Alert tone="danger" title={text.createFailedTitle}>
        {error.gone === 'smart-process' ? text.smartProcessGoneText : text.itemGoneText}
      </Alert>
    );
  }
  if (error instanceof CreateFailedError && error.reason.kind === 'auth-expired') {
    return (
      <Alert tone="danger" title={text.createFailedTitle}>
        {text.sessionEndedText}
      </Alert>
    );
  }
  if (error instanceof CreateFailedError) {
    const reason = error.reason;
    return (
      <Alert tone="danger" title={text.createFailedTitle}>
        {errors[reason.messageKey]}
        {reason.kind === 'validation' && reason.portalDescription && (
          <>
            {' '}
            {common.portalSaid} {reason.portalDescription}
          </>
        )}
      </Alert>
    );
  }
  if (error) {
    return (
      <Alert tone="danger" title={text.createFailedTitle}>
        {errors.unknown}
      </Alert>
    );
  }
  return null;
}
