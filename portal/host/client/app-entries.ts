/**
 * Portal controls that open the app: card tabs (loaded the first time they are opened, as the
 * card lazy-loads tabs), binding-menu entries (a slider with the placement's handler), and
 * timeline buttons (openApplication with the placement, a popup slider).
 */
import { loadAppLayout, type LayoutRequestInput } from './app-layout';
import { openAppInSlider } from './app-sliders';
import { bootstrap } from './bootstrap';
import { placementInterface } from './placement-interfaces';
import { APP_ENTRY } from '../protocol/bootstrap';

function entryRequest(element: Element, popup: boolean): LayoutRequestInput {
  const options = element.getAttribute(APP_ENTRY.options);
  return {
    placement: element.getAttribute(APP_ENTRY.placement) ?? 'DEFAULT',
    handler: element.getAttribute(APP_ENTRY.handler) ?? '',
    placementOptions: options ? (JSON.parse(options) as unknown) : {},
    popup,
  };
}

export function setUpAppEntries(): void {
  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const entry = target?.closest(`[${APP_ENTRY.mode}="slider"], [${APP_ENTRY.mode}="application"]`);
    if (!entry) return;
    event.preventDefault();
    const popup = entry.getAttribute(APP_ENTRY.mode) === 'application';
    openAppInSlider(
      entryRequest(entry, popup),
      { title: entry.getAttribute(APP_ENTRY.title) ?? bootstrap().appName },
      placementInterface,
    );
  });
}

function selectTab(tab: HTMLElement): void {
  const tabs = Array.from(document.querySelectorAll<HTMLElement>('[role="tab"]'));
  for (const candidate of tabs) {
    const selected = candidate === tab;
    candidate.setAttribute('aria-selected', String(selected));
    const panel = document.getElementById(candidate.getAttribute('aria-controls') ?? '');
    if (panel) panel.hidden = !selected;
  }
  const panel = document.getElementById(tab.getAttribute('aria-controls') ?? '');
  if (panel && tab.getAttribute(APP_ENTRY.mode) === 'tab' && !panel.dataset.loaded) {
    panel.dataset.loaded = 'true';
    void loadAppLayout(entryRequest(tab, false), { container: panel, placementInterface });
  }
}

export function setUpTabs(): void {
  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const tab = target?.closest<HTMLElement>('[role="tab"]');
    if (tab) selectTab(tab);
  });
  const page = bootstrap().page;
  if (page.kind !== 'detail' || !page.activeTab) return;
  const wanted = page.activeTab.toUpperCase();
  const tab = Array.from(document.querySelectorAll<HTMLElement>('[role="tab"]')).find(
    (candidate) => candidate.getAttribute(APP_ENTRY.placement) === wanted || candidate.dataset.tab === page.activeTab,
  );
  if (tab) selectTab(tab);
}

export function setUpAppPage(): void {
  const page = bootstrap().page;
  const container = document.querySelector<HTMLElement>('[data-app-page]');
  if (page.kind !== 'app' || !container) return;
  void loadAppLayout(
    { placement: 'DEFAULT', placementOptions: page.placementOptions },
    { container, placementInterface },
  );
}
