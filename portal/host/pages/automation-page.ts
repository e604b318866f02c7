/**
 * The automation rules designer of a smart process's funnel, `/crm/type/<entityTypeId>/automation/<categoryId>/`
 * (Bitrix24 opens it from the list's "Automation rules" button). Its header carries the app's
 * CRM_DYNAMIC_<id>_ROBOT_DESIGNER_TOOLBAR entries (docs widgets/crm/robot-designer-toolbar.md:
 * "the application button appears on the right in the header"); an entry opens the app in a
 * slider with PLACEMENT_OPTIONS `{"URI":"/crm/type/177/automation/7/"}` — the placement has no keys
 * of its own, the funnel is only in the URI's path. The page shows the funnel's stages as the
 * designer's columns; the emulator has no robots or triggers (nothing to configure there).
 */
import { bindingsFor } from '../frame-layout';
import type { HostData } from '../host-data';
import { html } from '../html';
import { carriedQuery, type PageContext } from '../page-context';
import { automationPath, listPath } from '../paths';
import { appMenu } from './app-entries';
import { placementCodes } from './detail-page';
import { notFoundPage, renderShell } from './page-shell';

export function renderAutomationPage(
  data: HostData,
  context: PageContext,
  entityTypeId: number,
  categoryId: number,
): { status: number; body: string } {
  const process = data.smartProcess(entityTypeId);
  const categories = process ? data.categories(entityTypeId) : [];
  const category = categories.find((candidate) => candidate.id === categoryId);
  if (!process || !category) {
    return notFoundPage({
      data,
      context,
      title: 'Not found',
      message: process
        ? `${process.title} has no pipeline ${categoryId}.`
        : `There is no smart process with entityTypeId ${entityTypeId} on this portal.`,
    });
  }
  const carried = carriedQuery(context);
  // The docs' example URI is the designer's path alone; the emulator's own ?user=/&lang= are not
  // part of the portal's address, so they stay out of it.
  const uri = automationPath(entityTypeId, categoryId);
  const toolbar = appMenu({
    label: 'Applications',
    buttonText: 'Applications',
    testId: 'robot-designer-toolbar-apps',
    entries: bindingsFor(data, placementCodes(entityTypeId).robotDesignerToolbar).map((binding) => ({
      binding,
      options: { URI: uri },
    })),
    lang: context.lang,
  });
  const stages = data.stages(entityTypeId, categoryId);

  const body = html`<div class="automation" data-testid="automation-designer" data-entity-type-id="${entityTypeId}" data-category-id="${categoryId}">
    <nav class="category-switch" aria-label="Pipelines">
      ${categories.map(
        (candidate) =>
          html`<a href="${automationPath(entityTypeId, candidate.id, carried)}" class="category-link" data-category-id="${candidate.id}"${candidate.id === categoryId ? html` aria-current="page"` : ''}>${candidate.name}</a>`,
      )}
      <a href="${listPath(entityTypeId, { ...carried, category: categoryId })}" class="category-link">Back to the list</a>
    </nav>
    <ol class="automation-stages" aria-label="Stages">
      ${stages.map(
        (stage) =>
          html`<li class="automation-stage" data-testid="automation-stage" data-stage-id="${stage.statusId}" style="--stage-color: ${/^#[0-9a-fA-F]{3,8}$/.test(stage.color) ? stage.color : '#2fc6f6'}">
            <div class="automation-stage-name">${stage.name}</div>
            <div class="automation-stage-rules">No automation rules</div>
          </li>`,
      )}
    </ol>
  </div>`;

  return {
    status: 200,
    body: renderShell({
      data,
      context,
      title: `Automation rules: ${process.title}, ${category.name}`,
      headingExtras: html`<div class="page-toolbar">${toolbar}</div>`,
      body,
      page: { kind: 'other' },
    }),
  };
}
