import { formatPortalDateTime } from '../state/portal-time';

/** The `time` block every success carries (b24jssdk reads it after each call). */
export interface TimeBlock {
  start: number;
  finish: number;
  duration: number;
  processing: number;
  date_start: string;
  date_finish: string;
  operating_reset_at?: number;
  operating?: number;
}

/**
 * `operating` is the method's accounted execution time in the last ten minutes; the emulator's
 * methods take microseconds, so it stays near zero and never triggers the SDK's operating limiter.
 */
export function timeBlock(startMs: number, processingStartMs: number, finishMs: number, withOperating: boolean): TimeBlock {
  const start = startMs / 1000;
  const finish = finishMs / 1000;
  const processing = Math.max(0, (finishMs - processingStartMs) / 1000);
  const block: TimeBlock = {
    start,
    finish,
    duration: finish - start,
    processing,
    date_start: formatPortalDateTime(startMs),
    date_finish: formatPortalDateTime(finishMs),
  };
  if (withOperating) {
    block.operating_reset_at = Math.floor(start) + 600;
    block.operating = processing;
  }
  return block;
}
