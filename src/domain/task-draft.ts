/**
 * The task a user is about to create for an item: defaults that need no typing, validation
 * of what the user changed, and the tasks.task.add fields (with the CRM link and the
 * back-link that carries the request's idempotency key).
 */
import type { RestTaskAddFields } from '../bitrix/rest-types';
import { bbcodeLink, bbcodeText, trailingLinkHref } from './bbcode';
import { shortenText } from './text';
import { addWorkingDays, toPortalDateTime } from './working-days';

import type { TaskPriority } from './tasks';

export type { TaskPriority } from './tasks';

const PRIORITY_CODE: Record<TaskPriority, 0 | 1 | 2> = { low: 0, medium: 1, high: 2 };

export interface TaskDraft {
  title: string;
  /**
   * Plain text as the user sees it (portal text in it included); escaped to BBCode once, when
   * the task is sent (domain/bbcode.ts), and followed by the link back to the item.
   */
  description: string;
  /**
   * true = `description` is BBCode already (a playbook template's text, written by an admin, with
   * every portal value in it escaped by the render): sent as written, the back link after it.
   * Absent/false = plain text typed by a user, escaped whole when sent.
   */
  descriptionBbcode?: boolean;
  responsibleId: number;
  /** Participants (co-executors, ACCOMPLICES). */
  participantIds: number[];
  deadline: Date | null;
  priority: TaskPriority;
}

export const DEFAULT_DEADLINE_WORKING_DAYS = 3;
export const TITLE_MAX_LENGTH = 250;

export interface DraftSource {
  smartProcessTitle: string;
  itemTitle: string;
  itemId: number;
  itemResponsibleId: number | null;
  /** False when the item's responsible is deactivated: the draft then names nobody and the user chooses. */
  itemResponsibleActive?: boolean;
  currentUserId: number;
  /** Now by the PORTAL's clock (`boundary.portalNow()`), not the computer's. */
  now: Date;
  /** The user's Bitrix24 zone (`useI18n().format.timeZone`): the deadline is 18:00 on its clock. */
  timeZone?: string;
  /** The intro line of the description, in the user's language. */
  descriptionIntro: string;
  workingDaysAhead?: number;
}

/** "<smart process>: <item title>", falling back to "#<id>" for an untitled item. */
export function defaultTaskTitle(smartProcessTitle: string, itemTitle: string, itemId: number): string {
  const item = itemTitle.trim() || `#${itemId}`;
  const title = smartProcessTitle.trim() ? `${smartProcessTitle.trim()}: ${item}` : item;
  return shortenText(title, TITLE_MAX_LENGTH);
}

export function defaultTaskDraft(source: DraftSource): TaskDraft {
  return {
    title: defaultTaskTitle(source.smartProcessTitle, source.itemTitle, source.itemId),
    description: source.descriptionIntro,
    responsibleId:
      source.itemResponsibleId && source.itemResponsibleId > 0
        ? source.itemResponsibleActive === false
          ? 0 // a deactivated employee gets no task by default, nor silently someone else: the user chooses
          : source.itemResponsibleId
        : source.currentUserId,
    participantIds: [],
    deadline: addWorkingDays(source.now, source.workingDaysAhead ?? DEFAULT_DEADLINE_WORKING_DAYS, {
      timeZone: source.timeZone,
    }),
    priority: 'medium',
  };
}

export type DraftProblem = 'title-missing' | 'title-too-long' | 'responsible-missing' | 'deadline-in-past';
export type DraftProblems = Partial<Record<'title' | 'responsible' | 'deadline', DraftProblem>>;

/** What the user must fix before sending; empty when the draft can go. */
export function validateDraft(draft: TaskDraft, now: Date): DraftProblems {
  const problems: DraftProblems = {};
  const title = draft.title.trim();
  if (title === '') problems.title = 'title-missing';
  else if (title.length > TITLE_MAX_LENGTH) problems.title = 'title-too-long';
  if (!Number.isInteger(draft.responsibleId) || draft.responsibleId <= 0) problems.responsible = 'responsible-missing';
  if (draft.deadline && draft.deadline.getTime() < now.getTime()) problems.deadline = 'deadline-in-past';
  return problems;
}

export const REQUEST_KEY_PARAMETER = 'smart_tasks_request';

/** The item's URL with the request key in it: the link back to the item doubles as the task's marker. */
export function backLinkUrl(itemUrl: string, requestKey: string): string {
  const url = new URL(itemUrl);
  url.searchParams.set(REQUEST_KEY_PARAMETER, requestKey);
  return url.toString();
}

const REQUEST_KEY = /^[A-Za-z0-9-]{8,64}$/;

/**
 * The request key of a task Smart Tasks created, read only from where the app writes it: the
 * link back to the item that ENDS the description (taskAddFields). A key anywhere else (an item
 * title, a name, text a user typed or pasted) is portal text, not the app's mark, and is ignored.
 */
export function requestKeyIn(description: string | null | undefined): string | null {
  if (!description) return null;
  const href = trailingLinkHref(description);
  if (!href) return null;
  let key: string | null;
  try {
    key = new URL(href).searchParams.get(REQUEST_KEY_PARAMETER);
  } catch {
    return null;
  }
  return key !== null && REQUEST_KEY.test(key) ? key : null;
}

export interface TaskLink {
  /** UF_CRM_TASK value, e.g. Tb1_29. */
  linkCode: string;
  /** Absolute URL of the item's detail page on the portal. */
  itemUrl: string;
  itemLabel: string;
  /** Idempotency key of this create request. */
  requestKey: string;
  /** The portal's UTC offset in minutes (boundary.portalUtcOffsetMinutes()): DEADLINE is written in it. */
  portalUtcOffsetMinutes?: number | null;
}

/**
 * tasks.task.add fields for a draft, linked to the item and marked with the request key. The
 * description is the draft's text escaped (domain/bbcode.ts: no tag, no link from it), or a
 * playbook's BBCode as rendered (`descriptionBbcode`), and, last, the link back to the item that
 * carries the key: appended after the text, so no link in an admin's template can be the last.
 */
export function taskAddFields(draft: TaskDraft, link: TaskLink): RestTaskAddFields {
  const backLink = bbcodeLink(backLinkUrl(link.itemUrl, link.requestKey), link.itemLabel);
  const text = draft.descriptionBbcode ? draft.description.trim() : bbcodeText(draft.description.trim());
  const fields: RestTaskAddFields = {
    TITLE: draft.title.trim(),
    RESPONSIBLE_ID: draft.responsibleId,
    DESCRIPTION: text ? `${text}\n${backLink}` : backLink,
    PRIORITY: PRIORITY_CODE[draft.priority],
    UF_CRM_TASK: [link.linkCode],
  };
  if (draft.deadline) fields.DEADLINE = toPortalDateTime(draft.deadline, link.portalUtcOffsetMinutes);
  const participants = [...new Set(draft.participantIds)].filter((id) => id > 0 && id !== draft.responsibleId);
  if (participants.length > 0) fields.ACCOMPLICES = participants;
  return fields;
}
