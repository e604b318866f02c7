/**
 * One click = one task. The create request, its verification and a look for copies travel in
 * one batch (tasks.task.add; tasks.task.get of `$result[create][task][id]` selecting
 * UF_CRM_TASK; tasks.task.list of the user's tasks with that title). The SDK never repeats it
 * (src/bitrix/frame.ts). Each click's idempotency key is written down before the request
 * leaves (src/domain/create-intent.ts) and travels inside the task; when the outcome is
 * uncertain (connection lost, timeout, 5xx) or a reload cut the request off, the portal is
 * searched for that key before anything is created again. Copies a browser made by resending
 * the POST are found by the same key and removed (keepOldest).
 */
import { command, resultReference, toBitrixError, type BitrixBoundary, type BitrixError, type RestTask, type TaskSelectField } from '../bitrix';
import { INTENT_SETTLE_MS, RECONCILE_DELAYS_MS, type CreateIntent, type IntentStore } from '../domain/create-intent';
import { requestKeyIn, taskAddFields, type TaskDraft } from '../domain/task-draft';
import type { LinkedTask } from '../domain/tasks';
import { toPortalDateTime } from '../domain/working-days';
import { decodeTask } from './tasks';

export interface CreateLinkedTaskInput {
  entityTypeId: number;
  itemId: number;
  /** UF_CRM_TASK value, e.g. Tb1_29. */
  linkCode: string;
  /** Absolute URL of the item on the portal, for the link back from the task. */
  itemUrl: string;
  itemLabel: string;
  draft: TaskDraft;
  currentUserId: number;
}

export interface CreatedLinkedTask {
  task: LinkedTask;
  /** The portal kept the link to the item (read back); false = it dropped it; null = not confirmed. */
  linkKept: boolean | null;
  /** Found by its key after an uncertain outcome, rather than from the create answer. */
  recovered: boolean;
  /**
   * Copies of this one request that the transport created anyway (a browser or proxy resends
   * a POST whose connection dropped) and that could not be removed; normally 0.
   */
  duplicatesLeft: number;
}

/** The outcome is unknown (the request may still land): nothing will be created until it is known. */
export class CreateUnconfirmedError extends Error {
  override readonly name = 'CreateUnconfirmedError';
  constructor(readonly reason: BitrixError | null) {
    super('The task may or may not have been created; it will be looked up before creating again');
  }
}

/** The portal refused the request, or the request surely never arrived: no task exists. */
export class CreateFailedError extends Error {
  override readonly name = 'CreateFailedError';
  constructor(readonly reason: BitrixError) {
    super(reason.message);
  }
}

export interface CreateDependencies {
  boundary: BitrixBoundary;
  intents: IntentStore;
  now: () => number;
  sleep: (milliseconds: number) => Promise<void>;
}

export type CreatePhase = 'sending' | 'checking';

const VERIFY_SELECT: TaskSelectField[] = ['ID', 'TITLE', 'STATUS', 'RESPONSIBLE_ID', 'DEADLINE', 'CREATED_DATE', 'CLOSED_DATE', 'UF_CRM_TASK'];
const LOOKUP_SELECT: TaskSelectField[] = [...VERIFY_SELECT, 'DESCRIPTION'];

/** Our clock and the portal's may disagree; search this far before the click. */
const CLOCK_SKEW_MS = 60 * 60_000;

export function intentTarget(entityTypeId: number, itemId: number): string {
  return `${entityTypeId}:${itemId}`;
}

function linkKept(task: LinkedTask, linkCode: string): boolean | null {
  return task.crmLinks === null ? null : task.crmLinks.includes(linkCode);
}

export type LookupOutcome = { status: 'found'; tasks: RestTask[] } | { status: 'absent' } | { status: 'unknown'; cause: BitrixError | null };

/** The tasks among `tasks` that carry this request key, oldest first. */
export function tasksWithKey(tasks: readonly RestTask[], key: string): RestTask[] {
  return tasks.filter((task) => requestKeyIn(task.description) === key).sort((a, b) => Number(a.id) - Number(b.id));
}

