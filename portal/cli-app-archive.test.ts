/**
 * `npm run portal -- --app-archive FILE`: the portal installs the app from its archive and says
 * where it hosts it; an archive it cannot install, or two apps named at once, stop it with the reason.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = ['--import', 'tsx', 'portal/cli.ts'];

describe('portal CLI --app-archive', () => {
  let folder: string;
  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'portal-cli-archive-'));
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('installs the app from the archive and prints the folder it hosts it in', async () => {
    const archive = join(folder, 'smart-tasks-1.2.3.zip');
    writeFileSync(
      archive,
      zipSync({
        'index.html': new TextEncoder().encode('<!doctype html>app'),
        'install.html': new TextEncoder().encode('<!doctype html>install'),
      }),
    );
    const child = spawn(process.execPath, [...cli, '--port', '0', '--app-archive', archive, '--fresh'], { cwd: root });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const deadline = Date.now() + 20_000;
      while (!output.includes('App URL:') && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 50));
      const origin = /Portal:\s+(\S+?)\/\n/.exec(output)?.[1];
      const appUrl = /App URL:\s+(\S+)/.exec(output)?.[1];
      expect(appUrl).toBe(`${origin}/local/apps/local.6740f1c2a9b35d8e71c04b29/`);
      expect(output).toContain(`(installed from ${archive})`);
      expect(output).toContain('(fresh: app not installed)');
      const install = await fetch(`${appUrl}install.html`, { method: 'POST' });
      expect(await install.text()).toBe('<!doctype html>install');
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });

  it('says the app is installed at once when its archive has no install.html', async () => {
    const archive = join(folder, 'smart-tasks-no-wizard.zip');
    writeFileSync(archive, zipSync({ 'index.html': new TextEncoder().encode('<!doctype html>app') }));
    const child = spawn(process.execPath, [...cli, '--port', '0', '--app-archive', archive, '--fresh'], { cwd: root });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const deadline = Date.now() + 20_000;
      while (!output.includes('State:') && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 50));
      expect(output).toContain('(fresh: app installed at once, its archive has no install.html)');
      expect(output).not.toContain('app not installed');
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });

  it('stops with the reason when the archive is missing', () => {
    const missing = join(folder, 'smart-tasks-0.0.0.zip');
    const result = spawnSync(process.execPath, [...cli, '--port', '0', '--app-archive', missing], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `portal: ${missing} cannot be installed as a static application: the file does not exist (run \`npm run package\` first)`,
    );
  });

  it('refuses an archive and an app URL together', () => {
    const result = spawnSync(
      process.execPath,
      [...cli, '--app-archive', 'a.zip', '--app-url', 'http://127.0.0.1:5173/'],
      { cwd: root, encoding: 'utf8' },
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--app-archive and --app-url name two different apps; give one of them');
  });
});
