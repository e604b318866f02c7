/**
 * The render context of a playbook template (domain/playbooks/playbook-render.ts) from what a
 * surface has read: the item, its smart process, funnel and stages, its fields as the tab shows
 * them (text for `{field:<name>}`), the people the portal described, the user's zone, and the
 * PORTAL's clock. Field values become the text the tab shows: enumerations by label, users by
 * name, money and numbers in the portal language's format.
 */
import type { FieldValue, FieldView } from '../../domain/fields';
import type { PlaybookPerson, PlaybookRenderContext } from '../../domain/playbooks/playbook-render';
import type { Stage } from '../../domain/stages';
import type { Formatters } from '../../i18n';
import type { Category, CrmItem } from '../../queries/items';
import { crmReference, statusReference, type ReferenceNames } from '../../queries/reference-names';
import type { SmartProcess } from '../../queries/smart-processes';
import type { CurrentUser, User } from '../../queries/users';

/** Words the field texts need in the user's language. */
export interface FieldTextWords {
  yes: string;
  no: string;
}

/** One field value as text, as the tab shows it (names looked up; codes when a name is unknown). */
export function fieldValueText(
  value: FieldValue,
  format: Formatters,
  names: Pick<ReferenceNames, 'users' | 'crmTitles' | 'statusNames'>,
  words: FieldTextWords,
): string {
  switch (value.kind) {
    case 'text':
      return value.text;
    case 'number':
      return format.number(value.value);
    case 'money':
      return format.money(value.amount, value.currency);
    case 'date':
      return format.date(value.value);
    case 'datetime':
      return format.dateTime(value.value);
    case 'boolean':
      return value.value ? words.yes : words.no;
    case 'user':
      return names.users.get(value.userId)?.name ?? `#${value.userId}`;
    case 'crm':
      return (
        (value.entityTypeId !== null ? names.crmTitles.get(crmReference(value.entityTypeId, value.entityId)) : null) ??
        value.code
      );
    case 'status':
      return names.statusNames.get(statusReference(value.statusType, value.statusId)) ?? value.statusId;
    case 'url':
      return value.href;
    case 'file':
      return '';
  }
}

/** A raw crm.item value as text, when no field views are at hand (scalars and lists of scalars). */
function rawText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value))
    return value.filter((entry) => typeof entry === 'string' || typeof entry === 'number').join(', ');
  return value === null ? '' : null;
}

/** What a surface knows when it renders the stage's templates. */
export interface RenderSources {
  item: CrmItem;
  smartProcess: SmartProcess;
  currentUser: CurrentUser;
  /** The item's responsible, as the first batch read it (with ACTIVE). */
  responsible: User | null;
  stages: readonly Stage[] | null;
  categories: readonly Category[] | null;
  /** The item's fields as the tab builds them; null = not read (raw values are used). */
  views: readonly FieldView[] | null;
  names: Pick<ReferenceNames, 'users' | 'crmTitles' | 'statusNames'>;
  format: Formatters;
  words: FieldTextWords;
  /** `boundary.portalNow()`: the PORTAL's clock, ms. */
  portalNow: number;
}

/** The stage's name in the item's funnel ('' when unknown). */
export function stageName(stages: readonly Stage[] | null, stageId: string | null): string {
  return stages?.find((stage) => stage.id === stageId)?.name ?? '';
}

/** The render context for the item (see the file's comment). */
export function playbookRenderContext(sources: RenderSources): PlaybookRenderContext {
  const { item, format, names, views } = sources;
  const people = new Map<number, PlaybookPerson>();
  for (const [id, user] of names.users) people.set(id, { name: user.name, active: user.active });
  if (sources.responsible) people.set(sources.responsible.id, sources.responsible);
  people.set(sources.currentUser.id, { name: sources.currentUser.name, active: true });
  const byName = new Map((views ?? []).map((view) => [view.name, view]));
  return {
    item: { id: item.id, title: item.title, assignedById: item.assignedById, values: item.values },
    stageName: stageName(sources.stages, item.stageId),
    funnelName: sources.categories?.find((category) => category.id === item.categoryId)?.name ?? '',
    smartProcessTitle: sources.smartProcess.title,
    fieldText: (name) => {
      const view = byName.get(name);
      if (view) return view.values.map((value) => fieldValueText(value, format, names, sources.words)).join(', ');
      // Not among the listed fields (or no views): the raw value, when the item has the field at all.
      return name in item.values ? rawText(item.values[name]) : null;
    },
    people,
    currentUserId: sources.currentUser.id,
    now: new Date(sources.portalNow),
    timeZone: format.timeZone,
  };
}
