/**
 * `npm start -- --archive [FILE]` before a package says what to run instead of starting a portal
 * without the app; with its ports taken it says which and how to choose others, and fails.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

describe('npm start -- --archive', () => {
  it('stops with what to run when the archive is not there', () => {
    const missing = join(tmpdir(), 'no-such-dir-smart-tasks', 'smart-tasks-0.0.0.zip');
    // A port nobody uses, should the check ever let it start.
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/start.ts', '--archive', missing], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, PORTAL_PORT: '4399' },
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `No app archive at ${missing}. Run \`npm run package\` first, or name one: npm start -- --archive FILE`,
    );
  });

  it('reads --archive=FILE like --archive FILE (it never reaches the portal as an unknown option)', () => {
    const missing = join(tmpdir(), 'no-such-dir-smart-tasks', 'smart-tasks-0.0.1.zip');
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/start.ts', `--archive=${missing}`], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, PORTAL_PORT: '4399' },
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`No app archive at ${missing}.`);
  });
});

describe('npm start with its ports taken', () => {
  /** Listens on a free port chosen by the system, as another program would hold it. */
  async function holdAPort(): Promise<{ port: number; release: () => Promise<void> }> {
    const server = createServer();
    await new Promise<void>((done) => server.listen({ port: 0, host: '127.0.0.1' }, done));
    const port = (server.address() as AddressInfo).port;
    return { port, release: () => new Promise<void>((done) => server.close(() => done())) };
  }

  /** Runs `npm start` (its script) without blocking the test's own event loop (the holders must answer). */
  function start(
    args: string[],
    env: Record<string, string>,
  ): Promise<{ status: number | null; stdout: string; stderr: string }> {
    return new Promise((done) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts', ...args], {
        cwd: root,
        env: { ...process.env, ...env },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const timer = setTimeout(() => child.kill('SIGTERM'), 30_000);
      child.on('exit', (status) => {
        clearTimeout(timer);
        done({ status, stdout, stderr });
      });
    });
  }

  it('names both taken ports, says how to choose others, never says "running", and exits 1', async () => {
    const portal = await holdAPort();
    const app = await holdAPort();
    try {
      const result = await start([], { PORTAL_PORT: String(portal.port), APP_PORT: String(app.port) });
      expect(result.status).toBe(1);
      expect(result.stdout).not.toContain('is running');
      expect(result.stderr).toContain(
        `the portal port ${portal.port} is already in use (choose another with PORTAL_PORT=<port> or --portal-port <port>)`,
      );
      expect(result.stderr).toContain(
        `the app port ${app.port} is already in use (choose another with APP_PORT=<port> or --app-port <port>)`,
      );
    } finally {
      await portal.release();
      await app.release();
    }
  }, 40_000);

  it('takes the ports from --portal-port / --app-port too, and names only the one taken', async () => {
    const app = await holdAPort();
    const free = await holdAPort();
    await free.release(); // a port the system just handed out and nobody holds
    try {
      const result = await start(['--portal-port', String(free.port), '--app-port', String(app.port)], {});
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(`the app port ${app.port} is already in use`);
      expect(result.stderr).not.toContain('the portal port');
    } finally {
      await app.release();
    }
  }, 40_000);
});
