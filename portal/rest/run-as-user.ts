/**
 * A method run for a user by the portal itself — what the portal's own pages do through their
 * session (e.g. moving an item on the card's stage bar), not a REST call of the app: same rules
 * and same store as the REST method, but no request log, no cost, no operating time, no faults
 * and no rate limit (none of those apply to a user's own clicks).
 */
import { portalNow } from '../portal-time';
import type { PortalConfig } from '../config';
import type { PortalStore } from '../state/store';
import { ALL_SCOPES } from './auth';
import type { MethodRegistry } from './dispatch';
import type { MethodContext } from './method-types';
import type { Params } from './params';
import { RestError } from './rest-error';

export type RunAsUserResult =
  { ok: true; result: unknown } | { ok: false; status: number; error: string; description: string };

export type RunAsUser = (userId: number, method: string, params: Params) => Promise<RunAsUserResult>;

export function createRunAsUser(options: {
  store: PortalStore;
  config: () => PortalConfig;
  methods: MethodRegistry;
  origin: () => string;
}): RunAsUser {
  return async (userId, method, params) => {
    const user = options.store.user(userId);
    const definition = options.methods.get(method.toLowerCase());
    if (!user || !user.active) return { ok: false, status: 403, error: 'ACCESS_DENIED', description: 'No such user' };
    if (!definition) return { ok: false, status: 404, error: 'ERROR_METHOD_NOT_FOUND', description: method };
    const context: MethodContext = {
      auth: { kind: 'webhook', userId, user, scopes: new Set(ALL_SCOPES) },
      store: options.store,
      config: options.config(),
      origin: options.origin(),
      now: portalNow(),
      insideBatch: false,
      invoke: () => Promise.reject(new Error('Not available to a portal page')),
    };
    try {
      return { ok: true, result: (await definition.handler(structuredClone(params), context)).result };
    } catch (error) {
      if (error instanceof RestError)
        return { ok: false, status: error.status, error: String(error.code), description: error.description };
      throw error;
    }
  };
}
