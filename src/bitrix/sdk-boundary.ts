/**
 * BitrixBoundary over @bitrix24/b24jssdk 2.2.0: REST through `actions.v2` (call and batch),
 * the portal's dialogs, slider and frame size through the frame's managers. Nothing else in
 * the app imports the SDK's runtime.
 */
import type { AjaxResult, B24Frame } from '@bitrix24/b24jssdk';
import type {
  BatchCommands,
  BatchEntry,
  BatchOptions,
  BatchResults,
  BitrixBoundary,
  CallResult,
  FrameSession,
  PickedUser,
} from './boundary';
import { BitrixError, toBitrixError } from './errors';
import { createPortalClock } from './portal-clock';
import type { RestMethodName, RestParams, RestResult } from './rest-types';

function firstError(result: { getErrors(): IterableIterator<unknown> }): unknown {
  for (const error of result.getErrors()) return error;
  return undefined;
}

/** A failed command (in a batch, or a soft error of a single call): the SDK's AjaxError inside. */
function commandError(result: AjaxResult<unknown>, method: string): BitrixError {
  const error = firstError(result) as { code?: unknown; message?: unknown; status?: unknown; validation?: unknown } | undefined;
  // Inside a batch the HTTP status (200) says nothing about the command: it is a portal refusal.
  const status = typeof error?.status === 'number' && error.status >= 400 ? error.status : 400;
  return toBitrixError({ code: error?.code, message: error?.message, validation: error?.validation, status }, method);
}

function toPickedUser(user: { id: string | number; name?: string; photo?: string; position?: string }): PickedUser | null {
  const id = Number(user.id);
  if (!Number.isInteger(id) || id <= 0) return null;
  return { id, name: user.name ?? '', photoUrl: user.photo ? user.photo : null, position: user.position ?? '' };
}

export function readSession(b24: B24Frame): FrameSession {
  const auth = b24.auth.getAuthData();
  return {
    bitrixLanguage: b24.getLang() || 'en',
    placement: b24.placement.placement,
    placementOptions: b24.placement.options as unknown,
    isAdmin: b24.auth.isAdmin === true,
    portalOrigin: b24.getTargetOrigin(),
    memberId: auth === false ? '' : auth.member_id,
  };
}

export function createSdkBoundary(b24: B24Frame): BitrixBoundary {
  const session = readSession(b24);
  const clock = createPortalClock();

  const boundary: BitrixBoundary = {
    session,

    async call<M extends RestMethodName>(method: M, params: RestParams<M>): Promise<CallResult<RestResult<M>>> {
      let response: AjaxResult<RestResult<M>>;
      try {
        response = await b24.actions.v2.call.make<RestResult<M>>({ method, params: params as Record<string, unknown> });
      } catch (error) {
        throw toBitrixError(error, method);
      }
      if (!response.isSuccess) throw commandError(response as AjaxResult<unknown>, method);
      const data = response.getData();
      clock.observe(data?.time);
      if (!data) throw new BitrixError({ kind: 'unknown', code: 'EMPTY_RESPONSE', status: response.getStatus(), method });
      return { result: data.result, total: response.isMore() || response.getTotal() > 0 ? response.getTotal() : undefined };
    },

    async batch<C extends BatchCommands>(commands: C, options: BatchOptions = {}): Promise<BatchResults<C>> {
      const keys = Object.keys(commands);
      const calls = Object.fromEntries(keys.map((key) => [key, [commands[key]!.method, commands[key]!.params]])) as Record<
        string,
        [string, Record<string, unknown>]
      >;
      let answers: Record<string, AjaxResult<unknown> | undefined>;
      try {
        const response = await b24.actions.v2.batch.make({
          calls,
          options: { isHaltOnError: options.halt === true, returnAjaxResult: true },
        });
        answers = (response.getData() ?? {}) as Record<string, AjaxResult<unknown> | undefined>;
      } catch (error) {
        throw toBitrixError(error, 'batch');
      }
      const results: Record<string, BatchEntry<unknown>> = {};
      for (const key of keys) {
        const method = commands[key]!.method;
        const answer = answers[key];
        if (!answer) {
          // With halt the portal skips every command after the first failure.
          results[key] = { ok: false, error: new BitrixError({ kind: 'unknown', code: 'BATCH_COMMAND_SKIPPED', status: 0, method }) };
        } else if (!answer.isSuccess) {
          results[key] = { ok: false, error: commandError(answer, method) };
        } else {
          // Each command's result_time: the batch's own time block is not passed on by the SDK.
          clock.observe(answer.getData()?.time);
          const total = answer.getTotal();
          results[key] = { ok: true, result: answer.getData()?.result, total: total > 0 ? total : undefined };
        }
      }
      return results as BatchResults<C>;
    },

    async openPortalPath(path: string): Promise<void> {
      await b24.slider.openPath(b24.slider.getUrl(path));
    },

    async pickUser(): Promise<PickedUser | null> {
      const user = await b24.dialog.selectUser();
      return user ? toPickedUser(user) : null;
    },

    async pickUsers(): Promise<PickedUser[]> {
      const users = await b24.dialog.selectUsers();
      return (Array.isArray(users) ? users : []).map(toPickedUser).filter((user): user is PickedUser => user !== null);
    },

    fitFrameTo(element: HTMLElement): void {
      // resizeWindowAuto measures the element, so the frame can shrink too (fitWindow cannot).
      b24.parent.resizeWindowAuto(element).catch(() => undefined);
    },

    portalUrl(path: string): string {
      return b24.slider.getUrl(path).toString();
    },

    portalNow(): number {
      return clock.now();
    },

    portalUtcOffsetMinutes(): number | null {
      return clock.utcOffsetMinutes;
    },

    async closeApplication(): Promise<void> {
      await b24.parent.closeApplication();
    },

    async finishInstall(): Promise<void> {
      try {
        await b24.installFinish();
      } catch (error) {
        throw toBitrixError(error, 'installFinish');
      }
    },
  };
  // The portal's clock from the first moment: one cheap read, not awaited, so the surface's
  // own first request runs beside it (whichever answers first sets the clock).
  boundary.call('server.time', {}).catch(() => undefined);
  return boundary;
}
