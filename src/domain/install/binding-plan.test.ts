import { describe, expect, it } from 'vitest';
import { manifest } from '../../../placements/manifest';
import { applyPlacementPlan } from './apply-plan';
import { bindingMatrix, planPlacementSync, type BindCommand } from './binding-plan';
import { noChoices, withSurfaceSwitched } from './surface-choices';
import { synchronisePlacements } from './synchronise';
import { InMemoryPlacements } from './testing/in-memory-placements';

const handler = 'https://smart-tasks.example.com/index.html';
const equipment = { entityTypeId: 177, title: 'Equipment Purchase' };
const purchase = { entityTypeId: 156, title: 'Purchase' };
const surfaceCount = manifest.surfaces.filter((surface) => surface.enabledByDefault).length;
const listMenu = manifest.surfaces.find((surface) => surface.id === 'list-menu')!;

async function sync(portal: InMemoryPlacements, choices = noChoices, handlerUrl = handler) {
  return synchronisePlacements({ portal, commands: portal, choices, handler: handlerUrl });
}

describe('placement sync', () => {
  it('binds every default surface of every smart process on a fresh portal, with titles in each language', async () => {
    const portal = new InMemoryPlacements([equipment, purchase]);
    const report = await sync(portal);

    expect(report.failed).toEqual([]);
    expect(portal.rows).toHaveLength(2 * surfaceCount);
    expect(portal.rows.map((row) => row.placement)).toContain('CRM_DYNAMIC_177_DETAIL_TAB');
    expect(portal.rows.map((row) => row.placement)).toContain('CRM_DYNAMIC_156_ACTIVITY_TIMELINE_MENU');
    const tab = portal.rows.find((row) => row.placement === 'CRM_DYNAMIC_177_DETAIL_TAB')!;
    expect(tab.handler).toBe(handler);
    expect(tab.langAll).toEqual({ en: { TITLE: 'Tasks' }, ru: { TITLE: 'Задачи' }, de: { TITLE: 'Aufgaben' } });
  });

  it('changes nothing when run a second time', async () => {
    const portal = new InMemoryPlacements([equipment, purchase]);
    await sync(portal);
    const batchesAfterFirst = portal.batches.length;

    const second = await sync(portal);

    expect(second.plan.commands).toEqual([]);
    expect(second.plan.unchanged).toBe(2 * surfaceCount);
    expect(portal.batches.length).toBe(batchesAfterFirst);
  });

  it('finds a smart process created after the install on the next sync', async () => {
    const portal = new InMemoryPlacements([equipment]);
    await sync(portal);
    portal.smartProcessList.push({ entityTypeId: 1038, title: 'Repairs' });

    const report = await sync(portal);

    const bound = report.plan.commands as BindCommand[];
    expect(bound.every((command) => command.kind === 'bind' && command.entityTypeId === 1038)).toBe(true);
    expect(bound).toHaveLength(surfaceCount);
    expect(portal.rows.filter((row) => row.placement.startsWith('CRM_DYNAMIC_1038_'))).toHaveLength(surfaceCount);
  });

  it('unbinds a surface the admin switched off, and only that one', async () => {
    const portal = new InMemoryPlacements([equipment, purchase]);
    await sync(portal);
    const choices = withSurfaceSwitched(noChoices, 177, listMenu, false);

    const report = await sync(portal, choices);

    expect(report.plan.commands).toEqual([
      expect.objectContaining({
        kind: 'unbind',
        placement: 'CRM_DYNAMIC_177_LIST_MENU',
        reason: 'switched-off',
        handler,
      }),
    ]);
    expect(portal.rows.map((row) => row.placement)).not.toContain('CRM_DYNAMIC_177_LIST_MENU');
    expect(portal.rows.map((row) => row.placement)).toContain('CRM_DYNAMIC_156_LIST_MENU');
  });

  it('moves every binding to a new handler URL', async () => {
    const portal = new InMemoryPlacements([equipment]);
    await sync(portal, noChoices, 'https://old-host.example.com/index.html');
    const newHandler = 'https://new-host.example.com/app/index.html';

    const report = await sync(portal, noChoices, newHandler);

    expect(report.plan.commands.filter((command) => command.kind === 'unbind')).toHaveLength(surfaceCount);
    expect(report.plan.commands.filter((command) => command.kind === 'bind')).toHaveLength(surfaceCount);
    expect(report.plan.commands[0]).toMatchObject({ kind: 'unbind', reason: 'handler-moved' });
    expect(new Set(portal.rows.map((row) => row.handler))).toEqual(new Set([newHandler]));
  });

  it('unbinds the placements of a deleted smart process, even though the portal no longer knows the code', async () => {
    const portal = new InMemoryPlacements([equipment, purchase]);
    await sync(portal);
    portal.smartProcessList = [equipment];

    const report = await sync(portal);

    expect(
      report.plan.commands.every((command) => command.kind === 'unbind' && command.reason === 'smart-process-deleted'),
    ).toBe(true);
    expect(report.failed).toEqual([]);
    expect(report.reports.every((entry) => entry.status === 'already-unbound' || entry.status === 'done')).toBe(true);
  });

  it('unbinds a placement that is none of the surfaces, and re-binds one whose titles changed', () => {
    const plan = planPlacementSync({
      smartProcesses: [equipment],
      bindings: [
        { placement: 'CRM_DYNAMIC_177_FUNNELS_TOOLBAR', handler, title: 'Old', langAll: {} },
        { placement: 'CRM_DYNAMIC_177_DETAIL_TAB', handler, title: 'Todo', langAll: { en: { TITLE: 'Todo' } } },
      ],
      choices: noChoices,
      handler,
    });

    expect(plan.commands.slice(0, 2)).toEqual([
      expect.objectContaining({
        kind: 'unbind',
        placement: 'CRM_DYNAMIC_177_FUNNELS_TOOLBAR',
        reason: 'not-a-surface',
      }),
      expect.objectContaining({ kind: 'unbind', placement: 'CRM_DYNAMIC_177_DETAIL_TAB', reason: 'titles-outdated' }),
    ]);
    expect(plan.commands.filter((command) => command.kind === 'bind').map((command) => command.placement)).toContain(
      'CRM_DYNAMIC_177_DETAIL_TAB',
    );
  });

  it('does not re-bind when the portal keeps fewer languages than the manifest has', () => {
    const plan = planPlacementSync({
      smartProcesses: [equipment],
      bindings: manifest.surfaces.map((surface) => ({
        placement: surface.placement.replace('{entityTypeId}', '177'),
        handler: handler.replace('https://smart-tasks.example.com', 'HTTPS://Smart-Tasks.example.com:443'),
        title: surface.title.en,
        langAll: { en: { TITLE: surface.title.en } },
      })),
      choices: noChoices,
      handler,
    });

    expect(plan.commands).toEqual([]);
  });

  it('treats a re-bind answered "Handler already binded" as done, in both error shapes', async () => {
    for (const bareStringErrors of [false, true]) {
      const portal = new InMemoryPlacements([equipment]);
      await sync(portal);
      portal.bareStringErrors = bareStringErrors;
      // A plan made from a stale read: everything looks unbound.
      const stale = planPlacementSync({ smartProcesses: [equipment], bindings: [], choices: noChoices, handler });

      const reports = await applyPlacementPlan(stale.commands, portal);

      expect(reports.map((report) => report.status)).toEqual(stale.commands.map(() => 'already-bound'));
      expect(portal.rows).toHaveLength(surfaceCount);
    }
  });
});

