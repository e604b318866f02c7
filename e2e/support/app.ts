/**
 * App-side helpers for the Smart Tasks end-to-end specs (and the benchmarks): what the portal
 * holds (read through its REST API with a token the emulator issues, as any REST client would),
 * the emulator's control API, the round trips the app made, and the items bulk runs work on.
 */
import { EmulatorControl, type RequestLogEntry } from '../../portal/control-client';

export const PORTAL_ORIGIN = `http://127.0.0.1:${Number(process.env.E2E_PORTAL_PORT ?? 4310)}`;

export const control = new EmulatorControl(PORTAL_ORIGIN);

export interface PortalTask {
  id: string;
  title: string;
  description?: string;
  responsibleId: string;
  createdBy: string;
  deadline: string | null;
  priority: string;
  accomplices?: string[];
  ufCrmTask?: string[] | false;
}

export type PortalRest = <T>(method: string, params: Record<string, unknown>, userId?: number) => Promise<T>;

/** A REST client for the emulated portal at `origin`, calling as user `userId` (an administrator by default). */
export function portalRestClient(origin: string, emulator: EmulatorControl): PortalRest {
  return async <T>(method: string, params: Record<string, unknown>, userId = 1): Promise<T> => {
    const token = await emulator.issueToken(userId);
    const response = await fetch(`${origin}/rest/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...params, auth: token.access_token }),
    });
    const body = (await response.json()) as { result?: T; error?: string; error_description?: string };
    if (!response.ok || body.error !== undefined)
      throw new Error(`${method}: ${body.error} ${body.error_description ?? ''}`);
    return body.result as T;
  };
}

/** Calls the test portal's REST API as user `userId` (an administrator by default). */
export const portalRest: PortalRest = portalRestClient(PORTAL_ORIGIN, control);

/** Every task linked to a CRM item (UF_CRM_TASK = code), as the portal holds them. */
export async function tasksLinkedTo(code: string): Promise<PortalTask[]> {
  const result = await portalRest<{ tasks: PortalTask[] }>('tasks.task.list', {
    filter: { UF_CRM_TASK: code },
    select: [
      'ID',
      'TITLE',
      'DESCRIPTION',
      'RESPONSIBLE_ID',
      'CREATED_BY',
      'DEADLINE',
      'PRIORITY',
      'ACCOMPLICES',
      'UF_CRM_TASK',
    ],
  });
  return result.tasks;
}

/** Tasks with this exact title, linked or not. */
export async function tasksTitled(title: string): Promise<PortalTask[]> {
  const result = await portalRest<{ tasks: PortalTask[] }>('tasks.task.list', {
    filter: { TITLE: title },
    select: ['ID', 'TITLE', 'DESCRIPTION', 'RESPONSIBLE_ID', 'CREATED_BY', 'UF_CRM_TASK'],
  });
  return result.tasks.filter((task) => task.title === title);
}

/** REST requests the app made (the emulator's log), excluding the test's own. */
export async function appRequests(): Promise<RequestLogEntry[]> {
  return control.requests();
}

/** Where bulk runs are tried: smart process Service Requests, funnel "Field service", stage "Technician on site". */
export const BULK_STAGE = { entityTypeId: 183, categoryId: 12, stageId: 'DT183_12:PREPARATION' } as const;

/** Ids of every item in the bulk stage, all pages (keyset paging, 50 a page). */
export async function bulkStageItemIds(rest: PortalRest): Promise<number[]> {
  const ids: number[] = [];
  for (let afterId = 0; ;) {
    const page = await rest<{ items: Array<{ id: number }> }>('crm.item.list', {
      entityTypeId: BULK_STAGE.entityTypeId,
      select: ['id'],
      filter: { categoryId: BULK_STAGE.categoryId, stageId: BULK_STAGE.stageId, '>id': afterId },
      order: { id: 'ASC' },
      start: -1,
    });
    ids.push(...page.items.map((item) => item.id));
    if (page.items.length < 50) return ids;
    afterId = page.items.at(-1)!.id;
  }
}

/** Adds items ("Boiler check N", responsibles 2–5 in turn) to the bulk stage until it holds `count`; their ids. */
export async function fillBulkStage(rest: PortalRest, count: number): Promise<number[]> {
  const missing = count - (await bulkStageItemIds(rest)).length;
  for (let start = 0; start < missing; start += 50) {
    const cmd: Record<string, string> = {};
    for (let index = start; index < Math.min(missing, start + 50); index += 1) {
      const query = new URLSearchParams({
        entityTypeId: String(BULK_STAGE.entityTypeId),
        'fields[title]': `Boiler check ${index + 1}`,
        'fields[categoryId]': String(BULK_STAGE.categoryId),
        'fields[stageId]': BULK_STAGE.stageId,
        'fields[assignedById]': String((index % 4) + 2),
      });
      cmd[`add${index}`] = `crm.item.add?${query.toString()}`;
    }
    await rest('batch', { halt: 0, cmd });
  }
  return bulkStageItemIds(rest);
}
