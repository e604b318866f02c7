/**
 * The stage's playbook as a surface lists it: per template (stage's own, then "any stage"), its
 * linked task(s) and status, or missing; rendered for the item as of now; and whether the user
 * must choose its responsible first. Pure: the surface hands in the render context (its `now`
 * is the PORTAL's clock at the moment asked, so a click renders its deadlines at the click).
 */
import type { PickedUser } from '../../bitrix';
import { ANY_STAGE, type PlaybookDocument } from '../../domain/playbooks/playbook';
import { templatesForStage } from '../../domain/playbooks/playbook-document';
import { playbookStatus, type TemplateStatus } from '../../domain/playbooks/playbook-match';
import {
  peopleOfTemplates,
  renderPlaybookTemplate,
  type PlaybookRenderContext,
  type RenderedTemplate,
  type ResponsibleProblem,
} from '../../domain/playbooks/playbook-render';
import type { LinkedTask } from '../../domain/tasks';
import type { StoredPlaybook } from '../../queries/playbooks';

/** One template as listed. */
export interface PlaybookRow {
  status: TemplateStatus;
  /** Rendered for the item, with the responsible the user chose (if any) applied. */
  rendered: RenderedTemplate;
  /** The rule names nobody usable and the user has not chosen yet: create waits for a choice. */
  needsChoice: ResponsibleProblem | null;
  /** A template of ANY_STAGE (not tied to the stage: no stage re-check needed for it alone). */
  anyStage: boolean;
}

/** Templates that apply to the item's stage, with their status; missing ones in the playbook's order. */
export interface StagePlaybookRows {
  rows: PlaybookRow[];
  missing: PlaybookRow[];
}

/** The rows of the item's stage (see the file's comment). `chosen`: responsible picked per template key. */
export function stagePlaybookRows(
  document: PlaybookDocument,
  stageId: string | null,
  linkedTasks: readonly LinkedTask[],
  context: PlaybookRenderContext,
  chosen: ReadonlyMap<string, PickedUser> = new Map(),
): StagePlaybookRows {
  const templates = templatesForStage(document, stageId ?? ANY_STAGE);
  const ownKeys = new Set(
    stageId ? (document.stages.find((stage) => stage.stageId === stageId)?.templates ?? []).map((t) => t.key) : [],
  );
  const status = playbookStatus(templates, linkedTasks);
  const rows = status.templates.map((entry): PlaybookRow => {
    const rendered = renderPlaybookTemplate(entry.template, context);
    const pick = chosen.get(entry.template.key);
    const withChoice: RenderedTemplate = pick
      ? {
          ...rendered,
          draft: {
            ...rendered.draft,
            responsibleId: pick.id,
            participantIds: rendered.draft.participantIds.filter((id) => id !== pick.id),
          },
          observerIds: rendered.observerIds.filter((id) => id !== pick.id),
          responsibleProblem: null,
        }
      : rendered;
    return {
      status: entry,
      rendered: withChoice,
      needsChoice: withChoice.responsibleProblem,
      anyStage: !ownKeys.has(entry.template.key),
    };
  });
  return { rows, missing: rows.filter((row) => row.status.tasks.length === 0) };
}

/** The stage a click's templates must still be in: null when every one of them applies to any stage. */
export function expectedStageFor(rows: readonly PlaybookRow[], stageId: string | null): string | null {
  return stageId !== null && rows.some((row) => !row.anyStage) ? stageId : null;
}

/**
 * The people the item's stage's templates name (fixed users, user fields, participants,
 * observers): looked up once with the surface's other names, so their ACTIVE flag is known
 * before anything is created. Nothing when no playbook is stored.
 */
export function stagePlaybookPeople(
  stored: StoredPlaybook | null,
  item: { stageId: string | null; values: Readonly<Record<string, unknown>> },
): number[] {
  if (stored?.kind !== 'ok') return [];
  return peopleOfTemplates(templatesForStage(stored.document, item.stageId ?? ANY_STAGE), item);
}

/**
 * One click's request out of rows rendered at the click (deadlines count from the click): the
 * missing templates among `keys`, and the stage they must still be in (expectedStageFor). null
 * when none of them is missing, or one still waits for its responsible to be chosen: nothing is
 * sent then.
 */
export function playbookClickFor(
  fresh: StagePlaybookRows,
  keys: readonly string[],
  stageId: string | null,
): { templates: RenderedTemplate[]; expectedStageId: string | null } | null {
  const chosen = fresh.missing.filter((row) => keys.includes(row.status.template.key));
  if (chosen.length === 0 || chosen.some((row) => row.needsChoice)) return null;
  return { templates: chosen.map((row) => row.rendered), expectedStageId: expectedStageFor(chosen, stageId) };
}

/** The title a template key shows under in an outcome (its rendered title; the key when no row has it). */
export function templateTitleIn(rows: readonly PlaybookRow[]): (key: string) => string {
  return (key) => rows.find((row) => row.status.template.key === key)?.rendered.draft.title ?? key;
}
