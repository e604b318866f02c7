/**
 * The smart-process item list `/crm/type/<entityTypeId>/list/`: 50 rows a page (`?page=`),
 * a category switch (`?category=`), a search (`?FIND=` matches the id or a part of the title),
 * the LIST_TOOLBAR "Applications" menu and a LIST_MENU entry in every row's menu.
 */
import { bindingsFor } from '../frame-layout';
import type { HostData, HostItem } from '../host-data';
import { html } from '../html';
import { carriedQuery, type PageContext } from '../page-context';
import { automationPath, detailPath, listPath } from '../paths';
import { appMenu } from './app-entries';
import { pageUri, placementCodes } from './detail-page';
import { notFoundPage, renderShell } from './page-shell';

export const LIST_PAGE_SIZE = 50;

function positiveInteger(text: string | null): number | undefined {
  if (text === null || !/^\d+$/.test(text)) return undefined;
  const value = Number(text);
  return value > 0 ? value : undefined;
}

function searchItems(data: HostData, entityTypeId: number, categoryId: number | undefined, find: string): HostItem[] {
  const everything = data.items(entityTypeId, {
    offset: 0,
    limit: Number.MAX_SAFE_INTEGER,
    ...(categoryId !== undefined ? { categoryId } : {}),
  });
  const needle = find.trim().toLowerCase();
  return everything.items.filter((item) => String(item.id) === needle || item.title.toLowerCase().includes(needle));
}

