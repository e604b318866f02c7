/**
 * The portal's own CRM actions from its pages (`POST /bitrix/services/main/ajax.php`, JSON):
 * `{action: "crm.item.moveToStage", user, entityTypeId, id, stageId}` — the card's stage bar.
 * Answers `{ok: true, stageId}` or `{ok: false, error, message}` with the status of the refusal.
 * A user's click on the portal, not the app's REST call: nothing is logged or costed.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HostData } from './host-data';

const MAX_BODY_BYTES = 100_000;

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<Record<string, unknown> | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  try {
    const value: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

export async function handleCrmAjax(data: HostData, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'POST') {
    res.writeHead(405, { Allow: 'POST', 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('POST only.');
    return;
  }
  const body = await readBody(req);
  if (!body || body.action !== 'crm.item.moveToStage') {
    send(res, 400, { ok: false, error: 'BAD_REQUEST', message: 'Expected {action: "crm.item.moveToStage", …}.' });
    return;
  }
  const user = Number(body.user);
  const entityTypeId = Number(body.entityTypeId);
  const id = Number(body.id);
  const stageId = typeof body.stageId === 'string' ? body.stageId : '';
  if (!data.moveItemToStage || !data.user(user) || !Number.isInteger(entityTypeId) || !Number.isInteger(id)) {
    send(res, 400, { ok: false, error: 'BAD_REQUEST', message: 'Unknown user, smart process or item.' });
    return;
  }
  const answer = await data.moveItemToStage(user, entityTypeId, id, stageId);
  send(res, answer.ok ? 200 : answer.error === 'ACCESS_DENIED' ? 403 : 400, answer);
}
