/** Serves only the host routes over HTTP, for the host side's own tests and manual checks. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { defaultPortalConfig } from '../../config';
import type { HostData } from '../host-data';
import { createHostRoutes } from '../routes';

export interface RunningHostServer {
  origin: string;
  close(): Promise<void>;
}

export async function startHostServer(data: HostData, port = 0): Promise<RunningHostServer> {
  let origin = '';
  let routes: ReturnType<typeof createHostRoutes> | null = null;
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', origin);
    (routes as ReturnType<typeof createHostRoutes>)(req, res, url)
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
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  routes = createHostRoutes({ data, config: { ...defaultPortalConfig, port: (server.address() as AddressInfo).port }, origin });
  return {
    origin,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
