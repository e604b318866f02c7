import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { useBitrix, type PickedUser } from '../../bitrix';
import { validateDraft, type TaskDraft } from '../../domain/task-draft';
import type { LinkedTask } from '../../domain/tasks';
import { detailTabPath } from '../../features/create-linked-task/detail-tab-path';
import { DuplicateConfirm } from '../../features/create-linked-task/DuplicateConfirm';
import { openTasksSummary, openTaskWithTitle } from '../../features/create-linked-task/open-linked-tasks';
import { TaskLink } from '../../features/create-linked-task/TaskLink';
import { CreateOutcome } from '../../features/create-linked-task/CreateOutcome';
import { LinkedItemFailure } from '../../features/create-linked-task/LinkedItemFailure';
import { linkedTaskMessages } from '../../features/create-linked-task/messages';
import { TaskLinksNotice } from '../../features/create-linked-task/TaskLinksNotice';
import { useCreateLinkedTask } from '../../features/create-linked-task/use-create-linked-task';
import { useDefaultDraft } from '../../features/create-linked-task/use-default-draft';
import { PlaybookChoices } from '../../features/stage-playbook/PlaybookChoices';
import { commonMessages, useI18n, useMessages } from '../../i18n';
import {
  Alert,
  Badge,
  Button,
  DateTimeField,
  Field,
  Person,
  QueryView,
  Skeleton,
  TextInput,
  type DateTimeEntry,
} from '../../ui';
import { useLinkedTasks } from '../../queries/tasks';
import { quickCreateKeys, type QuickCreateData } from './load-quick-create';
import { quickCreateQuery } from './quick-create-query';
import { quickCreateMessages } from './messages';
import { InUserZone } from '../../features/user-zone/InUserZone';

const SURFACE = 'st-surface qc';

/**
 * The compact panel of the timeline button, the card toolbar, the list row menu and the
 * timeline record menu: the linked task for one item with the tab's defaults (title,
 * responsible and deadline can be changed here; the rest through "More options…", the item's
 * tab), verification and one-click guarantee (the same create path as the tab), the item's
 * open tasks mentioned before a twin is made, then an offer to close.
 */
export function QuickCreate({
  entityTypeId,
  itemId,
  activityId,
}: {
  entityTypeId: number;
  itemId: number;
  activityId: number | null;
}) {
  const boundary = useBitrix();
  const queryClient = useQueryClient();
  const query = useQuery(quickCreateQuery(boundary, queryClient, entityTypeId, itemId, activityId));
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
        <InUserZone currentUser={data.currentUser}>
          <QuickCreatePanel data={data} />
        </InUserZone>
      )}
    </QueryView>
  );
}

