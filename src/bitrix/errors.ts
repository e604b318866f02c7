/**
 * Every failure that crosses the Bitrix24 boundary becomes a BitrixError with a kind the UI
 * can act on (and a message key for i18n), whatever shape the SDK or the portal gave it.
 */

export type BitrixErrorKind =
  /** The token expired and the portal did not give a fresh one. */
  | 'auth-expired'
  /** The token is not (or no longer) accepted. */
  | 'auth-invalid'
  | 'access-denied'
  | 'not-found'
  /**
   * The portal's OWN refusal body (QUERY_LIMIT_EXCEEDED / OPERATION_TIME_LIMIT / OVERLOAD_LIMIT):
   * it refused before doing anything. A 429 or 503 without such a body (a proxy's page) is not
   * this: it is `server`, and leaves a write uncertain.
   */
  | 'rate-limit'
  /** No answer at all: offline, connection dropped, CORS. The portal may have done the work. */
  | 'network'
  /** The answer took too long. The portal may have done the work. */
  | 'timeout'
  /** The portal rejected the input (ERROR_CORE, ERROR_ARGUMENT, field errors). */
  | 'validation'
  /** The method does not exist on this portal (module missing or not in scope). */
  | 'method-not-found'
  /**
   * 5xx from the portal, or any 5xx/429 whose body is not the portal's own (a proxy or gateway
   * in between). The portal may have done part or all of the work.
   */
  | 'server'
  | 'unknown';

/** The user-facing message of each kind lives in src/i18n/error-messages.ts under this key. */
export type ErrorMessageKey = BitrixErrorKind;

export interface BitrixErrorDetails {
  kind: BitrixErrorKind;
  /** The portal's or SDK's code, e.g. `expired_token`, `ERROR_CORE`, `NETWORK_ERROR`. */
  code: string;
  /** HTTP status, 0 when there was no answer. */
  status: number;
  /** The portal's own description (untrusted text; already stripped of markup). */
  portalDescription?: string;
  /** The method that failed, when known. */
  method?: string;
  /** For validation errors the portal attributes to one field. */
  field?: string;
}

export class BitrixError extends Error {
  override readonly name = 'BitrixError';
  readonly kind: BitrixErrorKind;
  readonly code: string;
  readonly status: number;
  readonly portalDescription: string | undefined;
  readonly method: string | undefined;
  readonly field: string | undefined;

  constructor(details: BitrixErrorDetails) {
    super(`${details.code}${details.portalDescription ? `: ${details.portalDescription}` : ''}`);
    this.kind = details.kind;
    this.code = details.code;
    this.status = details.status;
    this.portalDescription = details.portalDescription;
    this.method = details.method;
    this.field = details.field;
  }

  get messageKey(): ErrorMessageKey {
    return this.kind;
  }

  /** A read that failed this way may succeed if asked again a little later. */
  get isTransient(): boolean {
    return this.kind === 'network' || this.kind === 'timeout' || this.kind === 'rate-limit' || this.kind === 'server';
  }

  /**
   * Bitrix24 itself answered (with its own error), so the request has finished there. No
   * answer, a timeout, or a gateway's 502/504 mean it may still be running on the portal.
   */
  get portalAnswered(): boolean {
    if (this.status <= 0 || this.status === 408 || this.status === 502 || this.status === 504) return false;
    if (/^(ERR_|E[A-Z]+$|JSSDK_)/.test(this.code) || this.code === 'UNKNOWN') return false;
    // A 5xx or 429 is the portal's only when its body is: a proxy's page may follow a finished write.
    if (this.status >= 500 || this.status === 429) return RATE_LIMIT.has(this.code) || SERVER.has(this.code);
    return true;
  }

  /**
   * A write that failed this way may still have happened on the portal: never repeat it
   * without first looking for its result.
   */
  get leavesWriteUncertain(): boolean {
    return this.kind === 'network' || this.kind === 'timeout' || this.kind === 'server' || this.kind === 'unknown';
  }
}

export function isBitrixError(error: unknown): error is BitrixError {
  return error instanceof BitrixError;
}

