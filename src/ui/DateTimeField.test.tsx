import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../i18n';
import { DateTimeField, type DateTimeEntry } from './DateTimeField';

afterEach(cleanup);

function renderField(language: string, defaultValue: Date | null, timeZone = 'Europe/Berlin') {
  const onChange = vi.fn<(entry: DateTimeEntry) => void>();
  render(
    <I18nProvider bitrixLanguage={language} timeZone={timeZone}>
      <DateTimeField label="Deadline" defaultValue={defaultValue} onChange={onChange} />
    </I18nProvider>,
  );
  return { onChange, field: screen.getByRole('textbox', { name: 'Deadline' }) as HTMLInputElement };
}

describe('DateTimeField', () => {
  it('shows the value on the user’s Bitrix24 clock, in their language’s format, with the format as its hint', () => {
    // 08:00 UTC is 18:00 in Vladivostok, whatever the computer's zone.
    const { field } = renderField('ru', new Date('2026-12-02T08:00:00Z'), 'Asia/Vladivostok');
    expect(field.value).toBe('02.12.2026, 18:00');
    expect(field.placeholder).toBe('ДД.ММ.ГГГГ, чч:мм');
    expect(document.getElementById(field.getAttribute('aria-describedby')!)?.textContent).toBe('ДД.ММ.ГГГГ, чч:мм');
  });

  it('reports what is typed as an instant on that clock, an empty field as empty', () => {
    const { onChange, field } = renderField('de', null);
    fireEvent.change(field, { target: { value: '2.12.2026 18:00' } });
    const entry = onChange.mock.lastCall![0];
    expect(entry.kind === 'date' && entry.date.toISOString()).toBe('2026-12-02T17:00:00.000Z');
    // Written out in full once the user moves on.
    fireEvent.blur(field);
    expect(field.value).toBe('02.12.2026, 18:00');
    fireEvent.change(field, { target: { value: '  ' } });
    expect(onChange.mock.lastCall![0]).toEqual({ kind: 'empty' });
  });

  it('writes a date chosen in the calendar in the portal language’s format', () => {
    const { onChange, field } = renderField('de', null);
    expect(screen.getByRole('button', { name: 'Im Kalender auswählen' })).toBeTruthy();
    // What the browser's calendar hands back when the user picks 2 December, 18:00.
    const picker = field.parentElement!.querySelector('input[type="datetime-local"]')!;
    fireEvent.change(picker, { target: { value: '2026-12-02T18:00' } });
    expect(field.value).toBe('02.12.2026, 18:00');
    const entry = onChange.mock.lastCall![0];
    expect(entry.kind === 'date' && entry.date.toISOString()).toBe('2026-12-02T17:00:00.000Z');
  });

  it('calls text that is no date unreadable once the user leaves the field, not while typing', () => {
    const { onChange, field } = renderField('en', null);
    fireEvent.change(field, { target: { value: '12/02' } });
    expect(onChange.mock.lastCall![0]).toEqual({ kind: 'unreadable', text: '12/02' });
    expect(field.getAttribute('aria-invalid')).toBeNull();
    fireEvent.blur(field);
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Enter the date and time as MM/DD/YYYY, hh:mm AM.')).toBeTruthy();
    fireEvent.change(field, { target: { value: '12/02/2026, 6:00 PM' } });
    expect(screen.queryByText('Enter the date and time as MM/DD/YYYY, hh:mm AM.')).toBeNull();
  });
});
