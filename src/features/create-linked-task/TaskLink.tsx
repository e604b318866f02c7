import type { MouseEvent, ReactNode } from 'react';
import { useBitrix } from '../../bitrix';
import { taskViewPath } from '../../domain/portal-paths';

/**
 * A link to a task: its `href` is the task's plain portal URL (what a user sees on hover, copies,
 * or opens in a new browser tab), and a plain click opens it in the portal's slider instead.
 * Nothing of the app's own (a click's request key) is in the URL. `onSliderClosed` runs when the
 * user comes back from the slider.
 */
export function TaskLink({
  taskId,
  currentUserId,
  label,
  className,
  onSliderClosed,
  children,
}: {
  taskId: number;
  currentUserId: number;
  /** The accessible name (e.g. "Open task “…”"). */
  label: string;
  className?: string;
  onSliderClosed?: () => void;
  children: ReactNode;
}) {
  const boundary = useBitrix();
  const path = taskViewPath(currentUserId, taskId);
  const open = (event: MouseEvent<HTMLAnchorElement>) => {
    // A new browser tab or window (modifier keys, middle button) is the user's choice: let it be.
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    void boundary.openPortalPath(path).then(onSliderClosed, () => undefined);
  };
  return (
    <a href={boundary.portalUrl(path)} target="_top" className={className} aria-label={label} onClick={open}>
      {children}
    </a>
  );
}
