/**
 * Searching the portal for a click's request key (src/domain/create-intent.ts): the tasks that
 * carry it, keeping one of several copies, and the later searches for copies of RECENT keys — a
 * request the app gave up on may still land until the portal cuts it off (60 s in the cloud).
 * Every time is the portal's clock (`KeySearchDependencies.now` = `boundary.portalNow()`).
 */
import {
  command,
  toBitrixError,
  type BatchEntry,
  type BitrixBoundary,
  type BitrixError,
  type RestTask,
  type TaskSelectField,
} from '../../bitrix';
import { RECENT_KEY_MAX_AGE_MS, type IntentStore } from '../../domain/create-intent';
import { requestKeyIn } from '../../domain/task-draft';
import { templateKeyFromXmlId, type LinkedTask } from '../../domain/tasks';
import { toPortalDateTime } from '../../domain/working-days';
import { decodeTask, LINKED_TASK_SELECT } from '../../queries/tasks';

/** What a key search needs: the boundary, the user's intents, the portal's clock (ms) and a way to wait (ms). */
export interface KeySearchDependencies {
  boundary: BitrixBoundary;
  intents: IntentStore;
  /** The PORTAL's clock, ms since the epoch (`boundary.portalNow()`), never the browser's. */
  now: () => number;
  sleep: (milliseconds: number) => Promise<void>;
}

/** The task fields a key search reads: enough to show the task, and its description (the key). */
export const KEY_SEARCH_SELECT: TaskSelectField[] = [...LINKED_TASK_SELECT, 'DESCRIPTION'];

/**
 * The searches start this long before the key's first request left (portal clock, ms): the
 * clock is estimated from answers and may lag the portal's by an answer's transit time.
 */
const LOOKUP_MARGIN_MS = 5 * 60_000;

/** A search for a key: tasks carrying it (oldest first), none, or the portal could not be searched. */
export type LookupOutcome =
  { status: 'found'; tasks: RestTask[] } | { status: 'absent' } | { status: 'unknown'; cause: BitrixError | null };

/**
 * A key's tasks grouped by the playbook template each was made from (XML_ID, null for a
 * free-form task), each group oldest first. One click makes ONE task per group: a click of the
 * stage playbook makes one per template under one key, so only tasks of the same group are
 * copies of each other.
 */
export function copiesByTemplate(tasks: readonly RestTask[]): Map<string | null, RestTask[]> {
  const groups = new Map<string | null, RestTask[]>();
  for (const task of tasks) {
    const templateKey = templateKeyFromXmlId(task.xmlId);
    groups.set(templateKey, [...(groups.get(templateKey) ?? []), task]);
  }
  for (const group of groups.values()) group.sort((a, b) => Number(a.id) - Number(b.id));
  return groups;
}

/** The tasks among `tasks` that carry this request key, oldest first. */
export function tasksWithKey(tasks: readonly RestTask[], key: string): RestTask[] {
  return tasks.filter((task) => requestKeyIn(task.description) === key).sort((a, b) => Number(a.id) - Number(b.id));
}

/** The portal's CREATED_DATE filter value (in the portal's offset) for tasks a key's requests may have made. */
export function createdSince(deps: KeySearchDependencies, startedAt: number): string {
  return toPortalDateTime(new Date(startedAt - LOOKUP_MARGIN_MS), deps.boundary.portalUtcOffsetMinutes());
}

/**
 * One request may still have made several tasks: a browser resends a POST whose keep-alive
 * connection dropped, a proxy may too, and a request given up on may land late. All copies
 * carry the same key; one stays — the task the user was already told about (`keepId`) when it
 * is among them, else the oldest — and the others are deleted (best effort), so that one click
 * leaves one task.
 */
export async function keepOne(
  deps: KeySearchDependencies,
  copies: readonly RestTask[],
  keepId?: number,
): Promise<{ kept: LinkedTask; deleted: number[]; duplicatesLeft: number }> {
  const keep = copies.find((task) => Number(task.id) === keepId) ?? copies[0];
  const kept = keep ? decodeTask(keep) : null;
  if (!kept) throw toBitrixError({ code: 'EMPTY_TASK', status: 200 }, 'tasks.task.list');
  const extra = copies.filter((task) => task !== keep);
  if (extra.length === 0) return { kept, deleted: [], duplicatesLeft: 0 };
  const deleted: number[] = [];
  try {
    const answers = await deps.boundary.batch(
      Object.fromEntries(extra.map((task) => [`delete_${task.id}`, command('tasks.task.delete', { taskId: task.id })])),
    );
    for (const task of extra) if (answers[`delete_${task.id}`]?.ok) deleted.push(Number(task.id));
  } catch {
    // Could not reach the portal: the copies stay, and the user is told.
  }
  return { kept, deleted, duplicatesLeft: extra.length - deleted.length };
}

