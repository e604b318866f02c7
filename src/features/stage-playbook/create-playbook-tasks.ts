/**
 * One click = exactly the stage's missing tasks, never twice: the one-click guarantee of
 * features/create-linked-task/ (intents, the request key in the back link, key searches after
 * uncertain outcomes, late-copy re-checks, "created by an earlier click") extended to N tasks,
 * with the same machinery, not a second one.
 *
 * ONE batch with `halt` (≤ 50 commands):
 *   item   crm.item.get            the item still exists (a deleted item or smart process stops
 *                                  the batch before anything is written);
 *   stage  crm.item.list          the item filtered by the stage the user saw, and
 *   gate   crm.item.get of `$result[stage][items][0][id]`: fails when the item has left that
 *                                  stage (the list is empty), so a stale tab never creates the
 *                                  old stage's tasks; the `item` answer names the new stage;
 *   t<i>   tasks.task.add         per template: taskAddFields + XML_ID (the template key) +
 *                                  AUDITORS, each description ending in the back link with the
 *                                  click's ONE request key;
 *   c<i>_<j> task.checklistitem.add of `$result[t<i>][task][id]`, right after its task, so a
 *                                  refusal leaves every task before it whole;
 *   after  tasks.task.list        the item's linked tasks carrying these templates' XML_IDs:
 *                                  the PORTAL judges what exists. Copies of this request (a
 *                                  resent POST) and a twin some other click linked first (a
 *                                  stale tab, a second browser) are deleted again — only tasks
 *                                  carrying THIS click's key are ever deleted.
 * Which templates are missing is decided from the item's linked tasks as the portal listed them
 * (playbookStatus); the `after` read catches whatever changed since.
 *
 * Long checklists: the tasks always go in the first batch; checklist lines fill the room left
 * (50 − 4 − N commands) in the playbook's order, and the lines that did not fit are added in
 * follow-up batches of up to 50 once the tasks exist. Those are never resent (a resent line
 * would be doubled): a line that could not be added is reported per task (`checklistMissing`).
 *
 * All times are the PORTAL's clock (`CreateDependencies.now` = `boundary.portalNow()`).
 */
import { command, resultReference, type BatchCommand, type BitrixError, type RestTask } from '../../bitrix';
import type { RenderedTemplate } from '../../domain/playbooks/playbook-render';
import { requestKeyIn, taskAddFields } from '../../domain/task-draft';
import { templateKeyFromXmlId, templateXmlId, type LinkedTask } from '../../domain/tasks';
import {
  afterFailedBatch,
  CreateFailedError,
  itemRefusal,
  ON_OPEN_DELAYS_MS,
  searchEarlierClick,
  type CreateDependencies,
  type CreatePhase,
} from '../create-linked-task/create-linked-task';
import { copiesByTemplate, findTaskByKey, keepOne, KEY_SEARCH_SELECT } from '../create-linked-task/request-key-search';
import { LATE_LANDING_WINDOW_MS } from '../../domain/create-intent';
import { itemCommand } from '../../queries/items';
import { decodeTask } from '../../queries/tasks';

/** The portal's batch limit (b24restdocs settings/performance/limits.md): commands per round trip. */
export const BATCH_LIMIT = 50;
/** Commands of the first batch besides the tasks and their checklists: item, stage, gate, after. */
const OVERHEAD_COMMANDS = 4;

/** What one click creates: the item (as for one task) and the rendered templates it is missing. */
export interface PlaybookCreateInput {
  entityTypeId: number;
  itemId: number;
  /** UF_CRM_TASK value, e.g. Tb1_29. */
  linkCode: string;
  /** Absolute URL of the item on the portal, for the link back from each task. */
  itemUrl: string;
  /** The item's title (portal text: escaped when it goes into the description). */
  itemLabel: string;
  currentUserId: number;
  /**
   * The stage the user saw: the tasks are created only while the portal still has the item in
   * it (else PlaybookStageMovedError). null = do not check (only "any stage" templates).
   */
  expectedStageId: string | null;
  /** The templates to create, rendered, each with a responsible (`draft.responsibleId` > 0). */
  templates: readonly RenderedTemplate[];
}

