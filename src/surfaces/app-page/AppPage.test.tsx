import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { manifest } from '../../../placements/manifest';
import { BitrixError } from '../../bitrix/errors';
import type { RestPlacementBinding } from '../../bitrix/rest-types';
import { createFakeBoundary, type FakeBoundary } from '../../testing/fake-boundary';
import { renderSurface } from '../../testing/render-surface';
import { AppPage } from './AppPage';
import { appHandlerUrl } from './handler-url';

interface FakePortal {
  installed: boolean;
  types: Array<{ id: number; entityTypeId: number; title: string }>;
  bindings: RestPlacementBinding[];
  options: Record<string, string>;
}

function fakePortal(overrides: Partial<FakePortal> = {}): FakePortal {
  return {
    installed: true,
    types: [
      { id: 1, entityTypeId: 177, title: 'Equipment Purchase' },
      { id: 2, entityTypeId: 156, title: 'Purchase' },
    ],
    bindings: [],
    options: {},
    ...overrides,
  };
}

function everyDefaultBinding(portal: FakePortal): RestPlacementBinding[] {
  return portal.types.flatMap((type) =>
    manifest.surfaces.map((surface) => ({
      placement: surface.placement.replace('{entityTypeId}', String(type.entityTypeId)),
      handler: appHandlerUrl(),
      title: surface.title.en,
      langAll: { en: { TITLE: surface.title.en }, ru: { TITLE: surface.title.ru }, de: { TITLE: surface.title.de } },
    })),
  );
}

function renderPage(
  portal: FakePortal,
  options: { isAdmin?: boolean; before?: (boundary: FakeBoundary) => void } = {},
) {
  const boundary = createFakeBoundary(
    {
      'app.info': () => ({ ID: 1, CODE: 'local.1', VERSION: 1, STATUS: 'L', INSTALLED: portal.installed }),
      'app.option.get': ({ option }) => (option ? (portal.options[option] ?? null) : portal.options),
      'app.option.set': ({ options }) => {
        Object.assign(portal.options, options);
        return true;
      },
      'crm.type.list': () => ({
        result: { types: portal.types.map((type) => ({ ...type })) },
        total: portal.types.length,
      }),
      'crm.enum.ownertype': () => [
        { ID: 3, NAME: 'Contact', SYMBOL_CODE: 'CONTACT', SYMBOL_CODE_SHORT: 'C' },
        ...portal.types.map((type) => ({
          ID: type.entityTypeId,
          NAME: type.title,
          SYMBOL_CODE: `DYNAMIC_${type.entityTypeId}`,
          SYMBOL_CODE_SHORT: 'T',
        })),
      ],
      'placement.get': () => portal.bindings.map((binding) => ({ ...binding })),
      'placement.bind': ({ PLACEMENT, HANDLER, LANG_ALL }) => {
        if (portal.bindings.some((binding) => binding.placement === PLACEMENT && binding.handler === HANDLER)) {
          throw new BitrixError({
            kind: 'validation',
            code: 'ERROR_CORE',
            status: 400,
            portalDescription: 'Unable to set placement handler: Handler already binded',
          });
        }
        portal.bindings.push({
          placement: PLACEMENT,
          handler: HANDLER,
          title: LANG_ALL?.en?.TITLE ?? '',
          langAll: LANG_ALL ?? [],
        });
        return true;
      },
      'placement.unbind': ({ PLACEMENT, HANDLER }) => {
        const before = portal.bindings.length;
        portal.bindings = portal.bindings.filter(
          (binding) => !(binding.placement === PLACEMENT && binding.handler === HANDLER),
        );
        return { count: (before - portal.bindings.length) * 2 };
      },
    },
    { isAdmin: options.isAdmin ?? true, placement: 'DEFAULT', placementOptions: {} },
  );
  const finish = boundary.finishInstall.bind(boundary);
  boundary.finishInstall = async () => {
    portal.installed = true;
    return finish();
  };
  options.before?.(boundary);
  renderSurface(<AppPage />, { boundary });
  return boundary;
}

