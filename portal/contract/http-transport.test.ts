/**
 * What travels over plain HTTP, below the SDK: form-encoded and GET parameters in PHP bracket
 * syntax, `.json` suffixes and case-insensitive names, the three ways to pass a token, CORS
 * preflight, PHP's JSON escapes, the portal's other paths, and `--data` persistence.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPortal } from '../server';
import type { RunningPortal } from '../server';
import { StateFileError } from '../state/persistence';
import { rawRequest } from './contract-harness';

let portal: RunningPortal;
let token: string;
beforeAll(async () => {
  portal = await startPortal({ port: 0, rateLimit: null });
  token = portal.issueAppToken(1).accessToken;
});
afterAll(async () => {
  await portal.close();
});

const form = (fields: Record<string, string>) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
});

describe('parameters', () => {
  it('reads form-encoded bodies in PHP bracket syntax', async () => {
    const response = await rawRequest(
      portal,
      '/rest/crm.item.list.json',
      form({ auth: token, entityTypeId: '177', 'filter[>=id]': '61', 'select[]': 'id', 'order[id]': 'DESC' }),
    );
    expect(response.status).toBe(200);
    expect((response.json() as { result: { items: unknown[] } }).result.items).toEqual([
      { id: 64 },
      { id: 63 },
      { id: 62 },
      { id: 61 },
    ]);
  });

  it('reads GET query strings, on webhooks too, with case-insensitive method names', async () => {
    const webhookPath = new URL(portal.webhookUrl).pathname;
    const response = await rawRequest(portal, `${webhookPath}CRM.Item.Get.json?entityTypeId=177&id=29`);
    expect((response.json() as { result: { item: { title: string } } }).result.item.title).toBe('Washing Machine');
    const nested = await rawRequest(
      portal,
      `/rest/tasks.task.list?auth=${token}&filter[UF_CRM_TASK]=Tb1_29&select[0]=ID&order[ID]=asc`,
    );
    expect((nested.json() as { total: number }).total).toBe(5);
  });

  it('takes the token from Authorization: Bearer, auth, or access_token', async () => {
    const bearer = await rawRequest(portal, '/rest/profile', { headers: { Authorization: `Bearer ${token}` } });
    expect(bearer.status).toBe(200);
    const accessToken = await rawRequest(portal, `/rest/profile?access_token=${token}`);
    expect(accessToken.status).toBe(200);
  });

  it('treats an invalid JSON body as no parameters', async () => {
    const response = await rawRequest(portal, `/rest/crm.item.list?auth=${token}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{broken',
    });
    expect(response.status).toBe(400);
    expect(response.json()).toEqual({
      error: 100,
      error_description: 'Could not find value for parameter {entityTypeId}',
    });
  });
});

describe('CORS', () => {
  it('answers the preflight of a cross-origin app and marks every answer as shareable', async () => {
    const preflight = await rawRequest(portal, '/rest/crm.item.list', {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://127.0.0.1:5173',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type',
      },
    });
    expect(preflight.status).toBe(200);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('content-type');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    const answer = await rawRequest(portal, `/rest/profile?auth=${token}`, {
      headers: { Origin: 'http://127.0.0.1:5173' },
    });
    expect(answer.headers.get('access-control-allow-origin')).toBe('*');
    const failure = await rawRequest(portal, '/rest/profile', { headers: { Origin: 'http://127.0.0.1:5173' } });
    expect(failure.headers.get('access-control-allow-origin')).toBe('*');
  });
});

describe("PHP's JSON", () => {
  it('escapes slashes, tags, ampersands and quotes, and writes empty objects as []', async () => {
    const title = `Check </script> & 'quotes' "here" / done`;
    const added = await rawRequest(portal, '/rest/tasks.task.add', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ auth: token, fields: { TITLE: title, RESPONSIBLE_ID: 1 } }),
    });
    expect(added.text).toContain(
      '"title":"Check \\u003C\\/script\\u003E \\u0026 \\u0027quotes\\u0027 \\u0022here\\u0022 \\/ done"',
    );
    expect((added.json() as { result: { task: { title: string } } }).result.task.title).toBe(title);
    const options = await rawRequest(portal, `/rest/app.option.get?auth=${token}`);
    expect(options.text).toMatch(/^\{"result":\[\],"time":\{/);
  });

  it('carries the time block on every success', async () => {
    const response = await rawRequest(portal, `/rest/server.time?auth=${token}`);
    const body = response.json() as { time: Record<string, unknown> };
    expect(Object.keys(body.time)).toEqual([
      'start',
      'finish',
      'duration',
      'processing',
      'date_start',
      'date_finish',
      'operating_reset_at',
      'operating',
    ]);
  });
});

describe('other portal paths', () => {
  it('serves the control API, user photos, and a 404 page for unknown paths', async () => {
    expect((await rawRequest(portal, '/_emulator/health')).json()).toEqual({ ok: true });
    expect((await rawRequest(portal, '/upload/avatars/2.svg')).text).toContain('>MO</text>');
    expect((await rawRequest(portal, '/upload/avatars/8.svg')).status).toBe(404);
    expect((await rawRequest(portal, '/bitrix/images/tasks/default_avatar.png')).headers.get('content-type')).toBe(
      'image/svg+xml',
    );
    const missing = await rawRequest(portal, '/no/such/page/<b>');
    expect(missing.status).toBe(404);
    expect(missing.text).not.toContain('<b>');
  });
});

describe('--data FILE', () => {
  it('keeps state across restarts, replaces the file atomically, and refuses a corrupt file without touching it', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'portal-data-'));
    const file = join(directory, 'state.json');
    try {
      const first = await startPortal({ port: 0, dataFile: file, appUrl: 'http://127.0.0.1:5111/' });
      const firstToken = first.issueAppToken(1).accessToken;
      await rawRequest(
        first,
        '/rest/tasks.task.add',
        form({ auth: firstToken, 'fields[TITLE]': 'Survives a restart', 'fields[RESPONSIBLE_ID]': '2' }),
      );
      await first.close();
      expect(readdirSync(directory)).toEqual(['state.json']);

      const second = await startPortal({ port: 0, dataFile: file, appUrl: 'http://127.0.0.1:5222/' });
      const listed = await rawRequest(
        second,
        `/rest/tasks.task.list?auth=${firstToken}&filter[TITLE]=Survives a restart`,
      );
      expect((listed.json() as { total: number }).total).toBe(1);
      const bindings = await rawRequest(second, `/rest/placement.get?auth=${firstToken}`);
      const handlers = (bindings.json() as { result: Array<{ handler: string }> }).result.map(
        (binding) => binding.handler,
      );
      expect(new Set(handlers)).toEqual(new Set(['http://127.0.0.1:5222/index.html']));
      await second.close();

      writeFileSync(file, '{"half": ');
      await expect(startPortal({ port: 0, dataFile: file })).rejects.toBeInstanceOf(StateFileError);
      expect(readFileSync(file, 'utf8')).toBe('{"half": ');
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
    expect(existsSync(file)).toBe(false);
  });
});
