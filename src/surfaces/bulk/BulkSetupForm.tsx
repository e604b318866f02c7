import { useCallback, useId, useMemo, useRef, useState } from 'react';
import { useBitrix, type PickedUser } from '../../bitrix';
import type { PlaybookRun } from '../../domain/bulk/checkpoint';
import type { BulkItemFilter } from '../../domain/bulk/item-filter';
import { PLACEHOLDERS, templateProblems, type TaskTemplate } from '../../domain/bulk/task-template';
import { templatesForStage } from '../../domain/playbooks/playbook-document';
import {
  addWorkingDays,
  fromDateTimeLocalInput,
  toDateTimeLocalInput,
  toPortalDateTime,
} from '../../domain/working-days';
import { DEFAULT_DEADLINE_WORKING_DAYS } from '../../domain/task-draft';
import { dateTimeInputFormat, useI18n, useMessages } from '../../i18n';
import { manifest } from '../../../placements/manifest';
import type { BulkSetup } from '../../queries/bulk-setup';
import { Alert, Button, Field, Panel, Select, TextArea, TextInput } from '../../ui';
import { ConfirmRun } from './ConfirmRun';
import { MatchCount, type RunSize } from './MatchCount';
import { bulkMessages } from './messages';
import { PersonChoice } from './PersonChoice';

/** What a run gives each item: one task from the form's template, or the stage playbook's missing tasks. */
export type RunWork = { kind: 'template'; template: TaskTemplate } | { kind: 'playbook'; playbook: PlaybookRun };

