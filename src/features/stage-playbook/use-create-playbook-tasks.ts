import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useBitrix } from '../../bitrix';
import { portalScope } from '../../domain/browser-storage';
import { browserIntentStorage, createIntentStore } from '../../domain/create-intent';
import type { RenderedTemplate } from '../../domain/playbooks/playbook-render';
import { crmItemPath } from '../../domain/portal-paths';
import { addLinkedTask, taskKeys } from '../../queries/tasks';
import type { CreateDependencies, CreatePhase } from '../create-linked-task/create-linked-task';
import type { LinkedItem } from '../create-linked-task/load-linked-item';
import { useRecentKeyRechecks } from '../create-linked-task/use-recent-key-rechecks';
import {
  createPlaybookTasks,
  playbookIntentTarget,
  PlaybookStageMovedError,
  settlePendingPlaybook,
  type PlaybookCreateResult,
} from './create-playbook-tasks';

/** Benchmarks (bench/playbook.bench.ts) measure click → confirmation from these marks. */
export const PLAYBOOK_START_MARK = 'smart-tasks:playbook-start';
export const PLAYBOOK_DONE_MARK = 'smart-tasks:playbook-done';

/** What one click asks for: the rendered templates, and the stage they belong to (null = any stage only). */
export interface PlaybookClick {
  templates: readonly RenderedTemplate[];
  expectedStageId: string | null;
}

/**
 * The stage playbook's create action (features/stage-playbook/create-playbook-tasks.ts) with the
 * one-click guarantee of every create in the app: a click while one is under way does nothing,
 * a click a reload cut off is looked up when the surface opens again, recent keys are searched
 * for late copies (the same re-checks as the free-form create). Created tasks join exactly the
 * item's linked-task list; a partial outcome or a stage that moved reads the list (and, through
 * `onStageMoved`, the surface's item) again.
 */
export function useCreatePlaybookTasks(
  data: Pick<LinkedItem, 'item' | 'currentUser' | 'linkCode'>,
  onStageMoved: () => void = () => {},
) {
  const boundary = useBitrix();
  const queryClient = useQueryClient();
  const { item, currentUser, linkCode } = data;
  const [phase, setPhase] = useState<CreatePhase | null>(null);
  const [recovered, setRecovered] = useState<PlaybookCreateResult | null>(null);
  const inFlight = useRef(false);

  const deps = useMemo<CreateDependencies>(
    () => ({
      boundary,
      intents: createIntentStore(browserIntentStorage(), {
        portal: portalScope(boundary.session),
        userId: currentUser.id,
      }),
      now: () => boundary.portalNow(),
      sleep: (milliseconds) => new Promise((resolve) => setTimeout(resolve, milliseconds)),
    }),
    [boundary, currentUser.id],
  );
  const scheduleRecheck = useRecentKeyRechecks(
    deps,
    currentUser.id,
    `${portalScope(boundary.session)}:${currentUser.id}`,
  );

  const showResult = useCallback(
    (result: PlaybookCreateResult) => {
      for (const entry of result.tasks)
        if (entry.linkKept !== false) addLinkedTask(queryClient, item.entityTypeId, item.id, entry.task);
      // Copies or twins were removed, or some templates are still missing: the portal's list decides.
      if (result.notCreated.length > 0 || result.tasks.some((entry) => entry.source === 'already-linked'))
        void queryClient.invalidateQueries({ queryKey: taskKeys.linked(item.entityTypeId, item.id) });
    },
    [queryClient, item.entityTypeId, item.id],
  );

  const mutation = useMutation({
    mutationFn: (click: PlaybookClick) =>
      createPlaybookTasks(
        deps,
        {
          entityTypeId: item.entityTypeId,
          itemId: item.id,
          linkCode,
          itemUrl: boundary.portalUrl(crmItemPath(item.entityTypeId, item.id)),
          itemLabel: item.title || `#${item.id}`,
          currentUserId: currentUser.id,
          expectedStageId: click.expectedStageId,
          templates: click.templates,
        },
        setPhase,
      ),
    onSuccess: showResult,
    onError: (error) => {
      if (error instanceof PlaybookStageMovedError) onStageMoved();
    },
    onSettled: () => {
      setPhase(null);
      scheduleRecheck();
    },
  });

  // A reload mid-request: find out what became of it before offering to create again.
  const settledOnOpen = useRef(false);
  useEffect(() => {
    if (settledOnOpen.current) return;
    settledOnOpen.current = true;
    if (!deps.intents.pending(playbookIntentTarget(item.entityTypeId, item.id))) return;
    inFlight.current = true;
    setPhase('checking');
    settlePendingPlaybook(deps, item.entityTypeId, item.id, linkCode, currentUser.id)
      .then((found) => {
        if (found) {
          showResult(found);
          setRecovered(found);
        }
      })
      .catch(() => undefined)
      .finally(() => {
        inFlight.current = false;
        setPhase(null);
      });
  }, [deps, item.entityTypeId, item.id, linkCode, currentUser.id, showResult]);

  const create = useCallback(
    (click: PlaybookClick) => {
      // One request at a time, ever (the button also refuses the second half of a double click).
      if (inFlight.current || click.templates.length === 0) return;
      inFlight.current = true;
      setRecovered(null);
      performance.mark(PLAYBOOK_START_MARK);
      mutation
        .mutateAsync(click)
        .then(
          () => void performance.mark(PLAYBOOK_DONE_MARK),
          () => undefined,
        )
        .finally(() => {
          inFlight.current = false;
        });
    },
    [mutation],
  );

  return {
    create,
    phase,
    busy: phase !== null || mutation.isPending,
    /** Which templates the click in flight asked for (to show "Creating…" on those only). */
    pendingKeys: mutation.isPending ? mutation.variables.templates.map((template) => template.templateKey) : [],
    result: mutation.data ?? recovered,
    error: mutation.error,
    reset: () => {
      mutation.reset();
      setRecovered(null);
    },
  };
}
