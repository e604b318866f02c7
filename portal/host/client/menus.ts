/** Drop-down menus ("Applications", row and record menus): one open at a time, closed by a click elsewhere or Escape. */

function closeAll(except?: Element): void {
  for (const menu of document.querySelectorAll('[data-menu]')) {
    if (menu === except) continue;
    menu.querySelector('.menu-popup')?.setAttribute('hidden', '');
    menu.querySelector('.menu-button')?.setAttribute('aria-expanded', 'false');
  }
}

export function setUpMenus(): void {
  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const button = target?.closest('.menu-button');
    const menu = button?.closest('[data-menu]');
    if (button && menu) {
      const popup = menu.querySelector('.menu-popup');
      const opening = popup?.hasAttribute('hidden') ?? false;
      closeAll(menu);
      if (opening) popup?.removeAttribute('hidden');
      else popup?.setAttribute('hidden', '');
      button.setAttribute('aria-expanded', String(opening));
      if (opening) popup?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
      return;
    }
    closeAll();
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') closeAll();
  });
}
