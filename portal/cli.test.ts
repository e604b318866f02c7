/**
 * The command line: prints where things are, answers, and stops cleanly on SIGTERM with the
 * state file written; bad flags get a clear message.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = ['--import', 'tsx', 'portal/cli.ts'];

describe('portal CLI', () => {
  it('starts, prints the portal URLs and the webhook, and stops cleanly on SIGTERM', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'portal-cli-'));
    const dataFile = join(directory, 'state.json');
    try {
      const child = spawn(
        process.execPath,
        [...cli, '--port', '0', '--data', dataFile, '--webhook-secret', 'cli-test', '--fresh'],
        { cwd: root },
      );
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
      });
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      const deadline = Date.now() + 20_000;
      while (!output.includes('Webhook:') && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 50));
      const origin = /Portal:\s+(\S+?)\/\n/.exec(output)?.[1];
      expect(origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(output).toContain(`Webhook:      ${origin}/rest/1/cli-test/`);
      expect(output).toContain(`App page:     ${origin}/marketplace/app/1/`);
      expect(output).toContain(
        `Detail tab:   ${origin}/crm/type/177/details/29/?active_tab=CRM_DYNAMIC_177_DETAIL_TAB`,
      );
      expect(output).toContain(`Item list:    ${origin}/crm/type/177/list/`);
      const health = await fetch(`${origin}/_emulator/health`);
      expect(await health.json()).toEqual({ ok: true });
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      const state = JSON.parse(readFileSync(dataFile, 'utf8')) as { app: { installed: boolean } };
      expect(state.app.installed).toBe(false);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
    expect(existsSync(directory)).toBe(false);
  });

  it('explains a bad time zone, time scale or cost profile', () => {
    const zone = spawnSync(process.execPath, [...cli, '--time-zone', 'Mars/Olympus_Mons'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(zone.status).toBe(2);
    expect(zone.stderr).toContain(
      '--time-zone expects an IANA zone such as Europe/Berlin or Asia/Vladivostok, got "Mars/Olympus_Mons"',
    );
    const scale = spawnSync(process.execPath, [...cli, '--time-scale', '0'], { cwd: root, encoding: 'utf8' });
    expect(scale.status).toBe(2);
    expect(scale.stderr).toContain('--time-scale expects a positive number, got "0"');
    const cost = spawnSync(process.execPath, [...cli, '--port', '0', '--cost', 'no-such-profile.json'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(cost.status).toBe(1);
    expect(cost.stderr).toContain('is neither cloud, instant nor a readable file');
  });

  it('explains a bad flag and exits with status 2', () => {
    const result = spawnSync(process.execPath, [...cli, '--rate-limit', 'fast'], { cwd: root, encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--rate-limit expects DRAIN/BURST such as 2/50, got "fast"');
  });
});
