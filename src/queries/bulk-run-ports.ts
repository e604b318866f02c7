/**
 * The bulk runner's ports over the Bitrix24 boundary. Per page of 50 items the run costs the
 * keyset page (crm.item.list, `>id`, `start: -1`), the re-check (one batch: this run's tasks and
 * the open tasks linked to those items) and the create batches (tasks.task.add, as many per
 * request as the portal finishes well inside the SDK's timeout: see domain/bulk/operating-pace).
 * The boundary never repeats a request (src/bitrix/frame.ts), so a create batch that "failed" is
 * found again by the re-check, never sent blindly.
 */
import {
  command,
  toBitrixError,
  type BatchCommand,
  type BitrixBoundary,
  type BitrixError,
  type RestCrmItem,
  type RestTask,
  type TaskSelectField,
} from '../bitrix';
import {
  BulkStepError,
  PAGE_SIZE,
  type BulkItem,
  type BulkPorts,
  type CreateOutcome,
  type CreatePacing,
  type LinkedTaskFacts,
  type StepFailureReason,
} from '../domain/bulk/bulk-ports';
import { OperatingPace } from '../domain/bulk/operating-pace';
import { itemListFilter, itemPageFilter, type BulkItemFilter } from '../domain/bulk/item-filter';
import type { TaskDraft as BulkTaskDraft } from '../domain/bulk/task-template';
import { linkCode, parseLinkCode } from '../domain/link-code';
import { requestKeyIn, taskAddFields } from '../domain/task-draft';
import { toPortalDateTime } from '../domain/working-days';

const ITEM_SELECT = ['id', 'title', 'stageId', 'assignedById'];
const RECHECK_SELECT: TaskSelectField[] = ['ID', 'DESCRIPTION', 'UF_CRM_TASK'];
const OPEN_SELECT: TaskSelectField[] = ['ID', 'UF_CRM_TASK'];
/** Task status 5 = completed: every other status is still open. */
const COMPLETED_STATUS = 5;
/**
 * The run's tasks are looked for from a little before the run began. `runStartedAt` is the
 * PORTAL's clock (boundary.portalNow(), read from its answers), so the margin only covers that
 * estimate (a round trip) and the portal rounding CREATED_DATE to the second: not the
 * computer's clock, which may be off by hours or days.
 */
const RECHECK_MARGIN_MS = 5 * 60_000;

export interface BulkPortContext {
  boundary: BitrixBoundary;
  /** The run's id: it rides in each task's back link as the request key, too. */
  runId: string;
  entityTypeId: number;
  /** UF_CRM_TASK prefix of the smart process, e.g. `Tb1`. */
  shortCode: string;
  /** The user running the run: the creator of its tasks. */
  currentUserId: number;
  /** When the run began, ms since the epoch by the PORTAL's clock (boundary.portalNow()); its tasks are not older. */
  runStartedAt: number;
  /** Stage id → name, for `{stage}`. */
  stageNames: ReadonlyMap<string, string>;
  /** Whether the template names the responsible (`{responsible}`): only then are names read. */
  needsResponsibleNames: boolean;
  /** The label of the link back to the item in each task's description. */
  itemLabel: (item: { id: number; title: string }) => string;
}

/**
 * A whole step's failure as the runner sees it. `blockedUntil` says when a method blocked for its
 * operating time runs again (the 429 carries no time block: the reset time last seen for it).
 */
export function stepError(
  error: unknown,
  blockedUntil: (method: string | undefined) => BulkStepError['blockedUntil'] = () => null,
): BulkStepError {
  const failure = toBitrixError(error);
  const reason = reasonOf(failure);
  return new BulkStepError(
    reason,
    failure.portalDescription ?? failure.code,
    reason === 'operating-limit' ? blockedUntil(failure.method) : null,
  );
}

/** limits.md: 429 OPERATION_TIME_LIMIT blocks the method for minutes; not a short rate limit. */
function isOperatingLimit(error: BitrixError): boolean {
  return error.code === 'OPERATION_TIME_LIMIT';
}

function reasonOf(error: BitrixError): StepFailureReason {
  if (isOperatingLimit(error)) return 'operating-limit';
  if (error.kind === 'rate-limit') return 'rate-limited';
  if (error.kind === 'network' || error.kind === 'timeout' || error.kind === 'server' || error.kind === 'unknown')
    return 'unreachable';
  return 'rejected';
}

function positive(value: unknown): number | null {
  const number = Number(value);
  return Number.isInteger(number) && number > 0 ? number : null;
}