const AUTH_EXPIRED = new Set(['expired_token', 'JSSDK_FRAME_REFRESH_AUTH_TIMEOUT']);
const AUTH_INVALID = new Set([
  'invalid_token',
  'NO_AUTH_FOUND',
  'INVALID_CREDENTIALS',
  'user_access_error',
  'JSSDK_CORE_B24_NOT_INIT',
]);
const ACCESS_DENIED = new Set([
  'ACCESS_DENIED',
  'access_denied',
  'Access denied.',
  'insufficient_scope',
  'allowed_only_intranet_user',
  'WRONG_AUTH_TYPE',
  'METHOD_CONFIRM_DENIED',
  'METHOD_CONFIRM_WAITING',
]);
const NOT_FOUND = new Set(['NOT_FOUND', 'ERROR_ENTITY_NOT_FOUND', 'ENTITY_TYPE_NOT_SUPPORTED']);
const RATE_LIMIT = new Set(['QUERY_LIMIT_EXCEEDED', 'OPERATION_TIME_LIMIT', 'OVERLOAD_LIMIT']);
const NETWORK = new Set(['NETWORK_ERROR', 'ERR_NETWORK', 'ECONNRESET', 'ERR_CANCELED']);
const TIMEOUT = new Set(['REQUEST_TIMEOUT', 'ECONNABORTED', 'ETIMEDOUT']);
const VALIDATION = new Set([
  'ERROR_CORE',
  'ERROR_ARGUMENT',
  'INVALID_ARG_VALUE',
  'CRM_FIELD_ERROR_VALUE_NOT_VALID',
  'ERROR_REQUIRED_PARAMETERS_MISSING',
  '100',
]);
const SERVER = new Set(['INTERNAL_SERVER_ERROR', 'ERROR_UNEXPECTED_ANSWER', 'PORTAL_DELETED']);

/** Portal descriptions carry HTML line breaks (`Task title is not specified<br>`); keep the text only. */
export function cleanPortalDescription(description: unknown): string | undefined {
  if (typeof description !== 'string') return undefined;
  const text = description
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return text === '' ? undefined : text;
}

const NOT_FOUND_TEXT = /not found|does not exist|wrong task id/i;
const ACCESS_TEXT = /access denied|permission/i;

/** The kind of a failure, from the portal's code, its HTTP status and (as a last resort) its text. */
export function classifyError(code: string, status: number, description?: string): BitrixErrorKind {
  if (AUTH_EXPIRED.has(code)) return 'auth-expired';
  if (AUTH_INVALID.has(code)) return 'auth-invalid';
  if (ACCESS_DENIED.has(code)) return 'access-denied';
  if (NOT_FOUND.has(code)) return 'not-found';
  // Only the portal's own body says "refused, nothing done"; a bare 429/503 may come from a
  // proxy after the portal already wrote (issue 7.5), so it falls through to `server` below.
  if (RATE_LIMIT.has(code)) return 'rate-limit';
  if (NETWORK.has(code)) return 'network';
  if (TIMEOUT.has(code) || status === 408) return 'timeout';
  if (code === 'ERROR_METHOD_NOT_FOUND') return 'method-not-found';
  if (SERVER.has(code) || status >= 500 || status === 429) return 'server';
  // Some modules answer with a bare code (0) and say what happened only in the text.
  if (description && NOT_FOUND_TEXT.test(description)) return 'not-found';
  if (description && ACCESS_TEXT.test(description)) return 'access-denied';
  if (VALIDATION.has(code) || status === 400) return 'validation';
  if (status === 401) return 'auth-invalid';
  if (status === 403) return 'access-denied';
  if (status === 404) return 'method-not-found';
  return 'unknown';
}

interface ErrorLike {
  code?: unknown;
  status?: unknown;
  message?: unknown;
  validation?: unknown;
  requestInfo?: { method?: unknown };
  /** SdkError/AjaxError keep the error they wrap here (non-enumerable, readable). */
  originalError?: unknown;
  cause?: unknown;
}

/** Codes under which the SDK hides another error: read the cause instead. */
const WRAPPER_CODES = new Set([
  'UNKNOWN',
  'JSSDK_UNKNOWN_ERROR',
  'JSSDK_INTERNAL_ERROR',
  'JSSDK_CALL_ALL_ATTEMPTS_EXHAUSTED',
]);

