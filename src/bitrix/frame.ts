/**
 * Frame start-up, once per page. The promise lives at module level so React StrictMode's
 * double mount (and any later caller) shares one handshake; the frame is never destroyed on
 * unmount, because a destroyed frame leaves later parent calls (pickers, slider) hanging.
 */
import { initializeB24Frame } from '@bitrix24/b24jssdk';
import type { BitrixBoundary } from './boundary';
import { BitrixError, toBitrixError } from './errors';
import { createSdkBoundary } from './sdk-boundary';

export type FrameStart =
  | { status: 'ready'; boundary: BitrixBoundary }
  /** Opened straight in a browser: no `window.name` from a portal frame. */
  | { status: 'outside-bitrix' }
  /** A portal frame, but the portal never answered or refused the start-up. */
  | { status: 'failed'; error: BitrixError };

/**
 * The SDK retries failed requests itself (3 attempts for 5xx and network errors). For a write
 * such as tasks.task.add that can create duplicates, so the SDK makes one attempt only: reads
 * are retried by react-query (src/app/query-client.ts), writes are reconciled, never repeated
 * blindly (src/features/create-linked-task/create-linked-task.ts). 401 `expired_token` still refreshes the token
 * and repeats once: the portal refused that request, so repeating it is safe.
 */
export const SDK_RESTRICTIONS = {
  maxRetries: 1,
  retryOnNetworkError: false,
  // The SDK's adaptive delay (above 80 % of a method's operating time it sleeps before each
  // request, unseen) is off: the bulk run paces itself by the same `operating` figures and shows
  // its waits (src/domain/bulk/operating-pace.ts). The SDK's hard block at 475 s stays as a net.
  // The SDK merges these shallowly: the whole object is given.
  adaptiveConfig: { enabled: false, thresholdPercent: 80, coefficient: 0.01, maxDelay: 7000 },
} as const;

/** The portal answers getInitData at once; silence this long means the frame is not wired to a portal. */
export const START_TIMEOUT_MS = 15_000;

let started: Promise<FrameStart> | null = null;

function looksOutsideBitrix(): boolean {
  // The SDK starts only from window.name = "<host>|<0|1>|<APP_SID>" set by the portal's iframe.
  const [domain, , appSid] = window.name.split('|');
  return !domain || !appSid;
}

async function start(): Promise<FrameStart> {
  if (looksOutsideBitrix()) return { status: 'outside-bitrix' };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new BitrixError({ kind: 'network', code: 'FRAME_START_TIMEOUT', status: 0, method: 'getInitData' })),
      START_TIMEOUT_MS,
    );
  });
  try {
    const b24 = await Promise.race([initializeB24Frame({ restrictionParams: SDK_RESTRICTIONS }), timeout]);
    return { status: 'ready', boundary: createSdkBoundary(b24) };
  } catch (error) {
    if (
      typeof error === 'object' &&
      error !== null &&
      (error as { code?: unknown }).code === 'JSSDK_CLIENT_SIDE_WARNING'
    ) {
      return { status: 'outside-bitrix' };
    }
    return { status: 'failed', error: toBitrixError(error, 'getInitData') };
  } finally {
    clearTimeout(timer);
  }
}

/** Starts the frame on first call; every later call gets the same outcome. */
export function startFrame(): Promise<FrameStart> {
  started ??= start();
  return started;
}