/** Where a template's task came from. */
export type PlaybookTaskSource =
  /** Made by this click. */
  | 'created'
  /** Made by this click's request, found by its key after an uncertain outcome. */
  | 'recovered'
  /** Made by an earlier click of this user, found by its key before this click sent anything. */
  | 'earlier-click'
  /** Another click had linked the template's task first; this click's copy was removed again. */
  | 'already-linked';

/** A template's task after the click. */
export interface PlaybookTaskOutcome {
  templateKey: string;
  task: LinkedTask;
  /** The portal kept the link to the item (read back); false = it dropped it; null = not confirmed. */
  linkKept: boolean | null;
  source: PlaybookTaskSource;
}

/** What one click did. Rejections (nothing created at all) are the create-linked-task errors. */
export interface PlaybookCreateResult {
  /** One entry per template that has its task now, in the playbook's order. */
  tasks: PlaybookTaskOutcome[];
  /** The template whose task (or checklist line) the portal refused; the batch stopped there. */
  refused: { templateKey: string; error: BitrixError } | null;
  /** Templates not created by this click (after a refusal, or not found after a lost answer): click again. */
  notCreated: string[];
  /** Checklist lines that could not be added, per task. */
  checklistMissing: Array<{ templateKey: string; taskId: number; lines: number }>;
  /** Copies that could not be removed (normally 0). */
  duplicatesLeft: number;
}

/** The item left the stage the user saw: nothing was created. */
export class PlaybookStageMovedError extends CreateFailedError {
  override readonly name: string = 'PlaybookStageMovedError';
  constructor(
    readonly fromStageId: string,
    /** Where the portal has it now (null when it did not say). */
    readonly toStageId: string | null,
    reason: BitrixError,
  ) {
    super(reason);
  }
}

/** The intent store's name for an item's playbook clicks: apart from its free-form create. */
export function playbookIntentTarget(entityTypeId: number, itemId: number): string {
  return `${entityTypeId}:${itemId}:playbook`;
}

/** How the first batch splits each template's checklist: lines sent with the task, lines that follow. */
export function planChecklists(templates: readonly RenderedTemplate[]): Array<{ now: string[]; later: string[] }> {
  let room = Math.max(0, BATCH_LIMIT - OVERHEAD_COMMANDS - templates.length);
  return templates.map((template) => {
    const now = template.checklist.slice(0, room);
    room -= now.length;
    return { now, later: template.checklist.slice(now.length) };
  });
}

/** The commands of a playbook click's first batch (see the file's comment), in the order they run. */
export function playbookCommands(
  input: PlaybookCreateInput,
  requestKey: string,
  portalUtcOffsetMinutes: number | null,
): Record<string, BatchCommand> {
  const commands: Record<string, BatchCommand> = {
    // First, so that `halt` stops the batch before any write when the item is gone.
    item: itemCommand(input.entityTypeId, input.itemId),
  };
  if (input.expectedStageId !== null) {
    commands.stage = command('crm.item.list', {
      entityTypeId: input.entityTypeId,
      filter: { id: input.itemId, stageId: input.expectedStageId },
      select: ['id'],
    });
    // An empty list leaves nothing for the reference: the read fails and `halt` stops the writes.
    commands.gate = command('crm.item.get', {
      entityTypeId: input.entityTypeId,
      id: resultReference('stage', 'items', 0, 'id'),
    });
  }
  const plans = planChecklists(input.templates);
  input.templates.forEach((template, index) => {
    if (template.draft.responsibleId <= 0) throw new RangeError(`Template ${template.templateKey} has no responsible`);
    const fields = taskAddFields(template.draft, {
      linkCode: input.linkCode,
      itemUrl: input.itemUrl,
      itemLabel: input.itemLabel,
      requestKey,
      portalUtcOffsetMinutes,
    });
    fields.XML_ID = templateXmlId(template.templateKey);
    const observers = template.observerIds.filter(
      (id) => id !== template.draft.responsibleId && !(fields.ACCOMPLICES ?? []).includes(id),
    );
    if (observers.length > 0) fields.AUDITORS = observers;
    commands[`t${index}`] = command('tasks.task.add', { fields });
    plans[index]!.now.forEach((line, lineIndex) => {
      commands[`c${index}_${lineIndex}`] = command('task.checklistitem.add', {
        TASKID: resultReference(`t${index}`, 'task', 'id'),
        FIELDS: { TITLE: line, SORT_INDEX: (lineIndex + 1) * 10 },
      });
    });
  });
  commands.after = command('tasks.task.list', {
    filter: {
      UF_CRM_TASK: input.linkCode,
      XML_ID: input.templates.map((template) => templateXmlId(template.templateKey)),
    },
    select: KEY_SEARCH_SELECT,
    // Newest first: should a portal not narrow by XML_ID, this click's tasks are still on the first page.
    order: { ID: 'desc' },
  });
  return commands;
}

