import type { PortalConfig } from '../config';
import type { PortalStore } from '../state/store';
import type { StoredUser } from '../state/state-types';
import type { Params } from './params';
import type { TimeBlock } from './time-block';

export type AuthKind = 'app' | 'webhook';

export interface AuthContext {
  kind: AuthKind;
  userId: number;
  user: StoredUser;
  scopes: ReadonlySet<string>;
}

export interface MethodContext {
  auth: AuthContext;
  store: PortalStore;
  config: PortalConfig;
  /** The portal's own origin, for absolute URLs (photos). */
  origin: string;
  now: number;
  insideBatch: boolean;
  /**
   * Machine ms at which the request is cut off (the cloud's 60 s limit, limits.md). A slow
   * method (the `slow` fault) cannot write later than this: a real portal stops the request there.
   */
  deadlineMs?: number;
  /** Calls another method with the same caller (batch sub-commands). */
  invoke(method: string, params: Params): Promise<MethodResult>;
}

/** What a method returns; `next`/`total` are lifted to the top level of the envelope. */
export interface MethodResult {
  result: unknown;
  total?: number;
  next?: number;
  /** Set by `MethodContext.invoke`: the call's time block as the portal reports it (batch `result_time`). */
  time?: TimeBlock;
}

export type MethodHandler = (params: Params, context: MethodContext) => MethodResult | Promise<MethodResult>;

export interface MethodDefinition {
  name: string;
  /** `basic` methods are always available; the others need the scope in the token. */
  scope: string;
  handler: MethodHandler;
}

export function ok(result: unknown, paging?: { total?: number; next?: number }): MethodResult {
  const out: MethodResult = { result };
  if (paging?.next !== undefined) out.next = paging.next;
  if (paging?.total !== undefined) out.total = paging.total;
  return out;
}
