/**
 * The bulk runner's ports over the Bitrix24 boundary. Per page of 50 items the run costs the
 * keyset page (crm.item.list, `>id`, `start: -1`), the re-check (one batch: this run's tasks and
 * the other tasks linked to those items — the open ones, or for a playbook run every one with its
 * XML_ID) and the create batches (tasks.task.add with XML_ID and task.checklistitem.add of
 * `$result[…]` in the same request, as many per request as the portal finishes well inside the
 * SDK's timeout: see domain/bulk/operating-pace). A playbook run reads its items with every field
 * and the people its templates name (user.get, only for ids not seen yet).
 * The boundary never repeats a request (src/bitrix/frame.ts), so a create batch that "failed" is
 * found again by the re-check, never sent blindly.
 */
import {
  command,
  resultReference,
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
  commandsOf,
  PAGE_SIZE,
  type BulkItem,
  type BulkPorts,
  type BulkTaskDraft,
  type ChecklistLine,
  type ChecklistLineOutcome,
  type CreateOutcome,
  type CreatePacing,
  type ExistingQuery,
  type LinkedTaskFacts,
  type StepFailureReason,
} from '../domain/bulk/bulk-ports';
import { OperatingPace, TARGET_REQUEST_SECONDS } from '../domain/bulk/operating-pace';
import { itemListFilter, itemPageFilter, type BulkItemFilter } from '../domain/bulk/item-filter';
import { linkCode, parseLinkCode } from '../domain/link-code';
import type { PlaybookPerson } from '../domain/playbooks/playbook-render';
import { requestKeyIn, taskAddFields } from '../domain/task-draft';
import { templateKeyFromXmlId, templateXmlId } from '../domain/tasks';
import { toPortalDateTime } from '../domain/working-days';

const ITEM_SELECT = ['id', 'title', 'stageId', 'assignedById'];
/** A playbook run: every field, user fields included (`{field:…}`, item-field responsible rules). */
const ITEM_SELECT_ALL = ['*', 'uf*'];
const RECHECK_SELECT: TaskSelectField[] = ['ID', 'DESCRIPTION', 'UF_CRM_TASK', 'XML_ID'];
const OTHERS_SELECT: TaskSelectField[] = ['ID', 'STATUS', 'UF_CRM_TASK', 'XML_ID'];
/** Task status 5 = completed: every other status is still open. */
const COMPLETED_STATUS = 5;
/**
 * The run's tasks are looked for from a little before the run began. `runStartedAt` is the
 * PORTAL's clock (boundary.portalNow(), read from its answers), so the margin only covers that
 * estimate (a round trip) and the portal rounding CREATED_DATE to the second: not the
 * computer's clock, which may be off by hours or days.
 */
const RECHECK_MARGIN_MS = 5 * 60_000;
const ADD = 'tasks.task.add';
const CHECKLIST_ADD = 'task.checklistitem.add';
/**
 * Before the portal said what they cost, a task and a checklist line are taken to cost what they
 * cost on a cloud portal (tasks-task-add.md ≈ 0.93 s, task-checklist-item-add.md ≈ 0.25 s), as
 * FIRST_BATCH_SIZE does for tasks alone.
 */