/** Which items, and what each gets; the count of matching items (and missing tasks) before anything runs. */
export function BulkSetupForm({
  setup,
  initialFunnel,
  onStart,
}: {
  setup: BulkSetup;
  initialFunnel: number | null;
  onStart: (filter: BulkItemFilter, work: RunWork, matched: number) => void;
}) {
  const text = useMessages(bulkMessages);
  const { locale, format, language } = useI18n();
  // Entered and shown in the portal language's format (native datetime-local shows the browser's).
  const deadlineFormat = dateTimeInputFormat(locale);
  const boundary = useBitrix();
  // Deadlines are read and shown on the clock of the user's Bitrix24 zone, not the computer's.
  const zone = format.timeZone;
  const entityTypeId = setup.smartProcess.entityTypeId;
  const knownFunnel =
    initialFunnel !== null && setup.categories.some((category) => category.id === initialFunnel) ? initialFunnel : null;
  const [categoryId, setCategoryId] = useState<number | null>(knownFunnel);
  const [stageId, setStageId] = useState<string | null>(null);
  const [itemResponsible, setItemResponsible] = useState<PickedUser | null>(null);
  const [onlyWithoutOpenTaskChosen, setOnlyWithoutOpenTask] = useState(true);
  const [mode, setMode] = useState<RunWork['kind']>('template');
  const [title, setTitle] = useState(text.defaultTitle);
  const [description, setDescription] = useState('');
  const [responsibleKind, setResponsibleKind] = useState<'item' | 'user'>('item');
  const [taskResponsible, setTaskResponsible] = useState<PickedUser | null>(null);
  const [deadlineText, setDeadlineText] = useState(() =>
    deadlineFormat.format(
      toDateTimeLocalInput(
        addWorkingDays(new Date(boundary.portalNow()), DEFAULT_DEADLINE_WORKING_DAYS, { timeZone: zone }),
        zone,
      ),
    ),
  );
  const [size, setSize] = useState<RunSize | null>(null);
  const [submitted, setSubmitted] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const titleRef = useRef<HTMLInputElement>(null);
  const responsibleHint = useId();
  const personErrorId = useId();

  const playbookMode = mode === 'playbook';
  // A playbook run gives each item what it is missing: "no open linked task" does not apply.
  const onlyWithoutOpenTask = onlyWithoutOpenTaskChosen && !playbookMode;
  const stored = setup.playbook;
  const playbookTemplates = useMemo(
    () => (stored?.kind === 'ok' && stageId !== null ? templatesForStage(stored.document, stageId) : []),
    [stored, stageId],
  );
  const playbookKeys = useMemo(
    () => (playbookMode && stageId !== null ? playbookTemplates.map((template) => template.key) : null),
    [playbookMode, stageId, playbookTemplates],
  );
  const filter = useMemo<BulkItemFilter>(
    () => ({ entityTypeId, categoryId, stageId, responsibleId: itemResponsible?.id ?? null, onlyWithoutOpenTask }),
    [entityTypeId, categoryId, stageId, itemResponsible, onlyWithoutOpenTask],
  );
  const deadlineWallClock = deadlineFormat.parse(deadlineText);
  const deadline = deadlineWallClock ? fromDateTimeLocalInput(deadlineWallClock, zone) : null;
  const template: TaskTemplate = {
    title,
    description,
    responsible:
      responsibleKind === 'user' && taskResponsible ? { kind: 'user', userId: taskResponsible.id } : { kind: 'item' },
    deadline: deadline
      ? toPortalDateTime(deadline, boundary.portalUtcOffsetMinutes())
      : deadlineText.trim() === ''
        ? null
        : 'invalid',
  };
  const problems = templateProblems(template);
  const titleProblem = problems.find((problem) => problem.field === 'title');
  const descriptionProblem = problems.find((problem) => problem.field === 'description');
  const deadlineProblem = problems.some((problem) => problem.field === 'deadline');
  const needsPerson = responsibleKind === 'user' && !taskResponsible;
  const linksOff = setup.smartProcess.allowsTaskLinks === false;
  const stages = categoryId === null ? [] : (setup.stagesByCategory.get(categoryId) ?? []);
  const onCount = useCallback((next: RunSize | null) => {
    setSize(next);
    // A confirmation is for the number it showed: a changed filter asks again.
    setConfirming(false);
  }, []);
  const tabTitle = manifest.surfaces.find((surface) => surface.id === 'detail-tab')?.title[language] ?? '';
  const tasks = size?.tasks ?? null;
  const stageName = stages.find((stage) => stage.id === stageId)?.name ?? stageId ?? '';
  const playbookReady = playbookKeys !== null && playbookKeys.length > 0;
  // Without a stage (or a playbook for it) the count is of items, never of missing tasks.
  const startLabel =
    playbookMode && stageId === null
      ? text.startPlaybookNeedsStage
      : size === null || tasks === null
        ? text.startCounting
        : playbookMode
          ? size.exact && playbookReady
            ? text.startPlaybook(tasks, locale)
            : text.startPlaybookUpTo(size.matched, locale)
          : size.exact
            ? text.startExact(tasks, locale)
            : text.start(tasks, locale);
  const playbookProblem = !playbookMode
    ? null
    : stageId === null
      ? text.playbookNeedsStage
      : stored === null
        ? text.playbookUnreadable
        : stored.kind === 'newer-schema'
          ? text.playbookNewer
          : stored.kind === 'invalid'
            ? text.playbookInvalid
            : playbookTemplates.length === 0
              ? text.playbookNone(stageName)
              : null;
  const canStart = Boolean(tasks) && !linksOff && (!playbookMode || playbookReady);

  const problemText = (problem: (typeof problems)[number] | undefined): string | undefined => {
    if (!problem) return undefined;
    if (problem.kind === 'unknown-placeholder') return text.unknownPlaceholder(problem.name);
    if (problem.kind === 'empty') return text.titleMissing;
    return text.deadlineInvalid;
  };

  const insert = (token: string) => {
    const input = titleRef.current;
    const start = input?.selectionStart ?? title.length;
    const end = input?.selectionEnd ?? title.length;
    setTitle(`${title.slice(0, start)}${token}${title.slice(end)}`);
    input?.focus();
  };

  return (
    <form
      className="st-stack bk-form"
      onSubmit={(event) => {
        event.preventDefault();
        setSubmitted(true);
        if (!canStart || !size) return;
        if (!playbookMode && (problems.length > 0 || needsPerson)) return;
        // Nothing runs before the user has seen how many tasks, for whom and until when.
        setConfirming(true);
      }}
    >
      <Panel title={text.whichItems}>
        <div className="st-form-row">
          <Field label={text.funnel}>
            {(control) => (
              <Select
                {...control}
                value={categoryId === null ? '' : String(categoryId)}
                onChange={(event) => {
                  setCategoryId(event.target.value === '' ? null : Number(event.target.value));
                  setStageId(null);
                }}
              >
                <option value="">{text.allFunnels}</option>
                {setup.categories.map((category) => (
                  <option key={category.id} value={category.id}>
                    {category.name}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field label={text.stage} hint={categoryId === null ? text.stageNeedsFunnel : undefined}>
            {(control) => (
              <Select
                {...control}
                value={stageId ?? ''}
                disabled={categoryId === null}
                onChange={(event) => setStageId(event.target.value === '' ? null : event.target.value)}
              >
                <option value="">{text.anyStage}</option>
                {stages.map((stage) => (
                  <option key={stage.id} value={stage.id}>
                    {stage.name}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        </div>
        <div className="st-field">
          <span className="st-field__label" id={responsibleHint}>
            {text.responsibleFilter}: {itemResponsible ? '' : text.anyone}
          </span>
          <PersonChoice
            person={itemResponsible}
            onChange={setItemResponsible}
            chooseLabel={text.choosePerson}
            chooseName={text.chooseItemResponsible}
            clearLabel={text.clearPerson}
            describedBy={responsibleHint}
          />
        </div>
        <fieldset className="bk-radios">
          <legend className="st-field__label">{text.whatEachGets}</legend>
          <label className="st-check">
            <input type="radio" name="mode" checked={!playbookMode} onChange={() => setMode('template')} />
            {text.modeTemplate}
          </label>
          <label className="st-check">
            <input type="radio" name="mode" checked={playbookMode} onChange={() => setMode('playbook')} />
            {text.modePlaybook}
          </label>
        </fieldset>
        {!playbookMode && (
          <label className="st-check">
            <input
              type="checkbox"
              checked={onlyWithoutOpenTask}
              onChange={(event) => setOnlyWithoutOpenTask(event.target.checked)}
            />
            {text.onlyWithoutOpenTask}
          </label>
        )}
        {onlyWithoutOpenTask && !boundary.session.isAdmin && (
          // The portal shows a user only the tasks they take part in (or their team's): another
          // user's task on an item can be invisible here, and that item is not skipped.
          <p className="st-muted" data-testid="bulk-visible-tasks-only">
            {text.onlyTasksYouSee}
          </p>
        )}
        <MatchCount
          filter={filter}
          shortCode={setup.smartProcess.shortCode}
          playbookKeys={playbookKeys}
          onCount={onCount}
        />
      </Panel>

      {playbookMode ? (
        <Panel title={text.playbookTitle}>
          {playbookProblem ? (
            <Alert tone="info">{playbookProblem}</Alert>
          ) : (
            <ol className="bk-list" data-testid="bulk-playbook">
              {playbookTemplates.map((template) => (
                <li key={template.key}>
                  {template.title}
                  {template.checklist.length > 0 && (
                    <span className="st-muted"> · {text.checklistLines(template.checklist.length, locale)}</span>
                  )}
                </li>
              ))}
            </ol>
          )}
        </Panel>
      ) : (
        <Panel title={text.theTask}>
          <Field
            label={text.taskTitle}
            error={submitted || titleProblem?.kind === 'unknown-placeholder' ? problemText(titleProblem) : undefined}
          >
            {(control) => (
              <TextInput
                {...control}
                ref={titleRef}
                value={title}
                maxLength={400}
                onChange={(event) => setTitle(event.target.value)}
              />
            )}
          </Field>
          <div className="bk-placeholders">
            <span>{text.insert}</span>
            {PLACEHOLDERS.map((name) => (
              <Button
                key={name}
                size="small"
                variant="secondary"
                aria-label={text.insertPlaceholder(text.placeholder[name])}
                onClick={() => insert(`{${name}}`)}
              >
                {`{${name}}`}
              </Button>
            ))}
          </div>
          <Field label={text.taskDescription} error={problemText(descriptionProblem)}>
            {(control) => (
              <TextArea
                {...control}
                rows={3}
                value={description}
                onChange={(event) => setDescription(event.target.value)}
              />
            )}
          </Field>
          <fieldset className="bk-radios">
            <legend className="st-field__label">{text.taskResponsible}</legend>
            <label className="st-check">
              <input
                type="radio"
                name="responsible"
                checked={responsibleKind === 'item'}
                onChange={() => setResponsibleKind('item')}
              />
              {text.eachItemsResponsible}
            </label>
            <label className="st-check">
              <input
                type="radio"
                name="responsible"
                checked={responsibleKind === 'user'}
                onChange={() => setResponsibleKind('user')}
              />
              {text.onePerson}
            </label>
            {responsibleKind === 'user' && (
              <PersonChoice
                person={taskResponsible}
                onChange={(person) => {
                  setTaskResponsible(person);
                  if (person) setResponsibleKind('user');
                }}
                chooseLabel={text.choosePerson}
                chooseName={text.chooseTaskResponsible}
                describedBy={submitted && needsPerson ? personErrorId : undefined}
              />
            )}
            {submitted && needsPerson && (
              <span className="st-field__error" id={personErrorId} role="alert">
                {text.personMissing}
              </span>
            )}
          </fieldset>
          <Field
            label={text.deadline}
            hint={`${deadlineFormat.pattern}. ${text.deadlineHint}`}
            error={deadlineProblem ? text.deadlineInvalid : undefined}
          >
            {(control) => (
              <TextInput
                {...control}
                inputMode="numeric"
                autoComplete="off"
                placeholder={deadlineFormat.pattern}
                value={deadlineText}
                onChange={(event) => setDeadlineText(event.target.value)}
                onBlur={() => {
                  // Tidy what was typed into the locale's own spelling once it reads as a date.
                  const read = deadlineFormat.parse(deadlineText);
                  if (read) setDeadlineText(deadlineFormat.format(read));
                }}
              />
            )}
          </Field>
        </Panel>
      )}

      {linksOff && <Alert tone="warning">{text.linksOff(tabTitle)}</Alert>}
      {size?.matched === 0 && <Alert tone="info">{text.nothingToDo}</Alert>}
      {confirming && size && tasks ? (
        <ConfirmRun
          tasks={tasks}
          exact={size.exact}
          title={title}
          person={responsibleKind === 'user' ? taskResponsible : null}
          deadline={deadline}
          playbook={
            playbookMode
              ? { items: size.exact ? (size.items ?? size.matched) : size.matched, templates: playbookTemplates }
              : null
          }
          onConfirm={() => {
            setConfirming(false);
            if (playbookMode && stageId !== null && stored?.kind === 'ok')
              onStart(
                filter,
                {
                  kind: 'playbook',
                  playbook: { stageId, revision: stored.document.revision, templates: playbookTemplates },
                },
                size.matched,
              );
            else onStart(filter, { kind: 'template', template }, size.matched);
          }}
          onBack={() => setConfirming(false)}
        />
      ) : (
        <div className="st-actions">
          <Button type="submit" variant="primary" disabled={!canStart}>
            {startLabel}
          </Button>
        </div>
      )}
    </form>
  );
}
