import { useRef, useState, type FormEvent } from 'react';
import { useBitrix, type PickedUser } from '../../bitrix';
import { validateDraft, type DraftProblems, type TaskDraft, type TaskPriority } from '../../domain/task-draft';
import { commonMessages, useMessages } from '../../i18n';
import { CreateFailedError } from '../../features/create-linked-task/create-linked-task';
import type { User } from '../../queries/users';
import {
  Button,
  DateTimeField,
  Field,
  FieldGroup,
  Person,
  Select,
  TextArea,
  TextInput,
  type DateTimeEntry,
} from '../../ui';
import { linkedTaskMessages } from '../../features/create-linked-task/messages';
import { detailTabMessages } from './messages';

interface Person {
  id: number;
  name: string;
  photoUrl: string | null;
}

type FieldName = 'title' | 'responsible' | 'deadline';

/** Which field a portal validation error is about, when its text says so. */
export function fieldOfPortalError(error: Error | null): FieldName | null {
  if (!(error instanceof CreateFailedError) || error.reason.kind !== 'validation') return null;
  const text = `${error.reason.field ?? ''} ${error.reason.portalDescription ?? ''}`.toLowerCase();
  if (/title/.test(text)) return 'title';
  if (/responsible/.test(text)) return 'responsible';
  if (/deadline|date/.test(text)) return 'deadline';
  return null;
}

/**
 * The full form: title, description, responsible and participants through the portal's user
 * picker, deadline, priority. A cancelled picker never answers, so the form never waits on it.
 */
