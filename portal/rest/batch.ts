/**
 * `batch`: up to 50 sub-commands `method?query` run in order with the caller's auth, with
 * `$result[key][path]` references to earlier results substituted as the portal's
 * `CRestUtil::processBatchElement` does, and the five result maps keyed by command key.
 */
import { isRecord, param, phpTruthy } from './params';
import type { Params } from './params';
import type { MethodDefinition, MethodResult } from './method-types';
import { ok } from './method-types';
import { parsePhpQuery } from './request-body';
import { RestError } from './rest-error';
import { timeBlock } from './time-block';

export const BATCH_MAX_LENGTH = 50;

type ResultMaps = Record<'result' | 'next' | 'total' | 'time' | 'error', Record<string, unknown>>;

const REFERENCE = /\$(result|next|total|time|error)([^\s]*)/gi;
const PATH_SEGMENT = /\[([^\]]+)\]/g;

/** Inside a longer string only numbers and strings are substituted; arrays, booleans and null are left as written. */
function isSubstitutable(value: unknown): value is string | number {
  return typeof value === 'string' || typeof value === 'number';
}

/** One parameter value with its references resolved. */
export function substituteReferences(value: string, maps: ResultMaps): unknown {
  let current: unknown = value;
  for (const match of value.matchAll(REFERENCE)) {
    const whole = match[0];
    const segments = [...match[2]!.matchAll(PATH_SEGMENT)].map((segment) => segment[1]!);
    if (segments.length === 0) continue;
    let resolved: unknown = maps[match[1] as keyof ResultMaps];
    for (const segment of segments) {
      if (
        (isRecord(resolved) || Array.isArray(resolved)) &&
        (resolved as Record<string, unknown>)[segment] !== undefined &&
        (resolved as Record<string, unknown>)[segment] !== null
      ) {
        resolved = (resolved as Record<string, unknown>)[segment];
      } else {
        break;
      }
    }
    if (current === whole) {
      current = resolved;
    } else if (typeof current === 'string' && isSubstitutable(resolved)) {
      current = current.split(whole).join(String(resolved));
    }
  }
  return current;
}

function substituteStructure(params: unknown, maps: ResultMaps): unknown {
  if (Array.isArray(params)) return params.map((entry) => substituteStructure(entry, maps));
  if (isRecord(params)) {
    return Object.fromEntries(Object.entries(params).map(([key, entry]) => [key, substituteStructure(entry, maps)]));
  }
  return typeof params === 'string' ? substituteReferences(params, maps) : params;
}

function commandEntries(cmd: unknown): Array<[string, unknown]> {
  if (Array.isArray(cmd)) return cmd.map((entry, index) => [String(index), entry]);
  if (isRecord(cmd)) return Object.entries(cmd);
  return [];
}

function splitCommand(command: unknown): { method: string; query: string } {
  const text = typeof command === 'string' ? command : '';
  const questionMark = text.indexOf('?');
  const path = questionMark >= 0 ? text.slice(0, questionMark) : text;
  const query = questionMark >= 0 ? text.slice(questionMark + 1) : '';
  return {
    method: path
      .trim()
      .replace(/^\/+/, '')
      .replace(/\.json$/i, ''),
    query,
  };
}

/** The sub-methods of a batch request, lower-cased, for the request log and drop faults. */
export function batchCommandMethods(params: Params): string[] {
  return commandEntries(param(params, 'cmd')).map(([, command]) => splitCommand(command).method.toLowerCase());
}

export const batchMethod: MethodDefinition = {
  name: 'batch',
  scope: 'basic',
  async handler(params, context) {
    const halt = phpTruthy(param(params, 'halt'));
    const maps: ResultMaps = { result: {}, next: {}, total: {}, time: {}, error: {} };
    let count = 0;
    for (const [key, command] of commandEntries(param(params, 'cmd'))) {
      let outcome: Partial<Record<keyof ResultMaps, unknown>>;
      if (count++ < BATCH_MAX_LENGTH) {
        // The portal skips a command that is not a string: it gets no entry in any of the maps.
        if (typeof command !== 'string') continue;
        const { method, query } = splitCommand(command);
        const subParams = substituteStructure(parsePhpQuery(query), maps) as Params;
        delete subParams.auth;
        delete subParams.access_token;
        const startedAt = Date.now();
        try {
          const result: MethodResult = await context.invoke(method, subParams);
          // The command's own time block (with its operating keys on a cloud portal, as the portal
          // code's CRestServerBatchItem prints it), from context.invoke.
          outcome = { result: result.result, time: result.time ?? timeBlock(startedAt, startedAt, Date.now(), false) };
          if (result.next !== undefined) outcome.next = result.next;
          if (result.total !== undefined) outcome.total = result.total;
        } catch (error) {
          if (!(error instanceof RestError)) throw error;
          outcome = { error: error.toBody() };
        }
      } else {
        outcome = { error: { error: 'ERROR_BATCH_LENGTH_EXCEEDED', error_description: 'Max batch length exceeded' } };
      }
      for (const [part, value] of Object.entries(outcome)) maps[part as keyof ResultMaps][key] = value;
      if (outcome.error && halt) break;
    }
    return ok({
      result: maps.result,
      result_error: maps.error,
      result_total: maps.total,
      result_next: maps.next,
      result_time: maps.time,
    });
  },
};
