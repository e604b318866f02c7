/**
 * What the playbook editor does to a document, as pure functions: add, change, delete and reorder
 * a stage's templates, mint template keys, the playbook suggested from the stage names for a new
 * install, and what an import would change. Every function returns a new document; none writes.
 */
import type { TaskPriority } from '../tasks';
import {
  ANY_STAGE,
  type DeadlineRule,
  type PlaybookDocument,
  type PlaybookTemplate,
  type StagePlaybook,
} from './playbook';
import { emptyPlaybookDocument, PLACEHOLDER_TOKEN, PLAYBOOK_LIMITS, TEMPLATE_KEY_PATTERN } from './playbook-document';

/** Random text for keys ([a-z0-9]); tests pass a fixed one. */
export type KeySuffix = () => string;

/** Six base-36 characters from the browser's crypto (keys are ids, not secrets). */
export const randomKeySuffix: KeySuffix = () => {
  const bytes = new Uint8Array(6);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => (byte % 36).toString(36)).join('');
};

/** Every template key the document uses. */
export function keysInDocument(document: PlaybookDocument): Set<string> {
  return new Set(document.stages.flatMap((stage) => stage.templates.map((template) => template.key)));
}

/**
 * A new template key: a slug of `hint` (a stage name or title, up to 24 characters) and a random
 * suffix, so a key is never the key of a template deleted earlier (tasks made from that template
 * carry it and must not be taken for the new one's). Unique in `taken`.
 */
export function mintTemplateKey(hint: string, taken: ReadonlySet<string>, suffix: KeySuffix = randomKeySuffix): string {
  const slug =
    hint
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 24)
      .replace(/-+$/, '') || 't';
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const key = `${slug}-${
      suffix()
        .replace(/[^a-z0-9]/g, '')
        .slice(0, 12) || String(attempt)
    }`.slice(0, 40);
    if (TEMPLATE_KEY_PATTERN.test(key) && !taken.has(key)) return key;
  }
  throw new Error('Could not mint a unique template key');
}

/** A new template's defaults: the item's responsible, 1 working day at 18:00, medium priority. */
export function blankTemplate(key: string, title = '{title}'): PlaybookTemplate {
  return {
    key,
    title,
    description: '',
    responsible: { kind: 'item-responsible' },
    participantIds: [],
    observerIds: [],
    deadline: { unit: 'working-days', amount: 1, timeOfDay: '18:00' },
    priority: 'medium' satisfies TaskPriority,
    checklist: [],
  };
}

function withStage(
  document: PlaybookDocument,
  stageId: string,
  change: (templates: PlaybookTemplate[]) => PlaybookTemplate[],
): PlaybookDocument {
  const existing = document.stages.find((stage) => stage.stageId === stageId);
  const templates = change(existing ? [...existing.templates] : []);
  const stages: StagePlaybook[] = existing
    ? document.stages.map((stage) => (stage.stageId === stageId ? { stageId, templates } : stage))
    : [...document.stages, { stageId, templates }];
  // A stage without templates is not kept: the stored document lists only configured stages.
  return { ...document, stages: stages.filter((stage) => stage.templates.length > 0) };
}

/** The stage's templates (none when it has no entry). */
export function stageTemplates(document: PlaybookDocument, stageId: string): PlaybookTemplate[] {
  return document.stages.find((stage) => stage.stageId === stageId)?.templates ?? [];
}

/** Appends `template` to the stage's list (creating the stage's entry). */
export function addTemplate(document: PlaybookDocument, stageId: string, template: PlaybookTemplate): PlaybookDocument {
  return withStage(document, stageId, (templates) => [...templates, template]);
}

/** Replaces the stage's template with this key; its key never changes. */
export function updateTemplate(
  document: PlaybookDocument,
  stageId: string,
  key: string,
  patch: Partial<Omit<PlaybookTemplate, 'key'>>,
): PlaybookDocument {
  return withStage(document, stageId, (templates) =>
    templates.map((template) => (template.key === key ? { ...template, ...patch, key } : template)),
  );
}

/** Deletes the stage's template with this key (the stage's entry goes when it was the last). */
export function removeTemplate(document: PlaybookDocument, stageId: string, key: string): PlaybookDocument {
  return withStage(document, stageId, (templates) => templates.filter((template) => template.key !== key));
}

/** Moves the template one place up (-1) or down (+1); at either end nothing changes. */
export function moveTemplate(document: PlaybookDocument, stageId: string, key: string, by: -1 | 1): PlaybookDocument {
  return withStage(document, stageId, (templates) => {
    const from = templates.findIndex((template) => template.key === key);
    const to = from + by;
    if (from < 0 || to < 0 || to >= templates.length) return templates;
    const moved = [...templates];
    [moved[from], moved[to]] = [moved[to]!, moved[from]!];
    return moved;
  });
}

/** A stage as the suggestion needs it (crm.status: id, name, semantics). */
export interface SuggestionStage {
  id: string;
  name: string;
  semantics: 'process' | 'success' | 'failure';
}

