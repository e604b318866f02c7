/**
 * One HTTP request to /rest/: parse, planned faults, rate limit, authenticate, run, answer in
 * the portal's envelope (`{result, next?, total?, time}` or `{error, error_description}`), log.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { formatPortalDateTime, portalNow, toPortalClock } from '../portal-time';
import { authenticate, parseRestPath, takeAccessToken } from './auth';
import { batchCommandMethods } from './batch';
import { requestTiming, RequestTimeLimitExceeded, runCostedCall } from './cost-accounting';
import type { RequestTiming } from './cost-accounting';
import { invokeMethod } from './dispatch';
import type { AuthContext, MethodContext, MethodResult } from './method-types';
import type { Params } from './params';
import { encodePhpJson } from './php-json';
import { proxyAnswer } from './proxy-answer';
import type { ProxyAnswer } from './proxy-answer';
import { parseRequestParams } from './request-body';
import type { RequestLogEntry } from './request-log';
import { RestError, restErrors } from './rest-error';
import type { RestRuntime } from './rest-runtime';
import { portalTimeBlock } from './time-block';

const MAX_BODY_BYTES = 32 * 1024 * 1024;

/** CORS as the portal sends it on every REST answer (the app calls from another origin). */
export const REST_CORS_HEADERS: Record<string, string> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Headers': 'origin, content-type, accept',
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
};

class BodyTooLargeError extends Error {}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLargeError();
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

function createContext(
  auth: AuthContext,
  runtime: RestRuntime,
  insideBatch: boolean,
  timing: RequestTiming,
): MethodContext {
  const context: MethodContext = {
    auth,
    store: runtime.store,
    config: runtime.config.current,
    origin: runtime.origin(),
    now: portalNow(),
    insideBatch,
    deadlineMs: timing.deadlineMs,
    // A batch command: checked, costed and accounted as a call of its own (limits.md).
    invoke: async (method: string, params: Params): Promise<MethodResult> => {
      const call = await runCostedCall(runtime, auth, timing, method, () =>
        invokeMethod(method, params, createContext(auth, runtime, true, timing), runtime.methods, runtime.faults),
      );
      const moments = { startMs: call.startedAtMs, processingStartMs: call.startedAtMs, finishMs: call.finishedAtMs };
      return { ...call.result, time: portalTimeBlock(moments, runtime.config.timeline, call.operating) };
    },
  };
  return context;
}

/**
 * The leaky bucket drains per portal second: K times faster in machine time under a time scale.
 */
function scaledRateLimit(runtime: RestRuntime): { drainPerSecond: number; burst: number } | null {
  const limit = runtime.config.current.rateLimit;
  return limit ? { drainPerSecond: limit.drainPerSecond * runtime.config.timeline.scale, burst: limit.burst } : null;
}

/**
 * What a client gets from a request cut off at the request time limit. limits.md says only that
 * the request "is interrupted by timeout"; status and body are not documented. The emulator takes
 * the demanding reading: the work done until then stays done, and the answer is the front
 * proxy's 504 page (HTML, not Bitrix JSON), so the client learns nothing about the result.
 */
function timeLimitAnswer(): { status: number; contentType: string; body: string } {
  const title = '504 Gateway Time-out';
  return {
    status: 504,
    contentType: 'text/html; charset=utf-8',
    body: `<html>\n<head><title>${title}</title></head>\n<body>\n<center><h1>${title}</h1></center>\n</body>\n</html>\n`,
  };
}

/**
 * Answers one REST request. The method runs through cost-accounting.ts: it is refused with 429
 * OPERATION_TIME_LIMIT when its operating budget is spent, takes its cost before the answer
 * leaves, and is cut off with a 504 page at the request time limit. Never throws for a REST
 * failure: every outcome is written to `response` and to the request log.
 */
