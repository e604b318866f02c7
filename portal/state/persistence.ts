/**
 * `--data FILE`: the state as one JSON file, replaced atomically (write a temporary file beside it,
 * flush it to disk, then rename over the old one), so a crash leaves either the old or the new
 * file, never half of one.
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { STATE_FORMAT_VERSION } from './state-types';
import type { PortalState } from './state-types';

export class StateFileError extends Error {}

export function readStateFile(file: string): PortalState | null {
  if (!existsSync(file)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new StateFileError(
      `The data file ${file} is not valid JSON (${(error as Error).message}). ` +
        'It was left untouched; move it away or start with --fresh to replace it.',
    );
  }
  const state = parsed as Partial<PortalState> | null;
  if (
    !state ||
    typeof state !== 'object' ||
    state.formatVersion !== STATE_FORMAT_VERSION ||
    !Array.isArray(state.items)
  ) {
    throw new StateFileError(
      `The data file ${file} is not an emulator state of format ${STATE_FORMAT_VERSION}. ` +
        'It was left untouched; move it away or start with --fresh to replace it.',
    );
  }
  return state as PortalState;
}

export function writeStateFile(file: string, state: PortalState): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  const descriptor = openSync(temporary, 'w');
  try {
    writeSync(descriptor, JSON.stringify(state));
    fsyncSync(descriptor);
  } finally {
    closeSync(descriptor);
  }
  renameSync(temporary, file);
}
