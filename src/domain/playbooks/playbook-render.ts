/**
 * A playbook template made concrete for one item: placeholders filled with the item's values,
 * the responsible chosen by the template's rule, the deadline counted from now by the PORTAL's
 * clock in the user's Bitrix24 zone. Pure: the caller hands in everything it knows (names,
 * field texts, the clock), so the detail tab, quick-create and the editor's live preview render
 * alike and tests need no portal.
 *
 * The title is plain text. The description is BBCode (issue 12): the admin's template text is
 * kept as written (their [B], [I], [LIST]… reach the task), and only the values put in for
 * placeholders (item title, names, field texts: portal data) are escaped with `bbcodeText`, here,
 * once. The draft says so (`descriptionBbcode`), and `taskAddFields` sends it as is, with the
 * app's back link appended after it, so the back link stays the description's last link.
 */
import { bbcodeText } from '../bbcode';
import type { TaskDraft } from '../task-draft';
import { defaultTaskTitle, TITLE_MAX_LENGTH } from '../task-draft';
import { shortenText } from '../text';
import type { ZoneName } from '../time-zone';
import { addWorkingDays, DEFAULT_WEEKEND } from '../working-days';
import type { DeadlineRule, PlaybookTemplate, ResponsibleRule } from './playbook';
import { PLACEHOLDER_TOKEN } from './playbook-document';

/** A person a rule may name, as the portal described them (user.get; ACTIVE false = deactivated). */
export interface PlaybookPerson {
  name: string;
  /** false = deactivated; undefined = the portal did not say (taken as active). */
  active?: boolean;
}

/** Everything a template needs about the item and the moment; all portal text is plain text. */
export interface PlaybookRenderContext {
  item: {
    id: number;
    title: string;
    assignedById: number | null;
    /** Every field as crm.item.get returned it (camelCase names), for the item-field responsible rule. */
    values: Readonly<Record<string, unknown>>;
  };
  /** Names for {stage}, {funnel}, {smartProcess}; '' when unknown. */
  stageName: string;
  funnelName: string;
  smartProcessTitle: string;
  /**
   * The display text of an item field for `{field:<name>}` (as the tab shows it: enumerations by
   * label, users by name, dates in the user's format); null = the item has no such field, and the
   * placeholder stays visible so the admin sees the typo in the task.
   */
  fieldText: (name: string) => string | null;
  /** People the rules may name (item responsible, fixed users, user fields, participants, observers). */
  people: ReadonlyMap<number, PlaybookPerson>;
  /** The user who clicks (rule `clicking-user`). */
  currentUserId: number;
  /** Now by the PORTAL's clock (`new Date(boundary.portalNow())`), never the computer's. */
  now: Date;
  /** The clicking user's Bitrix24 zone (`useI18n().format.timeZone`): working days and time of day count there. */
  timeZone: ZoneName;
  /** Days off, 0 = Sunday … 6 = Saturday (default Saturday and Sunday). */
  weekend?: readonly number[];
}

/**
 * Why a template's rule names nobody the task may go to. The UI asks the user to choose; the
 * task never goes silently to someone else.
 */
export type ResponsibleProblem =
  /** The rule's user is deactivated. */
  | { kind: 'inactive'; userId: number }
  /** The rule names a user the portal does not know (deleted, or not found). */
  | { kind: 'missing-user'; userId: number }
  /** The item has no responsible. */
  | { kind: 'no-item-responsible' }
  /** The item's user field is empty, absent, or holds no user id. */
  | { kind: 'empty-field'; field: string };

/** One template rendered for one item. */
export interface RenderedTemplate {
  templateKey: string;
  /**
   * The task as tasks.task.add will get it (through `taskAddFields`): title (at most
   * TITLE_MAX_LENGTH), BBCode description (`descriptionBbcode`), responsible (0 when `responsibleProblem` is set),
   * participants, deadline (null = none), priority.
   */
  draft: TaskDraft;
  /** Observers (AUDITORS): active people only, not the responsible. */
  observerIds: number[];
  /** Checklist item titles, in order, trimmed; empty lines dropped. */
  checklist: string[];
  /** Set when the rule names nobody usable: the user must choose before this template's task is created. */
  responsibleProblem: ResponsibleProblem | null;
  /** Participants or observers left out because they are deactivated or unknown to the portal. */
  peopleLeftOut: number[];
}

const HOUR_MS = 3_600_000;
const TIME_OF_DAY = /^(\d{2}):(\d{2})$/;

/**
 * The text of `template` (title or description) with its placeholders filled; unknown ones stay
 * as written. `escapeValue` is applied to each value put in (never to the template's own text):
 * `bbcodeText` for the BBCode description, identity for the plain-text title.
 */
export function fillPlaceholders(
  template: string,
  context: PlaybookRenderContext,
  escapeValue: (value: string) => string = (value) => value,
): string {
  const responsible = context.item.assignedById ? context.people.get(context.item.assignedById) : undefined;
  const named: Record<string, string> = {
    title: context.item.title.trim() || `#${context.item.id}`,
    id: String(context.item.id),
    stage: context.stageName,
    funnel: context.funnelName,
    smartProcess: context.smartProcessTitle,
    responsible: responsible?.name ?? '',
  };
  return template.replace(PLACEHOLDER_TOKEN, (token, name: string, field: string | undefined) => {
    if (field !== undefined) {
      const text = name === 'field' ? context.fieldText(field) : null;
      return text === null ? token : escapeValue(text);
    }
    return Object.prototype.hasOwnProperty.call(named, name) ? escapeValue(named[name]!) : token;
  });
}

