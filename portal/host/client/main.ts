/** The portal page's script: menus, tabs, sliders and the app frames' message protocol. */
import { layouts } from './app-layout';
import { setUpAppEntries, setUpAppPage, setUpTabs } from './app-entries';
import { setUpMenus } from './menus';
import { sidePanel } from './side-panel';
import { setUpStageBar } from './stage-bar';
import { USER_QUERY } from '../paths';

function setUpUserSwitcher(): void {
  const select = document.querySelector<HTMLSelectElement>('[data-testid="user-switcher"]');
  select?.addEventListener('change', () => {
    const url = new URL(location.href);
    url.searchParams.set(USER_QUERY, select.value);
    location.assign(url.toString());
  });
}

function start(): void {
  setUpMenus();
  setUpAppEntries();
  setUpTabs();
  setUpAppPage();
  setUpUserSwitcher();
  setUpStageBar();
  // For debugging in the browser console; tests use the page's controls.
  Object.assign(window, { portalEmulator: { layouts, sidePanel } });
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