export function bulkRunPorts(context: BulkPortContext): BulkPorts {
  const { boundary, entityTypeId } = context;
  /** What the portal said about its load: cost per command, operating time, reset times. */
  const pace = new OperatingPace();
  const blockedUntil = (method: string | undefined): BulkStepError['blockedUntil'] => {
    const now = boundary.portalNow();
    // A blocked batch names no method: the create's own budget is the one a run uses up.
    return (
      pace.blockedUntil(method && method !== 'batch' ? method : 'tasks.task.add', now) ??
      pace.blockedUntil('tasks.task.list', now)
    );
  };
  async function step<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw stepError(error, blockedUntil);
    }
  }
  /** Names of responsible users seen so far: a run meets the same few people again and again. */
  const userNames = new Map<number, string>();

  async function namesFor(ids: number[]): Promise<void> {
    const unknown = [...new Set(ids)].filter((id) => !userNames.has(id));
    if (!context.needsResponsibleNames || unknown.length === 0) return;
    const { result } = await boundary.call('user.get', {
      filter: { ID: unknown },
      select: ['ID', 'NAME', 'LAST_NAME'],
    });
    for (const id of unknown) userNames.set(id, '');
    for (const user of result) {
      const id = positive(user.ID);
      if (id !== null) userNames.set(id, [user.NAME, user.LAST_NAME].filter(Boolean).join(' '));
    }
  }

  async function toItems(rows: readonly RestCrmItem[]): Promise<BulkItem[]> {
    const responsibleIds = rows.map((row) => positive(row.assignedById)).filter((id): id is number => id !== null);
    await namesFor(responsibleIds);
    return rows.flatMap((row) => {
      const id = positive(row.id);
      if (id === null) return [];
      const responsibleId = positive(row.assignedById);
      const stageId = String(row.stageId ?? '');
      return [
        {
          id,
          title: row.title ?? '',
          stageId,
          stageName: context.stageNames.get(stageId) ?? stageId,
          responsibleId,
          responsibleName: responsibleId === null ? '' : (userNames.get(responsibleId) ?? ''),
        },
      ];
    });
  }

  /** Every page of one tasks.task.list question (usually one page: the filters are narrow). */
  async function allTasks(filter: Record<string, unknown>, select: TaskSelectField[]): Promise<RestTask[]> {
    const tasks: RestTask[] = [];
    for (let start = 0; ; start += PAGE_SIZE) {
      const { result, total } = await boundary.call('tasks.task.list', { filter, select, order: { ID: 'asc' }, start });
      tasks.push(...result.tasks);
      if (result.tasks.length < PAGE_SIZE || (total !== undefined && start + PAGE_SIZE >= total)) return tasks;
    }
  }

  function itemIdsOf(task: RestTask, wanted: ReadonlySet<number>): number[] {
    const links = Array.isArray(task.ufCrmTask) ? task.ufCrmTask : [];
    return links
      .map((code) => parseLinkCode(String(code)))
      .filter((parsed) => parsed !== null && parsed.shortCode === context.shortCode && wanted.has(parsed.itemId))
      .map((parsed) => parsed!.itemId);
  }

  return {
    countItems: (filter: BulkItemFilter) =>
      step(async () => {
        const { result, total } = await boundary.call('crm.item.list', {
          entityTypeId,
          select: ['id'],
          filter: itemListFilter(filter),
          start: 0,
        });
        return total ?? result.items.length;
      }),

    pageItems: (filter: BulkItemFilter, afterId: number) =>
      step(async () => {
        const { result } = await boundary.call('crm.item.list', {
          entityTypeId,
          select: ITEM_SELECT,
          filter: itemPageFilter(filter, afterId),
          order: { id: 'ASC' },
          start: -1,
        });
        return toItems(result.items);
      }),

    itemsByIds: (_entityTypeId: number, ids: readonly number[]) =>
      step(async () => {
        if (ids.length === 0) return [];
        const { result } = await boundary.call('crm.item.list', {
          entityTypeId,
          select: ITEM_SELECT,
          filter: { '@id': [...ids] },
          order: { id: 'ASC' },
          start: -1,
        });
        return toItems(result.items);
      }),

    findExisting: (
      _entityTypeId: number,
      itemIds: readonly number[],
      runId: string | null,
      alsoRunTasksOf: readonly number[] = [],
    ) =>
      step(async () => {
        const checked = [...new Set([...itemIds, ...alsoRunTasksOf])];
        const wanted = new Set(checked);
        const facts = new Map<number, LinkedTaskFacts>(
          checked.map((id) => [id, { runTaskIds: [], hasOpenTask: false, oldestOtherOpenTaskId: null }]),
        );
        const mineFilter = {
          UF_CRM_TASK: checked.map((id) => linkCode(context.shortCode, id)),
          CREATED_BY: context.currentUserId,
          '>=CREATED_DATE': toPortalDateTime(
            new Date(context.runStartedAt - RECHECK_MARGIN_MS),
            boundary.portalUtcOffsetMinutes(),
          ),
        };
        // Open tasks of the previous page's items too: another run may have given them one meanwhile.
        const openFilter = {
          UF_CRM_TASK: checked.map((id) => linkCode(context.shortCode, id)),
          '!STATUS': COMPLETED_STATUS,
        };
        // Both questions in one round trip; a longer answer (over 50 tasks) is paged after.
        const commands: Record<string, BatchCommand<'tasks.task.list'>> = {};
        if (checked.length > 0)
          commands.open = command('tasks.task.list', {
            filter: openFilter,
            select: OPEN_SELECT,
            order: { ID: 'asc' },
            start: 0,
          });
        if (runId !== null && checked.length > 0) {
          commands.mine = command('tasks.task.list', {
            filter: mineFilter,
            select: RECHECK_SELECT,
            order: { ID: 'asc' },
            start: 0,
          });
        }
        if (Object.keys(commands).length === 0) return facts;
        const answers = await boundary.batch(commands);
        for (const answer of Object.values(answers)) if (answer.ok) pace.observe('tasks.task.list', answer.time);
        const read = async (
          key: 'open' | 'mine',
          filter: Record<string, unknown>,
          select: TaskSelectField[],
        ): Promise<RestTask[]> => {
          const answer = answers[key];
          if (!answer) return [];
          if (!answer.ok) throw answer.error;
          const tasks = answer.result.tasks;
          const more = tasks.length >= PAGE_SIZE && (answer.total === undefined || answer.total > PAGE_SIZE);
          return more ? allTasks(filter, select) : tasks;
        };
        const mine = runId === null ? [] : await read('mine', mineFilter, RECHECK_SELECT);
        const runTaskIds = new Set<number>();
        for (const task of mine) {
          // The run's id is read only where the app writes it (the back link that ends the
          // description): an item title or typed text carrying it is portal text, not the run's mark.
          if (requestKeyIn(task.description) !== runId) continue;
          const taskId = positive(task.id);
          if (taskId === null) continue;
          runTaskIds.add(taskId);
          for (const itemId of itemIdsOf(task, wanted)) facts.get(itemId)!.runTaskIds.push(taskId);
        }
        for (const fact of facts.values()) fact.runTaskIds.sort((a, b) => a - b);
        for (const task of await read('open', openFilter, OPEN_SELECT)) {
          const taskId = positive(task.id);
          if (taskId === null || runTaskIds.has(taskId)) continue;
          for (const itemId of itemIdsOf(task, wanted)) {
            const fact = facts.get(itemId)!;
            fact.hasOpenTask = true;
            fact.oldestOtherOpenTaskId = Math.min(fact.oldestOtherOpenTaskId ?? taskId, taskId);
          }
        }
        return facts;
      }),

    deleteTasks: (taskIds: readonly number[]) =>
      step(async () => {
        if (taskIds.length === 0) return;
        const answers = await boundary.batch(
          Object.fromEntries(
            taskIds.map((taskId) => [`delete${taskId}`, command('tasks.task.delete', { taskId })]),
          ) as Record<string, BatchCommand<'tasks.task.delete'>>,
        );
        // A copy already gone is fine; anything else is reported so the run can say so.
        const refused = Object.values(answers).find((answer) => !answer.ok && answer.error.kind !== 'not-found');
        if (refused && !refused.ok) throw refused.error;
      }),

    createPacing: (wanted: number): CreatePacing => {
      const method = 'tasks.task.add';
      const hold = pace.holdBefore(method, 1, boundary.portalNow());
      return {
        batchSize: Math.min(pace.batchSize(method), pace.roomFor(method, wanted)),
        hold,
        sdkWillSlow: pace.sdkWillSlow(method),
      };
    },

    createBatch: (_entityTypeId: number, drafts: readonly BulkTaskDraft[]) =>
      step(async () => {
        const commands: Record<string, BatchCommand<'tasks.task.add'>> = {};
        for (const draft of drafts) {
          const fields = taskAddFields(
            {
              title: draft.title,
              description: draft.description,
              responsibleId: draft.responsibleId,
              participantIds: [],
              deadline: draft.deadline === null ? null : new Date(draft.deadline),
              priority: 'medium',
            },
            {
              linkCode: linkCode(context.shortCode, draft.itemId),
              itemUrl: boundary.portalUrl(`/crm/type/${entityTypeId}/details/${draft.itemId}/`),
              itemLabel: context.itemLabel({ id: draft.itemId, title: draft.itemTitle }),
              requestKey: context.runId,
              portalUtcOffsetMinutes: boundary.portalUtcOffsetMinutes(),
            },
          );
          commands[`item${draft.itemId}`] = command('tasks.task.add', { fields });
        }
        const answers = await boundary.batch(commands);
        for (const draft of drafts) {
          const answer = answers[`item${draft.itemId}`];
          if (answer?.ok) pace.observe('tasks.task.add', answer.time);
        }
        return drafts.map((draft): CreateOutcome => {
          const answer = answers[`item${draft.itemId}`];
          if (answer?.ok) {
            const taskId = positive(answer.result.task?.id);
            if (taskId !== null) return { itemId: draft.itemId, kind: 'created', taskId };
            return { itemId: draft.itemId, kind: 'failed', reason: 'unreachable', message: '' };
          }
          const error = answer?.error;
          const reason = error ? reasonOf(error) : 'unreachable';
          return {
            itemId: draft.itemId,
            kind: 'failed',
            reason,
            message: error?.portalDescription ?? error?.code ?? '',
            blockedUntil:
              reason === 'operating-limit' ? pace.blockedUntil('tasks.task.add', boundary.portalNow()) : null,
          };
        });
      }),
  };
}
