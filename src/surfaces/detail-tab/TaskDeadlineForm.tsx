import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { fromDateTimeLocalInput, toDateTimeLocalInput } from '../../domain/working-days';
import { taskActionMessages } from '../../features/task-actions/messages';
import { dateTimeInputFormat, useI18n, useMessages } from '../../i18n';
import { Button } from '../../ui';

/**
 * A task's new deadline, typed in the portal language's format ("04.12.2026, 18:00" in ru/de)
 * on the clock of the user's Bitrix24 zone (never the computer's); the instant goes to
 * `onSave`, which sends it with the portal's offset. Escape cancels.
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
  const zone = format.timeZone;
  const entry = dateTimeInputFormat(locale);
  const [value, setValue] = useState(() => (deadline ? entry.format(toDateTimeLocalInput(deadline, zone)) : ''));
  const [invalid, setInvalid] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  useEffect(() => input.current?.focus(), []);

  const save = () => {
    const wallClock = entry.parse(value);
    const instant = wallClock ? fromDateTimeLocalInput(wallClock, zone) : null;
    if (!instant) {
      setInvalid(true);
      input.current?.focus();
      return;
    }
    onSave(instant);
  };
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
        save();
      }}
    >
      <label className="ta-deadline__label" htmlFor={`${id}-input`}>
        {text.deadlineLabel}
      </label>
      <div className="ta-deadline__row">
        <input
          ref={input}
          id={`${id}-input`}
          className="st-input ta-deadline__input"
          inputMode="numeric"
          autoComplete="off"
          placeholder={entry.pattern}
          value={value}
          aria-invalid={invalid || undefined}
          aria-describedby={`${id}-hint`}
          onChange={(event) => {
            setValue(event.target.value);
            setInvalid(false);
          }}
          onBlur={() => {
            const read = entry.parse(value);
            if (read) setValue(entry.format(read));
          }}
        />
        <Button type="submit" variant="primary" size="small">
          {text.save}
        </Button>
        <Button size="small" onClick={onCancel}>
          {text.cancel}
        </Button>
      </div>
      <p
        id={`${id}-hint`}
        role={invalid ? 'alert' : undefined}
        className={invalid ? 'ta-deadline__hint ta-deadline__hint--error' : 'ta-deadline__hint'}
      >
        {invalid ? text.deadlineInvalid(entry.pattern) : `${entry.pattern}. ${text.deadlineZone(zone)}`}
      </p>
    </form>
  );
}
