/**
 * The task a bulk run creates for each item: a title and description with placeholders, the
 * responsible (each item's own, or one chosen user) and a deadline.
 */
import { shortenText } from '../text';

export const PLACEHOLDERS = ['title', 'id', 'stage', 'responsible'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

export type ResponsibleChoice = { kind: 'item' } | { kind: 'user'; userId: number };

export interface TaskTemplate {
  title: string;
  description: string;
  responsible: ResponsibleChoice;
  /** ISO 8601 date-time, or null for no deadline. */
  deadline: string | null;
}

/** What a template needs to know about one item. */
export interface TemplateItem {
  id: number;
  title: string;
  stageName: string;
  /** `assignedById`; null when the item has none. */
  responsibleId: number | null;
  responsibleName: string;
}

export interface TaskDraft {
  itemId: number;
  /** The item's own title, for the link back to it. */
  itemTitle: string;
  title: string;
  description: string;
  responsibleId: number;
  deadline: string | null;
}

export type TemplateProblem =
  | { field: 'title' | 'description'; kind: 'unknown-placeholder'; name: string }
  | { field: 'title'; kind: 'empty' }
  | { field: 'deadline'; kind: 'invalid-date' };

/** Portals cut task titles at 255 characters; we cut first, visibly. */
export const MAX_TITLE_LENGTH = 250;

const PLACEHOLDER = /\{([A-Za-z]+)\}/g;

export function templateProblems(template: TaskTemplate): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  for (const field of ['title', 'description'] as const) {
    for (const match of template[field].matchAll(PLACEHOLDER)) {
      const name = match[1] as string;
      if (!(PLACEHOLDERS as readonly string[]).includes(name))
        problems.push({ field, kind: 'unknown-placeholder', name });
    }
  }
  if (template.title.trim() === '') problems.push({ field: 'title', kind: 'empty' });
  if (template.deadline !== null && Number.isNaN(Date.parse(template.deadline))) {
    problems.push({ field: 'deadline', kind: 'invalid-date' });
  }
  return problems;
}

export function renderTemplateText(text: string, item: TemplateItem): string {
  const values: Record<Placeholder, string> = {
    title: item.title,
    id: String(item.id),
    stage: item.stageName,
    responsible: item.responsibleName,
  };
  return text.replace(PLACEHOLDER, (whole, name: string) =>
    (PLACEHOLDERS as readonly string[]).includes(name) ? values[name as Placeholder] : whole,
  );
}

export function draftTask(
  template: TaskTemplate,
  item: TemplateItem,
  context: { currentUserId: number; markerLine: string },
): TaskDraft {
  let title = renderTemplateText(template.title, item).replace(/\s+/g, ' ').trim();
  // An item without a title still gets a task someone can recognise.
  if (title === '') title = `#${item.id}`;
  title = shortenText(title, MAX_TITLE_LENGTH);
  const body = renderTemplateText(template.description, item).trim();
  const responsibleId =
    template.responsible.kind === 'user' ? template.responsible.userId : (item.responsibleId ?? context.currentUserId);
  return {
    itemId: item.id,
    itemTitle: item.title,
    title,
    description: body === '' ? context.markerLine : `${body}\n\n${context.markerLine}`,
    responsibleId,
    deadline: template.deadline,
  };
}
