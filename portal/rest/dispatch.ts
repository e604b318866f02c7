/**
 * Runs one method for an authenticated caller: existence, scope, planned faults, then the method.
 * Used for top-level calls and for each batch sub-command. A planned portal failure `before`
 * throws instead of running the method; `after` runs it, then throws.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { failStatus } from './faults';
import type { FaultRegistry } from './faults';
import type { MethodContext, MethodDefinition, MethodResult } from './method-types';
import type { Params } from './params';
import { RestError, restErrors } from './rest-error';

export type MethodRegistry = ReadonlyMap<string, MethodDefinition>;

const NOT_ALLOWED_IN_BATCH = new Set(['batch', 'upload', 'download']);

export async function invokeMethod(
  name: string,
  params: Params,
  context: MethodContext,
  registry: MethodRegistry,
  faults: FaultRegistry,
): Promise<MethodResult> {
  const method = name.trim().toLowerCase();
  if (context.insideBatch && NOT_ALLOWED_IN_BATCH.has(method)) {
    throw new RestError('ERROR_BATCH_METHOD_NOT_ALLOWED', 'Method is not allowed for batch usage', 405);
  }
  const definition = registry.get(method);
  if (!definition) throw restErrors.methodNotFound();
  if (definition.scope !== 'basic' && !context.auth.scopes.has(definition.scope)) {
    throw restErrors.insufficientScope(context.auth.kind === 'webhook', context.insideBatch);
  }
  const slowdown = faults.slowdownFor(method);
  // A slow method still writes no later than the request's cut-off: a portal stops the request
  // there (limits.md, 60 s), so the write lands at the cut-off at the latest (the demanding side).
  const allowed =
    context.deadlineMs === undefined ? slowdown : Math.min(slowdown, Math.max(0, context.deadlineMs - Date.now()));
  if (allowed > 0) await sleep(allowed);
  const failure = faults.takeFailure(method);
  if (!failure) return definition.handler(params, context);
  const planned = new RestError(
    failure.error ?? 'INTERNAL_SERVER_ERROR',
    failure.description ?? `Planned failure of ${method} (emulator fault)`,
    failStatus(failure),
  );
  if (failure.when !== 'after') throw planned;
  // The method runs and its write stays; the caller is told it failed (its own error wins).
  await definition.handler(params, context);
  throw planned;
}