/** The tasks found for a key, one kept per template (copies deleted), as outcomes of `source`. */
async function keptPerTemplate(
  deps: CreateDependencies,
  found: readonly RestTask[],
  linkCode: string,
  source: PlaybookTaskSource,
): Promise<{ outcomes: PlaybookTaskOutcome[]; duplicatesLeft: number }> {
  const outcomes: PlaybookTaskOutcome[] = [];
  let duplicatesLeft = 0;
  for (const [templateKey, copies] of copiesByTemplate(found)) {
    // A free-form task under a playbook key cannot be the app's: ignore it.
    if (templateKey === null) continue;
    const { kept, duplicatesLeft: left } = await keepOne(deps, copies);
    duplicatesLeft += left;
    outcomes.push({
      templateKey,
      task: kept,
      linkKept: kept.crmLinks === null ? null : kept.crmLinks.includes(linkCode),
      source,
    });
  }
  return { outcomes, duplicatesLeft };
}

function inOrder(outcomes: PlaybookTaskOutcome[], order: readonly string[]): PlaybookTaskOutcome[] {
  return [...outcomes].sort((a, b) => order.indexOf(a.templateKey) - order.indexOf(b.templateKey));
}

/** Adds the checklist lines that did not fit the first batch; never resent. Returns the lines not added per task. */
async function addLaterLines(
  deps: CreateDependencies,
  work: Array<{ templateKey: string; taskId: number; lines: string[]; firstIndex: number }>,
): Promise<Array<{ templateKey: string; taskId: number; lines: number }>> {
  const all = work.flatMap((entry) =>
    entry.lines.map((line, offset) => ({ ...entry, line, sortIndex: (entry.firstIndex + offset + 1) * 10 })),
  );
  const missing = new Map<number, { templateKey: string; taskId: number; lines: number }>();
  for (let start = 0; start < all.length; start += BATCH_LIMIT) {
    const chunk = all.slice(start, start + BATCH_LIMIT);
    const commands = Object.fromEntries(
      chunk.map((entry, index) => [
        `l${index}`,
        command('task.checklistitem.add', {
          TASKID: entry.taskId,
          FIELDS: { TITLE: entry.line, SORT_INDEX: entry.sortIndex },
        }),
      ]),
    );
    let answers: Record<string, { ok: boolean } | undefined> = {};
    try {
      answers = await deps.boundary.batch(commands);
    } catch {
      // Not resent (a line would be doubled): reported as missing, the task can be opened.
    }
    chunk.forEach((entry, index) => {
      if (answers[`l${index}`]?.ok) return;
      const current = missing.get(entry.taskId) ?? { templateKey: entry.templateKey, taskId: entry.taskId, lines: 0 };
      current.lines += 1;
      missing.set(entry.taskId, current);
    });
  }
  return [...missing.values()];
}

/**
 * Creates the tasks of `input.templates` for one click (see the file's comment). Resolves with
 * every template's task (or why not); rejects — nothing created — with CreateFailedError
 * (PlaybookStageMovedError: the item left the stage; CreateTargetGoneError: item or smart
 * process gone), CreateNotLandedError (nothing arrived; click again: sent under the same key),
 * or CreateUnconfirmedError (the portal could not be searched). `onPhase` follows its progress.
 */
