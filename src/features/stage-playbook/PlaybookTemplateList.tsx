import type { ResponsibleProblem } from '../../domain/playbooks/playbook-render';
import { commonMessages, useI18n, useMessages } from '../../i18n';
import type { User } from '../../queries/users';
import { Badge, Button } from '../../ui';
import { TaskLink } from '../create-linked-task/TaskLink';
import { TaskStatusBadge } from '../create-linked-task/TaskStatusBadge';
import { stagePlaybookMessages } from './messages';
import './stage-playbook.css';
import type { PlaybookRow } from './stage-playbook-rows';

/** Why the user must choose a template's responsible, in words. */
export function useResponsibleProblemText(): (problem: ResponsibleProblem, users: ReadonlyMap<number, User>) => string {
  const text = useMessages(stagePlaybookMessages);
  const common = useMessages(commonMessages);
  return (problem, users) => {
    switch (problem.kind) {
      case 'inactive':
        return text.responsibleInactive(users.get(problem.userId)?.name || common.userFallbackName(problem.userId));
      case 'missing-user':
        return text.responsibleMissing;
      case 'no-item-responsible':
        return text.responsibleNoItemResponsible;
      case 'empty-field':
        return text.responsibleEmptyField(problem.field);
    }
  };
}

/**
 * The stage's templates, one line each: its task (status, a link to it) or "missing" with its
 * own Create, or — when the template's rule names nobody usable — why, and "Choose responsible".
 * Shared by the detail tab's panel and quick-create's choices (`compact`: titles and buttons only).
 */
export function PlaybookTemplateList({
  rows,
  users,
  currentUserId,
  busy,
  pendingKeys,
  disabled = false,
  peopleUnknown = false,
  compact = false,
  onCreate,
  onChoose,
  onSliderClosed,
}: {
  rows: readonly PlaybookRow[];
  users: ReadonlyMap<number, User>;
  currentUserId: number;
  busy: boolean;
  /** Templates whose click is in flight (their buttons show "Creating…"). */
  pendingKeys: readonly string[];
  /** Nothing may be created (links off, people still loading). */
  disabled?: boolean;
  /** The portal has not said yet who the rules' people are: no "deactivated/no longer exists" yet. */
  peopleUnknown?: boolean;
  compact?: boolean;
  onCreate: (row: PlaybookRow) => void;
  onChoose: (row: PlaybookRow) => void;
  onSliderClosed?: () => void;
}) {
  const text = useMessages(stagePlaybookMessages);
  const common = useMessages(commonMessages);
  const { format } = useI18n();
  const problemText = useResponsibleProblemText();
  return (
    <ul className="st-rows stp-list">
      {rows.map((row) => {
        const { template, tasks, status } = row.status;
        const task = tasks[0];
        const title = task ? task.title : row.rendered.draft.title;
        return (
          <li key={template.key} className="st-row stp-row" data-template-key={template.key}>
            <span className="stp-row__main">
              {task ? (
                <TaskLink
                  taskId={task.id}
                  currentUserId={currentUserId}
                  className="stp-row__title st-clamp"
                  label={text.openTask(task.title)}
                  onSliderClosed={onSliderClosed}
                >
                  {title}
                </TaskLink>
              ) : (
                <span className="stp-row__title st-clamp">{title}</span>
              )}
              {!compact && !task && row.rendered.draft.deadline && (
                <span className="st-muted stp-row__deadline">{format.dateTime(row.rendered.draft.deadline)}</span>
              )}
            </span>
            <span className="stp-row__side">
              {status === 'missing' ? (
                <Badge tone="warning">{text.missing}</Badge>
              ) : (
                <TaskStatusBadge status={status} />
              )}
              {!task &&
                (row.needsChoice ? (
                  <Button size="small" disabled={disabled || busy} onClick={() => onChoose(row)}>
                    {text.choose}
                  </Button>
                ) : (
                  <Button
                    size="small"
                    singleClicksOnly
                    busy={pendingKeys.includes(template.key)}
                    disabled={disabled || (busy && !pendingKeys.includes(template.key))}
                    aria-label={text.createOneLabel(row.rendered.draft.title)}
                    onClick={() => onCreate(row)}
                  >
                    {pendingKeys.includes(template.key) ? text.creating : text.createOne}
                  </Button>
                ))}
            </span>
            {!task && row.needsChoice && !peopleUnknown && (
              <p className="st-muted stp-row__problem">{problemText(row.needsChoice, users)}</p>
            )}
            {!task && !compact && row.rendered.peopleLeftOut.length > 0 && (
              <p className="st-muted stp-row__problem">
                {text.peopleLeftOut(
                  format.list(
                    row.rendered.peopleLeftOut.map((id) => users.get(id)?.name || common.userFallbackName(id)),
                  ),
                )}
              </p>
            )}
          </li>
        );
      })}
    </ul>
  );
}
