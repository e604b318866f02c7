/**
 * Serves the host routes over HTTP, for the host side's own tests and for trying the pages by
 * hand before (or without) the full emulator. `restStub` adds a few REST methods over the fake
 * data, just enough for an SDK frame to start, call a method and refresh its token; the real
 * REST API is portal/rest.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { defaultPortalConfig } from '../../config';
import { createHostRoutes } from '../routes';
import type { FakeHostData } from './fake-host-data';

export interface RunningHostServer {
  origin: string;
  close(): Promise<void>;
}

const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'POST, GET, OPTIONS',
  'Access-Control-Allow-Headers': 'Content-Type, Authorization, X-Request-Id, X-Sdk',
};

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return {};
  if ((req.headers['content-type'] ?? '').includes('json')) return JSON.parse(text) as Record<string, unknown>;
  return Object.fromEntries(new URLSearchParams(text));
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...CORS_HEADERS });
  res.end(JSON.stringify(body));
}

function timeBlock(start: number) {
  const now = Date.now();
  return { start: start / 1000, finish: now / 1000, duration: (now - start) / 1000, processing: 0, date_start: new Date(start).toISOString(), date_finish: new Date(now).toISOString() };
}

async function restStub(data: FakeHostData, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  if (req.method === 'OPTIONS') {
    res.writeHead(204, CORS_HEADERS);
    res.end();
    return;
  }
  const start = Date.now();
  const method = url.pathname.replace(/^\/rest\//, '').replace(/\.json$/, '');
  const body = await readBody(req);
  const token = String(body.auth ?? url.searchParams.get('auth') ?? '');
  const valid = data.isValidToken(token);
  if (!valid) {
    const known = data.issued.some((entry) => entry.auth.accessToken === token);
    json(res, 401, known ? { error: 'expired_token', error_description: 'The access token provided has expired.' } : { error: 'invalid_token', error_description: 'The access token provided is invalid.' });
    return;
  }
  const user = data.user(valid.userId);
  switch (method) {
    case 'user.current':
      json(res, 200, { result: { ID: String(user?.id), NAME: user?.name, LAST_NAME: user?.lastName }, time: timeBlock(start) });
      return;
    case 'server.time':
      json(res, 200, { result: new Date().toISOString(), time: timeBlock(start) });
      return;
    case 'tasks.task.list':
      json(res, 200, { result: { tasks: [{ id: '5', title: data.task(5)?.title }] }, total: 1, time: timeBlock(start) });
      return;
    default:
      json(res, 404, { error: 'ERROR_METHOD_NOT_FOUND', error_description: 'Method not found!' });
  }
}

export async function startHostServer(data: FakeHostData, options: { port?: number; restStub?: boolean } = {}): Promise<RunningHostServer> {
  let origin = '';
  let routes: ReturnType<typeof createHostRoutes> | null = null;
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', origin);
    const handle = async (): Promise<boolean> => {
      if (options.restStub && url.pathname.startsWith('/rest/')) {
        await restStub(data, req, res, url);
        return true;
      }
      if (options.restStub && url.pathname === '/_emulator/expire-tokens') {
        data.expireTokens();
        json(res, 200, { result: true });
        return true;
      }
      return (routes as ReturnType<typeof createHostRoutes>)(req, res, url);
    };
    handle()
      .then((handled) => {
        if (!handled) {
          res.writeHead(404, { 'Content-Type': 'text/plain' });
          res.end('Not found');
        }
      })
      .catch((error: unknown) => {
        res.writeHead(500, { 'Content-Type': 'text/plain' });
        res.end(String(error));
      });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  routes = createHostRoutes({ data, config: { ...defaultPortalConfig, port }, origin });
  return {
    origin,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
