import { useMutation } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useBitrix, type BitrixBoundary } from '../../bitrix';
import { crmItemPath } from '../../domain/portal-paths';
import type { LinkedItem } from './load-linked-item';
import { portalScope } from '../../domain/browser-storage';
import { browserIntentStorage, createIntentStore } from '../../domain/create-intent';
import type { CreateDependencies, CreatePhase } from './create-linked-task';
import { useRecentKeyRechecks } from './use-recent-key-rechecks';

/** What a create action plugs into {@link useOneClickCreate}. */
export interface OneClickCreateAction<Click, Result> {
  /** The current user's id: pending clicks and recent keys are theirs only, on this portal. */
  currentUserId: number;
  /** The intent target of the item (`intentTarget` / `playbookIntentTarget`): a pending click there is settled on open. */
  intentTarget: string;
  /** Sends one click; reports its phases through `onPhase`. */
  run: (deps: CreateDependencies, click: Click, onPhase: (phase: CreatePhase) => void) => Promise<Result>;
  /** Finds out what became of a click a reload cut off (null: nothing landed). */
  settle: (deps: CreateDependencies) => Promise<Result | null>;
  /** Puts a result (sent now or found on open) into the cached lists. */
  show: (result: Result) => void;
  /** A failed click (after the mutation's own error state is set). */
  onError?: (error: Error) => void;
  /** A click that asks for nothing: ignored without a request. */
  isEmpty?: (click: Click) => boolean;
  /** `performance` marks around click → confirmation, read by the benchmarks in bench/. */
  marks: { start: string; done: string };
}

/**
 * The one-click guarantee every create action of the app shares
 * (src/features/create-linked-task/create-linked-task.ts): a click while one is under way does
 * nothing, a request a reload cut off is looked up when the surface opens again, and keys of
 * clicks whose request was once uncertain are searched for late copies on open and again once
 * their landing window has passed (a timer). Every time is the portal's (`boundary.portalNow()`).
 * Returns the click handler, the phase, whether it is busy, the result (sent or recovered), the
 * error, `reset`, and the click in flight (`pendingClick`, undefined when none).
 */
export function useOneClickCreate<Click, Result>(action: OneClickCreateAction<Click, Result>) {
  const boundary = useBitrix();
  const { currentUserId, intentTarget, run, settle, show, onError, isEmpty, marks } = action;
  const [phase, setPhase] = useState<CreatePhase | null>(null);
  const [recovered, setRecovered] = useState<Result | null>(null);
  const inFlight = useRef(false);

  const deps = useMemo<CreateDependencies>(
    () => ({
      boundary,
      intents: createIntentStore(browserIntentStorage(), {
        portal: portalScope(boundary.session),
        userId: currentUserId,
      }),
      now: () => boundary.portalNow(),
      sleep: (milliseconds) => new Promise((resolve) => setTimeout(resolve, milliseconds)),
    }),
    [boundary, currentUserId],
  );

  // Late copies: the recent keys are searched on open and once their landing window has passed.
  const scheduleRecheck = useRecentKeyRechecks(
    deps,
    currentUserId,
    `${portalScope(boundary.session)}:${currentUserId}`,
  );

  const mutation = useMutation({
    mutationFn: (click: Click) => run(deps, click, setPhase),
    onSuccess: show,
    onError,
    onSettled: () => {
      setPhase(null);
      // A click whose key became recent gets its re-check scheduled.
      scheduleRecheck();
    },
  });

  // A reload mid-request: find out what became of it before offering to create again. Once per
  // mount (the ref), whatever the callbacks' identities do afterwards.
  const settledOnOpen = useRef(false);
  useEffect(() => {
    if (settledOnOpen.current) return;
    settledOnOpen.current = true;
    if (!deps.intents.pending(intentTarget)) return;
    inFlight.current = true;
    setPhase('checking');
    settle(deps)
      .then((found) => {
        if (found) {
          show(found);
          setRecovered(found);
        }
      })
      .catch(() => undefined)
      .finally(() => {
        inFlight.current = false;
        setPhase(null);
      });
  }, [deps, intentTarget, settle, show]);

  const create = useCallback(
    (click: Click) => {
      // Clicks during a request or a check land here: one request at a time, ever. (The second
      // half of a double click that lands after the portal answered is refused by the button:
      // `singleClicksOnly`.)
      if (inFlight.current || isEmpty?.(click)) return;
      inFlight.current = true;
      setRecovered(null);
      performance.mark(marks.start);
      mutation
        .mutateAsync(click)
        .then(
          () => void performance.mark(marks.done),
          () => undefined,
        )
        .finally(() => {
          inFlight.current = false;
        });
    },
    [mutation, isEmpty, marks.start, marks.done],
  );

  return {
    create,
    phase,
    busy: phase !== null || mutation.isPending,
    pendingClick: mutation.isPending ? mutation.variables : undefined,
    result: mutation.data ?? recovered,
    error: mutation.error,
    reset: () => {
      mutation.reset();
      setRecovered(null);
    },
  };
}

/**
 * The item part of a create's input, the same for every create action: the item (type, id, link
 * code), its absolute URL and label for the back link in each task's description, and the
 * clicking user.
 */
export function itemClickTarget(
  boundary: Pick<BitrixBoundary, 'portalUrl'>,
  { item, currentUser, linkCode }: Pick<LinkedItem, 'item' | 'currentUser' | 'linkCode'>,
) {
  return {
    entityTypeId: item.entityTypeId,
    itemId: item.id,
    linkCode,
    itemUrl: boundary.portalUrl(crmItemPath(item.entityTypeId, item.id)),
    itemLabel: item.title || `#${item.id}`,
    currentUserId: currentUser.id,
  };
}
