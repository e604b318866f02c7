/**
 * The portal's internal endpoint behind app frames (the real `lazyload.ajax.php`): lays out a
 * frame, refreshes its token, saves options, finishes the install, lists picker entries. Only
 * the portal's own pages call it; it takes JSON, which a cross-origin page cannot send without
 * a preflight this endpoint never grants.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { buildFrameLayout } from './frame-layout';
import { optionsSizeProblem } from '../option-limits';
import type { HostData } from './host-data';
import type {
  AccessRefreshResponse,
  CrmSelectorEntity,
  CrmSelectorType,
  PortalAjaxRequest,
  SelectedUser,
} from './protocol/layout-api';
import { userProfilePath } from './paths';

const MAX_BODY_BYTES = 1_000_000;

/** CRM selector types and the owner type ids and id prefixes the portal uses for them. */
const CRM_SELECTOR_TYPES: Record<CrmSelectorType, { entityTypeId: number; prefix: string; path: string }> = {
  lead: { entityTypeId: 1, prefix: 'L', path: 'lead' },
  deal: { entityTypeId: 2, prefix: 'D', path: 'deal' },
  contact: { entityTypeId: 3, prefix: 'C', path: 'contact' },
  company: { entityTypeId: 4, prefix: 'CO', path: 'company' },
  quote: { entityTypeId: 7, prefix: 'Q', path: 'quote' },
};

class BadRequest extends Error {}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const contentType = req.headers['content-type'] ?? '';
  if (!contentType.startsWith('application/json')) throw new BadRequest('Send the request as application/json.');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new BadRequest('The request body is larger than 1 MB.');
    chunks.push(buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new BadRequest('The request body is not valid JSON.');
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

function requireObject(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new BadRequest('The request must be a JSON object.');
  return value as Record<string, unknown>;
}

function requireUserId(body: Record<string, unknown>): number {
  const user = Number(body.user);
  if (!Number.isInteger(user) || user <= 0) throw new BadRequest('`user` must be a positive integer user id.');
  return user;
}

function requireString(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  if (typeof value !== 'string' || value === '') throw new BadRequest(`\`${name}\` must be a non-empty string.`);
  return value;
}

/** The employees the selector offers: active ones only, as the portal's selector leaves dismissed users out. */
export function selectedUsers(data: HostData): SelectedUser[] {
  return data
    .users()
    .filter((user) => user.active)
    .map((user) => ({
      id: String(user.id),
      name: [user.name, user.lastName].filter(Boolean).join(' '),
      photo: user.photoUrl,
      position: user.position,
      url: userProfilePath(user.id),
      // The emulated company has no department tree, so nobody is anybody's manager.
      sub: false,
      sup: false,
    }));
}

function crmEntities(data: HostData, types: CrmSelectorType[]): CrmSelectorEntity[] {
  const entities: CrmSelectorEntity[] = [];
  for (const type of types) {
    const known = CRM_SELECTOR_TYPES[type];
    if (!known) continue;
    const { items } = data.items(known.entityTypeId, { offset: 0, limit: 50 });
    for (const item of items) {
      entities.push({
        id: `${known.prefix}_${item.id}`,
        type,
        place: type,
        title: item.title,
        desc: '',
        url: `/crm/${known.path}/details/${item.id}/`,
      });
    }
  }
  return entities;
}

function handle(data: HostData, body: Record<string, unknown>): { status: number; body: unknown } {
  const action = (body as { action?: unknown }).action;
  const request = body as unknown as PortalAjaxRequest;
  switch (action) {
    case 'layout': {
      requireUserId(body);
      const response = buildFrameLayout(data, {
        action: 'layout',
        user: Number(body.user),
        lang: typeof body.lang === 'string' && body.lang ? body.lang : data.language(),
        placement: typeof body.placement === 'string' ? body.placement : 'DEFAULT',
        ...(typeof body.handler === 'string' ? { handler: body.handler } : {}),
        placementOptions: body.placementOptions,
        popup: body.popup === true,
      });
      return { status: response.status === 'error' ? 404 : 200, body: response };
    }
    case 'access_refresh': {
      const refreshed = data.refreshAuth(requireString(body, 'refreshId'));
      const answer: AccessRefreshResponse = refreshed
        ? {
            access_token: refreshed.accessToken,
            refresh_token: refreshed.refreshToken,
            expires_in: String(refreshed.expiresIn),
          }
        : { error: 'invalid_grant', error_description: 'The refresh token is unknown or was already used.' };
      return { status: refreshed ? 200 : 400, body: answer };
    }
    case 'set_option': {
      const user = data.user(requireUserId(body));
      if (!user?.isAdmin)
        return {
          status: 403,
          body: { error: 'ACCESS_DENIED', error_description: 'Only an administrator may set application options.' },
        };
      const options = (request as { options?: unknown }).options;
      if (!Array.isArray(options)) throw new BadRequest('`options` must be an array of {name, value}.');
      for (const option of options) {
        const name = (option as { name?: unknown } | null)?.name;
        if (typeof name !== 'string' || name === '') throw new BadRequest('Every option needs a non-empty `name`.');
      }
      const merged = { ...data.appOptions() };
      for (const option of options as Array<{ name: string; value: unknown }>) merged[option.name] = option.value;
      const problem = optionsSizeProblem(merged);
      if (problem) return { status: 400, body: { error: 'ERROR_ARGUMENT', error_description: problem } };
      for (const option of options as Array<{ name: string; value: unknown }>)
        data.setAppOption(option.name, option.value);
      return { status: 200, body: data.appOptions() };
    }
    case 'set_user_option': {
      const userId = requireUserId(body);
      if (!data.user(userId)) throw new BadRequest(`There is no user ${userId} on this portal.`);
      const name = requireString(body, 'name');
      const problem = optionsSizeProblem({ ...data.userOptions(userId), [name]: body.value });
      if (problem) return { status: 400, body: { error: 'ERROR_ARGUMENT', error_description: problem } };
      data.setUserOption(userId, name, body.value);
      return { status: 200, body: { result: true } };
    }
    case 'set_installed': {
      const user = data.user(requireUserId(body));
      if (!user?.isAdmin)
        return {
          status: 403,
          body: { error: 'ACCESS_DENIED', error_description: 'Only an administrator may finish the installation.' },
        };
      if (body.v === 'N') return { status: 200, body: { result: false } };
      data.finishInstall();
      return { status: 200, body: { result: true } };
    }
    case 'user_selector':
      return { status: 200, body: { users: selectedUsers(data) } };
    case 'crm_selector': {
      const types = Array.isArray(body.entityTypes)
        ? (body.entityTypes.filter((type) => typeof type === 'string') as CrmSelectorType[])
        : [];
      return { status: 200, body: { entities: crmEntities(data, types) } };
    }
    default:
      throw new BadRequest(`Unknown action ${JSON.stringify(action)}.`);
  }
}

export async function handleLayoutAjax(data: HostData, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'POST') {
    res.writeHead(405, { Allow: 'POST', 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Only POST is accepted here.');
    return;
  }
  try {
    const result = handle(data, requireObject(await readJson(req)));
    send(res, result.status, result.body);
  } catch (error) {
    if (error instanceof BadRequest) send(res, 400, { status: 'error', error: 'BAD_REQUEST', message: error.message });
    else throw error;
  }
}
