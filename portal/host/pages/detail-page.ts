/**
 * The smart-process item card `/crm/type/<entityTypeId>/details/<id>/`: header with stage and
 * "Applications" toolbar menu, the General tab, one tab per bound DETAIL_TAB (loaded when
 * opened), and the timeline with DETAIL_ACTIVITY buttons and per-record ACTIVITY_TIMELINE_MENU.
 */
import { bindingsFor, bindingTitle } from '../frame-layout';
import type { HostData, HostItem } from '../host-data';
import { html, type SafeHtml } from '../html';
import { carriedQuery, type PageContext } from '../page-context';
import { automationPath } from '../paths';
import { appMenu, entryAttributes, type AppEntry } from './app-entries';
import { formatMomentInZone } from './format';
import { notFoundPage, renderShell } from './page-shell';

/** Owner type id of an activity (CCrmOwnerType::Activity), the ASSOCIATED_ENTITY_TYPE_ID of timeline records. */
const ACTIVITY_OWNER_TYPE_ID = '6';

export function placementCodes(entityTypeId: number) {
  const prefix = `CRM_DYNAMIC_${entityTypeId}_`;
  return {
    detailTab: `${prefix}DETAIL_TAB`,
    detailActivity: `${prefix}DETAIL_ACTIVITY`,
    detailToolbar: `${prefix}DETAIL_TOOLBAR`,
    timelineMenu: `${prefix}ACTIVITY_TIMELINE_MENU`,
    listMenu: `${prefix}LIST_MENU`,
    listToolbar: `${prefix}LIST_TOOLBAR`,
    robotDesignerToolbar: `${prefix}ROBOT_DESIGNER_TOOLBAR`,
  };
}

/** Path and query of the page, the `URI` key every CRM placement receives. */
export function pageUri(context: PageContext): string {
  return context.url.pathname + context.url.search;
}

function stageBadge(data: HostData, item: HostItem): SafeHtml {
  const stage = data
    .stages(item.entityTypeId, item.categoryId)
    .find((candidate) => candidate.statusId === item.stageId);
  return html`<span class="stage-badge" data-testid="item-stage" data-stage-id="${item.stageId}" style="--stage-color: ${/^#[0-9a-fA-F]{3,8}$/.test(stage?.color ?? '') ? stage?.color : '#2fc6f6'}">${stage?.name ?? item.stageId}</span>`;
}

/**
 * The stage bar under the card's title, as Bitrix24 draws it: every stage of the item's funnel in
 * order, the current one marked; a click moves the item (client/stage-bar.ts) without reloading
 * the page, so an app open in a tab is not told.
 */
function stageBar(data: HostData, item: HostItem): SafeHtml {
  const stages = data.stages(item.entityTypeId, item.categoryId);
  const current = stages.findIndex((stage) => stage.statusId === item.stageId);
  return html`<ol class="stage-bar" data-testid="stage-bar" aria-label="Stage" data-entity-type-id="${item.entityTypeId}" data-item-id="${item.id}">
    ${stages.map(
      (stage, index) =>
        html`<li class="stage-bar-item${index <= current && !stage.semantics ? ' stage-bar-passed' : ''}"><button type="button" class="stage-bar-stage" data-testid="stage-bar-stage" data-stage-id="${stage.statusId}" data-final="${stage.semantics ? 'Y' : 'N'}"${index === current ? html` aria-current="step"` : ''} style="--stage-color: ${/^#[0-9a-fA-F]{3,8}$/.test(stage.color) ? stage.color : '#2fc6f6'}">${stage.name}</button></li>`,
    )}
  </ol>`;
}

