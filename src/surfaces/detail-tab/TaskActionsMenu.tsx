import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useErrorText, useMessages, commonMessages } from '../../i18n';
import type { RightsState } from '../../queries/task-actions';
import { taskActionMessages } from '../../features/task-actions/messages';
import { allowedActions, type TaskActionKind } from '../../features/task-actions/task-action';
import { Button, Icon, type IconName } from '../../ui';

const ICON_FOR: Record<TaskActionKind, IconName> = {
  start: 'play',
  pause: 'pause',
  complete: 'check',
  renew: 'renew',
  deadline: 'deadline',
  responsible: 'responsible',
};

/**
 * A task row's actions: a menu button ("…") and, when open, the actions the portal allows this
 * user on this task (its `action` flags), nothing else. The flags are asked for when the user
 * reaches for the list (pointer, focus) or opens the menu; while they are on their way the menu
 * says so; a user who may change nothing reads that. Keyboard: Enter/Space open it, arrow
 * keys move, Escape closes it and gives the focus back to the button. It opens in the row's
 * own flow (not floating), so the frame grows with it and nothing is cut off at its edge.
 */
export function TaskActionsMenu({
  taskTitle,
  rights,
  busy,
  onIntent,
  onChoose,
}: {
  taskTitle: string;
  rights: RightsState;
  /** An action on this task is under way: the menu does not open. */
  busy: boolean;
  /** The menu opens: time to read the rights not known yet (if the list has not asked already). */
  onIntent: () => void;
  onChoose: (kind: TaskActionKind) => void;
}) {
  const text = useMessages(taskActionMessages);
  const common = useMessages(commonMessages);
  const errorText = useErrorText();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const id = useId();
  const kinds = rights.state === 'ready' ? allowedActions(rights.rights) : [];

  const close = (focusButton: boolean) => {
    setOpen(false);
    if (focusButton) button.current?.focus();
  };

  // The first action takes the focus when the menu opens (or when the flags arrive while it is open).
  const firstKind = kinds[0];
  useEffect(() => {
    if (open) menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, [open, firstKind]);

  // A click elsewhere closes it: on the click, not the press, so that the menu folding away
  // (it takes room in the row) cannot move another row's button from under the pointer.
  useEffect(() => {
    if (!open) return;
    const onClick = (event: MouseEvent) => {
      const target = event.target as Node;
      if (!menu.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('click', onClick);
    return () => document.removeEventListener('click', onClick);
  }, [open]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!open) return;
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const index = items.indexOf(document.activeElement as HTMLElement);
    const move = (to: number) => {
      event.preventDefault();
      items[(to + items.length) % items.length]?.focus();
    };
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close(true);
    } else if (event.key === 'Tab') setOpen(false);
    else if (items.length === 0) return;
    else if (event.key === 'ArrowDown') move(index + 1);
    else if (event.key === 'ArrowUp') move(index < 0 ? -1 : index - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(-1);
  };

  return (
    <div className="ta-menu" onKeyDown={onKeyDown}>
      <Button
        ref={button}
        size="small"
        variant="secondary"
        className="ta-menu__button"
        aria-label={text.menuButton(taskTitle)}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? `${id}-menu` : undefined}
        busy={busy}
        onClick={() => {
          if (open) return close(false);
          onIntent();
          setOpen(true);
        }}
      >
        <Icon name="more" />
      </Button>
      {open && (
        <div ref={menu} id={`${id}-menu`} className="ta-menu__list" role="menu" aria-label={text.menuButton(taskTitle)}>
          {rights.state === 'loading' && (
            <p className="ta-menu__note" role="status">
              {text.checkingRights}
            </p>
          )}
          {rights.state === 'failed' && (
            <div className="ta-menu__note" role="alert">
              <p>
                {text.rightsFailed} {errorText(rights.error)}
              </p>
              <Button
                size="small"
                role="menuitem"
                busy={rights.retrying}
                onClick={() => {
                  rights.retry();
                }}
              >
                {common.retry}
              </Button>
            </div>
          )}
          {rights.state === 'ready' && kinds.length === 0 && <p className="ta-menu__note">{text.viewOnly}</p>}
          {kinds.map((kind) => (
            <button
              key={kind}
              type="button"
              role="menuitem"
              className="ta-menu__item"
              title={kind === 'responsible' ? text.pickerHint : undefined}
              onClick={() => {
                close(kind !== 'deadline');
                onChoose(kind);
              }}
            >
              <Icon name={ICON_FOR[kind]} />
              <span>{text.action[kind]}</span>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
