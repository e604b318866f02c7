import { commonMessages, errorMessages, useI18n, useMessages } from '../../i18n';
import { Alert, Button } from '../../ui';
import {
  CreateFailedError,
  CreateNotLandedError,
  CreateTargetGoneError,
  CreateUnconfirmedError,
} from '../create-linked-task/create-linked-task';
import { PlaybookStageMovedError, type PlaybookCreateResult } from './create-playbook-tasks';
import { stagePlaybookMessages } from './messages';

/**
 * What became of the last playbook click: the tasks made (or found: an earlier click's, a lost
 * answer's, another click's twin), what the portal refused and what is still missing, checklist
 * lines that could not be added; or why nothing was created (item or smart process gone, the
 * item left the stage, the session ended, the request did not arrive, not known yet).
 * `stageName` names a stage id for the "moved" message.
 */
export function PlaybookOutcome({
  result,
  error,
  stageName,
  titleOf,
  onDismiss,
}: {
  result: PlaybookCreateResult | null | undefined;
  error: Error | null;
  stageName: (stageId: string | null) => string;
  /** The title a template's task carries (for messages about one template). */
  titleOf: (templateKey: string) => string;
  onDismiss: () => void;
}) {
  const text = useMessages(stagePlaybookMessages);
  const common = useMessages(commonMessages);
  const errors = useMessages(errorMessages);
  const { locale, format } = useI18n();
  const dismiss = (
    <Button variant="link" onClick={onDismiss}>
      {common.dismiss}
    </Button>
  );

  if (result) {
    const made = result.tasks.filter((entry) => entry.source !== 'already-linked');
    const twins = result.tasks.filter((entry) => entry.source === 'already-linked');
    const dropped = made.filter((entry) => entry.linkKept === false);
    const unconfirmed = made.some((entry) => entry.linkKept === null);
    const sources = new Set(made.map((entry) => entry.source));
    const lead = sources.has('earlier-click')
      ? text.earlierClickText
      : sources.has('recovered')
        ? text.recoveredText
        : made.length > 0
          ? text.createdText(made.length, locale)
          : '';
    const partial = result.refused !== null || result.notCreated.length > 0 || result.checklistMissing.length > 0;
    return (
      <Alert
        tone={partial || dropped.length > 0 ? 'warning' : 'success'}
        title={result.refused ? text.refusedTitle(titleOf(result.refused.templateKey)) : text.createdTitle}
        actions={dismiss}
      >
        {lead}
        {twins.length > 0 && ` ${text.alreadyLinkedText(format.list(twins.map((entry) => `“${entry.task.title}”`)))}`}
        {dropped.length > 0 && ` ${text.linkDroppedText(format.list(dropped.map((entry) => `“${entry.task.title}”`)))}`}
        {unconfirmed && ` ${text.linkUnconfirmedText}`}
        {result.refused && (
          <>
            {' '}
            {errors[result.refused.error.messageKey]}
            {result.refused.error.portalDescription && (
              <>
                {' '}
                {common.portalSaid} {result.refused.error.portalDescription}
              </>
            )}
          </>
        )}
        {result.notCreated.length > 0 && ` ${text.notCreatedText(result.notCreated.length, locale)}`}
        {result.checklistMissing.map(
          (entry) => ` ${text.checklistMissingText(titleOf(entry.templateKey), entry.lines)}`,
        )}
        {result.duplicatesLeft > 0 && ` ${text.duplicatesLeftText(result.duplicatesLeft)}`}
      </Alert>
    );
  }

  if (error instanceof CreateUnconfirmedError)
    return (
      <Alert tone="warning" title={text.unconfirmedTitle}>
        {text.unconfirmedText}
      </Alert>
    );
  if (error instanceof CreateNotLandedError)
    return (
      <Alert tone="danger" title={text.failedTitle}>
        {text.notLandedText}
      </Alert>
    );
  if (error instanceof PlaybookStageMovedError)
    return (
      <Alert tone="warning" title={text.stageMovedTitle} actions={dismiss}>
        {text.stageMovedText(stageName(error.fromStageId), error.toStageId ? stageName(error.toStageId) : '')}
      </Alert>
    );
  if (error instanceof CreateTargetGoneError)
    return (
      <Alert tone="danger" title={text.failedTitle}>
        {error.gone === 'smart-process' ? text.smartProcessGoneText : text.itemGoneText}
      </Alert>
    );
  if (
    error instanceof CreateFailedError &&
    (error.reason.kind === 'auth-expired' || error.reason.kind === 'auth-invalid')
  )
    return (
      <Alert tone="danger" title={text.failedTitle}>
        {text.sessionEndedText}
      </Alert>
    );
  if (error instanceof CreateFailedError)
    return (
      <Alert tone="danger" title={text.failedTitle} actions={dismiss}>
        {errors[error.reason.messageKey]}
        {error.reason.portalDescription && (
          <>
            {' '}
            {common.portalSaid} {error.reason.portalDescription}
          </>
        )}
      </Alert>
    );
  if (error)
    return (
      <Alert tone="danger" title={text.failedTitle}>
        {errors.unknown}
      </Alert>
    );
  return null;
}
