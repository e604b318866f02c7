import { useId, type ComponentProps, type ReactNode } from 'react';

export interface FieldControlProps {
  id: string;
  'aria-invalid': boolean | undefined;
  'aria-describedby': string | undefined;
}

/**
 * A labelled form field: the label names the control, the hint and the error (shown next to
 * the field) describe it.
 */
export function Field({
  label,
  hint,
  error,
  children,
}: {
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  children: (control: FieldControlProps) => ReactNode;
}) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className="st-field">
      <label className="st-field__label" htmlFor={id}>
        {label}
      </label>
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      {hint && (
        <span className="st-field__hint" id={hintId}>
          {hint}
        </span>
      )}
      {error && (
        <span className="st-field__error" id={errorId}>
          {error}
        </span>
      )}
    </div>
  );
}

export function TextInput(props: ComponentProps<'input'>) {
  return <input {...props} className={`st-input${props.className ? ` ${props.className}` : ''}`} />;
}

export function TextArea(props: ComponentProps<'textarea'>) {
  return <textarea {...props} className={`st-input${props.className ? ` ${props.className}` : ''}`} />;
}

export function Select(props: ComponentProps<'select'>) {
  return <select {...props} className={`st-input${props.className ? ` ${props.className}` : ''}`} />;
}

/** A group of controls with a visible legend (e.g. a person picker with its buttons). */
export function FieldGroup({ legend, error, children }: { legend: ReactNode; error?: ReactNode; children: ReactNode }) {
  const errorId = useId();
  return (
    <fieldset
      className="st-field"
      style={{ border: 0, margin: 0, padding: 0 }}
      aria-describedby={error ? errorId : undefined}
      aria-invalid={error ? true : undefined}
    >
      <legend className="st-field__label" style={{ padding: 0, marginBottom: 'var(--ui-space-1)' }}>
        {legend}
      </legend>
      {children}
      {error && (
        <span className="st-field__error" id={errorId}>
          {error}
        </span>
      )}
    </fieldset>
  );
}
