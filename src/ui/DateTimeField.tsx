import { useId, useRef, useState, type ReactNode, type Ref } from 'react';
import { fromDateTimeLocalInput, toDateTimeLocalInput } from '../domain/working-days';
import { dateTimeInputFormat, useI18n, useMessages } from '../i18n';
import { Icon } from './Icon';
import { uiMessages } from './messages';

/**
 * What the user has entered in a {@link DateTimeField}: nothing, a date and time (an instant),
 * or text that is no date and time in the expected format.
 */
export type DateTimeEntry = { kind: 'empty' } | { kind: 'date'; date: Date } | { kind: 'unreadable'; text: string };

/**
 * A date and time typed in the portal language's own format — "02.12.2026, 18:00" in German and
 * Russian, "12/02/2026, 06:00 PM" in English — on the clock of the user's Bitrix24 zone
 * (`useI18n().format.timeZone`: the profile's zone, else the portal's), never the computer's.
 * A native `datetime-local` input would show the browser's format next to the portal's words.
 * The format is the field's hint and placeholder; the comma and spacing are optional when typed.
 *
 * Uncontrolled: `defaultValue` is the first value (remount with a `key` to start over); every
 * change reports a {@link DateTimeEntry}, so the form can refuse to send unreadable text. Such
 * text is called unreadable under the field once the user leaves it, or at once when the form
 * says so with `showUnreadable` (after a submit).
 */
export function DateTimeField({
  label,
  defaultValue,
  onChange,
  error,
  hint,
  showUnreadable = false,
  inputRef,
}: {
  label: ReactNode;
  defaultValue: Date | null;
  onChange: (entry: DateTimeEntry) => void;
  /** The form's own word on the value (e.g. "in the past"); wins over "unreadable". */
  error?: ReactNode;
  /** Said after the format, e.g. "Leave empty for no deadline." */
  hint?: ReactNode;
  showUnreadable?: boolean;
  inputRef?: Ref<HTMLInputElement>;
}) {
  const text = useMessages(uiMessages);
  const { locale, format } = useI18n();
  const zone = format.timeZone;
  const entryFormat = dateTimeInputFormat(locale);
  const [value, setValue] = useState(() =>
    defaultValue ? entryFormat.format(toDateTimeLocalInput(defaultValue, zone)) : '',
  );
  const [left, setLeft] = useState(false);
  const id = useId();
  // The browser's own calendar, behind the calendar button: what it picks is written in the
  // portal's format here (the picker alone may speak the browser's).
  const picker = useRef<HTMLInputElement>(null);

  const read = (typed: string): DateTimeEntry => {
    const wallClock = entryFormat.parse(typed);
    if (wallClock === '') return { kind: 'empty' };
    const date = wallClock === null ? null : fromDateTimeLocalInput(wallClock, zone);
    return date ? { kind: 'date', date } : { kind: 'unreadable', text: typed };
  };
  const unreadable = read(value).kind === 'unreadable';
  const shownError =
    error ?? (unreadable && (left || showUnreadable) ? text.dateTimeUnreadable(entryFormat.pattern) : null);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;

  return (
    <div className="st-field">
      <label className="st-field__label" htmlFor={id}>
        {label}
      </label>
      <span className="st-date-time">
        <input
          ref={inputRef}
          id={id}
          className="st-input st-date-time__text"
          // Digits first on a phone's keyboard; the format's letters (AM/PM) can still be typed.
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          placeholder={entryFormat.pattern}
          value={value}
          aria-invalid={shownError ? true : undefined}
          aria-describedby={shownError ? `${hintId} ${errorId}` : hintId}
          onChange={(event) => {
            setValue(event.target.value);
            onChange(read(event.target.value));
          }}
          onBlur={() => {
            setLeft(true);
            // Written out in full once it can be read ("2.12.2026 18:00" → "02.12.2026, 18:00").
            const wallClock = entryFormat.parse(value);
            if (wallClock) setValue(entryFormat.format(wallClock));
          }}
        />
        <button
          type="button"
          className="st-date-time__calendar"
          aria-label={text.dateTimeCalendar}
          title={text.dateTimeCalendar}
          onClick={() => {
            const native = picker.current;
            if (!native) return;
            native.value = entryFormat.parse(value) || '';
            try {
              native.showPicker();
            } catch {
              // A browser without showPicker (or refusing it): the field is typed instead.
            }
          }}
        >
          <Icon name="calendar" size={16} />
        </button>
        <input
          ref={picker}
          type="datetime-local"
          className="st-date-time__picker"
          tabIndex={-1}
          aria-hidden="true"
          onChange={(event) => {
            const picked = event.target.value;
            if (!picked) return;
            const shown = entryFormat.format(picked);
            setValue(shown);
            onChange(read(shown));
          }}
        />
      </span>
      <span className="st-field__hint" id={hintId}>
        {entryFormat.pattern}
        {hint ? <>. {hint}</> : null}
      </span>
      {shownError && (
        <span className="st-field__error" id={errorId}>
          {shownError}
        </span>
      )}
    </div>
  );
}
