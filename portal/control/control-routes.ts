/**
 * The emulator's control API under /_emulator/ (JSON, CORS open), for tests and benchmarks:
 * health, reset and reseed, faults, runtime config, expiring tokens, test tokens, and the request
 * log. It is not part of Bitrix24; the app never calls it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RunAsUser } from '../rest/run-as-user';
import { FaultSettingsError, parseFaultSettings } from '../rest/faults';
import { isRecord } from '../rest/params';
import type { RestRuntime } from '../rest/rest-runtime';
import { CostProfileError } from '../rest/cost-model';
import type { RuntimeConfigChanges } from '../runtime-config';
import { isValidTimeZone } from '../portal-time';

export const CONTROL_PREFIX = '/_emulator/';

const CORS_HEADERS: Record<string, string> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, DELETE, OPTIONS',
  'Access-Control-Allow-Headers': 'content-type',
};

export interface ControlTarget {
  runtime: RestRuntime;
  /** Puts the seed back (demo state, or app not installed when `fresh`). */
  reseed(fresh: boolean): void;
  issueToken(userId: number): { access_token: string; refresh_token: string; expires_in: number; user_id: number };
  refreshToken(
    refreshToken: string,
  ): { access_token: string; refresh_token: string; expires_in: number; user_id: number } | undefined;
  /** Runs a method as a user, as the portal's own pages do (no log, no cost): the stage bar's move. */
  runAsUser: RunAsUser;
}

class ControlInputError extends Error {}

function send(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    ...CORS_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
  });
  response.end(text);
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (text === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ControlInputError('The body is not valid JSON');
  }
  if (!isRecord(parsed)) throw new ControlInputError('The body must be a JSON object');
  return parsed;
}

function positiveNumber(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0)
    throw new ControlInputError(`${name} must be a positive number`);
  return value;
}

function configChanges(body: Record<string, unknown>) {
  const changes: RuntimeConfigChanges = {};
  if (body.tokenTtlSeconds !== undefined)
    changes.tokenTtlSeconds = positiveNumber(body.tokenTtlSeconds, 'tokenTtlSeconds');
  if (body.latencyMs !== undefined) {
    if (typeof body.latencyMs !== 'number' || body.latencyMs < 0)
      throw new ControlInputError('latencyMs must be 0 or more');
    changes.latencyMs = body.latencyMs;
  }
  if (body.rateLimit !== undefined) {
    if (body.rateLimit === null) changes.rateLimit = null;
    else if (isRecord(body.rateLimit)) {
      changes.rateLimit = {
        drainPerSecond: positiveNumber(body.rateLimit.drainPerSecond, 'rateLimit.drainPerSecond'),
        burst: positiveNumber(body.rateLimit.burst, 'rateLimit.burst'),
      };
    } else throw new ControlInputError('rateLimit must be {drainPerSecond, burst} or null');
  }
  if (body.language !== undefined) {
    if (typeof body.language !== 'string' || !/^[a-z]{2}$/.test(body.language))
      throw new ControlInputError('language must be a two-letter portal language id such as en, ru, de');
    changes.language = body.language;
  }
  if (body.cost !== undefined) {
    if (typeof body.cost !== 'string' || body.cost.trim() === '')
      throw new ControlInputError('cost must be "cloud", "instant" or the path of a JSON cost profile file');
    changes.cost = body.cost;
  }
  if (body.timeScale !== undefined) changes.timeScale = positiveNumber(body.timeScale, 'timeScale');
  if (body.clockOffsetSeconds !== undefined) {
    if (typeof body.clockOffsetSeconds !== 'number' || !Number.isFinite(body.clockOffsetSeconds))
      throw new ControlInputError('clockOffsetSeconds must be a number of seconds (negative: the portal is behind)');
    changes.clockOffsetSeconds = body.clockOffsetSeconds;
  }
  if (body.timeZone !== undefined) {
    if (typeof body.timeZone !== 'string' || !isValidTimeZone(body.timeZone))
      throw new ControlInputError('timeZone must be an IANA time zone such as Europe/Berlin');
    changes.timeZone = body.timeZone;
  }
  if (body.operatingLimitSeconds !== undefined) {
    changes.operatingLimitSeconds =
      body.operatingLimitSeconds === null ? null : positiveNumber(body.operatingLimitSeconds, 'operatingLimitSeconds');
  }
  if (body.requestTimeLimitSeconds !== undefined)
    changes.requestTimeLimitSeconds = positiveNumber(body.requestTimeLimitSeconds, 'requestTimeLimitSeconds');
  return changes;
}

