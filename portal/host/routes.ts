// Placeholder until the host pages land: the portal pages, frame protocol and sliders live here.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PortalConfig } from '../config';
import type { HostData } from './host-data';

export interface HostContext {
  data: HostData;
  config: PortalConfig;
  /** Origin the portal is reachable at, e.g. http://127.0.0.1:4300 */
  origin: string;
}

export type HostRoutes = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>;

export function createHostRoutes(_context: HostContext): HostRoutes {
  return async () => false;
}
