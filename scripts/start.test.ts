/** `npm start -- --archive [FILE]` before a package says what to run instead of starting a portal without the app. */
import { spawnSync } from 'node:child_process';
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
    expect(result.stderr).toContain(`No app archive at ${missing}. Run \`npm run package\` first, or name one: npm start -- --archive FILE`);
  });
});
