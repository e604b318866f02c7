/**
 * The portal's selection dialogs: employees (selectUser), access rights (selectAccess) and CRM
 * entities (selectCRM). Each resolves with the selection, or null when the dialog is closed.
 */
import { bootstrap } from './bootstrap';
import { el } from './dom';
import { portalAjax } from './portal-api';
import type {
  CrmSelectorEntity,
  CrmSelectorResponse,
  CrmSelectorType,
  SelectedUser,
  UserSelectorResponse,
} from '../protocol/layout-api';

interface PickerOption<T> {
  key: string;
  label: string;
  detail?: string;
  photo?: string;
  value: T;
  /** Already selected and fixed (selectAccess's blocked entries). */
  locked?: boolean;
}

interface PickerSettings<T> {
  title: string;
  testId: string;
  multiple: boolean;
  searchLabel: string;
  options: PickerOption<T>[];
}

/** A modal list with a search box; one click picks in single mode, "Select" confirms in multiple mode. */
function openPicker<T>(settings: PickerSettings<T>): Promise<T[] | null> {
  return new Promise((resolve) => {
    const chosen = new Set<string>(settings.options.filter((option) => option.locked).map((option) => option.key));
    const overlay = el('div', { class: 'modal-overlay', 'data-testid': 'picker-overlay' });
    let settled = false;
    const finish = (result: T[] | null) => {
      if (settled) return;
      settled = true;
      overlay.remove();
      document.removeEventListener('keydown', onKey, true);
      resolve(result);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.stopPropagation();
        finish(null);
      }
    };

    const list = el('ul', {
      class: 'picker-list',
      role: 'listbox',
      'aria-label': settings.title,
      'aria-multiselectable': String(settings.multiple),
    });
    const rows = settings.options.map((option) => {
      const row = el(
        'li',
        {
          role: 'option',
          tabindex: '0',
          class: 'picker-option',
          'aria-selected': String(chosen.has(option.key)),
          'aria-disabled': option.locked ? 'true' : undefined,
          'data-testid': 'picker-option',
          'data-key': option.key,
        },
        option.photo
          ? el('img', { class: 'picker-photo', src: option.photo, alt: '', width: '32', height: '32' })
          : null,
        el('span', { class: 'picker-option-name' }, option.label),
        option.detail ? el('span', { class: 'picker-option-detail' }, option.detail) : null,
      );
      const choose = () => {
        if (option.locked) return;
        if (!settings.multiple) {
          finish([option.value]);
          return;
        }
        if (chosen.has(option.key)) chosen.delete(option.key);
        else chosen.add(option.key);
        row.setAttribute('aria-selected', String(chosen.has(option.key)));
      };
      row.addEventListener('click', choose);
      row.addEventListener('keydown', (event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          choose();
        }
      });
      return { row, option };
    });
    if (rows.length === 0) list.append(el('li', { class: 'picker-empty' }, 'Nothing to choose from.'));
    list.append(...rows.map(({ row }) => row));

    const search = el('input', {
      type: 'search',
      class: 'picker-search',
      placeholder: 'Search',
      'aria-label': settings.searchLabel,
      'data-testid': 'picker-search',
    });
    search.addEventListener('input', () => {
      const needle = search.value.trim().toLowerCase();
      for (const { row, option } of rows)
        row.hidden = needle !== '' && !`${option.label} ${option.detail ?? ''}`.toLowerCase().includes(needle);
    });

    const close = el(
      'button',
      { type: 'button', class: 'modal-close', 'aria-label': 'Close', 'data-testid': 'picker-close' },
      '×',
    );
    close.addEventListener('click', () => finish(null));
    const footer = el('div', { class: 'modal-footer' });
    if (settings.multiple) {
      const select = el(
        'button',
        { type: 'button', class: 'button button-primary', 'data-testid': 'picker-select' },
        'Select',
      );
      select.addEventListener('click', () =>
        finish(
          settings.options.filter((option) => chosen.has(option.key) && !option.locked).map((option) => option.value),
        ),
      );
      const cancel = el('button', { type: 'button', class: 'button', 'data-testid': 'picker-cancel' }, 'Cancel');
      cancel.addEventListener('click', () => finish(null));
      footer.append(select, cancel);
    }

    const dialog = el(
      'div',
      {
        class: 'modal',
        role: 'dialog',
        'aria-modal': 'true',
        'aria-label': settings.title,
        'data-testid': settings.testId,
      },
      el('div', { class: 'modal-header' }, el('h2', { class: 'modal-title' }, settings.title), close),
      search,
      list,
      settings.multiple ? footer : null,
    );
    overlay.append(dialog);
    overlay.addEventListener('click', (event) => {
      // The portal's popups close when clicked outside (autoHide), without an answer.
      if (event.target === overlay) finish(null);
    });
    document.addEventListener('keydown', onKey, true);
    document.body.append(overlay);
    search.focus();
  });
}

async function loadUsers(): Promise<SelectedUser[]> {
  const answer = await portalAjax<UserSelectorResponse>({ action: 'user_selector', user: bootstrap().userId });
  return answer.body.users;
}

export async function openUserPicker(settings: {
  multiple: boolean;
  title?: string;
}): Promise<SelectedUser | SelectedUser[] | null> {
  const users = await loadUsers();
  const picked = await openPicker<SelectedUser>({
    title: settings.title || (settings.multiple ? 'Select employees' : 'Select employee'),
    testId: 'user-picker',
    multiple: settings.multiple,
    searchLabel: 'Search employees',
    options: users.map((user) => ({
      key: user.id,
      label: user.name,
      detail: user.position,
      photo: user.photo,
      value: user,
    })),
  });
  if (picked === null) return null;
  return settings.multiple ? picked : (picked[0] ?? null);
}

export async function openAccessPicker(preselected: string[]): Promise<Array<{ id: string; name: string }> | null> {
  const users = await loadUsers();
  const entries = [
    { id: 'AU', name: 'All authorized users' },
    ...users.map((user) => ({ id: `U${user.id}`, name: user.name })),
  ];
  return openPicker({
    title: 'Access permissions',
    testId: 'access-picker',
    multiple: true,
    searchLabel: 'Search users and groups',
    options: entries.map((entry) => ({
      key: entry.id,
      label: entry.name,
      detail: entry.id,
      value: entry,
      locked: preselected.includes(entry.id),
    })),
  });
}

/** The portal answers selectCRM with one bucket per type, each an object keyed by position. */
export async function openCrmPicker(settings: {
  entityTypes: string[];
  multiple: boolean;
}): Promise<Record<string, Record<string, CrmSelectorEntity>> | null> {
  const answer = await portalAjax<CrmSelectorResponse>({
    action: 'crm_selector',
    entityTypes: settings.entityTypes as CrmSelectorType[],
  });
  const picked = await openPicker<CrmSelectorEntity>({
    title: 'Select CRM items',
    testId: 'crm-picker',
    multiple: settings.multiple,
    searchLabel: 'Search CRM items',
    options: answer.body.entities.map((entity) => ({
      key: entity.id,
      label: entity.title,
      detail: `${entity.type} ${entity.id}`,
      value: entity,
    })),
  });
  if (picked === null) return null;
  const result: Record<string, Record<string, CrmSelectorEntity>> = {};
  for (const entity of picked) {
    const bucket = (result[entity.type] ??= {});
    bucket[String(Object.keys(bucket).length)] = entity;
  }
  return result;
}