/** The response body of the axios error an AjaxError wraps, when it is the portal's `{error, error_description}`. */
function falsyCodeBody(originalError: unknown): Record<string, unknown> | undefined {
  if (typeof originalError !== 'object' || originalError === null) return undefined;
  const body = (originalError as { response?: { data?: unknown } }).response?.data;
  if (typeof body !== 'object' || body === null || !('error' in body)) return undefined;
  return body as Record<string, unknown>;
}

function wrappedCause(like: ErrorLike, code: string): unknown {
  if (!WRAPPER_CODES.has(code)) return undefined;
  const cause = like.originalError ?? like.cause;
  return typeof cause === 'object' && cause !== null && cause !== like ? cause : undefined;
}

function firstValidationField(validation: unknown): string | undefined {
  if (!Array.isArray(validation)) return undefined;
  const first: unknown = validation[0];
  if (typeof first === 'object' && first !== null && 'field' in first && typeof first.field === 'string')
    return first.field;
  return undefined;
}

/**
 * Turns anything thrown by the SDK (SdkError/AjaxError: code, status, message) or the
 * network into a BitrixError. Structural on purpose: it reads the documented public fields,
 * so it also accepts errors built by tests or by another boundary implementation.
 */
export function toBitrixError(error: unknown, method?: string): BitrixError {
  return convert(error, method, 0);
}

function convert(error: unknown, method: string | undefined, depth: number): BitrixError {
  if (error instanceof BitrixError) return error;
  const like: ErrorLike = typeof error === 'object' && error !== null ? (error as ErrorLike) : {};
  const code = like.code === undefined || like.code === null || like.code === '' ? 'UNKNOWN' : String(like.code);
  const cause = depth < 3 ? wrappedCause(like, code) : undefined;
  if (cause !== undefined) {
    // SDK 2.2.0 wraps whatever its transport did not expect (a refused token refresh among them)
    // in JSSDK_UNKNOWN_ERROR; the cause says what happened.
    const inner = convert(
      cause,
      method ?? (typeof like.requestInfo?.method === 'string' ? like.requestInfo.method : undefined),
      depth + 1,
    );
    if (inner.kind !== 'unknown') return inner;
  }
  const status = typeof like.status === 'number' && Number.isFinite(like.status) ? like.status : 0;
  const requestMethod = typeof like.requestInfo?.method === 'string' ? like.requestInfo.method : undefined;
  const hidden = /^ERR_BAD_(REQUEST|RESPONSE)$/.test(code) ? falsyCodeBody(like.originalError) : undefined;
  if (hidden) {
    // The portal's own body with a falsy code (`"error": 0` / `""`): SDK 2.2.0 skipped it and
    // reported axios' code; the body says what happened (e.g. "SPA not found").
    const described = batchCommandError(hidden, method ?? requestMethod ?? '');
    return new BitrixError({
      kind: classifyError(described.code, status, described.portalDescription),
      code: described.code,
      status,
      portalDescription: described.portalDescription,
      method: method ?? requestMethod,
    });
  }
  const portalDescription = cleanPortalDescription(
    typeof like.message === 'string' ? like.message : error instanceof Error ? error.message : undefined,
  );
  return new BitrixError({
    kind: classifyError(code, status, portalDescription),
    code,
    status,
    portalDescription,
    method: method ?? requestMethod,
    field: firstValidationField(like.validation),
  });
}

/** A per-command error inside a batch answer: `{error, error_description}` or a bare string. */
export function batchCommandError(raw: unknown, method: string): BitrixError {
  if (typeof raw === 'string') {
    return new BitrixError({ kind: classifyError(raw, 400), code: raw, status: 400, method });
  }
  const record = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const code =
    record.error === undefined || record.error === null || record.error === '' ? 'UNKNOWN' : String(record.error);
  const portalDescription = cleanPortalDescription(record.error_description);
  return new BitrixError({
    kind: classifyError(code, 400, portalDescription),
    code,
    status: 400,
    portalDescription,
    method,
  });
}
