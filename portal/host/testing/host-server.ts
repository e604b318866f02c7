/** Serves only the host routes over HTTP, for the host side's own tests. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { defaultPortalConfig } from '../../config';
import type { HostData } from '../host-data';
import { createHostRoutes, type HostRoutes } from '../routes';

export interface RunningHostServer {
  origin: string;
  close(): Promise<void>;
}

export async function startHostServer(data: HostData): Promise<RunningHostServer> {
  let origin = '';
  let routes: HostRoutes = async () => false;
  const server: Server = createServer((req, res) => {
    routes(req, res, new URL(req.url ?? '/', origin))
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
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
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
