/**
 * App-side helpers for the Smart Tasks end-to-end specs: what the portal holds (read through
 * its REST API with a token the emulator issues, as any REST client would), the emulator's
 * control API, and the round trips the app made.
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

/** Calls the portal's REST API as user `userId` (an administrator by default). */
export async function portalRest<T>(method: string, params: Record<string, unknown>, userId = 1): Promise<T> {
  const token = await control.issueToken(userId);
  const response = await fetch(`${PORTAL_ORIGIN}/rest/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ ...params, auth: token.access_token }),
  });
  const body = (await response.json()) as { result?: T; error?: string; error_description?: string };
  if (!response.ok || body.error !== undefined) throw new Error(`${method}: ${body.error} ${body.error_description ?? ''}`);
  return body.result as T;
}

/** Every task linked to a CRM item (UF_CRM_TASK = code), as the portal holds them. */
export async function tasksLinkedTo(code: string): Promise<PortalTask[]> {
  const result = await portalRest<{ tasks: PortalTask[] }>('tasks.task.list', {
    filter: { UF_CRM_TASK: code },
    select: ['ID', 'TITLE', 'DESCRIPTION', 'RESPONSIBLE_ID', 'CREATED_BY', 'DEADLINE', 'PRIORITY', 'ACCOMPLICES', 'UF_CRM_TASK'],
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
