import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import type { CreateDependencies } from './create-linked-task';
import { itemLinkCode } from './load-linked-item';
import { nextRecheckAt, recheckRecentKeys } from './request-key-search';
import { taskKeys } from '../../queries/tasks';

/** The UF_CRM_TASK code of a recent key's item (`entityTypeId:itemId`, a playbook click's `…:playbook` too). */
function recentLinkCode(target: string): string | undefined {
  const [entityTypeId, itemId] = target.split(':').map(Number);
  return entityTypeId && itemId ? itemLinkCode(entityTypeId, itemId) : undefined;
}

/** A re-check runs this long after the portal time it is due (ms), so the portal's clock has surely passed it. */
const RECHECK_SLACK_MS = 1_000;
/** A re-check that could not reach the portal is tried again after this long (ms). */
const RECHECK_RETRY_MS = 15_000;

/**
 * One search at a time per portal and user across every create action on the page (the tab's
 * free-form create and its stage playbook share the user's recent keys): a second caller joins
 * the running search instead of asking the portal the same again.
 */
const running = new Map<string, Promise<void>>();

/**
 * Late copies (src/features/create-linked-task/request-key-search.ts): the user's recent keys
 * are searched on open and again when the next one's landing window ends (a timer); the items
 * whose lists changed are read again. Returns `schedule`, to call after a click settles (its
 * key may have become recent). `scope` names the portal and user (`portal:userId`).
 */
export function useRecentKeyRechecks(deps: CreateDependencies, currentUserId: number, scope: string): () => void {
  const queryClient = useQueryClient();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const mounted = useRef(true);
  const recheck = useCallback((): Promise<void> => {
    let search = running.get(scope);
    if (!search) {
      search = recheckRecentKeys(deps, currentUserId, recentLinkCode)
        .then((report) => {
          for (const target of report.targets) {
            const [entityTypeId, itemId] = target.split(':').map(Number) as [number, number];
            void queryClient.invalidateQueries({ queryKey: taskKeys.linked(entityTypeId, itemId) });
          }
        })
        .finally(() => running.delete(scope));
      running.set(scope, search);
    }
    return search;
  }, [deps, currentUserId, queryClient, scope]);
  const schedule = useCallback(() => {
    clearTimeout(timer.current);
    const due = nextRecheckAt(deps.intents);
    if (due === null || !mounted.current) return;
    // A duration between two portal-clock readings: the browser's timer measures it correctly.
    // A key already due could not be searched (offline): try again a little later, not at once.
    const wait = due > deps.now() ? due - deps.now() + RECHECK_SLACK_MS : RECHECK_RETRY_MS;
    timer.current = setTimeout(() => void recheck().then(schedule), wait);
  }, [deps, recheck]);
  useEffect(() => {
    mounted.current = true;
    void recheck().then(schedule);
    return () => {
      mounted.current = false;
      clearTimeout(timer.current);
    };
  }, [recheck, schedule]);
  return schedule;
}
