/**
 * Stage playbooks: per smart process and per stage (or any stage), the ordered task templates a
 * team creates every time an item is in that stage. An admin edits them (app page, automation
 * designer's menu); the detail tab, quick-create and bulk create the ones an item is missing.
 *
 * This file holds the shapes only; parsing/validation, rendering and matching live beside it.
 * The stored form is a `PlaybookDocument` per smart process (JSON; see playbook-storage in
 * queries/), whose `schema` lets an older app refuse a newer document instead of misreading it.
 */
import type { TaskPriority } from '../tasks';

/** The document format this app version reads and writes. A document with a higher `schema` is refused. */
export const PLAYBOOK_SCHEMA = 1;

/** The stage id that means "any stage" of the smart process (every funnel). */
export const ANY_STAGE = '*';

/** Who becomes the task's responsible. */
export type ResponsibleRule =
  /** The item's responsible (`assignedById`). */
  | { kind: 'item-responsible' }
  /** One fixed user. */
  | { kind: 'user'; userId: number }
  /** The user who clicks "Create". */
  | { kind: 'clicking-user' }
  /** A user-type field of the item (`ufCrm5_1700000000`, camelCase as crm.item.get returns it). */
  | { kind: 'item-field'; field: string };

/**
 * When the task is due, counted from its creation by the PORTAL's clock, in the clicking user's
 * Bitrix24 time zone: `amount` working days (then `timeOfDay`) or `amount` hours.
 */
export type DeadlineRule =
  { unit: 'working-days'; amount: number; /** "HH:MM", 24 h */ timeOfDay: string } | { unit: 'hours'; amount: number };

/** One task template of a stage's playbook. */
export interface PlaybookTemplate {
  /**
   * Stable key, [a-z0-9-]{1,40}, unique within the smart process's document; it is written into
   * every task made from the template (XML_ID, `templateXmlId` in domain/tasks.ts) and is how a
   * linked task is matched to its template: never by title, and never reused for another template.
   */
  key: string;
  /** Title with placeholders: {title} {id} {stage} {funnel} {smartProcess} {responsible} {field:<name>}. */
  title: string;
  /** Plain text with the same placeholders; escaped to BBCode when sent (domain/bbcode.ts). */
  description: string;
  responsible: ResponsibleRule;
  /** Participants (ACCOMPLICES), user ids. */
  participantIds: number[];
  /** Observers (AUDITORS), user ids. */
  observerIds: number[];
  /** null = no deadline. */
  deadline: DeadlineRule | null;
  priority: TaskPriority;
  /** Checklist item titles, in order (task.checklistitem.add after the task is created). Plain text. */
  checklist: string[];
}

/** The templates of one stage (`stageId` as crm.status lists it, e.g. `DT177_7:NEW`) or of ANY_STAGE. */
export interface StagePlaybook {
  stageId: string;
  templates: PlaybookTemplate[];
}

/** Everything configured for one smart process; what is stored, exported and imported. */
export interface PlaybookDocument {
  /** PLAYBOOK_SCHEMA of the app that wrote it. */
  schema: number;
  entityTypeId: number;
  /** Increases by one with every save: a save over a newer revision is refused (two admins editing). */
  revision: number;
  /** ISO 8601 with offset, by the portal's clock, when it was saved; and who saved it. */
  savedAt: string;
  savedBy: number;
  stages: StagePlaybook[];
}