const ASSUMED_SECONDS = { [ADD]: 0.934, [CHECKLIST_ADD]: 0.248 };

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
  /**
   * A playbook run: items are read with every field, and the people `peopleOf` names for each
   * item (responsible, fixed users, user fields, participants, observers) are looked up once each
   * (name and ACTIVE) into `people`, which the run's plan renders with.
   */
  playbook?: {
    people: Map<number, PlaybookPerson>;
    peopleOf: (item: BulkItem) => number[];
  };
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

  const askedPeople = new Set<number>();

  /** Names and ACTIVE of people not looked up yet (a playbook run), one user.get. */
  async function peopleFor(ids: readonly number[]): Promise<void> {
    const people = context.playbook?.people;
    // Asked once each: someone the portal did not return is not asked for again on every page.
    const unknown = [...new Set(ids)].filter((id) => id > 0 && !people?.has(id) && !askedPeople.has(id));
    if (!people || unknown.length === 0) return;
    for (let start = 0; start < unknown.length; start += PAGE_SIZE) {
      const chunk = unknown.slice(start, start + PAGE_SIZE);
      const { result } = await boundary.call('user.get', {
        filter: { ID: chunk },
        select: ['ID', 'NAME', 'LAST_NAME', 'ACTIVE'],
      });
      const found = new Map<number, PlaybookPerson>();
      for (const user of result) {
        const id = positive(user.ID);
        if (id === null) continue;
        const name = [user.NAME, user.LAST_NAME].filter(Boolean).join(' ');
        found.set(id, user.ACTIVE === false ? { name, active: false } : { name });
        userNames.set(id, name);
      }
      // Someone the portal does not return stays unknown to the templates (never given a task).
      for (const [id, person] of found) people.set(id, person);
      // Only once answered: a failed look-up is asked again with the page.
      for (const id of chunk) askedPeople.add(id);
    }
  }

  async function toItems(rows: readonly RestCrmItem[]): Promise<BulkItem[]> {
    if (context.playbook) {
      const items = rows.flatMap((row) => bulkItem(row));
      await peopleFor(items.flatMap((item) => context.playbook!.peopleOf(item)));
      return items.map((item) => ({
        ...item,
        responsibleName: item.responsibleId === null ? '' : (userNames.get(item.responsibleId) ?? ''),
      }));
    }
    const responsibleIds = rows.map((row) => positive(row.assignedById)).filter((id): id is number => id !== null);
    await namesFor(responsibleIds);
    return rows.flatMap((row) => bulkItem(row));
  }

  function bulkItem(row: RestCrmItem): BulkItem[] {
    {
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
          ...(context.playbook ? { values: row as Readonly<Record<string, unknown>> } : {}),
        },
      ];
    }
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
          select: context.playbook ? ITEM_SELECT_ALL : ITEM_SELECT,
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
          select: context.playbook ? ITEM_SELECT_ALL : ITEM_SELECT,
          filter: { '@id': [...ids] },
          order: { id: 'ASC' },
          start: -1,
        });
        return toItems(result.items);
      }),

    findExisting: (query: ExistingQuery) =>
      step(async () => {
        const { runId, others } = query;
        const checked = [...new Set([...query.itemIds, ...(query.alsoRunTasksOf ?? [])])];
        const wanted = new Set(checked);
        const facts = new Map<number, LinkedTaskFacts>(checked.map((id) => [id, { runTasks: [], otherTasks: [] }]));
        const mineFilter = {
          UF_CRM_TASK: checked.map((id) => linkCode(context.shortCode, id)),
          CREATED_BY: context.currentUserId,
          '>=CREATED_DATE': toPortalDateTime(
            new Date(context.runStartedAt - RECHECK_MARGIN_MS),
            boundary.portalUtcOffsetMinutes(),
          ),
        };
        // The previous page's items too: another run may have given them a task meanwhile. A
        // playbook run reads every linked task (a completed task of a template still counts).
        const othersFilter: Record<string, unknown> = {
          UF_CRM_TASK: checked.map((id) => linkCode(context.shortCode, id)),
        };
        if (others === 'open') othersFilter['!STATUS'] = COMPLETED_STATUS;
        // Both questions in one round trip; a longer answer (over 50 tasks) is paged after.
        const commands: Record<string, BatchCommand<'tasks.task.list'>> = {};
        if (checked.length > 0)
          commands.others = command('tasks.task.list', {
            filter: othersFilter,
            select: OTHERS_SELECT,
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
          key: 'others' | 'mine',
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
          const templateKey = templateKeyFromXmlId(task.xmlId);
          for (const itemId of itemIdsOf(task, wanted)) facts.get(itemId)!.runTasks.push({ taskId, templateKey });
        }
        for (const task of await read('others', othersFilter, OTHERS_SELECT)) {
          const taskId = positive(task.id);
          if (taskId === null || runTaskIds.has(taskId)) continue;
          const other = {
            taskId,
            open: String(task.status ?? '') !== String(COMPLETED_STATUS),
            templateKey: templateKeyFromXmlId(task.xmlId),
          };
          for (const itemId of itemIdsOf(task, wanted)) facts.get(itemId)!.otherTasks.push(other);
        }
        for (const fact of facts.values()) {
          fact.runTasks.sort((a, b) => a.taskId - b.taskId);
          fact.otherTasks.sort((a, b) => a.taskId - b.taskId);
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

    createPacing: (pending: readonly BulkTaskDraft[]): CreatePacing => {
      const now = boundary.portalNow();
      // A checklist line costs portal time of its own method; a draft costs its task and its lines.
      const lines = pending.reduce((sum, draft) => sum + draft.checklist.length, 0);
      const linesPerTask = pending.length === 0 ? 0 : lines / pending.length;
      const hold = pace.holdBefore(ADD, 1, now) ?? (linesPerTask > 0 ? pace.holdBefore(CHECKLIST_ADD, 1, now) : null);
      const addCost = pace.costOf(ADD) ?? ASSUMED_SECONDS[ADD];
      const lineCost = pace.costOf(CHECKLIST_ADD) ?? ASSUMED_SECONDS[CHECKLIST_ADD];
      // As many tasks (with their lines) as the portal finishes in TARGET_REQUEST_SECONDS.
      const bySeconds =
        linesPerTask > 0
          ? Math.floor(TARGET_REQUEST_SECONDS / Math.max(0.001, addCost + linesPerTask * lineCost))
          : pace.batchSize(ADD);
      const fromBudget = Math.min(
        pace.roomFor(ADD, pending.length),
        linesPerTask > 0 ? Math.ceil(pace.roomFor(CHECKLIST_ADD, lines) / linesPerTask) : pending.length,
      );
      return {
        batchSize: Math.max(1, Math.min(bySeconds, fromBudget)),
        hold,
        sdkWillSlow: pace.sdkWillSlow(ADD) || (linesPerTask > 0 && pace.sdkWillSlow(CHECKLIST_ADD)),
      };
    },

    addChecklistLines: (lines: readonly ChecklistLine[]) =>
      step(async () => {
        const answers = await boundary.batch(
          Object.fromEntries(
            lines.map((line, index) => [
              `c${index}`,
              command(CHECKLIST_ADD, {
                TASKID: line.taskId,
                FIELDS: { TITLE: line.title, SORT_INDEX: line.sortIndex },
              }),
            ]),
          ) as Record<string, BatchCommand<'task.checklistitem.add'>>,
        );
        return lines.map((_line, index): ChecklistLineOutcome => {
          const answer = answers[`c${index}`];
          if (answer?.ok) pace.observe(CHECKLIST_ADD, answer.time);
          return answer?.ok ? 'added' : answer ? reasonOf(answer.error) : 'unreachable';
        });
      }),

    createBatch: (_entityTypeId: number, drafts: readonly BulkTaskDraft[]) =>
      step(async () => {
        const commands: Record<string, BatchCommand<'tasks.task.add' | 'task.checklistitem.add'>> = {};
        const keys = drafts.map((draft, index) => `t${index}_${draft.itemId}`);
        if (drafts.reduce((sum, draft) => sum + commandsOf(draft), 0) > PAGE_SIZE)
          throw new RangeError('More than 50 commands in one create request');
        drafts.forEach((draft, index) => {
          const fields = taskAddFields(
            {
              title: draft.title,
              description: draft.description,
              descriptionBbcode: draft.descriptionBbcode,
              responsibleId: draft.responsibleId,
              participantIds: draft.participantIds,
              deadline: draft.deadline === null ? null : new Date(draft.deadline),
              priority: draft.priority,
            },
            {
              linkCode: linkCode(context.shortCode, draft.itemId),
              itemUrl: boundary.portalUrl(`/crm/type/${entityTypeId}/details/${draft.itemId}/`),
              itemLabel: context.itemLabel({ id: draft.itemId, title: draft.itemTitle }),
              requestKey: context.runId,
              portalUtcOffsetMinutes: boundary.portalUtcOffsetMinutes(),
            },
          );
          if (draft.templateKey !== null) fields.XML_ID = templateXmlId(draft.templateKey);
          const observers = draft.observerIds.filter(
            (id) => id !== draft.responsibleId && !(fields.ACCOMPLICES ?? []).includes(id),
          );
          if (observers.length > 0) fields.AUDITORS = observers;
          const key = keys[index]!;
          commands[key] = command('tasks.task.add', { fields });
          // Right after its task, in the same request: a lost answer loses both or neither.
          draft.checklist.forEach((line, lineIndex) => {
            commands[`${key}_c${lineIndex}`] = command('task.checklistitem.add', {
              TASKID: resultReference(key, 'task', 'id'),
              FIELDS: { TITLE: line, SORT_INDEX: (lineIndex + 1) * 10 },
            });
          });
        });
        const answers = await boundary.batch(commands);
        drafts.forEach((draft, index) => {
          const key = keys[index]!;
          const answer = answers[key];
          if (answer?.ok) pace.observe(ADD, answer.time);
          draft.checklist.forEach((_line, lineIndex) => {
            const line = answers[`${key}_c${lineIndex}`];
            if (line?.ok) pace.observe(CHECKLIST_ADD, line.time);
          });
        });
        return drafts.map((draft, index): CreateOutcome => {
          const key = keys[index]!;
          const answer = answers[key];
          const { itemId, templateKey } = draft;
          if (answer?.ok) {
            const taskId = positive((answer.result as { task?: { id?: unknown } }).task?.id);
            if (taskId !== null) {
              // A line the portal refused for a limit was not written: it may go again. Any other
              // failed line is reported, never sent twice.
              const checklistRetry: ChecklistLine[] = [];
              let checklistMissing = 0;
              draft.checklist.forEach((line, lineIndex) => {
                const entry = answers[`${key}_c${lineIndex}`];
                if (entry?.ok) return;
                const why = entry ? reasonOf(entry.error) : 'unreachable';
                if (why === 'rate-limited' || why === 'operating-limit')
                  checklistRetry.push({ taskId, title: line, sortIndex: (lineIndex + 1) * 10 });
                else checklistMissing += 1;
              });
              return { itemId, templateKey, kind: 'created', taskId, checklistMissing, checklistRetry };
            }
            return { itemId, templateKey, kind: 'failed', reason: 'unreachable', message: '' };
          }
          const error = answer?.error;
          const reason = error ? reasonOf(error) : 'unreachable';
          return {
            itemId,
            templateKey,
            kind: 'failed',
            reason,
            message: error?.portalDescription ?? error?.code ?? '',
            blockedUntil: reason === 'operating-limit' ? pace.blockedUntil(ADD, boundary.portalNow()) : null,
          };
        });
      }),
  };
}
