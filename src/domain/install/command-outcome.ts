/**
 * What a `placement.bind` / `placement.unbind` error means for the sync. Re-binding what is
 * already bound is not a failure: portals answer it as `ERROR_CORE` "Unable to set placement
 * handler: Handler already binded" (HTTP 400, or as a batch `result_error` that may be a bare
 * string), and some community code reports `ERROR_PLACEMENT_MAX_COUNT` for the same case.
 */
import type { PlacementCommand } from './binding-plan';

export interface PortalCommandError {
  /** REST `error` code, e.g. `ERROR_CORE`; empty when the portal sent only a text. */
  code: string;
  /** REST `error_description` (or the bare string a batch reported). */
  description: string;
}

export type CommandStatus =
  /** The portal now holds what the command asked for. */
  | 'done'
  /** A bind of something already bound: nothing to do. */
  | 'already-bound'
  /** An unbind of something already gone (placement or smart process deleted). */
  | 'already-unbound'
  | 'failed';

const ALREADY_BOUND = /already\s+bind(ed)?|already\s+bound/i;

export function statusOfError(command: PlacementCommand, error: PortalCommandError): Exclude<CommandStatus, 'done'> {
  const code = error.code.toUpperCase();
  if (command.kind === 'bind') {
    if (ALREADY_BOUND.test(error.description) || ALREADY_BOUND.test(error.code)) return 'already-bound';
    if (code === 'ERROR_PLACEMENT_MAX_COUNT') return 'already-bound';
    return 'failed';
  }
  // Unbinding a placement of a deleted smart process: the code no longer exists on the portal.
  if (code === 'ERROR_PLACEMENT_NOT_FOUND') return 'already-unbound';
  return 'failed';
}