/**
 * One request may still have made several tasks: a browser resends a POST whose keep-alive
 * connection dropped, and a proxy may too. All copies carry the same key; the oldest stays,
 * the others are deleted (best effort) so that one click leaves one task.
 */
export async function keepOldest(deps: CreateDependencies, copies: readonly RestTask[]): Promise<{ kept: LinkedTask; duplicatesLeft: number }> {
  const [oldest, ...extra] = copies;
  const kept = oldest ? decodeTask(oldest) : null;
  if (!kept) throw new CreateFailedError(toBitrixError({ code: 'EMPTY_TASK', status: 200 }, 'tasks.task.list'));
  if (extra.length === 0) return { kept, duplicatesLeft: 0 };
  let left = extra.length;
  try {
    const answers = await deps.boundary.batch(Object.fromEntries(extra.map((task) => [`delete_${task.id}`, command('tasks.task.delete', { taskId: task.id })])));
    left = Object.values(answers).filter((answer) => !answer.ok).length;
  } catch {
    // Could not reach the portal: the copies stay, and the user is told.
  }
  return { kept, duplicatesLeft: left };
}

/**
 * Searches the current user's recent tasks for one carrying the intent's key. Keeps looking
 * (for up to `maxWaitMs`) while a request with this key may still be landing; `absent` only
 * once it can no longer land, or at once when the portal had already answered the request
 * (`finished`).
 */
export async function findTaskByIntent(
  deps: CreateDependencies,
  intent: CreateIntent,
  currentUserId: number,
  maxWaitMs: number,
  finished = false,
): Promise<LookupOutcome> {
  const giveUpAt = deps.now() + maxWaitMs;
  let lastError: BitrixError | null = null;
  for (const delay of RECONCILE_DELAYS_MS) {
    if (delay > 0) {
      if (deps.now() + delay > giveUpAt) break;
      await deps.sleep(delay);
    }
    try {
      const { result } = await deps.boundary.call('tasks.task.list', {
        filter: { CREATED_BY: currentUserId, '>=CREATED_DATE': toPortalDateTime(new Date(intent.startedAt - CLOCK_SKEW_MS)) },
        select: LOOKUP_SELECT,
        order: { ID: 'desc' },
      });
      lastError = null;
      const matches = tasksWithKey(result.tasks, intent.key);
      if (matches.length > 0) return { status: 'found', tasks: matches };
      // The portal had finished with the request, or it can no longer land: it made nothing.
      if (finished || deps.now() >= intent.startedAt + INTENT_SETTLE_MS) return { status: 'absent' };
    } catch (error) {
      lastError = toBitrixError(error, 'tasks.task.list');
      // Not allowed to list tasks at all: looking again will not help.
      if (!lastError.isTransient) break;
    }
  }
  return { status: 'unknown', cause: lastError };
}

async function recovered(deps: CreateDependencies, copies: RestTask[], linkCode: string): Promise<CreatedLinkedTask> {
  const { kept, duplicatesLeft } = await keepOldest(deps, copies);
  return { task: kept, linkKept: linkKept(kept, linkCode), recovered: true, duplicatesLeft };
}

/** How long one click waits for an uncertain outcome before handing the question to the next click. */
export const CLICK_WAIT_MS = 8_000;

