import { useId, type ReactNode } from 'react';
import { Icon, type IconName } from './Icon';

/**
 * "Nothing here yet" with what to do about it, as Air's empty state: an icon in a soft circle,
 * a short title, a sentence, and the action that fills the place (e.g. "Create task") right
 * under the words, so the user never has to look for it elsewhere. No frame of its own: it sits
 * in the section it describes. The title names the region for assistive technology.
 */
export function EmptyState({
  icon,
  title,
  children,
  actions,
  className,
}: {
  icon?: IconName;
  title: ReactNode;
  /** The sentence under the title. */
  children?: ReactNode;
  /** The action(s) that fill the place: buttons or links. */
  actions?: ReactNode;
  className?: string;
}) {
  const titleId = useId();
  return (
    <div className={['st-empty', className].filter(Boolean).join(' ')} role="group" aria-labelledby={titleId}>
      {icon && (
        <span className="st-empty__icon">
          <Icon name={icon} size={22} />
        </span>
      )}
      <p className="st-empty__title" id={titleId}>
        {title}
      </p>
      {children && <p className="st-empty__text">{children}</p>}
      {actions && <div className="st-empty__actions">{actions}</div>}
    </div>
  );
}
