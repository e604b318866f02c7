/**
 * Builders of the app's own shapes for unit tests: a stage playbook's template and document, a
 * linked task. Each has plain defaults (nothing the tests under them depend on) and takes what a
 * test cares about as overrides, so a test states only that.
 */
import type { PlaybookDocument, PlaybookTemplate, StagePlaybook } from '../domain/playbooks/playbook';
import type { LinkedTask } from '../domain/tasks';

/** A template: titled `Template <key>`, for the item's responsible, no deadline, medium priority, no checklist. */
export function playbookTemplate(key: string, overrides: Partial<PlaybookTemplate> = {}): PlaybookTemplate {
  return {
    key,
    title: `Template ${key}`,
    description: '',
    responsible: { kind: 'item-responsible' },
    participantIds: [],
    observerIds: [],
    deadline: null,
    priority: 'medium',
    checklist: [],
    ...overrides,
  };
}

/** The playbook of smart process 177 (the fake CRM's), revision 1, saved by user 1, with `stages`. */
export function playbookDocument(
  stages: StagePlaybook[],
  overrides: Partial<Omit<PlaybookDocument, 'stages'>> = {},
): PlaybookDocument {
  return {
    schema: 1,
    entityTypeId: 177,
    revision: 1,
    savedAt: '2026-11-30T12:00:00+03:00',
    savedBy: 1,
    stages,
    ...overrides,
  };
}

/** A pending task `Task <id>` of user 1, without deadline, dates, links or template. */
export function linkedTask(id: number, overrides: Partial<LinkedTask> = {}): LinkedTask {
  return {
    id,
    title: `Task ${id}`,
    status: 'pending',
    responsibleId: 1,
    deadline: null,
    createdAt: null,
    closedAt: null,
    crmLinks: null,
    priority: 'medium',
    templateKey: null,
    ...overrides,
  };
}
