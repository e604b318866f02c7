/**
 * Request parameters as the portal's `CRestUtil::getRequestData` builds them: the query string,
 * overridden key by key by the body — a form body (PHP bracket syntax, parsed with qs) or, when
 * there is no form and the type is JSON, the JSON body (an invalid one counts as empty).
 */
import qs from 'qs';
import { isRecord } from './params';
import type { Params } from './params';

export const QS_OPTIONS = { depth: 20, arrayLimit: 1000, parameterLimit: 10_000, allowDots: false } as const;

export function parsePhpQuery(text: string): Params {
  if (!text) return {};
  return qs.parse(text, QS_OPTIONS) as Params;
}

export function parseRequestParams(query: string, body: Buffer, contentType: string | undefined): Params {
  const fromQuery = parsePhpQuery(query);
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  let fromBody: Params = {};
  if (body.length > 0) {
    const text = body.toString('utf8');
    if (type === 'application/json') {
      try {
        const parsed: unknown = JSON.parse(text);
        fromBody = isRecord(parsed) ? parsed : {};
      } catch {
        fromBody = {};
      }
    } else if (type === 'application/x-www-form-urlencoded' || type === '') {
      fromBody = parsePhpQuery(text);
    }
  }
  const merged: Params = { ...fromQuery, ...fromBody };
  // b24jssdk's request tracing; the portal ignores it.
  for (const key of Object.keys(merged)) if (key.startsWith('bx24_')) delete merged[key];
  return merged;
}