const commandsSent = (boundary: FakeBoundary, method: string) =>
  boundary.roundTrips.flatMap((trip) => trip.methods).filter((name) => name === method).length;

afterEach(cleanup);

describe('the app page', () => {
  it('tells a user who is not an administrator where the app lives, with a link to the newest item of a smart process that shows it', async () => {
    const portal = fakePortal();
    // Purchase (156) has the tab switched off: no link there.
    portal.options.surfaceChoices = JSON.stringify({ overrides: { '156:detail-tab': false } });
    const listed: Array<{ entityTypeId: number; order: unknown }> = [];
    const boundary = renderPage(portal, {
      isAdmin: false,
      before: (fake) =>
        fake.setHandler('crm.item.list', ({ entityTypeId, order }) => {
          listed.push({ entityTypeId, order });
          return {
            items:
              entityTypeId === 177
                ? [
                    { id: 31, title: 'Laptops for sales' },
                    { id: 29, title: 'Older request' },
                  ]
                : [],
          };
        }),
    });

    const link = await screen.findByRole('link', { name: 'Laptops for sales' });
    expect(link.getAttribute('href')).toContain('/crm/type/177/details/31/?active_tab=CRM_DYNAMIC_177_DETAIL_TAB');
    expect(screen.queryByRole('link', { name: 'Older request' })).toBeNull();
    expect(listed).toEqual([{ entityTypeId: 177, order: { id: 'DESC' } }]);
    // Where the app lives, by the tab's real title; the heading is the portal's, not repeated here.
    expect(screen.getByText('Tab in the item card: “Tasks”')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Smart Tasks' })).toBeNull();
    expect(screen.queryByText(/Choose where it appears/)).toBeNull();
    expect(screen.queryByRole('switch')).toBeNull();
    expect(commandsSent(boundary, 'placement.get') + commandsSent(boundary, 'crm.type.list')).toBe(0);

    fireEvent.click(link);
    expect(boundary.openedPaths).toEqual(['/crm/type/177/details/31/?active_tab=CRM_DYNAMIC_177_DETAIL_TAB']);
  });

  it('shows a skeleton while loading, and an error with a retry when loading fails', async () => {
    let fail = true;
    const portal = fakePortal();
    portal.bindings = everyDefaultBinding(portal);
    const boundary = renderPage(portal, {
      before: (fake) =>
        fake.setHandler('placement.get', () => {
          if (fail) throw new BitrixError({ kind: 'network', code: 'NETWORK_ERROR', status: 0 });
          return portal.bindings;
        }),
    });
    expect(screen.getByRole('status', { name: 'Loading the settings' })).toBeTruthy();
    expect(await screen.findByText('The settings could not be loaded.')).toBeTruthy();
    // A network failure is asked again twice (the app's read rule) before the error shows.
    expect(boundary.roundTrips.length).toBe(3);
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('table')).toBeTruthy();
    expect(boundary.roundTrips.length).toBe(4);
  });

  it('on first run binds every default surface in one batch and finishes the install', async () => {
    const portal = fakePortal({ installed: false });
    const boundary = renderPage(portal);

    expect(
      await screen.findByText(
        'Smart Tasks is installed. It now appears in your smart processes.',
        {},
        { timeout: 5000 },
      ),
    ).toBeTruthy();
    expect(portal.bindings).toHaveLength(2 * manifest.surfaces.length);
    expect(new Set(portal.bindings.map((binding) => binding.handler))).toEqual(new Set([appHandlerUrl()]));
    const bindBatches = boundary.roundTrips.filter((trip) => trip.methods.includes('placement.bind'));
    expect(bindBatches).toHaveLength(1);
    expect(boundary.finishInstallCalls).toBe(1);
  });

  it('shows smart processes × surfaces as switches; an up-to-date portal gets no bind or unbind', async () => {
    const portal = fakePortal();
    portal.bindings = everyDefaultBinding(portal);
    const boundary = renderPage(portal);

    const toggle = await screen.findByRole('switch', { name: 'Show “Tasks” in Equipment Purchase' });
    expect((toggle as HTMLInputElement).checked).toBe(true);
    expect(screen.getAllByRole('switch')).toHaveLength(2 * manifest.surfaces.length);
    // The switch says on/off; nothing is printed under cells the portal already matches.
    expect(screen.queryByText('shown')).toBeNull();
    expect(document.querySelectorAll('.ap-switch__state')).toHaveLength(0);
    // Every column has its own title (two surfaces share the menu title "Create linked task").
    const columns = screen
      .getAllByRole('columnheader')
      .map((header) => header.querySelector('.ap-matrix__surface')?.textContent ?? header.textContent);
    expect(new Set(columns).size).toBe(columns.length);
    expect(commandsSent(boundary, 'placement.bind') + commandsSent(boundary, 'placement.unbind')).toBe(0);
  });

  it('switching a surface off saves the choice and unbinds it at once', async () => {
    const portal = fakePortal();
    portal.bindings = everyDefaultBinding(portal);
    const boundary = renderPage(portal);

    fireEvent.click(await screen.findByRole('switch', { name: 'Show “Tasks” in Purchase' }));

    await waitFor(() =>
      expect(portal.bindings.map((binding) => binding.placement)).not.toContain('CRM_DYNAMIC_156_DETAIL_TAB'),
    );
    expect(JSON.parse(portal.options.surfaceChoices!)).toEqual({ overrides: { '156:detail-tab': false } });
    expect(commandsSent(boundary, 'placement.unbind')).toBe(1);
    expect(await screen.findByText('1 change made.')).toBeTruthy();
    expect(screen.getByText('Removed: Tab in the item card, Purchase')).toBeTruthy();
    expect((screen.getByRole('switch', { name: 'Show “Tasks” in Purchase' }) as HTMLInputElement).checked).toBe(false);
  });

  it('opening changes nothing: a smart process created since is listed as a difference, and Sync adds Smart Tasks to it', async () => {
    const portal = fakePortal();
    portal.bindings = everyDefaultBinding(portal);
    portal.types.push({ id: 3, entityTypeId: 1038, title: 'Repairs' });
    const boundary = renderPage(portal);

    expect(
      await screen.findByText(
        `Bitrix24 differs from these settings in ${manifest.surfaces.length} places. Nothing changes until you sync:`,
      ),
    ).toBeTruthy();
    expect(screen.getByText('Add: Tab in the item card, Repairs')).toBeTruthy();
    // Give an on-open sync every chance to run: none may.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(commandsSent(boundary, 'placement.bind') + commandsSent(boundary, 'placement.unbind')).toBe(0);
    expect(portal.bindings.filter((binding) => binding.placement.startsWith('CRM_DYNAMIC_1038_'))).toHaveLength(0);
    expect(screen.getAllByText('not shown yet: sync to add')).toHaveLength(manifest.surfaces.length);

    fireEvent.click(screen.getByRole('button', { name: 'Sync with Bitrix24' }));
    expect(await screen.findByText(`${manifest.surfaces.length} changes made.`)).toBeTruthy();
    expect(screen.getByText('Added: Tab in the item card, Repairs')).toBeTruthy();
    expect(portal.bindings.filter((binding) => binding.placement.startsWith('CRM_DYNAMIC_1038_'))).toHaveLength(
      manifest.surfaces.length,
    );
  });

  it('names a failed bind in the row of its smart process', async () => {
    const portal = fakePortal();
    portal.bindings = everyDefaultBinding(portal).filter(
      (binding) => binding.placement !== 'CRM_DYNAMIC_156_LIST_MENU',
    );
    renderPage(portal, {
      before: (fake) =>
        fake.setHandler('placement.bind', () => {
          throw new BitrixError({
            kind: 'validation',
            code: 'ERROR_PLACEMENT_NOT_FOUND',
            status: 400,
            portalDescription: 'Placement not found',
          });
        }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Sync with Bitrix24' }));
    expect(await screen.findByText('Row menu in the list: Placement not found')).toBeTruthy();
    expect(screen.getByText(/1 change failed\./)).toBeTruthy();
  });
});