function QuickCreatePanel({ data }: { data: QuickCreateData }) {
  const boundary = useBitrix();
  const queryClient = useQueryClient();
  const text = useMessages(quickCreateMessages);
  const linked = useMessages(linkedTaskMessages);
  const common = useMessages(commonMessages);
  const { locale } = useI18n();
  const creator = useCreateLinkedTask(data);
  const defaults = useDefaultDraft(data);
  const { item, smartProcess, currentUser, recordSubject } = data;
  const headingId = useId();
  const tasks = useLinkedTasks(item.entityTypeId, item.id, data.linkCode);
  const openTasks = openTasksSummary(tasks.data?.tasks ?? []);

  const [initial] = useState(defaults);
  const [useRecordSubject, setUseRecordSubject] = useState(recordSubject !== null);
  const [title, setTitle] = useState(recordSubject ?? initial.title);
  const [touched, setTouched] = useState(false);
  // Chosen in the portal's picker: to change the responsible, or because the item's is deactivated.
  const [chosen, setChosen] = useState<PickedUser | null>(null);
  const pickerCall = useRef(0);
  // The deadline as typed, in the user's Bitrix24 zone; null = untouched, the default is used
  // as of the moment of the click (by the portal's clock), as the tab's one click does.
  // Typed in the portal language's format (DateTimeField); text that is no date blocks the send.
  const [deadline, setDeadline] = useState<DateTimeEntry | null>(null);
  const [duplicate, setDuplicate] = useState<{ draft: TaskDraft; existing: LinkedTask } | null>(null);

  useEffect(() => {
    setTitle(useRecordSubject && recordSubject ? recordSubject : initial.title);
  }, [useRecordSubject, recordSubject, initial.title]);

  const typedDeadline = deadline === null ? undefined : deadline.kind === 'date' ? deadline.date : null;
  const deadlineUnreadable = deadline?.kind === 'unreadable';
  const draft: TaskDraft = {
    ...initial,
    title,
    responsibleId: chosen?.id ?? initial.responsibleId,
    ...(typedDeadline !== undefined ? { deadline: typedDeadline } : {}),
  };
  // "In the past" by the portal's clock; an untouched default is never in the past.
  const problems = validateDraft(draft, new Date(typedDeadline !== undefined ? boundary.portalNow() : 0));
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
  const send = (next: TaskDraft) => {
    const existing = openTaskWithTitle(tasks.data?.tasks ?? [], next.title);
    if (existing) {
      creator.reset();
      setDuplicate({ draft: next, existing });
      return;
    }
    setDuplicate(null);
    creator.create(next);
  };

  return (
    <section className={SURFACE} aria-labelledby={headingId}>
      <p className="st-muted">{text.itemLine(smartProcess.title || common.number(item.entityTypeId), item.id)}</p>
      <h1 className="st-title" id={headingId} title={item.title || undefined}>
        {item.title || common.number(item.id)}
      </h1>
      <TaskLinksNotice smartProcess={smartProcess} />
      {openTasks && !created && (
        <Alert
          tone="info"
          actions={
            <TaskLink
              taskId={openTasks.newest.id}
              currentUserId={currentUser.id}
              className="st-link"
              label={linked.openTask(openTasks.newest.title)}
            >
              {linked.openTask(openTasks.newest.title)}
            </TaskLink>
          }
        >
          {linked.openTasksNote(openTasks.count, openTasks.newest.title, locale)}
        </Alert>
      )}
      {/* An earlier click's task found: this click's title was not sent, so the form stays. */}
      {(!created || created.fromEarlierClick) && (
        <form
          className="st-stack"
          aria-label={text.heading}
          onSubmit={(event) => {
            event.preventDefault();
            setTouched(true);
            if (Object.keys(problems).length > 0 || deadlineUnreadable || linksOff) return;
            // Everything not changed here as the tab's one click would set it, at the moment of the click.
            const now = defaults();
            send({
              ...now,
              title: title.trim(),
              responsibleId: draft.responsibleId,
              deadline: typedDeadline !== undefined ? typedDeadline : now.deadline,
            });
          }}
        >
          {recordSubject !== null && (
            <label className="st-check">
              <input
                type="checkbox"
                checked={useRecordSubject}
                onChange={(event) => setUseRecordSubject(event.target.checked)}
              />
              {text.titleFromRecord}
            </label>
          )}
          <Field label={text.title} error={touched && problems.title ? linked.problems[problems.title] : undefined}>
            {(control) => (
              <TextInput
                {...control}
                value={title}
                maxLength={400}
                onChange={(event) => setTitle(event.target.value)}
              />
            )}
          </Field>
          <div className="qc-responsible">
            <span className="st-field__label">{text.responsible}</span>
            <span className="qc-responsible__value">
              {responsible ? <Person name={responsible.name} photoUrl={responsible.photoUrl} /> : text.nobody}
              {!chosen && data.responsible?.active === false && <Badge tone="warning">{text.inactive}</Badge>}
              {!mustChoose || chosen ? (
                <Button size="small" aria-label={text.changeResponsibleLabel} onClick={chooseResponsible}>
                  {text.changeResponsible}
                </Button>
              ) : null}
            </span>
          </div>
          <DateTimeField
            label={text.deadline}
            defaultValue={initial.deadline}
            onChange={setDeadline}
            hint={deadline?.kind === 'empty' || (deadline === null && !initial.deadline) ? text.noDeadline : undefined}
            error={touched && problems.deadline ? linked.problems[problems.deadline] : undefined}
            showUnreadable={touched}
          />
          {mustChoose && !chosen && (
            <Alert tone="warning" actions={<Button onClick={chooseResponsible}>{text.chooseResponsible}</Button>}>
              {touched && problems.responsible ? `${linked.problems[problems.responsible]} ` : ''}
              {text.inactiveChoose(data.responsible?.name || common.userFallbackName(item.assignedById ?? 0))}
            </Alert>
          )}
          {duplicate && (
            <DuplicateConfirm
              existing={duplicate.existing}
              currentUserId={currentUser.id}
              onConfirm={() => {
                setDuplicate(null);
                creator.create(duplicate.draft);
              }}
              onCancel={() => setDuplicate(null)}
            />
          )}
          <div className="st-actions">
            <Button type="submit" variant="primary" busy={creator.busy} singleClicksOnly disabled={linksOff}>
              {creator.phase === 'checking' ? linked.checking : creator.busy ? linked.creating : linked.createTask}
            </Button>
            <Button
              variant="link"
              title={text.moreOptionsHint}
              onClick={() =>
                void boundary.openPortalPath(detailTabPath(item.entityTypeId, item.id)).catch(() => undefined)
              }
            >
              {text.moreOptions}
            </Button>
          </div>
        </form>
      )}
      {/* The stage's templates: one click = that template's task (features/stage-playbook/). */}
      <PlaybookChoices
        data={data}
        stored={data.playbook}
        stages={data.stages}
        categories={data.categories}
        tasks={tasks}
        // The item left the stage: read the panel's batch again (its stage's templates).
        onStageMoved={() =>
          void queryClient.invalidateQueries({ queryKey: [...quickCreateKeys.all, item.entityTypeId, item.id] })
        }
      />
      <CreateOutcome
        created={created}
        error={creator.error}
        onDismiss={creator.reset}
        formKept={created?.fromEarlierClick === true}
      />
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
