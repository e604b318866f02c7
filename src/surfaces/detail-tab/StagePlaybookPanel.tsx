import { useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useBitrix } from '../../bitrix';
import { portalScope } from '../../domain/browser-storage';
import type { FieldView } from '../../domain/fields';
import { automationRulesPath } from '../../features/stage-playbook/automation-path';
import { browserSeenStorage, lastSeenStage, rememberSeenStage } from '../../features/stage-playbook/last-seen-stage';
import { stagePlaybookMessages } from '../../features/stage-playbook/messages';
import { PlaybookOutcome } from '../../features/stage-playbook/PlaybookOutcome';
import { PlaybookTemplateList } from '../../features/stage-playbook/PlaybookTemplateList';
import { playbookRenderContext, stageName } from '../../features/stage-playbook/render-context';
import {
  playbookClickFor,
  stagePlaybookPeople,
  stagePlaybookRows,
  templateTitleIn,
} from '../../features/stage-playbook/stage-playbook-rows';
import { useCreatePlaybookTasks } from '../../features/stage-playbook/use-create-playbook-tasks';
import { useResponsibleChoice } from '../../features/stage-playbook/use-responsible-choice';
import { useStageWatch } from '../../features/stage-playbook/use-stage-watch';
import { commonMessages, useErrorText, useI18n, useMessages } from '../../i18n';
import type { ReferenceNames } from '../../queries/reference-names';
import type { LinkedTasks } from '../../queries/tasks';
import { Alert, Button, Panel, RetryAlert, type RetryProps } from '../../ui';
import { detailTabKeys, type DetailTabData } from './load-detail-tab';
import { detailTabMessages } from './messages';

/**
 * The stage playbook in the card: the item's current stage's templates, each with its linked
 * task (status, link) or "missing", "Create the N missing" (one click, one batch, exactly the
 * missing ones: features/stage-playbook/create-playbook-tasks.ts) and a Create per template;
 * a template whose rule names nobody usable asks for its responsible first. When the item moved
 * to another stage since this user last saw it (remembered per portal, user and item), it says
 * so and offers the new stage's tasks. No playbook: nothing, except a set-up link for admins.
 */
