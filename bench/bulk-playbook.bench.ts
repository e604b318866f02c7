/**
 * Bulk applies a stage playbook on a cloud portal (issue 12): 300 items of "Technician on site" ×
 * a playbook of 3 templates (checklists of 2, 0 and 3 lines), every item missing all three: 900
 * tasks.task.add and 1,500 task.checklistitem.add, with the emulator's `cloud` costs
 * (tasks.task.add ≈ 0.934 s, task.checklistitem.add ≈ 0.248 s of portal work), its operating
 * limit (480 s per method per app in ten one-minute baskets, limits.md), the default leaky
 * bucket (2 requests/s, burst 50) and a time scale. Reports round trips and the wall time
 * (portal seconds) against the lower bounds the portal sets:
 *
 * - work bound: requests go one after another, so T ≥ the portal work of every command
 *   (900 × 0.934 + 1,500 × 0.248 s);
 * - operating bound: tasks.task.add's own work S = 900 × 0.934 s can use at most 480 s of every
 *   ten minutes, so T ≥ S + k × (600 − 480) with k = ⌈S / 480⌉ − 1 (the checklist lines' method
 *   has its own budget, which they do not fill);
 * - rate bound: Q requests through a bucket of 50 draining 2 per second take ≥ (Q − 50) / 2 s;
 *
 * and the ratio to the largest; requests over 10 portal seconds, 429s and 503s met, template
 * tasks made twice (duplicates) and missing (lost), items failed: all must be 0.
 *
 * Time scale 8 by default (BENCH_TIME_SCALE overrides), as bench/bulk-bounds.bench.ts: the SDK
 * paces requests by the machine's clock (its bucket of 2/s), so a faster scale would measure the
 * SDK's bucket, not the portal.
 */
import type { Page } from '@playwright/test';
import { BULK_STAGE, fillBulkStage, portalRestClient, type PortalRest } from '../e2e/support/app';
import { openListToolbarApp } from '../e2e/support/portal';
import { measuredRun, operatingBound, rateBound } from './bulk-bounds.bench';
import { atLatencies, inFreshPage, type BenchEnvironment, type BenchResult } from './support/harness';

/** Costs of the `cloud` profile (portal/rest/cost-model.ts, from the methods' docs). */
const ADD_SECONDS = 0.934;
const CHECKLIST_LINE_SECONDS = 0.248;
const RUN_SIZE = 300;
const XML_PREFIX = 'smart-tasks:template:';

const TEMPLATES = [
  { key: 'call', title: 'Call about {title}', lines: ['Dial the client', 'Agree on a time'] },
  { key: 'visit', title: 'Visit {title}', lines: [] as string[] },
  { key: 'report', title: 'Report on {title}', lines: ['Photos', 'Parts used', 'Signature'] },
];

function playbookDocument(): string {
  return JSON.stringify({
    schema: 1,
    entityTypeId: BULK_STAGE.entityTypeId,
    revision: 1,
    savedAt: '2026-11-30T09:00:00+03:00',
    savedBy: 1,
    stages: [
      {
        stageId: BULK_STAGE.stageId,
        templates: TEMPLATES.map((template) => ({
          key: template.key,
          title: template.title,
          description: 'For {stage}',
          responsible: { kind: 'item-responsible' },
          participantIds: [],
          observerIds: [],
          deadline: { unit: 'working-days', amount: 2, timeOfDay: '17:00' },
          priority: 'medium',
          checklist: template.lines,
        })),
      },
    ],
  });
}

/** Template tasks per item and key, as the portal holds them. */
async function templateTasks(rest: PortalRest, itemIds: readonly number[]): Promise<Map<string, number>> {
  const perSlot = new Map<string, number>();
  for (let from = 0; from < itemIds.length; from += 50) {
    const codes = itemIds.slice(from, from + 50).map((id) => `Tb7_${id}`);
    for (let start = 0; ; start += 50) {
      const result = await rest<{ tasks: Array<{ xmlId?: string | null; ufCrmTask?: string[] | false }> }>(
        'tasks.task.list',
        { filter: { UF_CRM_TASK: codes }, select: ['ID', 'XML_ID', 'UF_CRM_TASK'], order: { ID: 'asc' }, start },
      );
      for (const task of result.tasks) {
        if (!task.xmlId?.startsWith(XML_PREFIX)) continue;
        for (const code of task.ufCrmTask || []) {
          if (!codes.includes(code)) continue;
          const slot = `${code} ${task.xmlId.slice(XML_PREFIX.length)}`;
          perSlot.set(slot, (perSlot.get(slot) ?? 0) + 1);
        }
      }
      if (result.tasks.length < 50) break;
    }
  }
  return perSlot;
}

