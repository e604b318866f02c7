/**
 * One click = one task. One batch with `halt` checks the item, creates the task, reads it back
 * and looks for copies: crm.item.get (a deleted item or smart process stops the batch before
 * anything is written); tasks.task.add; tasks.task.get of `$result[create][task][id]` selecting
 * UF_CRM_TASK; tasks.task.list of the user's tasks with that title. The SDK never repeats it
 * (src/bitrix/frame.ts).
 *
 * Each click's idempotency key is written down before the request leaves
 * (src/domain/create-intent.ts) and travels inside the task, in the link back to the item that
 * ends its description. When the outcome is uncertain (connection lost, timeout, gateway 5xx) or
 * a reload cut the request off, the portal is searched for that key before anything is created
 * again; when the search shows it did not land, the next click sends at once under the SAME key,
 * so that a late landing of the earlier request is a copy of it. Such keys are searched again
 * once no request with them can land any more (a timer, and the next open of a surface), and
 * every copy but the one the user was told about is deleted.
 *
 * All times are the PORTAL's clock (`CreateDependencies.now` = `boundary.portalNow()`).
 */
import {
  command,
  resultReference,
  toBitrixError,
  type BitrixError,
  type RestTask,
  type TaskSelectField,
} from '../../bitrix';
import { LATE_LANDING_WINDOW_MS, type CreateIntent } from '../../domain/create-intent';
import { taskAddFields, type TaskDraft } from '../../domain/task-draft';
import type { LinkedTask } from '../../domain/tasks';
import { itemCommand } from '../../queries/items';
import {
  createdSince,
  findTaskByKey,
  keepOne,
  KEY_SEARCH_SELECT,
  tasksWithKey,
  type KeySearchDependencies,
} from './request-key-search';
import { decodeTask, LINKED_TASK_SELECT } from '../../queries/tasks';

export { nextRecheckAt, recheckRecentKeys, type RecheckReport } from './request-key-search';

/** What one click creates: the item (entityTypeId, itemId, its link code and URL) and the user's draft. */
export interface CreateLinkedTaskInput {
  entityTypeId: number;
  itemId: number;
  /** UF_CRM_TASK value, e.g. Tb1_29. */
  linkCode: string;
  /** Absolute URL of the item on the portal, for the link back from the task. */
  itemUrl: string;
  /** The item's title (portal text: escaped when it goes into the description). */
  itemLabel: string;
  draft: TaskDraft;
  currentUserId: number;
}

/** A click's task: created now, or found by the click's key (see `recovered`, `fromEarlierClick`). */
export interface CreatedLinkedTask {
  task: LinkedTask;
  /** The portal kept the link to the item (read back); false = it dropped it; null = not confirmed. */
  linkKept: boolean | null;
  /** Found by its key after an uncertain outcome, rather than from the create answer. */
  recovered: boolean;
  /**
   * The task is an EARLIER click's, found by its key before this click sent anything: this
   * click's draft was not sent (a surface with an edited form keeps it).
   */
  fromEarlierClick: boolean;
  /**
   * Copies of this one request that the transport created anyway (a browser or proxy resends
   * a POST whose connection dropped) and that could not be removed; normally 0.
   */
  duplicatesLeft: number;
}

/** The outcome is unknown and the portal could not be searched: the next click searches before it sends. */
export class CreateUnconfirmedError extends Error {
  override readonly name = 'CreateUnconfirmedError';
  constructor(readonly reason: BitrixError | null) {
    super('The task may or may not have been created; it will be looked up before creating again');
  }
}

/**
 * The request failed on its way and the portal holds no task with its key: nothing was
 * created (so far). The next click sends it again at once, under the same key.
 */
export class CreateNotLandedError extends Error {
  override readonly name = 'CreateNotLandedError';
  constructor(readonly reason: BitrixError) {
    super(`The request did not arrive: ${reason.message}`);
  }
}

/** The portal refused the request, or the request surely never arrived: no task exists. */
export class CreateFailedError extends Error {
  override readonly name: string = 'CreateFailedError';
  constructor(readonly reason: BitrixError) {
    super(reason.message);
  }
}

/** The item (or its whole smart process) no longer exists: the batch stopped before the task. */
export class CreateTargetGoneError extends CreateFailedError {
  override readonly name: string = 'CreateTargetGoneError';
  constructor(
    readonly gone: 'item' | 'smart-process',
    reason: BitrixError,
  ) {
    super(reason);
  }
}

/** What createLinkedTask needs (request-key-search.ts): boundary, intents, the PORTAL's clock, a wait. */
export type CreateDependencies = KeySearchDependencies;

/** What a click is doing: sending its batch, or searching the portal for its key. */
export type CreatePhase = 'sending' | 'checking';

/** The read-back reads what a linked task shows (decodeTask), UF_CRM_TASK among it. */
const VERIFY_SELECT: TaskSelectField[] = LINKED_TASK_SELECT;
/** After a request failed on its way, search for its key at these delays (ms): it may be landing right now. */
export const AFTER_FAILURE_DELAYS_MS = [0, 1_000, 2_000] as const;

