/**
 * Every task a bulk run creates carries the run's id in its description. Before creating
 * tasks for a chunk of items the runner asks the portal which of them already have a task
 * with this id, so a chunk written by a request that seemed to fail (the SDK retries network
 * failures itself) or by a tab that was reloaded mid-chunk is never written twice.
 */

const RUN_ID = /^smart-tasks-run-[0-9a-f]{16}$/;

export function newRunId(randomBytes: (length: number) => Uint8Array = defaultRandomBytes): string {
  const hex = Array.from(randomBytes(8), (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `smart-tasks-run-${hex}`;
}

export function isRunId(value: unknown): value is string {
  return typeof value === 'string' && RUN_ID.test(value);
}

/** The last line of each task's description; `label` is translated, the id is not. */
export function runMarkerLine(label: string, runId: string): string {
  return `${label} ${runId}`;
}

export function carriesRunMarker(description: string | null | undefined, runId: string): boolean {
  return typeof description === 'string' && description.includes(runId);
}

function defaultRandomBytes(length: number): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(length));
}
