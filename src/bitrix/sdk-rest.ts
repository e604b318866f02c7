/**
 * REST over @bitrix24/b24jssdk 2.2.0 `actions.v2` (call and batch) and the portal's clock read
 * from every answer. Works on any SDK client (the frame in the app; a webhook client in the
 * boundary's contract test), so what the SDK does to the portal's answers is tested for real.
 */
import type { AbstractB24, AjaxResult } from '@bitrix24/b24jssdk';
import type {
  BatchCommands,
  BatchEntry,
  BatchOptions,
  BatchResults,
  BitrixBoundary,
  CallResult,
  CommandTime,
} from './boundary';
import { batchCommandError, BitrixError, toBitrixError } from './errors';
import { createPortalClock } from './portal-clock';
import type { RestMethodName, RestParams, RestResult } from './rest-types';

export type SdkRest = Pick<BitrixBoundary, 'call' | 'batch' | 'portalNow' | 'portalUtcOffsetMinutes'>;

function firstError(result: { getErrors(): IterableIterator<unknown> }): unknown {
  for (const error of result.getErrors()) return error;
  return undefined;
}

/** A failed command (in a batch, or a soft error of a single call): the SDK's AjaxError inside. */
function commandError(result: AjaxResult<unknown>, method: string): BitrixError {
  const error = firstError(result) as
    { code?: unknown; message?: unknown; status?: unknown; validation?: unknown } | undefined;
  // Inside a batch the HTTP status (200) says nothing about the command: it is a portal refusal.
  const status = typeof error?.status === 'number' && error.status >= 400 ? error.status : 400;
  return toBitrixError({ code: error?.code, message: error?.message, validation: error?.validation, status }, method);
}

/**
 * The answer the SDK built an AjaxResult from, as the portal sent it (for a batch command: its
 * entries of result, result_error, result_time…). `_data` is protected in the SDK's types;
 * bracket access is TypeScript's sanctioned way in.
 */
function rawAnswer(
  result: AjaxResult<unknown>,
): { error?: unknown; error_description?: unknown; result?: unknown; time?: unknown } | null {
  const raw: unknown = result['_data'];
  return typeof raw === 'object' && raw !== null ? raw : null;
}

/**
 * The portal's error for one answer exactly as it sent it, when the SDK took it for a success.
 * The portal answers some failures with a falsy code — `"error": 0` (crm.type.*), `"error": ""`
 * (crm.activity.get, crm.status.list) — inside a batch's `result_error` and in plain answers;
 * SDK 2.2.0's parseErrorPayload skips a falsy `error`, so the command looks successful with no
 * result. The SDK keeps the answer it built from `result_error` (AjaxResult's `_data`); read it.
 * Also a command with no result at all is a failure: a success always carries `result`.
 */
function falsyCodeError(result: AjaxResult<unknown>, method: string): BitrixError | null {
  const answer = rawAnswer(result);
  if (!answer) return null;
  const hasError = answer.error !== undefined && answer.error !== null;
  if (!hasError && answer.result !== undefined) return null;
  return batchCommandError(
    { error: hasError ? answer.error : '', error_description: answer.error_description },
    method,
  );
}

/** A command's `time` block in app terms (CommandTime); every field null when absent or malformed. */
function commandTime(time: unknown): CommandTime {
  const block = typeof time === 'object' && time !== null ? (time as Record<string, unknown>) : {};
  const seconds = (value: unknown): number | null => {
    const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
    return typeof number === 'number' && Number.isFinite(number) && number >= 0 ? number : null;
  };
  const resetAt = seconds(block.operating_reset_at);
  return {
    processingSeconds: seconds(block.processing) || seconds(block.duration),
    operatingSeconds: seconds(block.operating),
    operatingResetAt: resetAt === null ? null : resetAt * 1000,
  };
}

/**
 * call, batch and the portal clock over an SDK client. Every failure comes out as a BitrixError
 * (thrown by `call`, per command in `batch`), including the ones SDK 2.2.0 reports as successes.
 */
export function createSdkRest(b24: Pick<AbstractB24, 'actions'>): SdkRest {
  const clock = createPortalClock();
  return {
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
      const hidden = falsyCodeError(response as AjaxResult<unknown>, method);
      if (hidden) throw hidden;
      if (!data)
        throw new BitrixError({ kind: 'unknown', code: 'EMPTY_RESPONSE', status: response.getStatus(), method });
      return {
        result: data.result,
        total: response.isMore() || response.getTotal() > 0 ? response.getTotal() : undefined,
      };
    },

    async batch<C extends BatchCommands>(commands: C, options: BatchOptions = {}): Promise<BatchResults<C>> {
      const keys = Object.keys(commands);
      const calls = Object.fromEntries(
        keys.map((key) => [key, [commands[key]!.method, commands[key]!.params]]),
      ) as Record<string, [string, Record<string, unknown>]>;
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
        // Each command's result_time (the SDK passes on no batch-wide time), read from the raw
        // answer so a command the SDK took for a failure still counts when the portal timed it.
        if (answer) clock.observe(rawAnswer(answer)?.time);
        if (!answer) {
          // With halt the portal skips every command after the first failure.
          results[key] = {
            ok: false,
            error: new BitrixError({ kind: 'unknown', code: 'BATCH_COMMAND_SKIPPED', status: 0, method }),
          };
        } else if (!answer.isSuccess) {
          results[key] = { ok: false, error: commandError(answer, method) };
        } else {
          const hidden = falsyCodeError(answer, method);
          if (hidden) {
            results[key] = { ok: false, error: hidden };
            continue;
          }
          const total = answer.getTotal();
          results[key] = {
            ok: true,
            result: answer.getData()?.result,
            total: total > 0 ? total : undefined,
            time: commandTime(answer.getData()?.time),
          };
        }
      }
      return results as BatchResults<C>;
    },

    portalNow(): number {
      return clock.now();
    },

    portalUtcOffsetMinutes(): number | null {
      return clock.utcOffsetMinutes;
    },
  };
}
