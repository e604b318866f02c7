/**
 * Runs a placement plan through the portal in batches of at most 50 commands (a batch counts
 * as one request against the portal's rate limit). Binds and unbinds are idempotent here, so a
 * batch that failed as a whole is safely sent again.
 */
import type { PlacementCommand } from './binding-plan';
import { statusOfError, type CommandStatus, type PortalCommandError } from './command-outcome';

export const MAX_COMMANDS_PER_BATCH = 50;

export type PortalCommandResult = { ok: true } | { ok: false; error: PortalCommandError };

export interface PlacementCommandPort {
  /** Sends up to 50 commands as one batch (halt off); one result per command, in order. */
  run(commands: readonly PlacementCommand[]): Promise<PortalCommandResult[]>;
  sleep(milliseconds: number): Promise<void>;
}

export interface CommandReport {
  command: PlacementCommand;
  status: CommandStatus;
  /** The portal's (or the network's) message, for a failed command. */
  message: string | null;
}

export interface ApplyProgress {
  finished: number;
  total: number;
  failed: number;
}

const ATTEMPTS_PER_BATCH = 3;

export async function applyPlacementPlan(
  commands: readonly PlacementCommand[],
  port: PlacementCommandPort,
  onProgress: (progress: ApplyProgress) => void = () => {},
): Promise<CommandReport[]> {
  const reports: CommandReport[] = [];
  let failed = 0;
  onProgress({ finished: 0, total: commands.length, failed });
  for (let start = 0; start < commands.length; start += MAX_COMMANDS_PER_BATCH) {
    const chunk = commands.slice(start, start + MAX_COMMANDS_PER_BATCH);
    const chunkReports = await runChunk(chunk, port);
    for (const report of chunkReports) if (report.status === 'failed') failed += 1;
    reports.push(...chunkReports);
    onProgress({ finished: reports.length, total: commands.length, failed });
  }
  return reports;
}

async function runChunk(chunk: readonly PlacementCommand[], port: PlacementCommandPort): Promise<CommandReport[]> {
  let lastError: unknown = null;
  for (let attempt = 1; attempt <= ATTEMPTS_PER_BATCH; attempt += 1) {
    try {
      const results = await port.run(chunk);
      return chunk.map((command, index) => reportFor(command, results[index]));
    } catch (error) {
      lastError = error;
      if (attempt < ATTEMPTS_PER_BATCH) await port.sleep(1000 * 2 ** (attempt - 1));
    }
  }
  const message = lastError instanceof Error ? lastError.message : String(lastError);
  return chunk.map((command) => ({ command, status: 'failed' as const, message }));
}

function reportFor(command: PlacementCommand, result: PortalCommandResult | undefined): CommandReport {
  if (!result) return { command, status: 'failed', message: null };
  if (result.ok) return { command, status: 'done', message: null };
  const status = statusOfError(command, result.error);
  return { command, status, message: status === 'failed' ? result.error.description || result.error.code : null };
}
