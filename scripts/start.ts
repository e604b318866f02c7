/**
 * `npm start`: the portal emulator and the app's dev server side by side, as a developer
 * would run a real portal and a tunnel. Extra arguments go to the emulator
 * (`npm start -- --lang ru --latency 300`).
 *
 * `npm start -- --archive [FILE]`: no dev server; the emulator installs the app from the archive
 * `npm run package` wrote (smart-tasks-<version>.zip unless FILE) and hosts it itself, as
 * Bitrix24 hosts a static local application.
 *
 * Ports: the portal on 4300 and the app on 5173 unless PORTAL_PORT / APP_PORT (or
 * `--portal-port N` / `--app-port N`) say otherwise. Both are checked before anything starts; a
 * taken port is named with how to choose another, and the exit status is 1.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { appVersion, archiveName } from './package';
import { isPortFree, takenPortsMessage, type NeededPort } from './free-port';

/** `--name N` taken out of the arguments (it is ours, not the emulator's): its value, or null. */
function takeValueFlag(args: string[], name: string): string | null {
  const index = args.indexOf(name);
  if (index === -1) return null;
  const value = args[index + 1];
  args.splice(index, 2);
  return value ?? null;
}

/** A port from a flag, else the env variable, else the default; a value that is no port stops the start. */
function portSetting(args: string[], flag: string, env: string, fallback: number): number {
  const raw = takeValueFlag(args, flag) ?? process.env[env] ?? String(fallback);
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    console.error(`${flag} / ${env}: "${raw}" is not a port (1-65535).`);
    process.exit(1);
  }
  return port;
}

const cliArgs = process.argv.slice(2);
const PORTAL_PORT = portSetting(cliArgs, '--portal-port', 'PORTAL_PORT', 4300);
const APP_PORT = portSetting(cliArgs, '--app-port', 'APP_PORT', 5173);
const portalOrigin = `http://127.0.0.1:${PORTAL_PORT}`;
const appUrl = `http://127.0.0.1:${APP_PORT}/`;

/** `--archive [FILE]` taken out of the arguments: the archive to install, or null for the dev server. */
function takeArchiveFlag(args: string[]): { archive: string | null; rest: string[] } {
  // `--archive=FILE` as well as `--archive FILE` (and `--archive` alone: the packaged one).
  const joined = args.findIndex((arg) => arg.startsWith('--archive='));
  if (joined !== -1) {
    const value = args[joined]!.slice('--archive='.length);
    return {
      archive: resolve(value || archiveName(appVersion())),
      rest: [...args.slice(0, joined), ...args.slice(joined + 1)],
    };
  }
  const index = args.indexOf('--archive');
  if (index === -1) return { archive: null, rest: args };
  const next = args[index + 1];
  const given = next !== undefined && !next.startsWith('--') ? next : null;
  const rest = [...args.slice(0, index), ...args.slice(index + (given === null ? 1 : 2))];
  return { archive: resolve(given ?? archiveName(appVersion())), rest };
}

const { archive, rest: portalArgs } = takeArchiveFlag(cliArgs);
if (archive !== null && !existsSync(archive)) {
  console.error(
    `No app archive at ${archive}. Run \`npm run package\` first, or name one: npm start -- --archive FILE`,
  );
  process.exit(1);
}

// Checked before spawning: a child that fails on a taken port would otherwise be reported after
// the other one answered, or (vite) not at all.
const needed: NeededPort[] = [{ role: 'portal', port: PORTAL_PORT, env: 'PORTAL_PORT', flag: '--portal-port' }];
if (archive === null) needed.push({ role: 'app', port: APP_PORT, env: 'APP_PORT', flag: '--app-port' });
const taken: NeededPort[] = [];
for (const port of needed) if (!(await isPortFree(port.port))) taken.push(port);
if (taken.length > 0) {
  console.error(takenPortsMessage(taken));
  process.exit(1);
}

const children: ChildProcess[] = [];

function run(name: string, command: string, args: string[]): ChildProcess {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
  const prefix = `[${name}] `;
  const relay = (stream: NodeJS.WritableStream) => (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) if (line.trim()) stream.write(prefix + line + '\n');
  };
  child.stdout?.on('data', relay(process.stdout));
  child.stderr?.on('data', relay(process.stderr));
  child.on('exit', (code) => {
    if (!stopping) {
      console.error(`${prefix}exited with code ${code}; stopping.`);
      // A child that ends on its own is a failure even when it says 0 (the dev server is meant to run).
      stop(code === null || code === 0 ? 1 : code);
    }
  });
  children.push(child);
  return child;
}

let stopping = false;
function stop(code = 0): void {
  stopping = true;
  // exitCode, not only the timer below: the timer is unref'd, and once the children are gone the
  // process would otherwise end by itself with status 0.
  process.exitCode = code;
  for (const child of children) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 500).unref();
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

async function waitFor(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000}s`);
}

const tsx = process.platform === 'win32' ? 'tsx.cmd' : 'tsx';
const vite = process.platform === 'win32' ? 'vite.cmd' : 'vite';
const appSource = archive === null ? ['--app-url', appUrl] : ['--app-archive', archive];
run('portal', `node_modules/.bin/${tsx}`, [
  'portal/cli.ts',
  '--port',
  String(PORTAL_PORT),
  ...appSource,
  ...portalArgs,
]);
if (archive === null)
  run('app', `node_modules/.bin/${vite}`, ['--host', '127.0.0.1', '--port', String(APP_PORT), '--strictPort']);

try {
  await Promise.all([
    waitFor(`${portalOrigin}/_emulator/health`, 60_000),
    ...(archive === null ? [waitFor(`${appUrl}index.html`, 60_000)] : []),
  ]);
  console.log(`
Smart Tasks is running inside the emulated Bitrix24 portal${archive === null ? '' : `, installed from ${archive}`}.

  Item detail form with the Smart Tasks tab:
    ${portalOrigin}/crm/type/177/details/29/?active_tab=CRM_DYNAMIC_177_DETAIL_TAB
  Item list (list toolbar and row menus):
    ${portalOrigin}/crm/type/177/list/
  The app's own page (install and settings):
    ${portalOrigin}/marketplace/app/1/

Press Ctrl+C to stop.
`);
} catch (error) {
  console.error(String(error));
  stop(1);
}