export function renderDetailPage(
  data: HostData,
  context: PageContext,
  entityTypeId: number,
  itemId: number,
): { status: number; body: string } {
  const process = data.smartProcess(entityTypeId);
  const item = process ? data.item(entityTypeId, itemId) : undefined;
  if (!process || !item) {
    return notFoundPage({
      data,
      context,
      title: 'Item not found',
      message: 'The item was not found. It may have been deleted, or you do not have permission to view it.',
    });
  }
  const codes = placementCodes(entityTypeId);
  const uri = pageUri(context);
  const id = String(item.id);
  const lang = context.lang;
  const entries = (code: string, options: Record<string, string>): AppEntry[] =>
    bindingsFor(data, code).map((binding) => ({ binding, options }));

  const tabs = entries(codes.detailTab, { ID: id, URI: uri });
  const activeTab = context.url.searchParams.get('active_tab');

  const toolbar = appMenu({
    label: 'Applications',
    buttonText: 'Applications',
    testId: 'detail-toolbar-apps',
    entries: entries(codes.detailToolbar, { ENTITY_ID: id, URI: uri }),
    lang,
  });

  const activityButtons = entries(codes.detailActivity, { ID: id, URI: uri });
  const activities = data.activities(entityTypeId, item.id);
  const timelineMenuBindings = bindingsFor(data, codes.timelineMenu);

  const general = html`<section class="card-section" aria-label="About the item">
    <h2 class="card-section-title">About ${process.title.toLowerCase()}</h2>
    <dl class="fields" data-testid="general-fields">
      ${item.generalFields.map((field) => html`<div class="field"><dt>${field.label}</dt><dd>${field.dateTime ? html`<time datetime="${field.dateTime}" title="${context.user.timeZone}">${formatMomentInZone(field.dateTime, context.user.timeZone)}</time>` : field.value || '—'}</dd></div>`)}
    </dl>
  </section>`;

  const timeline = html`<section class="card-section timeline" aria-label="Timeline" data-testid="timeline">
    <h2 class="card-section-title">Timeline</h2>
    <div class="timeline-menubar" data-testid="timeline-menubar">
      <span class="timeline-menubar-item timeline-menubar-item-static">Activity</span>
      <span class="timeline-menubar-item timeline-menubar-item-static">Comment</span>
      ${activityButtons.map(
        (entry) =>
          html`<button type="button" class="timeline-menubar-item" ${entryAttributes('application', entry, lang)}>${bindingTitle(entry.binding, lang)}</button>`,
      )}
    </div>
    <ol class="timeline-records">
      ${activities.length === 0 ? html`<li class="timeline-empty">No activities yet.</li>` : ''}
      ${activities.map((activity) => {
        const menuEntries = timelineMenuBindings.map((binding) => ({
          binding,
          options: {
            ENTITY_ID: id,
            ASSOCIATED_ENTITY_ID: String(activity.id),
            ASSOCIATED_ENTITY_TYPE_ID: ACTIVITY_OWNER_TYPE_ID,
            URI: uri,
          },
        }));
        return html`<li class="timeline-record" data-testid="timeline-record" data-activity-id="${activity.id}">
          <div class="timeline-record-body">
            <span class="timeline-record-subject">${activity.subject}</span>
            <time datetime="${activity.created}" title="${context.user.timeZone}">${formatMomentInZone(activity.created, context.user.timeZone)}</time>
          </div>
          ${appMenu({ label: `Actions for ${activity.subject}`, buttonText: '⋯', testId: 'timeline-record-menu', entries: menuEntries, lang, className: 'menu-compact' })}
        </li>`;
      })}
    </ol>
  </section>`;

  const body = html`${stageBar(data, item)}<div class="crm-card" data-testid="crm-card" data-entity-type-id="${entityTypeId}" data-item-id="${item.id}">
    <div class="tabs" role="tablist" aria-label="Card sections">
      <button type="button" role="tab" class="tab" id="tab-main" data-tab="main" aria-controls="panel-main" aria-selected="true">General</button>
      ${tabs.map(
        (entry, index) =>
          html`<button type="button" role="tab" class="tab" id="tab-app-${index}" data-tab="app-${index}" aria-controls="panel-app-${index}" aria-selected="false" ${entryAttributes('tab', entry, lang)}>${bindingTitle(entry.binding, lang)}</button>`,
      )}
    </div>
    <div role="tabpanel" class="tab-panel" id="panel-main" aria-labelledby="tab-main" data-card-summary>
      <div class="card-columns">${general}${timeline}</div>
    </div>
    ${tabs.map(
      (entry, index) =>
        html`<div role="tabpanel" class="tab-panel tab-panel-app" id="panel-app-${index}" aria-labelledby="tab-app-${index}" data-testid="app-tab-panel" data-placement="${entry.binding.placement}" hidden></div>`,
    )}
  </div>`;

  return {
    status: 200,
    body: renderShell({
      data,
      context,
      title: item.title,
      headingExtras: html`${stageBadge(data, item)}<div class="page-toolbar"><a class="button" data-testid="automation-rules-link" href="${automationPath(entityTypeId, item.categoryId, carriedQuery(context))}">Automation rules</a>${toolbar}</div>`,
      body,
      page: { kind: 'detail', entityTypeId, itemId: item.id, activeTab },
    }),
  };
}
