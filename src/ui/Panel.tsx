import { useId, type ReactNode } from 'react';

/** A titled section; the title names the region for assistive technology. */
export function Panel({
  title,
  actions,
  children,
  className,
}: {
  title?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  const titleId = useId();
  return (
    <section className={`st-panel${className ? ` ${className}` : ''}`} aria-labelledby={title ? titleId : undefined}>
      {(title || actions) && (
        <div className="st-panel__header">
          {title && (
            <h2 className="st-panel__title" id={titleId}>
              {title}
            </h2>
          )}
          {actions}
        </div>
      )}
      {children}
    </section>
  );
}