export async function createPlaybookTasks(
  deps: CreateDependencies,
  input: PlaybookCreateInput,
  onPhase: (phase: CreatePhase) => void = () => {},
): Promise<PlaybookCreateResult> {
  const target = playbookIntentTarget(input.entityTypeId, input.itemId);
  const order = input.templates.map((template) => template.templateKey);
  const result: PlaybookCreateResult = {
    tasks: [],
    refused: null,
    notCreated: [],
    checklistMissing: [],
    duplicatesLeft: 0,
  };
  const settle = () =>
    deps.intents.settle(
      target,
      result.tasks.filter((entry) => entry.source !== 'already-linked').map((entry) => entry.task.id),
    );

  // A key still pending from an earlier click (or a reload mid-request): find out first.
  let templates = input.templates;
  const earlier = deps.intents.pending(target);
  if (earlier) {
    const earlierTasks = await searchEarlierClick(deps, target, earlier, input.currentUserId, input.linkCode, onPhase);
    if (earlierTasks) {
      const found = await keptPerTemplate(deps, earlierTasks, input.linkCode, 'earlier-click');
      result.tasks.push(...found.outcomes);
      result.duplicatesLeft += found.duplicatesLeft;
      const done = new Set(found.outcomes.map((entry) => entry.templateKey));
      templates = templates.filter((template) => !done.has(template.templateKey));
      if (templates.length === 0) {
        settle();
        result.tasks = inOrder(result.tasks, order);
        return result;
      }
    }
    // The rest has not landed: send it now under the same key, so that a late landing of the
    // earlier request is a copy of this one (the re-check after the landing window removes it).
  }

  const intent = deps.intents.begin(target, deps.now());
  onPhase('sending');
  const sent = { ...input, templates };
  const commands = playbookCommands(sent, intent.key, deps.boundary.portalUtcOffsetMinutes());
  let answers: Record<string, { ok: true; result: unknown } | { ok: false; error: BitrixError } | undefined>;
  try {
    answers = await deps.boundary.batch(commands, { halt: true });
  } catch (error) {
    const after = await afterFailedBatch(deps, target, intent, input.currentUserId, input.linkCode, error, onPhase);
    if (after.status === 'found') {
      const earlierKeys = new Set(result.tasks.map((entry) => entry.templateKey));
      const found = await keptPerTemplate(deps, after.tasks, input.linkCode, 'recovered');
      result.tasks.push(...found.outcomes.filter((entry) => !earlierKeys.has(entry.templateKey)));
      result.duplicatesLeft += found.duplicatesLeft;
      const done = new Set(result.tasks.map((entry) => entry.templateKey));
      result.notCreated = templates.map((t) => t.templateKey).filter((key) => !done.has(key));
      settle();
      result.tasks = inOrder(result.tasks, order);
      return result;
    }
    // This request made nothing; an earlier click's tasks (found above) are still the click's answer.
    settle();
    if (result.tasks.length > 0) return { ...result, notCreated: templates.map((t) => t.templateKey) };
    throw new CreateFailedError(after.failure);
  }

  const item = answers.item!;
  if (!item.ok) {
    // `halt` skipped every write: nothing was created by this click.
    settle();
    throw await itemRefusal(deps, input.entityTypeId, item.error);
  }
  const stage = answers.stage;
  if (stage && !stage.ok) {
    settle();
    throw new CreateFailedError(stage.error);
  }
  const gate = answers.gate;
  if (gate && !gate.ok && input.expectedStageId !== null) {
    settle();
    const now = (item.result as { item?: { stageId?: unknown } }).item?.stageId;
    throw new PlaybookStageMovedError(input.expectedStageId, typeof now === 'string' && now ? now : null, gate.error);
  }

  // What the portal made, template by template, until the first refusal (`halt` stops there).
  const plans = planChecklists(templates);
  const made: Array<{ index: number; task: LinkedTask }> = [];
  const later: Array<{ templateKey: string; taskId: number; lines: string[]; firstIndex: number }> = [];
  for (const [index, template] of templates.entries()) {
    const add = answers[`t${index}`]!;
    if (!add.ok) {
      if (add.error.code !== 'BATCH_COMMAND_SKIPPED' && !result.refused)
        result.refused = { templateKey: template.templateKey, error: add.error };
      result.notCreated.push(template.templateKey);
      continue;
    }
    const task = decodeTask((add.result as { task: RestTask }).task);
    if (!task) {
      result.notCreated.push(template.templateKey);
      continue;
    }
    made.push({ index, task });
    const plan = plans[index]!;
    const failedLine = plan.now.findIndex((_, line) => !answers[`c${index}_${line}`]?.ok);
    if (failedLine >= 0) {
      const lineAnswer = answers[`c${index}_${failedLine}`];
      if (lineAnswer && !lineAnswer.ok && lineAnswer.error.code !== 'BATCH_COMMAND_SKIPPED' && !result.refused)
        result.refused = { templateKey: template.templateKey, error: lineAnswer.error };
      result.checklistMissing.push({
        templateKey: template.templateKey,
        taskId: task.id,
        lines: plan.now.length - failedLine + plan.later.length,
      });
    } else if (plan.later.length > 0) {
      later.push({
        templateKey: template.templateKey,
        taskId: task.id,
        lines: plan.later,
        firstIndex: plan.now.length,
      });
    }
  }

  // The portal's word on what is linked now: copies of this request, and twins linked first.
  const after = answers.after;
  const linked = after?.ok ? (after.result as { tasks: RestTask[] }).tasks : null;
  for (const { index, task } of made) {
    const templateKey = templates[index]!.templateKey;
    if (!linked) {
      result.tasks.push({ templateKey, task, linkKept: null, source: 'created' });
      continue;
    }
    const twins = linked
      .filter((entry) => templateKeyFromXmlId(entry.xmlId) === templateKey)
      .sort((a, b) => Number(a.id) - Number(b.id));
    const mine = twins.filter((entry) => requestKeyIn(entry.description) === intent.key);
    const first = twins[0];
    if (first && requestKeyIn(first.description) !== intent.key) {
      // Another click linked this template's task first: this click's tasks go again.
      const { kept, duplicatesLeft } = await keepOne(deps, [first, ...mine], Number(first.id));
      result.duplicatesLeft += duplicatesLeft;
      result.tasks.push({ templateKey, task: kept, linkKept: true, source: 'already-linked' });
      continue;
    }
    if (mine.length > 1) {
      const { kept, duplicatesLeft } = await keepOne(deps, mine, task.id);
      result.duplicatesLeft += duplicatesLeft;
      result.tasks.push({ templateKey, task: kept, linkKept: true, source: 'created' });
      continue;
    }
    const readBack = mine.map(decodeTask).find((entry): entry is LinkedTask => entry !== null);
    result.tasks.push({ templateKey, task: readBack ?? task, linkKept: readBack !== undefined, source: 'created' });
  }
  settle();

  const lateLines = later.filter((entry) =>
    result.tasks.some((outcome) => outcome.task.id === entry.taskId && outcome.source === 'created'),
  );
  if (lateLines.length > 0) result.checklistMissing.push(...(await addLaterLines(deps, lateLines)));
  result.tasks = inOrder(result.tasks, order);
  return result;
}