export async function handleRestRequest(
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  runtime: RestRuntime,
): Promise<void> {
  const arrivedAt = Date.now();
  let body: Buffer;
  try {
    body = await readBody(request);
  } catch (error) {
    if (!(error instanceof BodyTooLargeError)) throw error;
    response.writeHead(413, { ...REST_CORS_HEADERS, 'Content-Type': 'application/json; charset=utf-8' });
    response.end(encodePhpJson({ error: 'ERROR_REQUEST_TOO_LARGE', error_description: 'Request body is too large' }));
    return;
  }
  const route = parseRestPath(url.pathname);
  const params = parseRequestParams(url.search.slice(1), body, request.headers['content-type']);
  const accessToken = takeAccessToken(params, request.headers);
  const method = route?.method ?? '';
  const entry: RequestLogEntry = {
    method,
    status: 0,
    bytesIn: body.length + Buffer.byteLength(request.url ?? ''),
    bytesOut: 0,
    userId: null,
    at: formatPortalDateTime(toPortalClock(arrivedAt)),
  };
  if (method === 'batch') entry.commands = batchCommandMethods(params);

  const drop = runtime.faults.takeDrop([method, ...(entry.commands ?? [])]);
  if (drop === 'before') {
    request.socket.destroy();
    runtime.log.add(entry);
    return;
  }

  const proxyFailure = runtime.faults.takeProxyFailure([method, ...(entry.commands ?? [])]);
  if (proxyFailure && proxyFailure.when !== 'after')
    return sendProxyAnswer(request, response, proxyAnswer(proxyFailure), entry, runtime);

  const latency = runtime.faults.latencyOverride() ?? runtime.config.current.latencyMs;
  // The network is part of a time-scaled world too: latency is in portal milliseconds.
  if (latency > 0) await sleep(latency / runtime.config.timeline.scale);

  let status = 200;
  let payload: Record<string, unknown>;
  let timeLimit: ReturnType<typeof timeLimitAnswer> | null = null;
  let timing: RequestTiming | null = null;
  const headers: Record<string, string> = {
    ...REST_CORS_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'X-Content-Type-Options': 'nosniff',
  };
  try {
    if (!runtime.bucket.take(scaledRateLimit(runtime), Date.now())) throw restErrors.queryLimit();
    if (!route) throw restErrors.methodNotFound();
    const auth = authenticate(route, accessToken, runtime.store, runtime.config.current, Date.now());
    entry.userId = auth.userId;
    if (auth.kind === 'app') headers['X-Bitrix-Rest-Application'] = runtime.store.state.app.clientId;
    if (!method) throw restErrors.methodNotFound();
    const requestTimes = requestTiming(runtime, Date.now());
    timing = requestTimes;
    const call = await runCostedCall(runtime, auth, requestTimes, method, () =>
      invokeMethod(method, params, createContext(auth, runtime, false, requestTimes), runtime.methods, runtime.faults),
    );
    const result = call.result;
    payload = { result: result.result };
    if (result.next !== undefined) payload.next = result.next;
    if (result.total !== undefined) payload.total = result.total;
    const time = portalTimeBlock(
      { startMs: arrivedAt, processingStartMs: call.startedAtMs, finishMs: call.finishedAtMs },
      runtime.config.timeline,
      call.operating,
    );
    payload.time = time;
    // The portal code sends the method body's time here (number_format with 10 decimals).
    headers['X-Bitrix-Rest-Time'] = time.processing.toFixed(10);
  } catch (error) {
    if (error instanceof RequestTimeLimitExceeded) {
      timeLimit = timeLimitAnswer();
      status = timeLimit.status;
      payload = {};
    } else if (error instanceof RestError) {
      status = error.status;
      payload = error.toBody();
    } else {
      console.error('[portal] REST method failed:', error);
      status = 500;
      payload = { error: 'INTERNAL_SERVER_ERROR', error_description: 'Internal server error' };
    }
  }

  if (timing) {
    entry.duration = runtime.config.timeline.portalSecondsFor(Date.now() - arrivedAt);
    if (timing.operationTimeLimited > 0) entry.operationTimeLimited = timing.operationTimeLimited;
  }
  const text = encodePhpJson(payload);
  if (drop === 'after') {
    request.socket.destroy();
    runtime.log.add(entry);
    return;
  }
  if (proxyFailure) return sendProxyAnswer(request, response, proxyAnswer(proxyFailure), entry, runtime);
  if (timeLimit) {
    const page = Buffer.from(timeLimit.body, 'utf8');
    response.writeHead(timeLimit.status, {
      ...REST_CORS_HEADERS,
      'Content-Type': timeLimit.contentType,
      'Content-Length': String(page.length),
    });
    response.end(request.method === 'HEAD' ? undefined : page);
    entry.status = timeLimit.status;
    entry.bytesOut = page.length;
    runtime.log.add(entry);
    return;
  }
  const bytes = Buffer.from(text, 'utf8');
  headers['Content-Length'] = String(bytes.length);
  response.writeHead(status, headers);
  response.end(request.method === 'HEAD' ? undefined : bytes);
  entry.status = status;
  entry.bytesOut = bytes.length;
  runtime.log.add(entry);
}

/** A proxy's answer in place of the portal's (planned `proxy-*` failure), logged with its status. */
function sendProxyAnswer(
  request: IncomingMessage,
  response: ServerResponse,
  answer: ProxyAnswer,
  entry: RequestLogEntry,
  runtime: RestRuntime,
): void {
  const bytes = Buffer.from(answer.body, 'utf8');
  response.writeHead(answer.status, {
    ...REST_CORS_HEADERS,
    'Content-Type': answer.contentType,
    'Content-Length': String(bytes.length),
  });
  response.end(request.method === 'HEAD' ? undefined : bytes);
  entry.status = answer.status;
  entry.bytesOut = bytes.length;
  runtime.log.add(entry);
}
