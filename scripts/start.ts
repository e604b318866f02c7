/**
 * `npm start`: the portal emulator and the app's dev server side by side, as a developer
 * would run a real portal and a tunnel. Extra arguments go to the emulator
 * (`npm start -- --lang ru --latency 300`).
 *
 * `npm start -- --archive [FILE]`: no dev server; the emulator installs the app from the archive
 * `npm run package` wrote (smart-tasks-<version>.zip unless FILE) and hosts it itself, as
 * Bitrix24 hosts a static local application.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { appVersion, archiveName } from './package';

const PORTAL_PORT = Number(process.env.PORTAL_PORT ?? 4300);
const APP_PORT = Number(process.env.APP_PORT ?? 5173);
const portalOrigin = `http://127.0.0.1:${PORTAL_PORT}`;
const appUrl = `http://127.0.0.1:${APP_PORT}/`;

/** `--archive [FILE]` taken out of the arguments: the archive to install, or null for the dev server. */
function takeArchiveFlag(args: string[]): { archive: string | null; rest: string[] } {
  const index = args.indexOf('--archive');
  if (index === -1) return { archive: null, rest: args };
  const next = args[index + 1];
  const given = next !== undefined && !next.startsWith('--') ? next : null;
  const rest = [...args.slice(0, index), ...args.slice(index + (given === null ? 1 : 2))];
  return { archive: resolve(given ?? archiveName(appVersion())), rest };
}

const { archive, rest: portalArgs } = takeArchiveFlag(process.argv.slice(2));
if (archive !== null && !existsSync(archive)) {
  console.error(`No app archive at ${archive}. Run \`npm run package\` first, or name one: npm start -- --archive FILE`);
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
      stop(code ?? 1);
    }
  });
  children.push(child);
  return child;
}

let stopping = false;
function stop(code = 0): void {
  stopping = true;
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
run('portal', `node_modules/.bin/${tsx}`, ['portal/cli.ts', '--port', String(PORTAL_PORT), ...appSource, ...portalArgs]);
if (archive === null) run('app', `node_modules/.bin/${vite}`, ['--host', '127.0.0.1', '--port', String(APP_PORT), '--strictPort']);

try {
  await Promise.all([waitFor(`${portalOrigin}/_emulator/health`, 60_000), ...(archive === null ? [waitFor(`${appUrl}index.html`, 60_000)] : [])]);
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
