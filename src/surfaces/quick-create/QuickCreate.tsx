import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { useBitrix, type PickedUser } from '../../bitrix';
import { validateDraft, type TaskDraft } from '../../domain/task-draft';
import { CreateOutcome } from '../../features/create-linked-task/CreateOutcome';
import { LinkedItemFailure } from '../../features/create-linked-task/LinkedItemFailure';
import { retryLinkedItemRead } from '../../features/create-linked-task/load-linked-item';
import { linkedTaskMessages } from '../../features/create-linked-task/messages';
import { TaskLinksNotice } from '../../features/create-linked-task/TaskLinksNotice';
import { useCreateLinkedTask } from '../../features/create-linked-task/use-create-linked-task';
import { useDefaultDraft } from '../../features/create-linked-task/use-default-draft';
import { commonMessages, I18nProvider, useI18n, useMessages } from '../../i18n';
import { Alert, Badge, Button, Field, Person, QueryView, Skeleton, TextInput } from '../../ui';
import { userZone } from '../../queries/users';
import { loadQuickCreate, quickCreateKeys, type QuickCreateData } from './load-quick-create';
import { quickCreateMessages } from './messages';

const SURFACE = 'st-surface qc';

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
    retry: retryLinkedItemRead,
  });
  const text = useMessages(quickCreateMessages);
  return (
    <QueryView
      query={query}
      className={SURFACE}
      loadingLabel={text.loadingLabel}
      skeleton={
        <>
          <Skeleton width="50%" height={22} />
          <Skeleton height={36} />
          <Skeleton width="30%" height={36} />
        </>
      }
      failure={(error, retry) => <LinkedItemFailure error={error} {...retry} />}
    >
      {(data) => (
        <I18nProvider bitrixLanguage={boundary.session.bitrixLanguage} timeZone={userZone(boundary, data.currentUser.timeZone)}>
          <QuickCreatePanel data={data} />
        </I18nProvider>
      )}
    </QueryView>
  );
}

function QuickCreatePanel({ data }: { data: QuickCreateData }) {
  const boundary = useBitrix();
  const text = useMessages(quickCreateMessages);
  const linked = useMessages(linkedTaskMessages);
  const common = useMessages(commonMessages);
  const { format } = useI18n();
  const creator = useCreateLinkedTask(data);
  const defaults = useDefaultDraft(data);
  const { item, smartProcess, currentUser, recordSubject } = data;
  const headingId = useId();

  const [initial] = useState(defaults);
  const [useRecordSubject, setUseRecordSubject] = useState(recordSubject !== null);
  const [title, setTitle] = useState(recordSubject ?? initial.title);
  const [touched, setTouched] = useState(false);
  // Chosen in the portal's picker when the item's responsible is deactivated (no default then).
  const [chosen, setChosen] = useState<PickedUser | null>(null);
  const pickerCall = useRef(0);

  useEffect(() => {
    setTitle(useRecordSubject && recordSubject ? recordSubject : initial.title);
  }, [useRecordSubject, recordSubject, initial.title]);

  const draft: TaskDraft = { ...initial, title, responsibleId: chosen?.id ?? initial.responsibleId };
  const problems = validateDraft(draft, new Date(0));
  const linksOff = smartProcess.allowsTaskLinks === false;
  const mustChoose = initial.responsibleId <= 0;
  const responsible = chosen ?? data.responsible ?? (draft.responsibleId === currentUser.id ? currentUser : null);
  const chooseResponsible = () => {
    // Only the latest picker's answer counts; a cancelled one simply never answers.
    const call = ++pickerCall.current;
    boundary.pickUser().then(
      (user) => {
        if (user && call === pickerCall.current) setChosen(user);
      },
      () => undefined,
    );
  };
  const created = creator.created;

  return (
    <section className={SURFACE} aria-labelledby={headingId}>
      <p className="st-muted">{text.itemLine(smartProcess.title || common.number(item.entityTypeId), item.id)}</p>
      <h1 className="st-title" id={headingId} title={item.title || undefined}>
        {item.title || common.number(item.id)}
      </h1>
      <TaskLinksNotice smartProcess={smartProcess} />
      {/* An earlier click's task found: this click's title was not sent, so the form stays. */}
      {(!created || created.fromEarlierClick) && (
        <form
          className="st-stack"
          aria-label={text.heading}
          onSubmit={(event) => {
            event.preventDefault();
            setTouched(true);
            if (Object.keys(problems).length > 0 || linksOff) return;
            // Deadline and the rest as the tab's one click would set them, at the moment of the click.
            creator.create({ ...defaults(), title: title.trim(), responsibleId: draft.responsibleId });
          }}
        >
          {recordSubject !== null && (
            <label className="st-check">
              <input type="checkbox" checked={useRecordSubject} onChange={(event) => setUseRecordSubject(event.target.checked)} />
              {text.titleFromRecord}
            </label>
          )}
          <Field label={text.title} error={touched && problems.title ? linked.problems[problems.title] : undefined}>
            {(control) => <TextInput {...control} value={title} maxLength={400} onChange={(event) => setTitle(event.target.value)} />}
          </Field>
          <dl className="st-facts">
            <div>
              <dt>{text.responsible}</dt>
              <dd>
                {responsible ? <Person name={responsible.name} photoUrl={responsible.photoUrl} /> : text.nobody}
                {!chosen && data.responsible?.active === false && <Badge tone="warning">{text.inactive}</Badge>}
              </dd>
            </div>
            <div>
              <dt>{text.deadline}</dt>
              <dd>{initial.deadline ? format.dateTime(initial.deadline) : text.noDeadline}</dd>
            </div>
          </dl>
          {mustChoose && !chosen && (
            <Alert tone="warning" actions={<Button onClick={chooseResponsible}>{text.chooseResponsible}</Button>}>
              {touched && problems.responsible ? `${linked.problems[problems.responsible]} ` : ''}
              {text.inactiveChoose(data.responsible?.name || common.userFallbackName(item.assignedById ?? 0))}
            </Alert>
          )}
          <div className="st-actions">
            <Button type="submit" variant="primary" busy={creator.busy} singleClicksOnly disabled={linksOff}>
              {creator.phase === 'checking' ? linked.checking : creator.busy ? linked.creating : linked.createTask}
            </Button>
          </div>
        </form>
      )}
      <CreateOutcome created={created} error={creator.error} onDismiss={creator.reset} formKept={created?.fromEarlierClick === true} />
      {created && (
        <div className="st-actions">
          <Button variant="primary" title={text.closeHint} onClick={() => void boundary.closeApplication()}>
            {common.close}
          </Button>
        </div>
      )}
    </section>
  );
}