/**
 * On opening a surface: a playbook click left pending by a reload mid-request is looked up while
 * it may still land, so the user learns which tasks it made. Its batch may still be running
 * (one task after the other), so every search of the landing time is made, not only the first
 * that finds something. While the request may still land the key stays pending (the next click
 * searches it first and sends only what is still missing, under the same key); after that it is
 * settled. Nothing found: null.
 */
export async function settlePendingPlaybook(
  deps: CreateDependencies,
  entityTypeId: number,
  itemId: number,
  linkCode: string,
  currentUserId: number,
): Promise<PlaybookCreateResult | null> {
  const target = playbookIntentTarget(entityTypeId, itemId);
  const pending = deps.intents.pending(target);
  if (!pending) return null;
  deps.intents.markUncertain(target);
  const landed = () => deps.now() >= pending.lastSentAt + LATE_LANDING_WINDOW_MS;
  let found: RestTask[] = [];
  let searched = false;
  for (const delay of landed() ? [0] : ON_OPEN_DELAYS_MS) {
    const outcome = await findTaskByKey(deps, pending, currentUserId, [delay], linkCode);
    if (outcome.status === 'unknown') continue;
    searched = true;
    // A later search sees every task an earlier one saw, and those landed since.
    if (outcome.status === 'found') found = outcome.tasks;
  }
  if (found.length === 0) {
    // Can no longer land and is not there: it made nothing.
    if (searched && landed()) deps.intents.settle(target);
    return null;
  }
  const kept = await keptPerTemplate(deps, found, linkCode, 'recovered');
  if (landed())
    deps.intents.settle(
      target,
      kept.outcomes.map((entry) => entry.task.id),
    );
  return {
    tasks: kept.outcomes,
    refused: null,
    notCreated: [],
    checklistMissing: [],
    duplicatesLeft: kept.duplicatesLeft,
  };
}
