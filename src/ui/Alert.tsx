import type { ReactNode } from 'react';

export type AlertTone = 'info' | 'success' | 'warning' | 'danger';

/** A message block. Errors and warnings are announced at once (role=alert), the rest politely. */
export function Alert({
  tone = 'info',
  title,
  children,
  actions,
}: {
  tone?: AlertTone;
  title?: ReactNode;
  children?: ReactNode;
  actions?: ReactNode;
}) {
  const urgent = tone === 'danger' || tone === 'warning';
  return (
    <div className={`st-alert st-alert--${tone}`} role={urgent ? 'alert' : 'status'}>
      <div className="st-alert__body">
        {title && <p className="st-alert__title">{title}</p>}
        {children && <div className="st-alert__text">{children}</div>}
        {actions && <div className="st-alert__actions">{actions}</div>}
      </div>
    </div>
  );
}
