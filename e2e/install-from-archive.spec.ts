/**
 * An admin installs Smart Tasks the way a Bitrix24 admin installs a static local application:
 * from the archive `npm run package` writes. The portal unpacks it and hosts it itself; the first
 * run opens install.html from the archive, which binds every surface and finishes the install;
 * then the item card's tab, served from the same archive, creates a linked task with one click.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type Request } from '@playwright/test';
import { manifest } from '../placements/manifest';
import { EmulatorControl } from '../portal/control-client';
import { STATIC_APP_ROOT } from '../portal/host/static-app';
import { startPortal, type RunningPortal } from '../portal/server';
import { packageApp } from '../scripts/package';
import { appFrameElement, frameOf, openAppPage, openDetailTab, placementCode } from './support/portal';
import { portalRestClient, type PortalRest, type PortalTask } from './support/app';

const SMART_PROCESSES = [177, 156, 183, 187];
const DEFAULT_SURFACES = manifest.surfaces.filter((surface) => surface.enabledByDefault);

interface ArchivePortal {
  portal: RunningPortal;
  /** Where the portal hosts the unpacked app: `<origin>/local/apps/<client id>/`. */
  appFolder: string;
  rest: PortalRest;
}

const test = base.extend<object, { archivePortal: ArchivePortal }>({
  archivePortal: [
    async ({}, use) => {
      const folder = mkdtempSync(join(tmpdir(), 'smart-tasks-e2e-archive-'));
      try {
        const packaged = await packageApp({ outDir: folder, buildOutput: 'ignore' });
        // A portal where the app was just added from its archive and never opened; no rate limit
        // and no method costs, as the suite's own portal (the spec is about where the app comes from).
        const portal = await startPortal({
          port: 0,
          appArchive: packaged.file,
          fresh: true,
          rateLimit: null,
          latencyMs: 0,
          cost: 'instant',
        });
        try {
          // The app's URL the portal registered: a folder of its own, on its own origin.
          await use({
            portal,
            appFolder: portal.config.appUrl,
            rest: portalRestClient(portal.origin, new EmulatorControl(portal.origin)),
          });
        } finally {
          await portal.close();
        }
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    },
    { scope: 'worker', timeout: 180_000 },
  ],
  baseURL: async ({ archivePortal }, use) => use(archivePortal.portal.origin),
});

function postTo(url: string) {
  return (request: Request) => request.method() === 'POST' && request.url().startsWith(url);
}

test('the first install, a detail tab and a one-click create, all from the archive', async ({
  page,
  archivePortal,
}) => {
  test.setTimeout(120_000);
  const { appFolder, rest } = archivePortal;
  const handler = `${appFolder}${manifest.entries.handler}`;
  expect(appFolder.startsWith(`${archivePortal.portal.origin}${STATIC_APP_ROOT}`)).toBe(true);

  await test.step('the portal lists the app from its card, hosted by the portal, not installed yet', async () => {
    await page.goto('/');
    await expect(page.getByTestId('app-card-name')).toHaveText('Smart Tasks');
    await expect(page.getByTestId('app-card-status')).toHaveText('not installed yet');
    await expect(page.getByTestId('app-card-source')).toContainText(new URL(appFolder).pathname);
    expect((await rest<{ INSTALLED: boolean }>('app.info', {})).INSTALLED).toBe(false);
  });

  await test.step("an admin's first run opens install.html from the archive and finishes the install", async () => {
    const wizard = page.waitForRequest(postTo(`${appFolder}${manifest.entries.install}`));
    const app = page.waitForRequest(postTo(handler));
    const frame = await openAppPage(page);
    await wizard;
    await expect(page.getByTestId('install-finished')).toBeVisible({ timeout: 60_000 });
    // After the install the portal opens the app itself: index.html from the same folder.
    await app;
    await expect(frame.getByRole('table')).toBeVisible();
    expect((await rest<{ INSTALLED: boolean }>('app.info', {})).INSTALLED).toBe(true);
  });

  await test.step('every default surface of every smart process is bound to the hosted index.html', async () => {
    const bound = await rest<Array<{ placement: string; handler: string }>>('placement.get', {});
    const expected = SMART_PROCESSES.flatMap((id) =>
      DEFAULT_SURFACES.map((surface) => surface.placement.replace('{entityTypeId}', String(id))),
    ).sort();
    expect(bound.map((binding) => binding.placement).sort()).toEqual(expected);
    expect(new Set(bound.map((binding) => binding.handler))).toEqual(new Set([handler]));
  });

  await test.step("the item's tab, served from the archive, creates exactly one linked task with one click", async () => {
    const linked = async () =>
      (
        await rest<{ tasks: PortalTask[] }>('tasks.task.list', {
          filter: { UF_CRM_TASK: 'Tb1_29' },
          select: ['ID', 'TITLE', 'UF_CRM_TASK'],
        })
      ).tasks;
    const before = await linked();
    const tab = await openDetailTab(page, { entityTypeId: 177, itemId: 29 });
    await expect(tab.locator('li.dt-task')).toHaveCount(before.length);
    const tabFrame = await frameOf(appFrameElement(page, placementCode(177, 'DETAIL_TAB')));
    expect(tabFrame.url().startsWith(handler)).toBe(true);

    await tab.getByRole('button', { name: 'Create task', exact: true }).click();
    await expect(tab.getByRole('status').filter({ hasText: 'Task created' })).toBeVisible();
    await expect(tab.locator('li.dt-task')).toHaveCount(before.length + 1);

    const known = new Set(before.map((task) => task.id));
    const created = (await linked()).filter((task) => !known.has(task.id));
    expect(created).toHaveLength(1);
    expect(created[0]!.title).toBe('Equipment Purchase: Washing Machine');
    expect(created[0]!.ufCrmTask).toEqual(['Tb1_29']);
  });
});