/** The first user id a user field holds (a number, a numeric string, `user_5`, or a list of them), else null. */
function userIdIn(value: unknown): number | null {
  const first: unknown = Array.isArray(value) ? (value as unknown[])[0] : value;
  const text = typeof first === 'number' ? String(first) : typeof first === 'string' ? first.replace(/^user_/, '') : '';
  const id = Number(text);
  return text !== '' && Number.isInteger(id) && id > 0 ? id : null;
}

/** Who the rule names, and why nobody can get the task when nobody can. */
export function resolveResponsible(
  rule: ResponsibleRule,
  context: PlaybookRenderContext,
): { userId: number; problem: null } | { userId: 0; problem: ResponsibleProblem } {
  let userId: number | null;
  switch (rule.kind) {
    case 'clicking-user':
      // The clicking user is signed in, hence active.
      return { userId: context.currentUserId, problem: null };
    case 'item-responsible':
      userId = context.item.assignedById;
      if (!userId) return { userId: 0, problem: { kind: 'no-item-responsible' } };
      break;
    case 'user':
      userId = rule.userId;
      break;
    case 'item-field':
      userId = userIdIn(context.item.values[rule.field]);
      if (!userId) return { userId: 0, problem: { kind: 'empty-field', field: rule.field } };
      break;
  }
  if (userId === context.currentUserId) return { userId, problem: null };
  const person = context.people.get(userId);
  if (!person) return { userId: 0, problem: { kind: 'missing-user', userId } };
  if (person.active === false) return { userId: 0, problem: { kind: 'inactive', userId } };
  return { userId, problem: null };
}

/**
 * The deadline a rule sets, counted from `context.now` (portal clock): `amount` working days
 * later at `timeOfDay` on the clock of the user's zone, or `amount` hours later. A working-day
 * deadline that would not be after now (0 days, the time already past) moves to the next working
 * day, so a fresh task is never born overdue. null rule → null.
 */
export function deadlineFrom(rule: DeadlineRule | null, context: PlaybookRenderContext): Date | null {
  if (!rule) return null;
  if (rule.unit === 'hours') return new Date(context.now.getTime() + rule.amount * HOUR_MS);
  const match = TIME_OF_DAY.exec(rule.timeOfDay);
  const hour = match ? Number(match[1]) : 18;
  const minute = match ? Number(match[2]) : 0;
  const options = { timeZone: context.timeZone, hour, weekend: context.weekend ?? DEFAULT_WEEKEND };
  // addWorkingDays lands on hour:00 in the zone; the minutes are added as a duration.
  const at = (days: number) => new Date(addWorkingDays(context.now, days, options).getTime() + minute * 60_000);
  const deadline = at(rule.amount);
  return deadline.getTime() > context.now.getTime() ? deadline : at(rule.amount + 1);
}

/** Active people known to the portal, without duplicates and without `except` (the responsible). */
function usablePeople(
  ids: readonly number[],
  context: PlaybookRenderContext,
  except: number,
): { kept: number[]; left: number[] } {
  const kept: number[] = [];
  const left: number[] = [];
  for (const id of new Set(ids)) {
    if (id === except) continue;
    const person = context.people.get(id);
    if (id === context.currentUserId || (person && person.active !== false)) kept.push(id);
    else left.push(id);
  }
  return { kept, left };
}

/**
 * Renders one template for one item (see the file's comment). Never throws for portal data: an
 * unknown placeholder stays visible, a rule naming nobody usable is reported in
 * `responsibleProblem` (responsibleId 0), deactivated participants/observers are left out and
 * listed in `peopleLeftOut`. A title that renders empty falls back to "<smart process>: <item>".
 */
export function renderPlaybookTemplate(template: PlaybookTemplate, context: PlaybookRenderContext): RenderedTemplate {
  const responsible = resolveResponsible(template.responsible, context);
  const filledTitle = fillPlaceholders(template.title, context).replace(/\s+/g, ' ').trim();
  const title = filledTitle
    ? shortenText(filledTitle, TITLE_MAX_LENGTH)
    : defaultTaskTitle(context.smartProcessTitle, context.item.title, context.item.id);
  const participants = usablePeople(template.participantIds, context, responsible.userId);
  const observers = usablePeople(template.observerIds, context, responsible.userId);
  // Someone both participant and observer is a participant (the stronger role).
  const observerIds = observers.kept.filter((id) => !participants.kept.includes(id));
  return {
    templateKey: template.key,
    draft: {
      title,
      description: fillPlaceholders(template.description, context, bbcodeText).trim(),
      descriptionBbcode: true,
      responsibleId: responsible.userId,
      participantIds: participants.kept,
      deadline: deadlineFrom(template.deadline, context),
      priority: template.priority,
    },
    observerIds,
    checklist: template.checklist.map((line) => line.trim()).filter((line) => line !== ''),
    responsibleProblem: responsible.problem,
    peopleLeftOut: [...new Set([...participants.left, ...observers.left])],
  };
}

/** The user ids a template's rules may name (for one lookup of names and ACTIVE before rendering). */
export function peopleOfTemplates(
  templates: readonly PlaybookTemplate[],
  item: { values: Readonly<Record<string, unknown>> },
): number[] {
  const ids = new Set<number>();
  for (const template of templates) {
    const rule = template.responsible;
    if (rule.kind === 'user') ids.add(rule.userId);
    if (rule.kind === 'item-field') {
      const id = userIdIn(item.values[rule.field]);
      if (id) ids.add(id);
    }
    for (const id of [...template.participantIds, ...template.observerIds]) ids.add(id);
  }
  return [...ids].sort((a, b) => a - b);
}
