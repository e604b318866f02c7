/**
 * One task template of a stage: title and description with placeholder help, responsible rule,
 * participants and observers (the portal's user picker), deadline, priority and checklist; move
 * up/down and delete. Read only for non-admins.
 */
import { useId, useState } from 'react';
import { useBitrix, type PickedUser } from '../../bitrix';
import type { FieldDefinition } from '../../domain/fields';
import type { DeadlineRule, PlaybookTemplate, ResponsibleRule } from '../../domain/playbooks/playbook';
import { PLAYBOOK_LIMITS } from '../../domain/playbooks/playbook-document';
import { deadlineAmountRange, deadlineAmountValid, unknownItemFields } from '../../domain/playbooks/playbook-editing';
import type { TaskPriority } from '../../domain/tasks';
import { useI18n, useMessages } from '../../i18n';
import { userTypeFields } from '../../queries/playbooks';
import type { User } from '../../queries/users';
import { Button, Field, Select, TextArea, TextInput } from '../../ui';
import { playbookEditorMessages } from './messages';
import { timeOfDayInputFormat } from './time-of-day-input';

/** The amount as typed: NaN when empty (kept, so the field and the save refuse it). */
function amountFromText(typed: string): number {
  return typed.trim() === '' ? Number.NaN : Number(typed);
}

type TemplatePatch = Partial<Omit<PlaybookTemplate, 'key'>>;

function pickedToUser(user: PickedUser): User {
  return { id: user.id, name: user.name, photoUrl: user.photoUrl, position: user.position };
}