export async function createLinkedTask(
  deps: CreateDependencies,
  input: CreateLinkedTaskInput,
  onPhase: (phase: CreatePhase) => void = () => {},
): Promise<CreatedLinkedTask> {
  const target = intentTarget(input.entityTypeId, input.itemId);

  // A key still pending from an earlier click (or a page that reloaded mid-request): find out first.
  const earlier = deps.intents.pending(target);
  if (earlier) {
    onPhase('checking');
    const outcome = await findTaskByIntent(deps, earlier, input.currentUserId, CLICK_WAIT_MS);
    if (outcome.status === 'found') {
      deps.intents.settle(target);
      return recovered(deps, outcome.tasks, input.linkCode);
    }
    if (outcome.status === 'unknown') throw new CreateUnconfirmedError(outcome.cause);
    // Absent: the earlier request never landed; this click sends again under the same key.
  }

  const intent = deps.intents.begin(target, deps.now());
  onPhase('sending');
  const fields = taskAddFields(input.draft, { linkCode: input.linkCode, itemUrl: input.itemUrl, itemLabel: input.itemLabel, requestKey: intent.key });
  let answers;
  try {
    answers = await deps.boundary.batch(
      {
        create: command('tasks.task.add', { fields }),
        verify: command('tasks.task.get', { taskId: resultReference('create', 'task', 'id'), select: VERIFY_SELECT }),
        // Copies of this very request (see keepOldest): same creator, same title, same key.
        copies: command('tasks.task.list', {
          filter: { CREATED_BY: input.currentUserId, TITLE: fields.TITLE, '>=CREATED_DATE': toPortalDateTime(new Date(intent.startedAt - CLOCK_SKEW_MS)) },
          select: LOOKUP_SELECT,
          order: { ID: 'asc' },
        }),
      },
      { halt: true },
    );
  } catch (error) {
    const failure = toBitrixError(error, 'batch');
    if (!failure.leavesWriteUncertain) {
      // The portal refused the whole request (auth, rate limit, rights): nothing was created.
      deps.intents.settle(target);
      throw new CreateFailedError(failure);
    }
    onPhase('checking');
    const outcome = await findTaskByIntent(deps, intent, input.currentUserId, CLICK_WAIT_MS, failure.portalAnswered);
    if (outcome.status === 'found') {
      deps.intents.settle(target);
      return recovered(deps, outcome.tasks, input.linkCode);
    }
    if (outcome.status === 'absent') {
      deps.intents.settle(target);
      throw new CreateFailedError(failure);
    }
    throw new CreateUnconfirmedError(failure);
  }

  if (!answers.create.ok) {
    // The portal answered and refused the task (validation, rights): nothing was created.
    deps.intents.settle(target);
    throw new CreateFailedError(answers.create.error);
  }
  deps.intents.settle(target);
  const copies = answers.copies.ok ? tasksWithKey(answers.copies.result.tasks, intent.key) : [];
  if (copies.length > 1) {
    const { kept, duplicatesLeft } = await keepOldest(deps, copies);
    return { task: kept, linkKept: linkKept(kept, input.linkCode), recovered: false, duplicatesLeft };
  }
  const created = decodeTask(answers.create.result.task);
  const verified = answers.verify.ok && !Array.isArray(answers.verify.result) ? decodeTask((answers.verify.result as { task: RestTask }).task) : null;
  const task = verified ?? created;
  if (!task) throw new CreateFailedError(toBitrixError({ code: 'EMPTY_TASK', status: 200 }, 'tasks.task.add'));
  return { task, linkKept: verified ? linkKept(verified, input.linkCode) : null, recovered: false, duplicatesLeft: 0 };
}

/**
 * On opening the tab: a key left pending by a reload mid-request is looked up (waiting as
 * long as the request may still land), so the user learns what became of that click.
 */
export async function settlePendingCreate(
  deps: CreateDependencies,
  entityTypeId: number,
  itemId: number,
  linkCode: string,
  currentUserId: number,
): Promise<CreatedLinkedTask | null> {
  const target = intentTarget(entityTypeId, itemId);
  const pending = deps.intents.pending(target);
  if (!pending) return null;
  const outcome = await findTaskByIntent(deps, pending, currentUserId, Math.max(0, pending.startedAt + INTENT_SETTLE_MS - deps.now()) + 1_000);
  if (outcome.status === 'found') {
    deps.intents.settle(target);
    return recovered(deps, outcome.tasks, linkCode);
  }
  if (outcome.status === 'absent') deps.intents.settle(target);
  return null;
}
