import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { taskActionMessages } from '../../features/task-actions/messages';
import { dateTimeInputFormat, useI18n, useMessages } from '../../i18n';
import { Button, DateTimeField, type DateTimeEntry } from '../../ui';

/**
 * A task's new deadline, typed in the portal language's format ("04.12.2026, 18:00" in ru/de)
 * on the clock of the user's Bitrix24 zone (never the computer's), with the app's one
 * DateTimeField; the instant goes to `onSave`, which sends it with the portal's offset. Text
 * that is no date, or nothing, sends nothing. Escape cancels.
 */
export function TaskDeadlineForm({
  deadline,
  onSave,
  onCancel,
}: {
  deadline: Date | null;
  onSave: (deadline: Date) => void;
  onCancel: () => void;
}) {
  const text = useMessages(taskActionMessages);
  const { locale, format } = useI18n();
  const [entry, setEntry] = useState<DateTimeEntry>(deadline ? { kind: 'date', date: deadline } : { kind: 'empty' });
  const [submitted, setSubmitted] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onCancel();
    }
  };
  return (
    <form
      className="ta-deadline"
      onKeyDown={onKeyDown}
      onSubmit={(event) => {
        event.preventDefault();
        setSubmitted(true);
        if (entry.kind === 'date') onSave(entry.date);
        else input.current?.focus();
      }}
    >
      <DateTimeField
        label={text.deadlineLabel}
        defaultValue={deadline}
        onChange={setEntry}
        inputRef={input}
        hint={text.deadlineZone(format.timeZone)}
        showUnreadable={submitted}
        // A deadline is changed, not removed, here: an empty field is asked for.
        error={
          submitted && entry.kind === 'empty' ? text.deadlineInvalid(dateTimeInputFormat(locale).pattern) : undefined
        }
      />
      <div className="st-actions ta-deadline__actions">
        <Button type="submit" variant="primary" size="small">
          {text.save}
        </Button>
        <Button size="small" onClick={onCancel}>
          {text.cancel}
        </Button>
      </div>
    </form>
  );
}