export function TemplateEditor({
  template,
  index,
  count,
  readOnly,
  fields,
  people,
  onPeoplePicked,
  onChange,
  onMove,
  onRemove,
}: {
  template: PlaybookTemplate;
  index: number;
  count: number;
  readOnly: boolean;
  fields: readonly FieldDefinition[];
  people: ReadonlyMap<number, User>;
  onPeoplePicked: (users: readonly User[]) => void;
  onChange: (patch: TemplatePatch) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const text = useMessages(playbookEditorMessages);
  const boundary = useBitrix();
  const headingId = useId();
  const userFields = userTypeFields(fields);
  const deadline = template.deadline;
  const nameOf = (id: number) => people.get(id)?.name || text.userFallback(id);
  const fieldExample = fields.find((field) => field.name.startsWith('ufCrm'))?.name ?? 'opportunity';
  const { locale } = useI18n();
  const timeFormat = timeOfDayInputFormat(locale);
  // What the admin typed, while it is not (yet) a valid amount or time; null = show the stored value.
  const [amountText, setAmountText] = useState<string | null>(null);
  const [timeText, setTimeText] = useState<string | null>(null);
  const amountRange = deadline ? deadlineAmountRange(deadline.unit) : null;
  const fieldNames = new Set(fields.map((field) => field.name));
  // `{field:<name>}` the smart process has no field of would land verbatim in real task titles.
  const fieldError = (value: string) => {
    const unknown = unknownItemFields(value, fieldNames);
    return unknown.length === 0
      ? undefined
      : text.unknownFields(
          unknown.map((name) => `{field:${name}}`).join(', '),
          fields.map((field) => `{field:${field.name}}`).join(', '),
        );
  };

  function pickOne(apply: (userId: number) => void) {
    // A cancelled picker never answers: nothing waits on it.
    void boundary.pickUser().then((user) => {
      if (!user) return;
      onPeoplePicked([pickedToUser(user)]);
      apply(user.id);
    });
  }

  function pickMany(current: readonly number[], apply: (ids: number[]) => void) {
    void boundary.pickUsers().then((users) => {
      if (users.length === 0) return;
      onPeoplePicked(users.map(pickedToUser));
      const ids = [...current];
      for (const user of users) if (!ids.includes(user.id)) ids.push(user.id);
      apply(ids.slice(0, PLAYBOOK_LIMITS.users));
    });
  }

  function setResponsibleKind(kind: ResponsibleRule['kind']) {
    if (kind === 'user') {
      onChange({
        responsible: { kind: 'user', userId: template.responsible.kind === 'user' ? template.responsible.userId : 0 },
      });
    } else if (kind === 'item-field') {
      onChange({ responsible: { kind: 'item-field', field: userFields[0]?.name ?? '' } });
    } else onChange({ responsible: { kind } });
  }

  function setDeadlineUnit(unit: 'none' | DeadlineRule['unit']) {
    setAmountText(null);
    setTimeText(null);
    if (unit === 'none') onChange({ deadline: null });
    else if (unit === 'hours') onChange({ deadline: { unit: 'hours', amount: 4 } });
    else onChange({ deadline: { unit: 'working-days', amount: 1, timeOfDay: '18:00' } });
  }

  return (
    <section className="st-playbook__template" aria-labelledby={headingId}>
      <div className="st-playbook__template-header">
        <h3 className="st-playbook__template-title" id={headingId}>
          {text.templateHeading(index + 1)}
        </h3>
        {!readOnly && (
          <div className="st-actions">
            <Button size="small" variant="link" disabled={index === 0} onClick={() => onMove(-1)}>
              {text.moveUp}
            </Button>
            <Button size="small" variant="link" disabled={index === count - 1} onClick={() => onMove(1)}>
              {text.moveDown}
            </Button>
            <Button size="small" variant="link" onClick={onRemove}>
              {text.remove}
            </Button>
          </div>
        )}
      </div>
      <fieldset className="st-playbook__fields" disabled={readOnly}>
        <Field
          label={text.title}
          hint={`${text.placeholderHelp} {field:${fieldExample}}`}
          error={fieldError(template.title)}
        >
          {(control) => (
            <TextInput
              {...control}
              value={template.title}
              maxLength={PLAYBOOK_LIMITS.titleLength}
              onChange={(event) => onChange({ title: event.target.value })}
            />
          )}
        </Field>
        <Field label={text.description} error={fieldError(template.description)}>
          {(control) => (
            <TextArea
              {...control}
              rows={3}
              value={template.description}
              maxLength={PLAYBOOK_LIMITS.descriptionLength}
              onChange={(event) => onChange({ description: event.target.value })}
            />
          )}
        </Field>

        <Field label={text.responsible}>
          {(control) => (
            <Select
              {...control}
              value={template.responsible.kind}
              onChange={(event) => setResponsibleKind(event.target.value as ResponsibleRule['kind'])}
            >
              {(Object.keys(text.responsibleKinds) as Array<ResponsibleRule['kind']>).map((kind) => (
                <option key={kind} value={kind}>
                  {text.responsibleKinds[kind]}
                </option>
              ))}
            </Select>
          )}
        </Field>
        {template.responsible.kind === 'user' && (
          <div className="st-playbook__people">
            <span>{template.responsible.userId > 0 ? nameOf(template.responsible.userId) : text.noUserChosen}</span>
            {!readOnly && (
              <Button
                size="small"
                onClick={() => pickOne((userId) => onChange({ responsible: { kind: 'user', userId } }))}
              >
                {text.chooseUser}
              </Button>
            )}
          </div>
        )}
        {template.responsible.kind === 'item-field' &&
          (userFields.length === 0 ? (
            <p className="st-muted">{text.noUserFields}</p>
          ) : (
            <Field label={text.userField}>
              {(control) => (
                <Select
                  {...control}
                  value={template.responsible.kind === 'item-field' ? template.responsible.field : ''}
                  onChange={(event) => onChange({ responsible: { kind: 'item-field', field: event.target.value } })}
                >
                  {userFields.map((field) => (
                    <option key={field.name} value={field.name}>
                      {field.label}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
          ))}

        <PeopleList
          label={text.participants}
          ids={template.participantIds}
          nameOf={nameOf}
          readOnly={readOnly}
          onAdd={() => pickMany(template.participantIds, (participantIds) => onChange({ participantIds }))}
          onRemove={(id) => onChange({ participantIds: template.participantIds.filter((entry) => entry !== id) })}
        />
        <PeopleList
          label={text.observers}
          ids={template.observerIds}
          nameOf={nameOf}
          readOnly={readOnly}
          onAdd={() => pickMany(template.observerIds, (observerIds) => onChange({ observerIds }))}
          onRemove={(id) => onChange({ observerIds: template.observerIds.filter((entry) => entry !== id) })}
        />

        <div className="st-playbook__row">
          <Field
            label={text.deadline}
            hint={template.deadline?.unit === 'working-days' ? text.deadlineZone : undefined}
          >
            {(control) => (
              <Select
                {...control}
                value={template.deadline?.unit ?? 'none'}
                onChange={(event) => setDeadlineUnit(event.target.value as 'none' | DeadlineRule['unit'])}
              >
                <option value="none">{text.deadlineNone}</option>
                <option value="working-days">{text.deadlineWorkingDays}</option>
                <option value="hours">{text.deadlineHours}</option>
              </Select>
            )}
          </Field>
          {deadline && (
            <Field
              label={deadline.unit === 'hours' ? text.hours : text.days}
              error={
                amountRange && !deadlineAmountValid(deadline)
                  ? text.amountInvalid(amountRange.min, amountRange.max)
                  : undefined
              }
            >
              {(control) => (
                <TextInput
                  {...control}
                  type="number"
                  inputMode="numeric"
                  min={amountRange?.min}
                  max={amountRange?.max}
                  value={
                    // The typed text while it still means the stored amount (a Discard or import replaces it).
                    amountText !== null && Object.is(amountFromText(amountText), deadline.amount)
                      ? amountText
                      : Number.isNaN(deadline.amount)
                        ? ''
                        : String(deadline.amount)
                  }
                  onChange={(event) => {
                    // Kept as typed (empty, -5, 1.5, 100000 included): the field says what is wrong,
                    // the preview does not count it and the save refuses it; nothing is lost.
                    const typed = event.target.value;
                    setAmountText(typed);
                    onChange({ deadline: { ...deadline, amount: amountFromText(typed) } });
                  }}
                />
              )}
            </Field>
          )}
          {template.deadline?.unit === 'working-days' && (
            <Field
              label={text.timeOfDay}
              hint={timeFormat.pattern}
              error={
                timeText !== null && timeFormat.parse(timeText) === null
                  ? text.timeInvalid(timeFormat.pattern)
                  : undefined
              }
            >
              {(control) => (
                <TextInput
                  {...control}
                  // Text in the portal language's format (18:00 in de/ru), not the browser's time picker.
                  inputMode="numeric"
                  value={
                    timeText ??
                    timeFormat.format(template.deadline?.unit === 'working-days' ? template.deadline.timeOfDay : '')
                  }
                  onChange={(event) => {
                    const typed = event.target.value;
                    setTimeText(typed);
                    const parsed = timeFormat.parse(typed);
                    if (template.deadline?.unit !== 'working-days' || !parsed) return;
                    onChange({ deadline: { ...template.deadline, timeOfDay: parsed } });
                  }}
                />
              )}
            </Field>
          )}
          <Field label={text.priority}>
            {(control) => (
              <Select
                {...control}
                value={template.priority}
                onChange={(event) => onChange({ priority: event.target.value as TaskPriority })}
              >
                {(Object.keys(text.priorities) as TaskPriority[]).map((priority) => (
                  <option key={priority} value={priority}>
                    {text.priorities[priority]}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        </div>

        <Field label={text.checklist} hint={text.checklistHint}>
          {(control) => (
            <TextArea
              {...control}
              rows={Math.min(8, Math.max(2, template.checklist.length + 1))}
              value={template.checklist.join('\n')}
              onChange={(event) => onChange({ checklist: event.target.value.split('\n') })}
            />
          )}
        </Field>
      </fieldset>
    </section>
  );
}

function PeopleList({
  label,
  ids,
  nameOf,
  readOnly,
  onAdd,
  onRemove,
}: {
  label: string;
  ids: readonly number[];
  nameOf: (id: number) => string;
  readOnly: boolean;
  onAdd: () => void;
  onRemove: (id: number) => void;
}) {
  const text = useMessages(playbookEditorMessages);
  const labelId = useId();
  return (
    <div className="st-field" role="group" aria-labelledby={labelId}>
      <span className="st-field__label" id={labelId}>
        {label}
      </span>
      <div className="st-playbook__people">
        {ids.length === 0 && <span className="st-muted">{text.nobody}</span>}
        {ids.map((id) => (
          <span key={id} className="st-playbook__person">
            {nameOf(id)}
            {!readOnly && (
              <Button
                size="small"
                variant="link"
                aria-label={text.removePerson(nameOf(id))}
                onClick={() => onRemove(id)}
              >
                ×
              </Button>
            )}
          </span>
        ))}
        {!readOnly && (
          <Button size="small" onClick={onAdd}>
            {text.addPeople}
          </Button>
        )}
      </div>
    </div>
  );
}
