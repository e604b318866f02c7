/**
 * A bulk run that applies a stage playbook: each item gets the stage's templates it is missing,
 * each rendered for the item as the detail tab renders it (domain/playbooks/playbook-render.ts),
 * marked with its template key (XML_ID) and with its checklist.
 */
import type { PlaybookTemplate } from '../playbooks/playbook';
import { bbcodeText } from '../bbcode';
import { peopleOfTemplates, renderPlaybookTemplate, type PlaybookPerson } from '../playbooks/playbook-render';
import type { ZoneName } from '../time-zone';
import type { BulkItem } from './bulk-ports';
import type { RunPlan } from './run-plan';

/** What rendering a playbook's templates for the run's items needs besides the items themselves. */
export interface PlaybookPlanContext {
  /** The templates of the run's stage (templatesForStage), as they were when the run started. */
  templates: readonly PlaybookTemplate[];
  currentUserId: number;
  /** The line that ends every description of the run (run-marker.ts). */
  markerLine: string;
  /** {funnel}: the name of the run's funnel. */
  funnelName: string;
  /** {smartProcess}. */
  smartProcessTitle: string;
  /** Names and ACTIVE of the people the templates name for the items seen so far (filled by the ports). */
  people: ReadonlyMap<number, PlaybookPerson>;
  /** Now by the PORTAL's clock (boundary.portalNow()), for deadlines. */
  now: () => Date;
  /** The user's Bitrix24 zone: working days and times of day count there. */
  timeZone: ZoneName;
}

/** The text of an item field for `{field:<name>}`, as the list returned it; null when the item has no such field. */
export function plainFieldText(values: Readonly<Record<string, unknown>> | undefined, name: string): string | null {
  if (!values || !Object.prototype.hasOwnProperty.call(values, name)) return null;
  const text = (value: unknown): string =>
    typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
  const value = values[name];
  return Array.isArray(value) ? value.map(text).filter(Boolean).join(', ') : text(value);
}

/** The user ids the templates may name for `item`: its responsible, fixed users, user fields, participants, observers. */
export function peopleForItem(templates: readonly PlaybookTemplate[], item: BulkItem): number[] {
  const ids = new Set(peopleOfTemplates(templates, { values: item.values ?? {} }));
  if (item.responsibleId !== null) ids.add(item.responsibleId);
  return [...ids];
}

/**
 * The run's plan for a stage playbook: one key per template (in the playbook's order), every
 * linked task of an item read with its XML_ID (`others: 'all'`), and each draft rendered by
 * `renderPlaybookTemplate` at the moment it is sent (deadlines from the portal's clock). A
 * template whose responsible rule names nobody usable is refused (`no-responsible`), never given
 * to someone else. Throws only for a key that is not in the plan (a bug, not portal data).
 */
export function playbookPlan(context: PlaybookPlanContext): RunPlan {
  const byKey = new Map(context.templates.map((template) => [template.key, template]));
  return {
    keys: context.templates.map((template) => template.key),
    others: 'all',
    draft(item, key) {
      const template = key === null ? undefined : byKey.get(key);
      if (!template) throw new Error(`No template ${String(key)} in the run's playbook`);
      const rendered = renderPlaybookTemplate(template, {
        item: { id: item.id, title: item.title, assignedById: item.responsibleId, values: item.values ?? {} },
        stageName: item.stageName,
        funnelName: context.funnelName,
        smartProcessTitle: context.smartProcessTitle,
        fieldText: (name) => plainFieldText(item.values, name),
        people: context.people,
        currentUserId: context.currentUserId,
        now: context.now(),
        timeZone: context.timeZone,
      });
      if (rendered.responsibleProblem) return { ok: false, reason: 'no-responsible' };
      const body = rendered.draft.description.trim();
      return {
        ok: true,
        draft: {
          itemId: item.id,
          itemTitle: item.title,
          title: rendered.draft.title,
          // The rendered body is BBCode (portal values escaped by the render): the plain marker line is escaped to join it.
          description: body === '' ? bbcodeText(context.markerLine) : `${body}\n\n${bbcodeText(context.markerLine)}`,
          descriptionBbcode: true,
          responsibleId: rendered.draft.responsibleId,
          deadline: rendered.draft.deadline?.toISOString() ?? null,
          templateKey: template.key,
          priority: rendered.draft.priority,
          participantIds: rendered.draft.participantIds,
          observerIds: rendered.observerIds,
          checklist: rendered.checklist,
        },
      };
    },
  };
}
