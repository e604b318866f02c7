/**
 * One click = one task. The create request and its verification travel in one batch
 * (tasks.task.add, then tasks.task.get of `$result[create][task][id]` selecting UF_CRM_TASK).
 * The SDK never repeats it (src/bitrix/frame.ts). Each click's idempotency key is written down
 * before the request leaves (src/domain/create-intent.ts) and travels inside the task; when
 * the outcome is uncertain (connection lost, timeout, 5xx) or a reload cut the request off,
 * the portal is searched for that key before anything is created again.
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

export type LookupOutcome = { status: 'found'; task: LinkedTask } | { status: 'absent' } | { status: 'unknown'; cause: BitrixError | null };

/**
 * Searches the current user's recent tasks for one carrying the intent's key. Keeps looking
 * (for up to `maxWaitMs`) while a request with this key may still be landing; `absent` only
 * once it can no longer land.
 */
export async function findTaskByIntent(
  deps: CreateDependencies,
  intent: CreateIntent,
  currentUserId: number,
  maxWaitMs: number,
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
      const match = result.tasks.find((task) => requestKeyIn(task.description) === intent.key);
      const task = match ? decodeTask(match) : null;
      if (task) return { status: 'found', task };
      // Searched after the request could last have landed: it never did.
      if (deps.now() >= intent.startedAt + INTENT_SETTLE_MS) return { status: 'absent' };
    } catch (error) {
      lastError = toBitrixError(error, 'tasks.task.list');
      // Not allowed to list tasks at all: looking again will not help.
      if (!lastError.isTransient) break;
    }
  }
  return { status: 'unknown', cause: lastError };
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
      return { task: outcome.task, linkKept: linkKept(outcome.task, input.linkCode), recovered: true };
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
    const outcome = await findTaskByIntent(deps, intent, input.currentUserId, CLICK_WAIT_MS);
    if (outcome.status === 'found') {
      deps.intents.settle(target);
      return { task: outcome.task, linkKept: linkKept(outcome.task, input.linkCode), recovered: true };
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
  const created = decodeTask(answers.create.result.task);
  const verified = answers.verify.ok && !Array.isArray(answers.verify.result) ? decodeTask((answers.verify.result as { task: RestTask }).task) : null;
  const task = verified ?? created;
  if (!task) throw new CreateFailedError(toBitrixError({ code: 'EMPTY_TASK', status: 200 }, 'tasks.task.add'));
  return { task, linkKept: verified ? linkKept(verified, input.linkCode) : null, recovered: false };
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
    return { task: outcome.task, linkKept: linkKept(outcome.task, linkCode), recovered: true };
  }
  if (outcome.status === 'absent') deps.intents.settle(target);
  return null;
}
