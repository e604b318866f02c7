/** The task card `/company/personal/user/<userId>/tasks/task/view/<taskId>/`, where the app's openPath leads. */
import type { HostChecklistItem, HostData } from '../host-data';
import { html, type SafeHtml } from '../html';
import { carriedQuery, type PageContext } from '../page-context';
import { detailPath, userProfilePath } from '../paths';
import { renderBbCode } from './bbcode';
import { formatMomentInZone } from './format';
import { notFoundPage, renderShell } from './page-shell';

const STATUS_NAMES: Record<number, string> = {
  1: 'New',
  2: 'Pending',
  3: 'In progress',
  4: 'Supposedly completed',
  5: 'Completed',
  6: 'Deferred',
  7: 'Declined',
};

function userName(data: HostData, id: number): string {
  const user = data.user(id);
  return user ? [user.name, user.lastName].filter(Boolean).join(' ') : `User ${id}`;
}

/** `Tb1_29` → the smart process 0xb1 = 177, item 29; other CRM link prefixes are shown as they are. */
function crmLink(data: HostData, context: PageContext, link: string) {
  const match = /^T([0-9a-f]+)_(\d+)$/.exec(link);
  const process = match ? data.smartProcesses().find((candidate) => candidate.shortCode === `T${match[1]}`) : undefined;
  if (!match || !process) return html`<li data-testid="task-crm-link">${link}</li>`;
  const itemId = Number(match[2]);
  const item = data.item(process.entityTypeId, itemId);
  return html`<li data-testid="task-crm-link" data-crm-link="${link}"><a href="${detailPath(process.entityTypeId, itemId, carriedQuery(context))}" target="_top">${process.title}: ${item?.title ?? `#${itemId} (deleted)`}</a></li>`;
}

/**
 * The task's checklists as the task card shows them: each checklist (root item) with its name and
 * "done of total", its items nested, a ticked item marked done (`data-complete`).
 */
function checklistSection(items: HostChecklistItem[]) {
  if (items.length === 0) return html``;
  const children = (parentId: number): HostChecklistItem[] => items.filter((item) => item.parentId === parentId);
  const branch = (parentId: number): SafeHtml => {
    const list = children(parentId);
    if (list.length === 0) return html``;
    return html`<ul class="checklist-items">${list.map(
      (item) =>
        html`<li class="checklist-item" data-testid="task-checklist-item" data-item-id="${item.id}" data-complete="${item.isComplete ? 'Y' : 'N'}"><span class="checklist-box" aria-hidden="true">${item.isComplete ? '☑' : '☐'}</span> <span class="checklist-title">${item.title}</span><span class="visually-hidden">${item.isComplete ? ' (done)' : ''}</span>${branch(item.id)}</li>`,
    )}</ul>`;
  };
  return html`<section class="card-section" aria-label="Checklists" data-testid="task-checklist">
    ${children(0).map((list) => {
      const own = children(list.id);
      const done = own.filter((item) => item.isComplete).length;
      return html`<div class="checklist" data-testid="task-checklist-group" data-item-id="${list.id}">
        <h2 class="card-section-title">${list.title} <span class="checklist-count" data-testid="task-checklist-count">${done} of ${own.length}</span></h2>
        ${branch(list.id)}
      </div>`;
    })}
  </section>`;
}

export function renderTaskPage(data: HostData, context: PageContext, taskId: number): { status: number; body: string } {
  const task = data.task(taskId);
  if (!task) {
    return notFoundPage({
      data,
      context,
      title: 'Task not found',
      message: 'The task was not found or access to it is denied.',
    });
  }
  const carried = carriedQuery(context);
  const body = html`<article class="task-card" data-testid="task-card" data-task-id="${task.id}">
    <section class="card-section" aria-label="Task details">
    <dl class="fields">
      <div class="field"><dt>Status</dt><dd data-testid="task-status">${STATUS_NAMES[task.status] ?? `Status ${task.status}`}</dd></div>
      <div class="field"><dt>Responsible person</dt><dd data-testid="task-responsible"><a href="${userProfilePath(task.responsibleId, carried)}">${userName(data, task.responsibleId)}</a></dd></div>
      <div class="field"><dt>Created by</dt><dd>${userName(data, task.createdById)}</dd></div>
      <div class="field"><dt>Deadline</dt><dd data-testid="task-deadline">${task.deadline ? html`<time datetime="${task.deadline}" title="${context.user.timeZone}">${formatMomentInZone(task.deadline, context.user.timeZone)}</time>` : 'None'}</dd></div>
    </dl>
    </section>
    <section class="card-section">
      <h2 class="card-section-title">Description</h2>
      <div class="task-description" data-testid="task-description">${task.description ? renderBbCode(task.description) : 'No description.'}</div>
    </section>
    ${checklistSection(task.checklist ?? [])}
    <section class="card-section">
      <h2 class="card-section-title">CRM</h2>
      <ul class="task-crm-links">${task.crmLinks.length === 0 ? html`<li>Not linked to CRM.</li>` : task.crmLinks.map((link) => crmLink(data, context, link))}</ul>
    </section>
  </article>`;
  return { status: 200, body: renderShell({ data, context, title: task.title, body, page: { kind: 'other' } }) };
}
