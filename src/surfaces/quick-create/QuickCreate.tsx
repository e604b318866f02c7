import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { isBitrixError, useBitrix } from '../../bitrix';
import { READ_RETRIES } from '../../app/query-client';
import { defaultTaskDraft, validateDraft, type TaskDraft } from '../../domain/task-draft';
import { commonMessages, errorMessages, I18nProvider, useI18n, useMessages } from '../../i18n';
import { Alert, Button, Field, Person, Skeleton, TextInput } from '../../ui';
import { CreateOutcome } from '../detail-tab/CreateOutcome';
import { TaskLinksNotice } from '../detail-tab/TaskLinksNotice';
import { useCreateLinkedTask } from '../detail-tab/use-create-linked-task';
import { loadQuickCreate, QuickCreateError, quickCreateKeys, type QuickCreateData } from './load-quick-create';
import { quickCreateMessages } from './messages';

/**
 * The compact panel of the timeline button, the card toolbar, the list row menu and the
 * timeline record menu: the linked task for one item with the tab's defaults, verification
 * and one-click guarantee (the same create path as the tab), then an offer to close.
 */
export function QuickCreate({ entityTypeId, itemId, activityId }: { entityTypeId: number; itemId: number; activityId: number | null }) {
  const boundary = useBitrix();
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: quickCreateKeys.data(entityTypeId, itemId, activityId),
    queryFn: () => loadQuickCreate(boundary, queryClient, entityTypeId, itemId, activityId),
    staleTime: 60_000,
    retry: (failureCount, error) =>
      error instanceof QuickCreateError && error.problem === 'failed' && error.reason.isTransient && failureCount < READ_RETRIES,
  });
  const text = useMessages(quickCreateMessages);
  if (query.isPending) {
    return (
      <div className="qc" role="status" aria-busy="true" aria-label={text.loadingLabel}>
        <Skeleton width="50%" height={22} />
        <Skeleton height={36} />
        <Skeleton width="30%" height={36} />
      </div>
    );
  }
  if (query.isError) return <QuickCreateFailure error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />;
  return (
    <I18nProvider bitrixLanguage={boundary.session.bitrixLanguage} timeZone={query.data.currentUser.timeZone}>
      <QuickCreatePanel data={query.data} />
    </I18nProvider>
  );
}

function QuickCreatePanel({ data }: { data: QuickCreateData }) {
  const boundary = useBitrix();
  const text = useMessages(quickCreateMessages);
  const { format } = useI18n();
  const creator = useCreateLinkedTask(data);
  const { item, smartProcess, currentUser, recordSubject } = data;
  const headingId = useId();

  const defaults = (): TaskDraft =>
    defaultTaskDraft({
      smartProcessTitle: smartProcess.title,
      itemTitle: item.title,
      itemId: item.id,
      itemResponsibleId: item.assignedById,
      currentUserId: currentUser.id,
      now: new Date(),
      descriptionIntro: text.descriptionIntro(smartProcess.title, item.title || `#${item.id}`),
    });
  const [initial] = useState(defaults);
  const [useRecordSubject, setUseRecordSubject] = useState(recordSubject !== null);
  const [title, setTitle] = useState(recordSubject ?? initial.title);
  const [touched, setTouched] = useState(false);

  useEffect(() => {
    setTitle(useRecordSubject && recordSubject ? recordSubject : initial.title);
  }, [useRecordSubject, recordSubject, initial.title]);

  const draft: TaskDraft = { ...initial, title };
  const problems = validateDraft(draft, new Date(0));
  const linksOff = smartProcess.allowsTaskLinks === false;
  const responsible = data.responsible ?? (draft.responsibleId === currentUser.id ? currentUser : null);
  const created = creator.created;

  return (
    <section className="qc" aria-labelledby={headingId}>
      <p className="qc-kicker">{text.itemLine(smartProcess.title || `#${item.entityTypeId}`, item.id)}</p>
      <h1 className="qc-title" id={headingId}>
        {item.title || `#${item.id}`}
      </h1>
      <TaskLinksNotice smartProcess={smartProcess} />
      {!created && (
        <form
          className="qc-form"
          aria-label={text.heading}
          onSubmit={(event) => {
            event.preventDefault();
            setTouched(true);
            if (Object.keys(problems).length > 0 || linksOff) return;
            // Deadline and the rest as the tab's one click would set them, at the moment of the click.
            creator.create({ ...defaults(), title: title.trim() });
          }}
        >
          {recordSubject !== null && (
            <label className="qc-check">
              <input type="checkbox" checked={useRecordSubject} onChange={(event) => setUseRecordSubject(event.target.checked)} />
              {text.titleFromRecord}
            </label>
          )}
          <Field label={text.title} error={touched && problems.title ? text.problems[problems.title] : undefined}>
            {(control) => <TextInput {...control} value={title} maxLength={400} onChange={(event) => setTitle(event.target.value)} />}
          </Field>
          <dl className="qc-facts">
            <div>
              <dt>{text.responsible}</dt>
              <dd>{responsible ? <Person name={responsible.name} photoUrl={responsible.photoUrl} /> : text.nobody}</dd>
            </div>
            <div>
              <dt>{text.deadline}</dt>
              <dd>{initial.deadline ? format.dateTime(initial.deadline) : text.noDeadline}</dd>
            </div>
          </dl>
          <div className="qc-actions">
            <Button type="submit" variant="primary" busy={creator.busy} disabled={linksOff}>
              {creator.phase === 'checking' ? text.checking : creator.busy ? text.creating : text.create}
            </Button>
          </div>
        </form>
      )}
      <CreateOutcome created={created} error={creator.error} onDismiss={creator.reset} />
      {created && (
        <div className="qc-actions">
          <Button variant="primary" title={text.closeHint} onClick={() => void boundary.closeApplication()}>
            {text.close}
          </Button>
        </div>
      )}
    </section>
  );
}

function QuickCreateFailure({ error, onRetry, retrying }: { error: Error; onRetry: () => void; retrying: boolean }) {
  const text = useMessages(quickCreateMessages);
  const common = useMessages(commonMessages);
  const errors = useMessages(errorMessages);
  const problem = error instanceof QuickCreateError ? error.problem : 'failed';
  const reason = error instanceof QuickCreateError ? error.reason : isBitrixError(error) ? error : null;
  const [title, body] =
    problem === 'item-missing'
      ? [text.itemMissingTitle, text.itemMissingText]
      : problem === 'smart-process-missing'
        ? [text.smartProcessMissingTitle, text.smartProcessMissingText]
        : problem === 'no-access'
          ? [text.noAccessTitle, text.noAccessText]
          : [text.loadFailedTitle, reason ? errors[reason.messageKey] : errors.unknown];
  return (
    <div className="qc">
      <Alert
        tone={problem === 'failed' ? 'danger' : 'warning'}
        title={title}
        actions={
          <Button onClick={onRetry} busy={retrying}>
            {common.retry}
          </Button>
        }
      >
        {body}
      </Alert>
    </div>
  );
}