function publicConfig(runtime: RestRuntime) {
  const {
    tokenTtlSeconds,
    rateLimit,
    language,
    latencyMs,
    cost,
    timeScale,
    clockOffsetSeconds,
    timeZone,
    operatingLimitSeconds,
    requestTimeLimitSeconds,
  } = runtime.config.current;
  return {
    tokenTtlSeconds,
    rateLimit,
    language,
    latencyMs,
    cost,
    timeScale,
    clockOffsetSeconds,
    timeZone,
    operatingLimitSeconds,
    requestTimeLimitSeconds,
  };
}

/** Handles a request under /_emulator/; returns false when the path is not a control route. */
export async function handleControlRequest(
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  target: ControlTarget,
): Promise<boolean> {
  if (!url.pathname.startsWith(CONTROL_PREFIX)) return false;
  const route = url.pathname.slice(CONTROL_PREFIX.length).replace(/\/$/, '');
  const method = request.method ?? 'GET';
  const { runtime } = target;
  if (method === 'OPTIONS') {
    response.writeHead(204, CORS_HEADERS);
    response.end();
    return true;
  }
  try {
    switch (`${method} ${route}`) {
      case 'GET health':
        send(response, 200, { ok: true });
        return true;
      case 'POST reset': {
        const body = await readJson(request);
        const fresh = body.fresh === undefined ? runtime.config.base.fresh : body.fresh === true;
        runtime.config.reset();
        runtime.faults.clear();
        runtime.log.clear();
        runtime.bucket.reset();
        runtime.operating.clear();
        target.reseed(fresh);
        send(response, 200, { ok: true, fresh });
        return true;
      }
      case 'GET faults':
        send(response, 200, { ok: true, faults: runtime.faults.snapshot() });
        return true;
      case 'POST faults':
        runtime.faults.apply(parseFaultSettings(await readJson(request)));
        send(response, 200, { ok: true, faults: runtime.faults.snapshot() });
        return true;
      case 'DELETE faults':
        runtime.faults.clear();
        send(response, 200, { ok: true });
        return true;
      case 'GET config':
        send(response, 200, { ok: true, config: publicConfig(runtime) });
        return true;
      case 'POST config':
        runtime.config.update(configChanges(await readJson(request)));
        send(response, 200, { ok: true, config: publicConfig(runtime) });
        return true;
      case 'GET operating':
        send(response, 200, { ok: true, operating: runtime.operating.snapshot(runtime.config.timeline.portalMs()) });
        return true;
      case 'DELETE operating':
        runtime.operating.clear();
        send(response, 200, { ok: true });
        return true;
      case 'POST expire-tokens':
        send(response, 200, { ok: true, expired: runtime.store.expireAllTokens() });
        return true;
      case 'POST tokens': {
        const body = await readJson(request);
        const userId = typeof body.userId === 'number' ? body.userId : Number(body.userId ?? 1);
        const user = runtime.store.user(userId);
        if (!user || !user.active)
          throw new ControlInputError(`No active user ${String(body.userId)}; seeded users are 1-7`);
        send(response, 200, { ok: true, ...target.issueToken(userId) });
        return true;
      }
      case 'POST tokens/refresh': {
        const body = await readJson(request);
        const refreshed = typeof body.refreshToken === 'string' ? target.refreshToken(body.refreshToken) : undefined;
        if (!refreshed) throw new ControlInputError('Unknown or already used refreshToken');
        send(response, 200, { ok: true, ...refreshed });
        return true;
      }
      case 'POST items/stage': {
        // The card's stage bar, for tests: moves an item as the user would (crm.item.update rules).
        const body = await readJson(request);
        const userId = body.userId === undefined ? 1 : Number(body.userId);
        const answer = await target.runAsUser(userId, 'crm.item.update', {
          entityTypeId: body.entityTypeId,
          id: body.id,
          fields: { stageId: body.stageId },
        });
        if (!answer.ok) {
          send(response, answer.status, { ok: false, error: answer.error, error_description: answer.description });
          return true;
        }
        const item = (answer.result as { item: { id: number; stageId: string; categoryId: number } }).item;
        send(response, 200, { ok: true, item: { id: item.id, stageId: item.stageId, categoryId: item.categoryId } });
        return true;
      }
      case 'GET requests':
        send(response, 200, { ok: true, requests: runtime.log.entries() });
        return true;
      case 'DELETE requests':
        runtime.log.clear();
        send(response, 200, { ok: true });
        return true;
      default:
        send(response, 404, { ok: false, error: `No control route ${method} ${url.pathname}` });
        return true;
    }
  } catch (error) {
    if (
      error instanceof ControlInputError ||
      error instanceof FaultSettingsError ||
      error instanceof CostProfileError
    ) {
      send(response, 400, { ok: false, error: error.message });
      return true;
    }
    throw error;
  }
}