/**
 * The playbook offered when a smart process has none: one template per in-progress stage of
 * every funnel, titled "{stage}: {title}" (the placeholders, so a stage name is never read as
 * markup), for the item's responsible, due in 1 working day at 18:00. Success and failure stages
 * get none (nothing is left to do there). Offered, never saved without the admin.
 */
export function suggestedPlaybook(
  entityTypeId: number,
  stages: readonly SuggestionStage[],
  suffix: KeySuffix = randomKeySuffix,
): PlaybookDocument {
  let document = emptyPlaybookDocument(entityTypeId);
  const seen = new Set<string>();
  for (const stage of stages) {
    if (stage.semantics !== 'process' || seen.has(stage.id)) continue;
    seen.add(stage.id);
    const key = mintTemplateKey(stage.name, keysInDocument(document), suffix);
    document = addTemplate(document, stage.id, blankTemplate(key, '{stage}: {title}'));
  }
  return document;
}

/** One change an import (or any replacement) makes to a stage. */
export type PlaybookChange =
  | { kind: 'added'; stageId: string; title: string }
  | { kind: 'removed'; stageId: string; title: string }
  | { kind: 'changed'; stageId: string; title: string }
  | { kind: 'reordered'; stageId: string };

/**
 * What replacing `before` with `after` changes, stage by stage (templates matched by key): for the
 * import preview. Stages in `after`'s order, then stages only `before` has. Empty = no change.
 */
export function playbookChanges(before: PlaybookDocument, after: PlaybookDocument): PlaybookChange[] {
  const changes: PlaybookChange[] = [];
  const stageIds = [
    ...after.stages.map((stage) => stage.stageId),
    ...before.stages.map((stage) => stage.stageId).filter((id) => !after.stages.some((stage) => stage.stageId === id)),
  ];
  for (const stageId of stageIds) {
    const old = stageTemplates(before, stageId);
    const next = stageTemplates(after, stageId);
    for (const template of next) {
      const previous = old.find((entry) => entry.key === template.key);
      if (!previous) changes.push({ kind: 'added', stageId, title: template.title });
      else if (JSON.stringify(previous) !== JSON.stringify(template)) {
        changes.push({ kind: 'changed', stageId, title: template.title });
      }
    }
    for (const template of old) {
      if (!next.some((entry) => entry.key === template.key))
        changes.push({ kind: 'removed', stageId, title: template.title });
    }
    const keptOld = old.map((t) => t.key).filter((key) => next.some((entry) => entry.key === key));
    const keptNew = next.map((t) => t.key).filter((key) => old.some((entry) => entry.key === key));
    if (keptOld.join() !== keptNew.join()) changes.push({ kind: 'reordered', stageId });
  }
  return changes;
}

/** The stage ids of `document` that are not stages of the smart process (ANY_STAGE always is). */
export function unknownStageIds(document: PlaybookDocument, knownStageIds: ReadonlySet<string>): string[] {
  return document.stages
    .map((stage) => stage.stageId)
    .filter((stageId) => stageId !== ANY_STAGE && !knownStageIds.has(stageId));
}

/**
 * The imported document made the one the editor holds: its stages, under the current document's
 * smart process and revision (so the save still refuses to overwrite a newer one).
 */
export function adoptImported(current: PlaybookDocument, imported: PlaybookDocument): PlaybookDocument {
  return { ...current, stages: imported.stages };
}

/**
 * The document as it is saved and exported: checklist lines trimmed and empty ones dropped (the
 * editor keeps them while the admin types, one line per item).
 */
export function normalisedForSave(document: PlaybookDocument): PlaybookDocument {
  return {
    ...document,
    stages: document.stages.map((stage) => ({
      ...stage,
      templates: stage.templates.map((template) => ({
        ...template,
        checklist: template.checklist.map((line) => line.trim()).filter((line) => line !== ''),
      })),
    })),
  };
}

/** The amounts a deadline unit allows, as the stored document's validation does: whole numbers in [min, max]. */
export function deadlineAmountRange(unit: DeadlineRule['unit']): { min: number; max: number } {
  return unit === 'hours' ? { min: 1, max: PLAYBOOK_LIMITS.hours } : { min: 0, max: PLAYBOOK_LIMITS.workingDays };
}

/**
 * Whether the rule's amount can be counted (while the admin types it may be empty, negative,
 * fractional or too large: NaN, -5, 1.5, 100000). A rule that is not is never handed to
 * `deadlineFrom`, which throws on it.
 */
export function deadlineAmountValid(rule: DeadlineRule): boolean {
  const { min, max } = deadlineAmountRange(rule.unit);
  return Number.isInteger(rule.amount) && rule.amount >= min && rule.amount <= max;
}

/**
 * The `{field:<name>}` names in a title or description that the smart process has no field of
 * (`known`: the field names as crm.item.get returns them), each once, in order.
 */
export function unknownItemFields(text: string, known: ReadonlySet<string>): string[] {
  const unknown: string[] = [];
  for (const match of text.matchAll(PLACEHOLDER_TOKEN)) {
    const [, name, field] = match;
    if (name === 'field' && field !== undefined && !known.has(field) && !unknown.includes(field)) unknown.push(field);
  }
  return unknown;
}
