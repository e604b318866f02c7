/**
 * Serves the probe app on its own origin, as an app's hosting would: the page for GET and for
 * the portal's POST, the SDK's UMD build from node_modules, and a handler under /broken/ that
 * fails. Records every request, so a test can check what the portal posted.
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

export interface ProbeRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  /** Form fields of a POST. */
  fields: Record<string, string>;
}

export interface ProbeServer {
  origin: string;
  requests: ProbeRequest[];
  /** Requests that loaded a page (not the scripts). */
  pageLoads(): ProbeRequest[];
  close(): Promise<void>;
}

const file = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));
const FILES = {
  page: file('../fixtures/probe-app/index.html'),
  script: file('../fixtures/probe-app/probe.js'),
  sdk: file('../../node_modules/@bitrix24/b24jssdk/dist/umd/index.min.js'),
};

export const BROKEN_HANDLER_TEXT = 'The probe handler failed on purpose';

export async function startProbeServer(port = 0): Promise<ProbeServer> {
  const requests: ProbeRequest[] = [];
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://probe.invalid');
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const body = Buffer.concat(chunks).toString('utf8');
      requests.push({
        method: req.method ?? 'GET',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        fields: req.method === 'POST' ? Object.fromEntries(new URLSearchParams(body)) : {},
      });
      if (url.pathname === '/sdk/b24jssdk.umd.js') {
        res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'max-age=3600' });
        res.end(await readFile(FILES.sdk));
      } else if (url.pathname === '/probe.js') {
        res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store' });
        res.end(await readFile(FILES.script));
      } else if (url.pathname.startsWith('/broken/')) {
        res.writeHead(500, { 'Content-Type': 'text/html; charset=utf-8' });
        res.end(`<!DOCTYPE html><title>Error</title><h1 data-testid="probe-error">${BROKEN_HANDLER_TEXT}</h1>`);
      } else if (url.pathname === '/favicon.ico') {
        res.writeHead(404);
        res.end();
      } else {
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
        res.end(await readFile(FILES.page));
      }
    })().catch((error: unknown) => {
      res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    requests,
    pageLoads: () =>
      requests.filter(
        (request) =>
          !request.path.startsWith('/sdk/') && request.path !== '/probe.js' && request.path !== '/favicon.ico',
      ),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
