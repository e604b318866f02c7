import { useEffect, useRef } from 'react';
import { useBitrix } from '../../bitrix';

/** At most one look per this many ms (the user moving in and out of the frame costs nothing more). */
const WATCH_INTERVAL_MS = 15_000;

/**
 * Bitrix24 does not tell an app open in a card's tab that the item moved to another stage (the
 * card's stage bar redraws in place; the docs list no frame event for it). So when the user comes
 * back to the frame (the pointer moves over it, or it gets the focus) after a while, the item's stage
 * is read again — one small crm.item.list (id and stageId only), at most every 15 s — and
 * `onMoved` runs when it differs from `stageId`. A read that fails is simply not acted on.
 */
export function useStageWatch(
  entityTypeId: number,
  itemId: number,
  stageId: string | null,
  onMoved: (stageId: string) => void,
): void {
  const boundary = useBitrix();
  const lastLook = useRef(performance.now());
  const latest = useRef({ stageId, onMoved });
  latest.current = { stageId, onMoved };
  useEffect(() => {
    let looking = false;
    const look = () => {
      // A duration on the browser's monotonic clock: no portal time involved.
      if (looking || performance.now() - lastLook.current < WATCH_INTERVAL_MS) return;
      looking = true;
      lastLook.current = performance.now();
      boundary
        .call('crm.item.list', { entityTypeId, filter: { id: itemId }, select: ['id', 'stageId'] })
        .then(({ result }) => {
          const now = result.items[0]?.stageId;
          if (typeof now === 'string' && now && now !== latest.current.stageId) latest.current.onMoved(now);
        })
        .catch(() => undefined)
        .finally(() => {
          looking = false;
        });
    };
    document.addEventListener('pointerover', look);
    window.addEventListener('focus', look);
    return () => {
      document.removeEventListener('pointerover', look);
      window.removeEventListener('focus', look);
    };
  }, [boundary, entityTypeId, itemId]);
}
