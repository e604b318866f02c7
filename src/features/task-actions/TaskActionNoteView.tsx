import { commonMessages, useMessages } from '../../i18n';
import { Alert, Button } from '../../ui';
import { taskActionMessages } from './messages';
import type { TaskActionNote } from './use-task-actions';

/**
 * What became of an action that did not simply work: WHAT was not done (the title names the
 * action) and WHY (no right, task gone, the portal's limit, session ended, lost answer and what
 * the re-read found), with the portal's own words when it gave some. Portal text is text.
 */
export function TaskActionNoteView({
  note,
  onDismiss,
  named = false,
}: {
  note: TaskActionNote;
  onDismiss: () => void;
  /** Name the task in the title (where the note does not sit in the task's own row). */
  named?: boolean;
}) {
  const text = useMessages(taskActionMessages);
  const common = useMessages(commonMessages);
  const { action, outcome } = note;
  const dismiss = (
    <Button size="small" variant="link" onClick={onDismiss}>
      {common.dismiss}
    </Button>
  );
  if (outcome.kind === 'refused') {
    const said = outcome.reason === 'rejected' ? outcome.error.portalDescription : undefined;
    return (
      <Alert
        tone="danger"
        title={named ? text.notDoneNamed(text.notDone[action.kind], note.title) : text.notDone[action.kind]}
        actions={dismiss}
      >
        <p>{text.because[outcome.reason]}</p>
        {said && (
          <p>
            {common.portalSaid} {said}
          </p>
        )}
      </Alert>
    );
  }
  if (outcome.kind === 'uncertain') {
    return (
      <Alert tone={outcome.landed ? 'info' : 'warning'} title={text.unsureTitle} actions={dismiss}>
        <p>{outcome.landed ? text.unsureLanded[action.kind] : text.unsureNotLanded}</p>
      </Alert>
    );
  }
  return (
    <Alert tone="warning" title={text.unsureTitle} actions={dismiss}>
      <p>{text.unsureUnread}</p>
    </Alert>
  );
}