export function CustomizeTaskForm({
  initial,
  users,
  busy,
  submitError,
  onSubmit,
  onCancel,
}: {
  initial: TaskDraft;
  users: ReadonlyMap<number, User>;
  busy: boolean;
  submitError: Error | null;
  onSubmit: (draft: TaskDraft) => void;
  onCancel: () => void;
}) {
  const boundary = useBitrix();
  const text = useMessages(detailTabMessages);
  const linked = useMessages(linkedTaskMessages);
  const common = useMessages(commonMessages);
  const known = (id: number): Person => {
    const user = users.get(id);
    return { id, name: user?.name || common.userFallbackName(id), photoUrl: user?.photoUrl ?? null };
  };

  const [title, setTitle] = useState(initial.title);
  const [description, setDescription] = useState(initial.description);
  const [responsible, setResponsible] = useState<Person | null>(
    initial.responsibleId > 0 ? known(initial.responsibleId) : null,
  );
  const [participants, setParticipants] = useState<Person[]>(initial.participantIds.map(known));
  // Typed in the portal language's format, on the clock of the user's Bitrix24 zone (DateTimeField).
  const [deadline, setDeadline] = useState<DateTimeEntry>(
    initial.deadline ? { kind: 'date', date: initial.deadline } : { kind: 'empty' },
  );
  const [submitted, setSubmitted] = useState(false);
  const [priority, setPriority] = useState<TaskPriority>(initial.priority);
  const [problems, setProblems] = useState<DraftProblems>({});
  const pickerCall = useRef(0);
  const titleInput = useRef<HTMLInputElement>(null);
  const deadlineInput = useRef<HTMLInputElement>(null);
  const responsibleButton = useRef<HTMLButtonElement>(null);

  const fromPicker = (user: PickedUser): Person => ({
    id: user.id,
    name: user.name || known(user.id).name,
    photoUrl: user.photoUrl,
  });

  const chooseResponsible = () => {
    // Only the latest picker's answer counts; a cancelled one simply never answers.
    const call = ++pickerCall.current;
    boundary.pickUser().then(
      (user) => {
        if (user && call === pickerCall.current) setResponsible(fromPicker(user));
      },
      () => undefined,
    );
  };

  const addParticipants = () => {
    const call = ++pickerCall.current;
    boundary.pickUsers().then(
      (picked) => {
        if (call !== pickerCall.current) return;
        setParticipants((current) => {
          const byId = new Map(current.map((person) => [person.id, person]));
          for (const user of picked) byId.set(user.id, fromPicker(user));
          return [...byId.values()];
        });
      },
      () => undefined,
    );
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const deadlineDate = deadline.kind === 'date' ? deadline.date : null;
    // Text that is no date is never sent as "no deadline": the field says so and nothing goes.
    const unreadable = deadline.kind === 'unreadable';
    const draft: TaskDraft = {
      title,
      description,
      responsibleId: responsible?.id ?? 0,
      participantIds: participants.map((person) => person.id),
      deadline: deadlineDate,
      priority,
    };
    // "In the past" by the portal's clock, not the computer's.
    const found = validateDraft(draft, new Date(boundary.portalNow()));
    setProblems(found);
    setSubmitted(true);
    if (found.title) titleInput.current?.focus();
    else if (found.responsible) responsibleButton.current?.focus();
    else if (found.deadline || unreadable) deadlineInput.current?.focus();
    if (Object.keys(found).length > 0 || unreadable) return;
    onSubmit(draft);
  };

  const portalField = fieldOfPortalError(submitError);
  const portalText = submitError instanceof CreateFailedError ? submitError.reason.portalDescription : undefined;
  const errorFor = (field: FieldName) =>
    problems[field] ? linked.problems[problems[field]] : portalField === field ? portalText : undefined;

  return (
    <form className="dt-form" onSubmit={submit} noValidate aria-label={text.formTitle}>
      <h3 className="dt-form__title">{text.formTitle}</h3>
      <Field label={text.formTitleLabel} error={errorFor('title')}>
        {(control) => (
          <TextInput
            {...control}
            ref={titleInput}
            value={title}
            maxLength={500}
            onChange={(event) => setTitle(event.target.value)}
          />
        )}
      </Field>
      <Field label={text.formDescriptionLabel} hint={text.formDescriptionHint}>
        {(control) => (
          <TextArea
            {...control}
            value={description}
            rows={3}
            onChange={(event) => setDescription(event.target.value)}
          />
        )}
      </Field>
      <FieldGroup legend={text.formResponsibleLabel} error={errorFor('responsible')}>
        <div className="dt-form__people">
          {responsible && <Person name={responsible.name} photoUrl={responsible.photoUrl} />}
          <Button ref={responsibleButton} size="small" onClick={chooseResponsible} title={text.pickerHint}>
            {text.chooseResponsible}
          </Button>
        </div>
      </FieldGroup>
      <FieldGroup legend={text.formParticipantsLabel}>
        <ul className="dt-form__people dt-form__people--list">
          {participants.length === 0 && <li className="st-muted">{text.formNoParticipants}</li>}
          {participants.map((person) => (
            <li key={person.id} className="dt-chip">
              <Person name={person.name} photoUrl={person.photoUrl} size={22} />
              <Button
                variant="link"
                aria-label={text.removeParticipant(person.name)}
                onClick={() => setParticipants((current) => current.filter((entry) => entry.id !== person.id))}
              >
                ×
              </Button>
            </li>
          ))}
        </ul>
        <div>
          <Button size="small" onClick={addParticipants} title={text.pickerHint}>
            {text.addParticipants}
          </Button>
        </div>
      </FieldGroup>
      <div className="st-form-row">
        <DateTimeField
          label={text.formDeadlineLabel}
          defaultValue={initial.deadline}
          onChange={setDeadline}
          error={errorFor('deadline')}
          showUnreadable={submitted}
          inputRef={deadlineInput}
        />
        <Field label={text.formPriorityLabel}>
          {(control) => (
            <Select {...control} value={priority} onChange={(event) => setPriority(event.target.value as TaskPriority)}>
              {(['low', 'medium', 'high'] as const).map((level) => (
                <option key={level} value={level}>
                  {text.priority[level]}
                </option>
              ))}
            </Select>
          )}
        </Field>
      </div>
      <div className="st-actions">
        <Button type="submit" variant="primary" busy={busy} singleClicksOnly>
          {busy ? linked.creating : text.formSubmit}
        </Button>
        <Button onClick={onCancel}>{text.formCancel}</Button>
      </div>
    </form>
  );
}
