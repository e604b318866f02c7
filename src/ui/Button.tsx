import type { ComponentProps, ReactNode } from 'react';

export type ButtonVariant = 'primary' | 'secondary' | 'link';

export interface ButtonProps extends Omit<ComponentProps<'button'>, 'type'> {
  variant?: ButtonVariant;
  size?: 'medium' | 'small';
  /** Shows a spinner and refuses clicks, keeping the button focusable and announced as busy. */
  busy?: boolean;
  /**
   * Refuses the second (and any further) click of a double click, as the browser counts them
   * (`detail` 2 and up), however long the first click's work took; a later single click, or
   * Enter/Space, acts as usual. For buttons whose every click makes something.
   */
  singleClicksOnly?: boolean;
  type?: 'button' | 'submit';
  children: ReactNode;
}

export function Button({
  variant = 'secondary',
  size = 'medium',
  busy = false,
  singleClicksOnly = false,
  type = 'button',
  className,
  disabled,
  onClick,
  children,
  ...rest
}: ButtonProps) {
  const classes = ['st-button', `st-button--${variant}`, size === 'small' ? 'st-button--small' : '', className ?? '']
    .filter(Boolean)
    .join(' ');
  return (
    <button
      {...rest}
      type={type}
      className={classes}
      disabled={disabled}
      aria-busy={busy || undefined}
      aria-disabled={busy || undefined}
      onClick={(event) => {
        // A busy button stays focusable (no focus loss mid-request) but does nothing.
        // A refused click also submits no form.
        if (busy || (singleClicksOnly && event.detail > 1)) {
          event.preventDefault();
          return;
        }
        onClick?.(event);
      }}
    >
      {busy && <span className="st-button__spinner" aria-hidden="true" />}
      {children}
    </button>
  );
}