/**
 * Searches for tasks carrying `intent.key`, at each of `delaysMs` (stopping at the first find),
 * in ONE round trip each: the current user's tasks created since the key's first request, and
 * (with `linkCode`) those of them linked to the item — the second finds the task even when the
 * user created more than a page (50) of other tasks since, e.g. in a bulk run. `absent` when
 * the last search worked and found nothing; `unknown` when the portal could not be searched.
 */
export async function findTaskByKey(
  deps: KeySearchDependencies,
  intent: { key: string; startedAt: number },
  currentUserId: number,
  delaysMs: readonly number[],
  linkCode?: string,
): Promise<LookupOutcome> {
  let outcome: LookupOutcome = { status: 'unknown', cause: null };
  const since = { CREATED_BY: currentUserId, '>=CREATED_DATE': createdSince(deps, intent.startedAt) };
  for (const delay of delaysMs) {
    if (delay > 0) await deps.sleep(delay);
    try {
      const answers = await deps.boundary.batch({
        recent: command('tasks.task.list', { filter: since, select: KEY_SEARCH_SELECT, order: { ID: 'desc' } }),
        ...(linkCode
          ? {
              linked: command('tasks.task.list', {
                filter: { ...since, UF_CRM_TASK: linkCode },
                select: KEY_SEARCH_SELECT,
                order: { ID: 'desc' },
              }),
            }
          : {}),
      });
      // The optional `linked` command widens the batch's type; both lists answer tasks.task.list.
      const lists = Object.values<BatchEntry<unknown> | undefined>(answers).filter((answer) => answer !== undefined);
      const failed = lists.find((answer) => !answer.ok);
      const tasks = new Map<string, RestTask>();
      for (const answer of lists)
        if (answer.ok)
          for (const task of (answer.result as { tasks: RestTask[] }).tasks) tasks.set(String(task.id), task);
      const matches = tasksWithKey([...tasks.values()], intent.key);
      if (matches.length > 0) return { status: 'found', tasks: matches };
      if (failed && !failed.ok) throw failed.error;
      outcome = { status: 'absent' };
    } catch (error) {
      const cause = toBitrixError(error, 'tasks.task.list');
      outcome = { status: 'unknown', cause };
      // Not allowed to list tasks at all: looking again will not help.
      if (!cause.isTransient) break;
    }
  }
  return outcome;
}

/** What a search for late copies did. */
export interface RecheckReport {
  /** Ids of the copies deleted (each the newer task of one click). */
  deleted: number[];
  /** Items (`entityTypeId:itemId`) whose task lists changed. */
  targets: string[];
  /** Copies found that could not be deleted. */
  left: number;
}

/**
 * Searches the portal again for every recent key of this user (a click whose request was once
 * uncertain) and deletes every copy but the one the user was told about (else the oldest). A
 * key whose landing window has passed is then forgotten; one still inside it stays for the next
 * search. Keys older than RECENT_KEY_MAX_AGE_MS are dropped unsearched. `linkCodeOf` gives an
 * item's UF_CRM_TASK code from its target (`entityTypeId:itemId`). Never throws (a failed
 * search is kept for later).
 */
export async function recheckRecentKeys(
  deps: KeySearchDependencies,
  currentUserId: number,
  linkCodeOf: (target: string) => string | undefined = () => undefined,
): Promise<RecheckReport> {
  const report: RecheckReport = { deleted: [], targets: [], left: 0 };
  const now = deps.now();
  for (const entry of deps.intents.recent()) {
    if (now - entry.recheckAt > RECENT_KEY_MAX_AGE_MS) {
      deps.intents.forget(entry.key);
      continue;
    }
    const outcome = await findTaskByKey(deps, entry, currentUserId, [0], linkCodeOf(entry.target));
    if (outcome.status === 'unknown') continue;
    if (outcome.status === 'found') {
      // One task per template (a playbook click makes several under one key); copies within each.
      const kept = [...(entry.keptTaskIds ?? []), ...(entry.keptTaskId !== undefined ? [entry.keptTaskId] : [])];
      for (const copies of copiesByTemplate(outcome.tasks).values()) {
        if (copies.length < 2) continue;
        try {
          const keepId = copies.map((task) => Number(task.id)).find((id) => kept.includes(id));
          const { deleted, duplicatesLeft } = await keepOne(deps, copies, keepId);
          report.deleted.push(...deleted);
          report.left += duplicatesLeft;
          if (deleted.length > 0 && !report.targets.includes(entry.target)) report.targets.push(entry.target);
        } catch {
          // A task the portal described oddly: nothing deleted this time.
        }
      }
    }
    // Searched after its window: no more copies can come. (A copy the portal would not delete is
    // not tried again and again: it stays, as the user's own tasks do.)
    if (deps.now() >= entry.recheckAt) deps.intents.forget(entry.key);
  }
  return report;
}

/** Portal time (ms) of the next due re-check of a recent key, or null when none is waiting. */
export function nextRecheckAt(intents: IntentStore): number | null {
  const times = intents.recent().map((entry) => entry.recheckAt);
  return times.length > 0 ? Math.min(...times) : null;
}
