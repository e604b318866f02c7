/** Portal controls that open the app: card tabs, "Applications" menus, timeline buttons, row menus. */
import { bindingTitle } from '../frame-layout';
import type { HostBinding } from '../host-data';
import { html, type SafeHtml } from '../html';
import { APP_ENTRY } from '../protocol/bootstrap';

export type AppEntryMode = 'slider' | 'application' | 'tab';

export interface AppEntry {
  binding: HostBinding;
  options: Record<string, string>;
}

/** The data attributes the page's script reads to open this binding. */
export function entryAttributes(mode: AppEntryMode, entry: AppEntry, lang: string): SafeHtml {
  return html`${APP_ENTRY.mode}="${mode}" ${APP_ENTRY.placement}="${entry.binding.placement}" ${APP_ENTRY.handler}="${entry.binding.handler}" ${APP_ENTRY.options}="${JSON.stringify(entry.options)}" ${APP_ENTRY.title}="${bindingTitle(entry.binding, lang)}"`;
}

/**
 * A drop-down of app entries, as the portal's binding menus are. `label` names the button for
 * screen readers and tests; nothing is rendered when no entry is bound.
 */
export function appMenu(options: {
  label: string;
  buttonText: string;
  testId: string;
  entries: AppEntry[];
  lang: string;
  extraItems?: SafeHtml;
  className?: string;
}): SafeHtml {
  if (options.entries.length === 0 && !options.extraItems) return html``;
  return html`<div class="menu ${options.className ?? ''}" data-menu>
    <button type="button" class="menu-button" data-testid="${options.testId}" aria-label="${options.label}" aria-haspopup="menu" aria-expanded="false">${options.buttonText}</button>
    <div class="menu-popup" role="menu" hidden>
      ${options.extraItems}
      ${options.entries.map(
        (entry) =>
          html`<button type="button" role="menuitem" class="menu-item" ${entryAttributes('slider', entry, options.lang)}>${bindingTitle(entry.binding, options.lang)}</button>`,
      )}
    </div>
  </div>`;
}