export function StagePlaybookPanel({
  data,
  tasks,
  names,
  views,
  retry,
}: {
  data: DetailTabData;
  tasks: UseQueryResult<LinkedTasks>;
  /** Names and ACTIVE of the people; `retry` asks a failed lookup again. */
  names: ReferenceNames & { retry?: () => void; retrying?: boolean };
  /** The follow-up lookup of names is under way (of anything: fields, tasks); the panel waits only for its own people. */
  namesLoading?: boolean;
  views: readonly FieldView[] | null;
  /** Asks the tab's first batch again (a failed playbook read comes back with it). */
  retry: RetryProps;
}) {
  const boundary = useBitrix();
  const queryClient = useQueryClient();
  const text = useMessages(stagePlaybookMessages);
  const tab = useMessages(detailTabMessages);
  const common = useMessages(commonMessages);
  const errorText = useErrorText();
  const { locale, format } = useI18n();
  const { item, currentUser } = data;
  const { chosen, choose } = useResponsibleChoice();
  // A user who is not an admin may not see every linked task (Bitrix24 task rights): "Create the
  // N missing" first names what it will create, so a user who knows one exists can stop.
  const [confirming, setConfirming] = useState<readonly string[] | null>(null);
  // A click that found the item in another stage says so itself: no second notice for that move.
  const movedByClick = useRef(false);
  const creator = useCreatePlaybookTasks(data, () => {
    movedByClick.current = true;
    // The item left the stage: read it (and its stage's playbook) again.
    void queryClient.invalidateQueries({ queryKey: detailTabKeys.data(item.entityTypeId, item.id) });
  });

  // "Moved since you last saw it": read what was remembered once, remember the stage shown now.
  const scope = { portal: portalScope(boundary.session), userId: currentUser.id };
  const [movedFrom, setMovedFrom] = useState<string | null>(() => {
    const before = lastSeenStage(browserSeenStorage(), scope, item.entityTypeId, item.id);
    return before !== null && item.stageId !== null && before !== item.stageId ? before : null;
  });
  // The item moved while the tab was open (the card's stage bar does not reload the tab): say so.
  const shownStage = useRef(item.stageId);
  useEffect(() => {
    const before = shownStage.current;
    shownStage.current = item.stageId;
    if (before === null || item.stageId === null || before === item.stageId) return;
    if (movedByClick.current) movedByClick.current = false;
    else setMovedFrom(before);
  }, [item.stageId]);
  useStageWatch(item.entityTypeId, item.id, item.stageId, () => {
    void queryClient.invalidateQueries({ queryKey: detailTabKeys.data(item.entityTypeId, item.id) });
  });
  useEffect(() => {
    if (item.stageId)
      rememberSeenStage(
        browserSeenStorage(),
        { portal: portalScope(boundary.session), userId: currentUser.id },
        item.entityTypeId,
        item.id,
        item.stageId,
      );
  }, [boundary.session, currentUser.id, item.entityTypeId, item.id, item.stageId]);

  const stored = data.playbook;
  const nameOf = (stageId: string | null) => stageName(data.stages, stageId) || stageId || text.unknownStage;
  const currentStage = nameOf(item.stageId);

  if (stored === null)
    return (
      <RetryAlert
        tone="info"
        title={text.readFailed}
        size="small"
        error={data.problems.playbook ?? undefined}
        {...retry}
      >
        {errorText(data.problems.playbook)}
      </RetryAlert>
    );
  if (stored.kind === 'none' || (stored.kind === 'invalid' && !boundary.session.isAdmin)) {
    if (!boundary.session.isAdmin) return null;
    return (
      <p className="st-muted dt-playbook-setup">
        {text.noPlaybookAdmin}{' '}
        <Button
          variant="link"
          title={text.setUpHint}
          onClick={() =>
            void boundary.openPortalPath(automationRulesPath(item.entityTypeId, item.categoryId)).catch(() => undefined)
          }
        >
          {text.setUp}
        </Button>
      </p>
    );
  }
  if (stored.kind === 'newer-schema') return <Alert tone="info">{text.newerSchema}</Alert>;
  if (stored.kind === 'invalid') return <Alert tone="warning">{text.invalid}</Alert>;

  const document = stored.document;
  const linked = tasks.data?.tasks ?? [];
  const contextNow = () =>
    playbookRenderContext({
      item,
      smartProcess: data.smartProcess,
      currentUser,
      responsible: data.responsible,
      stages: data.stages,
      categories: data.categories,
      views,
      names,
      format,
      words: { yes: tab.yes, no: tab.no },
      portalNow: boundary.portalNow(),
    });
  const { rows, missing } = stagePlaybookRows(document, item.stageId, linked, contextNow(), chosen);
  if (rows.length === 0)
    return boundary.session.isAdmin ? (
      <p className="st-muted dt-playbook-setup">{text.noTemplatesForStage(currentStage)}</p>
    ) : null;

  const linksOff = data.smartProcess.allowsTaskLinks === false;
  // Which templates exist is only known once the portal listed the item's tasks; who gets them
  // once the names (and ACTIVE flags) arrived.
  // The rules' people are judged once the portal said who they are (user.get: ACTIVE, or not
  // returned = gone), not when the whole lookup of names (fields, task responsibles) settles: a
  // slow or retried lookup of others, or the linked tasks refreshing, must not hold the panel.
  const peopleUnknown = stagePlaybookPeople(stored, item).some(
    (id) => id !== currentUser.id && names.users.get(id)?.active === undefined && !names.goneUserIds?.has(id),
  );
  const cannotJudge = tasks.isPending || tasks.isError || peopleUnknown;
  const waitingForChoice = missing.some((row) => row.needsChoice);
  const create = (keys: readonly string[]) => {
    // Rendered again at the click: deadlines count from the click, by the portal's clock.
    const fresh = stagePlaybookRows(document, item.stageId, linked, contextNow(), chosen);
    const click = playbookClickFor(fresh, keys, item.stageId);
    if (!click) return;
    setMovedFrom(null);
    creator.create(click);
  };
  const bulkPending = creator.busy && creator.pendingKeys.length > 1;

  return (
    <Panel
      title={text.panelTitle}
      className="dt-playbook"
      actions={
        <Button
          variant={missing.length > 0 ? 'primary' : 'secondary'}
          singleClicksOnly
          busy={bulkPending}
          disabled={
            missing.length === 0 || linksOff || cannotJudge || waitingForChoice || (creator.busy && !bulkPending)
          }
          onClick={() => {
            const keys = missing.map((row) => row.status.template.key);
            if (boundary.session.isAdmin) create(keys);
            else setConfirming(keys);
          }}
        >
          {creator.phase === 'checking' && bulkPending
            ? text.checking
            : bulkPending
              ? text.creating
              : missing.length === 0
                ? text.allCreated
                : text.createMissing(missing.length, locale)}
        </Button>
      }
    >
      {movedFrom !== null && (
        <Alert
          tone="info"
          title={text.movedTitle}
          actions={
            <Button variant="link" onClick={() => setMovedFrom(null)}>
              {common.dismiss}
            </Button>
          }
        >
          {text.movedText(stageName(data.stages, movedFrom), currentStage)} {text.movedOffer(missing.length, locale)}
        </Alert>
      )}
      <p className="st-muted stp-stage-line">{text.stageLine(currentStage)}</p>
      {!boundary.session.isAdmin && <p className="st-muted">{text.onlyVisibleCount}</p>}
      {confirming !== null && (
        <Alert
          tone="warning"
          actions={
            <>
              <Button
                variant="primary"
                singleClicksOnly
                onClick={() => {
                  setConfirming(null);
                  create(confirming);
                }}
              >
                {text.confirmCreate}
              </Button>
              <Button variant="link" onClick={() => setConfirming(null)}>
                {text.confirmCancel}
              </Button>
            </>
          }
        >
          {text.confirmMissing(
            rows
              .filter((row) => confirming.includes(row.status.template.key))
              .map((row) => `“${row.rendered.draft.title}”`)
              .join(', '),
          )}
        </Alert>
      )}
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
        pendingKeys={creator.busy && !bulkPending ? creator.pendingKeys : []}
        disabled={linksOff || cannotJudge}
        peopleUnknown={peopleUnknown}
        onCreate={(row) => create([row.status.template.key])}
        onChoose={choose}
        onSliderClosed={() => void tasks.refetch()}
      />
      {peopleUnknown &&
        (names.lookupFailed ? (
          <p className="st-muted">
            {text.peopleFailed}{' '}
            {names.retry && (
              <Button variant="link" busy={names.retrying} onClick={names.retry}>
                {common.retry}
              </Button>
            )}
          </p>
        ) : (
          <p className="st-muted">{text.loadingPeople}</p>
        ))}
    </Panel>
  );
}
