import type { UseQueryResult } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useBitrix } from '../../bitrix';
import type { Stage } from '../../domain/stages';
import { useI18n, useMessages } from '../../i18n';
import type { Category } from '../../queries/items';
import type { StoredPlaybook } from '../../queries/playbooks';
import { useReferenceNames } from '../../queries/reference-names';
import type { LinkedTasks } from '../../queries/tasks';
import type { LinkedItem } from '../create-linked-task/load-linked-item';
import { stagePlaybookMessages } from './messages';
import { PlaybookOutcome } from './PlaybookOutcome';
import { PlaybookTemplateList } from './PlaybookTemplateList';
import { playbookRenderContext, stageName } from './render-context';
import {
  playbookClickFor,
  stagePlaybookPeople,
  stagePlaybookRows,
  templateTitleIn,
  type PlaybookRow,
} from './stage-playbook-rows';
import { useCreatePlaybookTasks } from './use-create-playbook-tasks';
import { useResponsibleChoice } from './use-responsible-choice';

const NO_CRM_ITEMS = new Map<number, number[]>();

/**
 * The item's stage templates as one-click choices (quick-create, beside the free-form task): one
 * click = that template's task, with the same guarantee as the tab's (one batch, one request key,
 * the stage re-checked on the portal). Created ones show their status and link. Nothing at all
 * when no playbook applies to the stage. Field placeholders use the item's raw values here (the
 * compact panel reads no field definitions).
 */
export function PlaybookChoices({
  data,
  stored,
  stages,
  categories,
  tasks,
  onStageMoved,
}: {
  data: LinkedItem;
  stored: StoredPlaybook | null;
  stages: readonly Stage[] | null;
  categories: readonly Category[] | null;
  tasks: UseQueryResult<LinkedTasks>;
  /** The item left the stage the panel showed: read the surface's data again. */
  onStageMoved?: () => void;
}) {
  const boundary = useBitrix();
  const text = useMessages(stagePlaybookMessages);
  const { format } = useI18n();
  const { item, currentUser } = data;
  const creator = useCreatePlaybookTasks(data, onStageMoved);
  const { chosen, choose } = useResponsibleChoice();
  const people = useMemo(() => stagePlaybookPeople(stored, item), [stored, item]);
  const names = useReferenceNames(people, NO_CRM_ITEMS);

  if (stored?.kind !== 'ok') return null;
  const document = stored.document;
  const linked = tasks.data?.tasks ?? [];
  const contextNow = () =>
    playbookRenderContext({
      item,
      smartProcess: data.smartProcess,
      currentUser,
      responsible: data.responsible,
      stages,
      categories,
      views: null,
      names,
      format,
      words: { yes: text.yes, no: text.no },
      portalNow: boundary.portalNow(),
    });
  const { rows } = stagePlaybookRows(document, item.stageId, linked, contextNow(), chosen);
  if (rows.length === 0) return null;

  const create = (row: PlaybookRow) => {
    // Rendered again at the click: the deadline counts from the click, by the portal's clock.
    const fresh = stagePlaybookRows(document, item.stageId, linked, contextNow(), chosen);
    const click = playbookClickFor(fresh, [row.status.template.key], item.stageId);
    if (click) creator.create(click);
  };
  const nameOf = (stageId: string | null) => stageName(stages, stageId) || stageId || text.unknownStage;
  // Judged once the portal said who the rules' people are (a failed lookup is not "gone").
  const peopleUnknown = people.some(
    (id) => id !== currentUser.id && names.users.get(id)?.active === undefined && !names.goneUserIds?.has(id),
  );

  return (
    <section className="st-stack stp-choices" aria-label={text.choicesTitle}>
      <h2 className="st-field__label">{text.choicesTitle}</h2>
      {/* Bitrix24 task rights: a user who is not an admin may not see every linked task. */}
      {!boundary.session.isAdmin && <p className="st-muted">{text.onlyVisibleCount}</p>}
      <PlaybookOutcome
        result={creator.result}
        error={creator.error}
        stageName={nameOf}
        titleOf={templateTitleIn(rows)}
        onDismiss={creator.reset}
      />
      <PlaybookTemplateList
        rows={rows}
        users={names.users}
        currentUserId={currentUser.id}
        busy={creator.busy}
        pendingKeys={creator.pendingKeys}
        disabled={data.smartProcess.allowsTaskLinks === false || tasks.isPending || tasks.isError || peopleUnknown}
        peopleUnknown={peopleUnknown}
        compact
        onCreate={create}
        onChoose={choose}
      />
    </section>
  );
}