describe('applying a plan', () => {
  const manyTypes = Array.from({ length: 20 }, (_, index) => ({ entityTypeId: 1000 + index, title: `Type ${index}` }));

  it('sends at most 50 commands per batch', async () => {
    const portal = new InMemoryPlacements(manyTypes);
    await sync(portal);
    // One bind per default surface and smart process, in batches of 50 (the last one holds the rest).
    const binds = manyTypes.length * surfaceCount;
    expect(portal.batches).toEqual([
      ...Array<number>(Math.floor(binds / 50)).fill(50),
      ...(binds % 50 > 0 ? [binds % 50] : []),
    ]);
    expect(portal.batches.length).toBeGreaterThan(1);
  });

  it('sends a batch again after it failed as a whole, and reports commands failed after three failures', async () => {
    const portal = new InMemoryPlacements(manyTypes.slice(0, 2));
    portal.failNextBatches = 1;
    const recovered = await sync(portal);
    expect(recovered.failed).toEqual([]);
    expect(portal.rows).toHaveLength(2 * surfaceCount);

    const other = new InMemoryPlacements([equipment]);
    other.failNextBatches = 3;
    const progress: number[] = [];
    const failed = await synchronisePlacements({
      portal: other,
      commands: other,
      choices: noChoices,
      handler,
      onProgress: (step) => progress.push(step.failed),
    });
    expect(failed.failed).toHaveLength(surfaceCount);
    expect(failed.failed[0]?.message).toBe('Network error');
    expect(progress.at(-1)).toBe(surfaceCount);
  });
});

describe('binding matrix', () => {
  it('shows each smart process with each surface, wanted and bound', async () => {
    const portal = new InMemoryPlacements([equipment, purchase]);
    await sync(portal);
    const choices = withSurfaceSwitched(noChoices, 177, listMenu, false);

    const rows = bindingMatrix({ smartProcesses: portal.smartProcessList, bindings: portal.rows, choices, handler });

    expect(rows.map((row) => row.smartProcess.title)).toEqual(['Equipment Purchase', 'Purchase']);
    const cell = rows[0]!.cells.find((candidate) => candidate.surface.id === 'list-menu')!;
    expect(cell).toMatchObject({ placement: 'CRM_DYNAMIC_177_LIST_MENU', wanted: false, bound: true });
    expect(rows[1]!.cells.every((candidate) => candidate.wanted && candidate.bound)).toBe(true);
  });
});
