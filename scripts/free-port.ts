/**
 * Whether a TCP port is free to listen on, checked before `npm start` spawns anything, so a taken
 * port is reported by name instead of a child failing after "running" was printed.
 */
import { createServer } from 'node:net';

/**
 * Resolves true when `port` can be bound on `host` right now (the probe listens and closes at once),
 * false when it is in use (EADDRINUSE) or not allowed (EACCES). Other errors reject.
 */
export function isPortFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolvePromise, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE' || error.code === 'EACCES') resolvePromise(false);
      else reject(error);
    });
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolvePromise(true)));
  });
}

/** One port `npm start` needs: what it is for, its number, and the env variable / flag that changes it. */
export interface NeededPort {
  /** "portal" or "app". */
  role: string;
  port: number;
  env: string;
  flag: string;
}

/**
 * The message for ports already taken: which ones, and how to pick others (env or flag).
 * Empty string when none is taken.
 */
export function takenPortsMessage(taken: readonly NeededPort[]): string {
  if (taken.length === 0) return '';
  const lines = taken.map(
    (p) =>
      `  - the ${p.role} port ${p.port} is already in use (choose another with ${p.env}=<port> or ${p.flag} <port>)`,
  );
  const example = taken.map((p) => `${p.env}=${p.port + 1}`).join(' ');
  return [
    `Cannot start: ${taken.length === 1 ? 'a port is' : 'ports are'} taken.`,
    ...lines,
    `For example: ${example} npm start`,
    '(or stop whatever is listening there).',
  ].join('\n');
}