async function runOnce(environment: BenchEnvironment, page: Page, itemIds: number[]): Promise<BenchResult> {
  const { control } = environment;
  const panel = await openListToolbarApp(page, { entityTypeId: BULK_STAGE.entityTypeId });
  await panel.getByRole('combobox', { name: 'Funnel' }).selectOption({ label: 'Field service' });
  await panel.getByRole('combobox', { name: 'Stage' }).selectOption({ label: 'Technician on site' });
  await panel.getByRole('radio', { name: 'The tasks of the stage’s playbook it is missing' }).check();
  const tasks = itemIds.length * TEMPLATES.length;
  const startName = `Create ${tasks.toLocaleString('en-US')} missing tasks`;
  const start = panel.getByRole('button', { name: startName });
  await start.waitFor({ timeout: 120_000 });

  const { wall, summary, log } = await measuredRun(environment, panel, start, (confirm) =>
    confirm.getByRole('button', { name: startName }),
  );
  const perSlot = await templateTasks(portalRestClient(environment.portal.origin, control), itemIds);
  const creates = log.filter((entry) => entry.commands?.includes('tasks.task.add'));
  const commandsOf = (name: string) =>
    creates.reduce((sum, entry) => sum + entry.commands!.filter((command) => command === name).length, 0);
  const made = Number(/([\d,]+) tasks? created/.exec(summary)?.[1]?.replace(/,/g, '') ?? 0);
  const lines = TEMPLATES.reduce((sum, template) => sum + template.lines.length, 0) * itemIds.length;
  const bounds = {
    work: made * ADD_SECONDS + lines * CHECKLIST_LINE_SECONDS,
    operating: operatingBound(made, ADD_SECONDS),
    rate: rateBound(log.length),
  };
  const bound = Math.max(bounds.work, bounds.operating, bounds.rate);
  const slots = itemIds.flatMap((id) => TEMPLATES.map((template) => `Tb7_${id} ${template.key}`));
  return {
    name: `bulk playbook of 3 over ${itemIds.length} items, cloud portal (time scale ${environment.costs.timeScale})`,
    metrics: {
      'items × templates': `${itemIds.length} × ${TEMPLATES.length}`,
      outcome: summary,
      'wall time, portal s': Number(wall.toFixed(0)),
      'work bound (900 × 0.934 + 1,500 × 0.248 s), s': Number(bounds.work.toFixed(0)),
      'operating bound (adds × 0.934 s in 480 s / 10 min), s': Number(bounds.operating.toFixed(0)),
      'rate bound ((requests − 50) / 2 per s), s': Number(bounds.rate.toFixed(0)),
      'wall time / largest bound': Number((wall / bound).toFixed(3)),
      'round trips': log.length,
      'round trips per item': Number((log.length / itemIds.length).toFixed(2)),
      'create requests (tasks.task.add, task.checklistitem.add commands)': `${creates.length} (${commandsOf('tasks.task.add')}, ${commandsOf('task.checklistitem.add')})`,
      'largest create request, commands': Math.max(0, ...creates.map((entry) => entry.commands!.length)),
      'requests over 10 portal s': log.filter((entry) => (entry.duration ?? 0) > 10).length,
      'longest request, portal s': Number(Math.max(0, ...log.map((entry) => entry.duration ?? 0)).toFixed(1)),
      '429 met (OPERATION_TIME_LIMIT or other)':
        log.filter((entry) => entry.status === 429).length +
        log.reduce((sum, entry) => sum + (entry.operationTimeLimited ?? 0), 0),
      '503 met': log.filter((entry) => entry.status === 503).length,
      'template tasks made twice (duplicates)': [...perSlot.values()].filter((count) => count > 1).length,
      'template tasks missing (lost)': slots.filter((slot) => !perSlot.has(slot)).length,
      'items failed': Number(/([\d,]+) failed/.exec(summary)?.[1]?.replace(/,/g, '') ?? -1),
    },
  };
}

export default async function bulkPlaybookBenchmark(): Promise<BenchResult[]> {
  return atLatencies(
    [0],
    async (environment) => {
      await environment.control.reset();
      await environment.control.configure({ cost: 'instant', rateLimit: null, operatingLimitSeconds: null });
      const rest = portalRestClient(environment.portal.origin, environment.control);
      const itemIds = await fillBulkStage(rest, RUN_SIZE);
      await rest('app.option.set', { options: { [`playbook_${BULK_STAGE.entityTypeId}`]: playbookDocument() } });
      return [await inFreshPage(environment, (page) => runOnce(environment, page, itemIds), { reset: false })];
    },
    { cost: 'cloud', timeScale: 8 },
  );
}
