import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useBitrix } from '../../bitrix';
import { browserIntentStorage, createIntentStore } from '../../domain/create-intent';
import { crmItemPath } from '../../domain/portal-paths';
import type { TaskDraft } from '../../domain/task-draft';
import {
  createLinkedTask,
  intentTarget,
  settlePendingCreate,
  type CreateDependencies,
  type CreatedLinkedTask,
  type CreatePhase,
} from './create-linked-task';
import { addLinkedTask } from '../../queries/tasks';
import type { LinkedItem } from './load-linked-item';
import { useRecentKeyRechecks } from './use-recent-key-rechecks';
import { portalScope } from '../../domain/browser-storage';

export const CREATE_START_MARK = 'smart-tasks:create-start';
export const CREATE_DONE_MARK = 'smart-tasks:create-done';

/**
 * The "create task" action of every surface, with the one-click guarantee
 * (src/features/create-linked-task/create-linked-task.ts): a click while one is under way does nothing, a request
 * a reload cut off is looked up when the surface opens again, and keys of clicks whose request
 * was once uncertain are searched for late copies on open and again once their landing window
 * has passed (a timer). Pending clicks are the current user's only, on this portal. Every time
 * is the portal's (`boundary.portalNow()`). A created task joins exactly the item's list.
 */
export function useCreateLinkedTask(data: Pick<LinkedItem, 'item' | 'currentUser' | 'linkCode'>) {
  const boundary = useBitrix();
  const queryClient = useQueryClient();
  const { item, currentUser, linkCode } = data;
  const [phase, setPhase] = useState<CreatePhase | null>(null);
  const [recovered, setRecovered] = useState<CreatedLinkedTask | null>(null);
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

  // Late copies: the recent keys are searched on open and once their landing window has passed.
  const scope = portalScope(boundary.session);
  const scheduleRecheck = useRecentKeyRechecks(deps, currentUser.id, `${scope}:${currentUser.id}`);

  const showCreated = useCallback(
    (result: CreatedLinkedTask) => {
      if (result.linkKept !== false) addLinkedTask(queryClient, item.entityTypeId, item.id, result.task);
    },
    [queryClient, item.entityTypeId, item.id],
  );

  const mutation = useMutation({
    mutationFn: (draft: TaskDraft) =>
      createLinkedTask(
        deps,
        {
          entityTypeId: item.entityTypeId,
          itemId: item.id,
          linkCode,
          itemUrl: boundary.portalUrl(crmItemPath(item.entityTypeId, item.id)),
          itemLabel: item.title || `#${item.id}`,
          draft,
          currentUserId: currentUser.id,
        },
        setPhase,
      ),
    onSuccess: showCreated,
    onSettled: () => {
      setPhase(null);
      // A click whose key became recent gets its re-check scheduled.
      scheduleRecheck();
    },
  });

  // A reload mid-request: find out what became of it before offering to create again.
  const settledOnOpen = useRef(false);
  useEffect(() => {
    if (settledOnOpen.current) return;
    settledOnOpen.current = true;
    if (!deps.intents.pending(intentTarget(item.entityTypeId, item.id))) return;
    inFlight.current = true;
    setPhase('checking');
    settlePendingCreate(deps, item.entityTypeId, item.id, linkCode, currentUser.id)
      .then((found) => {
        if (found) {
          showCreated(found);
          setRecovered(found);
        }
      })
      .catch(() => undefined)
      .finally(() => {
        inFlight.current = false;
        setPhase(null);
      });
  }, [deps, item.entityTypeId, item.id, linkCode, currentUser.id, showCreated]);

  const create = useCallback(
    (draft: TaskDraft) => {
      // Clicks during a request or a check land here: one request at a time, ever. (The second
      // half of a double click that lands after the portal answered is refused by the button:
      // `singleClicksOnly`.)
      if (inFlight.current) return;
      inFlight.current = true;
      setRecovered(null);
      // Benchmarks (bench/create-task.bench.ts) measure click → confirmation from these marks.
      performance.mark(CREATE_START_MARK);
      mutation
        .mutateAsync(draft)
        .then(
          () => void performance.mark(CREATE_DONE_MARK),
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
    created: mutation.data ?? recovered,
    error: mutation.error,
    reset: () => {
      mutation.reset();
      setRecovered(null);
    },
  };
}