/** On opening a surface with a click still pending (a reload): search at these delays (ms) while it may land. */
export const ON_OPEN_DELAYS_MS = [0, 1_000, 2_000, 4_000] as const;

/** The intent store's name for an item: `entityTypeId:itemId`. */
export function intentTarget(entityTypeId: number, itemId: number): string {
  return `${entityTypeId}:${itemId}`;
}

function linkKept(task: LinkedTask, linkCode: string): boolean | null {
  return task.crmLinks === null ? null : task.crmLinks.includes(linkCode);
}

/** A refused or ended session (the token could not be refreshed): the request never left. */
export function sessionEnded(error: BitrixError): boolean {
  return error.kind === 'auth-expired' || error.kind === 'auth-invalid';
}

/**
 * Before a click sends: a key still pending from an earlier click (or a reload mid-request) is
 * searched once, the intent marked uncertain meanwhile. Resolves with the tasks found under it,
 * or null when they have not landed (the click then sends under the same key, so that a late
 * landing of the earlier request is a copy of this one). Rejects with CreateUnconfirmedError
 * when the portal could not be searched. Shared by every create action of the app.
 */
export async function searchEarlierClick(
  deps: CreateDependencies,
  target: string,
  earlier: CreateIntent,
  currentUserId: number,
  linkCode: string,
  onPhase: (phase: CreatePhase) => void,
): Promise<RestTask[] | null> {
  deps.intents.markUncertain(target);
  onPhase('checking');
  const outcome = await findTaskByKey(deps, earlier, currentUserId, [0], linkCode);
  if (outcome.status === 'unknown') throw new CreateUnconfirmedError(outcome.cause);
  return outcome.status === 'found' ? outcome.tasks : null;
}

/** What became of a click whose batch failed (see {@link afterFailedBatch}). */
export type FailedBatchOutcome =
  /** The portal holds tasks under the click's key: the request (or part of it) landed. */
  | { status: 'found'; tasks: RestTask[] }
  /** Surely nothing was created by this request (refused as a whole, never sent, or the portal answered and holds nothing). */
  | { status: 'none'; failure: BitrixError };

/**
 * After the create batch of a click threw: decides, from the failure and a search of the click's
 * key, whether the request landed. A refusal of the whole request or an ended session made
 * nothing; a failure that leaves the write uncertain marks the intent uncertain and searches
 * (once when the portal answered, else at AFTER_FAILURE_DELAYS_MS, since it may be landing now).
 * Rejects with CreateUnconfirmedError (the portal could not be searched) or CreateNotLandedError
 * (nothing arrived so far: the next click sends again under the same key). The intent is not
 * settled here: the caller knows which task ids it settles with.
 */
export async function afterFailedBatch(
  deps: CreateDependencies,
  target: string,
  intent: CreateIntent,
  currentUserId: number,
  linkCode: string,
  error: unknown,
  onPhase: (phase: CreatePhase) => void,
): Promise<FailedBatchOutcome> {
  const failure = toBitrixError(error, 'batch');
  // The portal refused the whole request (rate limit, rights), or the session ended and the
  // request never left (a refused token refresh): nothing was created.
  if (!failure.leavesWriteUncertain || sessionEnded(failure)) return { status: 'none', failure };
  deps.intents.markUncertain(target);
  onPhase('checking');
  const outcome = await findTaskByKey(
    deps,
    intent,
    currentUserId,
    failure.portalAnswered ? [0] : AFTER_FAILURE_DELAYS_MS,
    linkCode,
  );
  if (outcome.status === 'unknown') throw new CreateUnconfirmedError(failure);
  if (outcome.status === 'found') return { status: 'found', tasks: outcome.tasks };
  // Bitrix24 itself answered and holds no task with the key: it made none.
  if (failure.portalAnswered) return { status: 'none', failure };
  throw new CreateNotLandedError(failure);
}

/** The click's task found by its key: one copy kept, the key settled with it. */
async function recovered(
  deps: CreateDependencies,
  target: string,
  copies: RestTask[],
  linkCode: string,
  fromEarlierClick: boolean,
): Promise<CreatedLinkedTask> {
  const { kept, duplicatesLeft } = await keepOne(deps, copies);
  deps.intents.settle(target, kept.id);
  return { task: kept, linkKept: linkKept(kept, linkCode), recovered: true, fromEarlierClick, duplicatesLeft };
}

/** Why the item could not be read in the create batch: gone (item or smart process), or another refusal. */
export async function itemRefusal(
  deps: CreateDependencies,
  entityTypeId: number,
  error: BitrixError,
): Promise<CreateFailedError> {
  if (error.kind !== 'not-found') return new CreateFailedError(error);
  // Which one is gone: the smart process (its type) or only the item. Nothing was written, so a
  // second, cheap read is harmless; a type read that fails for another reason says "item".
  try {
    const { result } = await deps.boundary.call('crm.type.getByEntityTypeId', { entityTypeId });
    return new CreateTargetGoneError(result?.type ? 'item' : 'smart-process', error);
  } catch (typeError) {
    return new CreateTargetGoneError(toBitrixError(typeError).kind === 'not-found' ? 'smart-process' : 'item', error);
  }
}

