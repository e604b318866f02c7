import { useEffect, useId, useRef } from 'react';
import type { PickedUser } from '../../bitrix';
import type { PlaybookTemplate } from '../../domain/playbooks/playbook';
import { useI18n, useMessages } from '../../i18n';
import { Button } from '../../ui';
import { bulkMessages } from './messages';

/**
 * The last step before a bulk run: how many tasks, for whom, until when, with the title as typed
 * (placeholders and all); for a playbook, how many items get how many missing tasks, of which
 * templates. Nothing is created until the user confirms; Back returns to the form with everything
 * as it was. The deadline is shown in the user's Bitrix24 zone.
 */
export function ConfirmRun({
  tasks,
  exact,
  title,
  person,
  deadline,
  playbook = null,
  onConfirm,
  onBack,
}: {
  /** How many tasks the run creates (exact), or at most (not exact). */
  tasks: number;
  exact: boolean;
  title: string;
  /** The one person who gets every task; null: each item's responsible. */
  person: PickedUser | null;
  deadline: Date | null;
  /** A playbook run: the items that get tasks, and the stage's templates (title and the rest above are then unused). */
  playbook?: { items: number; templates: readonly PlaybookTemplate[] } | null;
  onConfirm: () => void;
  onBack: () => void;
}) {
  const text = useMessages(bulkMessages);
  const { locale, format } = useI18n();
  const headingId = useId();
  const confirmRef = useRef<HTMLButtonElement>(null);
  // Keyboard users land on the decision, not back at the top of the form.
  useEffect(() => confirmRef.current?.focus(), []);

  return (
    <section className="bk-confirm" role="alertdialog" aria-labelledby={headingId} data-testid="bulk-confirm">
      <h2 className="bk-confirm__title" id={headingId}>
        {playbook
          ? text.confirmPlaybookTitle(playbook.items, exact ? tasks : null, locale)
          : text.confirmTitle(tasks, exact, locale)}
      </h2>
      {playbook ? (
        <>
          <dl className="bk-confirm__facts">
            <dt>{text.confirmTemplates}</dt>
            <dd>
              <ol className="bk-list">
                {playbook.templates.map((template) => (
                  <li key={template.key}>{template.title}</li>
                ))}
              </ol>
            </dd>
          </dl>
          <p className="st-muted">{text.confirmOnlyMissing}</p>
        </>
      ) : (
        <dl className="bk-confirm__facts">
          <dt>{text.confirmTaskTitle}</dt>
          <dd>{title}</dd>
          <dt>{text.confirmFor}</dt>
          <dd>{person ? person.name : text.confirmForEach}</dd>
          <dt>{text.confirmDeadline}</dt>
          <dd>{deadline ? format.dateTime(deadline) : text.confirmNoDeadline}</dd>
        </dl>
      )}
      {!exact && !playbook && <p className="st-muted">{text.confirmUpTo}</p>}
      <div className="st-actions">
        <Button ref={confirmRef} variant="primary" singleClicksOnly onClick={onConfirm}>
          {playbook
            ? exact
              ? text.startPlaybook(tasks, locale)
              : text.startPlaybookUpTo(playbook.items, locale)
            : exact
              ? text.startExact(tasks, locale)
              : text.start(tasks, locale)}
        </Button>
        <Button onClick={onBack}>{text.back}</Button>
      </div>
    </section>
  );
}