export function renderListPage(
  data: HostData,
  context: PageContext,
  entityTypeId: number,
): { status: number; body: string } {
  const process = data.smartProcess(entityTypeId);
  if (!process) {
    return notFoundPage({
      data,
      context,
      title: 'Not found',
      message: `There is no smart process with entityTypeId ${entityTypeId} on this portal.`,
    });
  }
  const params = context.url.searchParams;
  const categories = data.categories(entityTypeId);
  const categoryParam = params.get('category');
  const categoryId =
    categoryParam !== null && categoryParam !== '' && categories.some((c) => String(c.id) === categoryParam)
      ? Number(categoryParam)
      : undefined;
  const find = params.get('FIND') ?? '';
  const requestedPage = positiveInteger(params.get('page')) ?? 1;

  let rows: HostItem[];
  let total: number;
  if (find.trim()) {
    const found = searchItems(data, entityTypeId, categoryId, find);
    total = found.length;
    rows = found.slice((requestedPage - 1) * LIST_PAGE_SIZE, requestedPage * LIST_PAGE_SIZE);
  } else {
    const page = data.items(entityTypeId, {
      offset: (requestedPage - 1) * LIST_PAGE_SIZE,
      limit: LIST_PAGE_SIZE,
      ...(categoryId !== undefined ? { categoryId } : {}),
    });
    rows = page.items;
    total = page.total;
  }
  const pageCount = Math.max(1, Math.ceil(total / LIST_PAGE_SIZE));
  const carried = carriedQuery(context);
  const linkTo = (page: number) =>
    listPath(entityTypeId, {
      ...carried,
      ...(categoryId !== undefined ? { category: categoryId } : {}),
      ...(find ? { find } : {}),
      page,
    });
  const codes = placementCodes(entityTypeId);
  const uri = pageUri(context);
  const lang = context.lang;
  const users = new Map(data.users().map((user) => [user.id, [user.name, user.lastName].filter(Boolean).join(' ')]));
  const stageNames = new Map<string, string>();
  for (const category of categories)
    for (const stage of data.stages(entityTypeId, category.id)) stageNames.set(stage.statusId, stage.name);

  const toolbar = appMenu({
    label: 'Applications',
    buttonText: 'Applications',
    testId: 'list-toolbar-apps',
    entries: bindingsFor(data, codes.listToolbar).map((binding) => ({ binding, options: { URI: uri } })),
    lang,
  });
  // Bitrix24's "Automation rules" button: the designer of the pipeline shown (the default one for "All").
  const automationCategory = categoryId ?? categories.find((category) => category.isDefault)?.id ?? categories[0]?.id;
  const automationLink =
    automationCategory === undefined
      ? html``
      : html`<a class="button" data-testid="automation-rules-link" href="${automationPath(entityTypeId, automationCategory, carried)}">Automation rules</a>`;
  const rowMenuBindings = bindingsFor(data, codes.listMenu);
  const first = total === 0 ? 0 : (requestedPage - 1) * LIST_PAGE_SIZE + 1;
  const last = Math.min(total, requestedPage * LIST_PAGE_SIZE);

  const body = html`<div class="list-page" data-testid="item-list" data-entity-type-id="${entityTypeId}">
    <div class="list-controls">
      <nav class="category-switch" aria-label="Pipelines">
        <a href="${listPath(entityTypeId, carried)}" class="category-link"${categoryId === undefined ? html` aria-current="page"` : ''}>All pipelines</a>
        ${categories.map(
          (category) =>
            html`<a href="${listPath(entityTypeId, { ...carried, category: category.id })}" class="category-link" data-category-id="${category.id}"${categoryId === category.id ? html` aria-current="page"` : ''}>${category.name}</a>`,
        )}
      </nav>
      <form class="list-search" role="search" method="get" action="${listPath(entityTypeId)}">
        ${carried.user !== undefined ? html`<input type="hidden" name="user" value="${carried.user}">` : ''}
        ${carried.lang !== undefined ? html`<input type="hidden" name="lang" value="${carried.lang}">` : ''}
        ${categoryId !== undefined ? html`<input type="hidden" name="category" value="${categoryId}">` : ''}
        <input type="search" name="FIND" value="${find}" placeholder="Filter and search" aria-label="Search items">
        <button type="submit" class="button">Find</button>
      </form>
    </div>
    <table class="grid">
      <thead><tr><th class="grid-actions"><span class="visually-hidden">Actions</span></th><th>ID</th><th>Title</th><th>Stage</th><th>Responsible</th></tr></thead>
      <tbody>
        ${rows.length === 0 ? html`<tr><td colspan="5" class="grid-empty">No items found.</td></tr>` : ''}
        ${rows.map((item) => {
          const open = html`<a role="menuitem" class="menu-item" href="${detailPath(entityTypeId, item.id, carried)}">Open</a>`;
          return html`<tr data-testid="list-row" data-item-id="${item.id}">
            <td class="grid-actions">${appMenu({
              label: `Actions for ${item.title}`,
              buttonText: '☰',
              testId: 'list-row-menu',
              entries: rowMenuBindings.map((binding) => ({ binding, options: { ID: String(item.id), URI: uri } })),
              lang,
              extraItems: open,
              className: 'menu-compact',
            })}</td>
            <td>${item.id}</td>
            <td><a href="${detailPath(entityTypeId, item.id, carried)}">${item.title}</a></td>
            <td>${stageNames.get(item.stageId) ?? item.stageId}</td>
            <td>${users.get(item.assignedById) ?? `User ${item.assignedById}`}</td>
          </tr>`;
        })}
      </tbody>
    </table>
    <nav class="pager" aria-label="Pages">
      <span data-testid="list-range">${first}–${last} of ${total}</span>
      ${requestedPage > 1 ? html`<a href="${linkTo(requestedPage - 1)}" rel="prev">Previous</a>` : ''}
      <span>Page ${requestedPage} of ${pageCount}</span>
      ${requestedPage < pageCount ? html`<a href="${linkTo(requestedPage + 1)}" rel="next">Next</a>` : ''}
    </nav>
  </div>`;

  return {
    status: 200,
    body: renderShell({
      data,
      context,
      title: process.title,
      headingExtras: html`<div class="page-toolbar">${automationLink}${toolbar}</div>`,
      body,
      page: { kind: 'list', entityTypeId },
    }),
  };
}