/**
 * Creates the task for one click (see the file's comment for the guarantee). Resolves with the
 * click's task; rejects with CreateFailedError (nothing was created; CreateTargetGoneError when
 * the item or its smart process is gone), CreateNotLandedError (nothing arrived; click again),
 * or CreateUnconfirmedError (the portal could not be searched). `onPhase` follows its progress.
 */
export async function createLinkedTask(
  deps: CreateDependencies,
  input: CreateLinkedTaskInput,
  onPhase: (phase: CreatePhase) => void = () => {},
): Promise<CreatedLinkedTask> {
  const target = intentTarget(input.entityTypeId, input.itemId);

  // A key still pending from an earlier click (or a page that reloaded mid-request): find out first.
  const earlier = deps.intents.pending(target);
  if (earlier) {
    const found = await searchEarlierClick(deps, target, earlier, input.currentUserId, input.linkCode, onPhase);
    if (found) return recovered(deps, target, found, input.linkCode, true);
  }

  const intent = deps.intents.begin(target, deps.now());
  onPhase('sending');
  const fields = taskAddFields(input.draft, {
    linkCode: input.linkCode,
    itemUrl: input.itemUrl,
    itemLabel: input.itemLabel,
    requestKey: intent.key,
    portalUtcOffsetMinutes: deps.boundary.portalUtcOffsetMinutes(),
  });
  let answers;
  try {
    answers = await deps.boundary.batch(
      {
        // First, so that `halt` stops the batch before the write when the item is gone.
        item: itemCommand(input.entityTypeId, input.itemId),
        create: command('tasks.task.add', { fields }),
        verify: command('tasks.task.get', { taskId: resultReference('create', 'task', 'id'), select: VERIFY_SELECT }),
        // Copies of this very request (see keepOne): same creator, same title, same key.
        copies: command('tasks.task.list', {
          filter: {
            CREATED_BY: input.currentUserId,
            TITLE: fields.TITLE,
            '>=CREATED_DATE': createdSince(deps, intent.startedAt),
          },
          select: KEY_SEARCH_SELECT,
          order: { ID: 'asc' },
        }),
      },
      { halt: true },
    );
  } catch (error) {
    const after = await afterFailedBatch(deps, target, intent, input.currentUserId, input.linkCode, error, onPhase);
    if (after.status === 'found') return recovered(deps, target, after.tasks, input.linkCode, false);
    deps.intents.settle(target);
    throw new CreateFailedError(after.failure);
  }

  if (!answers.item.ok) {
    // The item could not be read, so `halt` skipped the write: nothing was created.
    deps.intents.settle(target);
    throw await itemRefusal(deps, input.entityTypeId, answers.item.error);
  }
  if (!answers.create.ok) {
    // The portal answered and refused the task (validation, rights): nothing was created.
    deps.intents.settle(target);
    throw new CreateFailedError(answers.create.error);
  }
  const copies = answers.copies.ok ? tasksWithKey(answers.copies.result.tasks, intent.key) : [];
  if (copies.length > 1) {
    const { kept, duplicatesLeft } = await keepOne(deps, copies);
    deps.intents.settle(target, kept.id);
    return {
      task: kept,
      linkKept: linkKept(kept, input.linkCode),
      recovered: false,
      fromEarlierClick: false,
      duplicatesLeft,
    };
  }
  const created = decodeTask(answers.create.result.task);
  const verified =
    answers.verify.ok && !Array.isArray(answers.verify.result)
      ? decodeTask((answers.verify.result as { task: RestTask }).task)
      : null;
  const task = verified ?? created;
  deps.intents.settle(target, task?.id);
  if (!task) throw new CreateFailedError(toBitrixError({ code: 'EMPTY_TASK', status: 200 }, 'tasks.task.add'));
  return {
    task,
    linkKept: verified ? linkKept(verified, input.linkCode) : null,
    recovered: false,
    fromEarlierClick: false,
    duplicatesLeft: 0,
  };
}

/**
 * On opening a surface: a key left pending by a reload mid-request is looked up for a few
 * seconds while it may still land, so the user learns what became of that click. Not found:
 * the key stays pending (the next click sends at once under it) until it can no longer land.
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
  deps.intents.markUncertain(target);
  const mayLand = deps.now() < pending.lastSentAt + LATE_LANDING_WINDOW_MS;
  const outcome = await findTaskByKey(deps, pending, currentUserId, mayLand ? ON_OPEN_DELAYS_MS : [0], linkCode);
  // No click is under way: nothing of the user's was held back.
  if (outcome.status === 'found') return recovered(deps, target, outcome.tasks, linkCode, false);
  // Can no longer land and is not there: it made nothing. (Kept as recent: one more look later.)
  if (outcome.status === 'absent' && deps.now() >= pending.lastSentAt + LATE_LANDING_WINDOW_MS)
    deps.intents.settle(target);
  return null;
}
