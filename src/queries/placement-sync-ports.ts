/**
 * The install domain's ports over the Bitrix24 boundary: smart processes (every page of
 * crm.type.list), this app's bindings (placement.get), binds and unbinds in batches of 50,
 * the admin's surface choices (app.option) and whether the install is finished (app.info).
 */
import {
  command,
  toBitrixError,
  type BatchCommand,
  type BitrixBoundary,
  type RestPlacementBinding,
  type RestPlacementTitles,
} from '../bitrix';
import type { PlacementCommandPort, PortalCommandResult } from '../domain/install/apply-plan';
import type { CurrentBinding, PlacementCommand, SmartProcessRef } from '../domain/install/binding-plan';
import type { PortalPlacementState } from '../domain/install/synchronise';
import {
  parseSurfaceChoices,
  serialiseSurfaceChoices,
  SURFACE_CHOICES_OPTION,
  type SurfaceChoices,
} from '../domain/install/surface-choices';

const LIST_PAGE = 50;

/** Every smart process: the first page says how many there are, the rest come in one batch. */
export async function listAllSmartProcesses(boundary: BitrixBoundary): Promise<SmartProcessRef[]> {
  const order = { id: 'ASC' } as const;
  const first = await boundary.call('crm.type.list', { order, start: 0 });
  const types = [...first.result.types];
  const total = first.total ?? types.length;
  const starts: number[] = [];
  for (let start = LIST_PAGE; start < total; start += LIST_PAGE) starts.push(start);
  for (let index = 0; index < starts.length; index += 50) {
    const chunk = starts.slice(index, index + 50);
    const answers = await boundary.batch(
      Object.fromEntries(chunk.map((start) => [`page${start}`, command('crm.type.list', { order, start })])) as Record<
        string,
        BatchCommand<'crm.type.list'>
      >,
    );
    for (const start of chunk) {
      const answer = answers[`page${start}`]!;
      if (!answer.ok) throw answer.error;
      types.push(...answer.result.types);
    }
  }
  const seen = new Set<number>();
  return types
    .filter(
      (type) => Number.isInteger(type.entityTypeId) && !seen.has(type.entityTypeId) && seen.add(type.entityTypeId),
    )
    .map((type) => ({ entityTypeId: type.entityTypeId, title: type.title ?? '' }));
}

export function decodeBinding(row: RestPlacementBinding): CurrentBinding {
  const langAll: Record<string, { TITLE?: string }> = {};
  if (row.langAll && !Array.isArray(row.langAll)) {
    for (const [language, entry] of Object.entries(row.langAll)) langAll[language] = { TITLE: entry?.TITLE ?? '' };
  }
  return {
    placement: String(row.placement ?? ''),
    handler: String(row.handler ?? ''),
    title: String(row.title ?? ''),
    langAll,
  };
}

export async function readBindings(boundary: BitrixBoundary): Promise<CurrentBinding[]> {
  const { result } = await boundary.call('placement.get', {});
  return (Array.isArray(result) ? result : []).map(decodeBinding);
}

function placementCommand(entry: PlacementCommand): BatchCommand {
  if (entry.kind === 'unbind')
    return command('placement.unbind', { PLACEMENT: entry.placement, HANDLER: entry.handler });
  const titles: RestPlacementTitles = {};
  for (const [language, title] of Object.entries(entry.titles)) titles[language] = { TITLE: title };
  return command('placement.bind', {
    PLACEMENT: entry.placement,
    HANDLER: entry.handler,
    TITLE: entry.titles.en,
    LANG_ALL: titles,
  });
}

export function placementPorts(
  boundary: BitrixBoundary,
  sleep: (milliseconds: number) => Promise<void>,
): PortalPlacementState & PlacementCommandPort {
  return {
    smartProcesses: () => listAllSmartProcesses(boundary),
    bindings: () => readBindings(boundary),
    sleep,
    async run(commands: readonly PlacementCommand[]): Promise<PortalCommandResult[]> {
      const keys = commands.map((_, index) => `c${index}`);
      const answers = await boundary.batch(
        Object.fromEntries(commands.map((entry, index) => [keys[index], placementCommand(entry)])),
      );
      return keys.map((key): PortalCommandResult => {
        const answer = answers[key];
        if (!answer) return { ok: false, error: { code: 'UNKNOWN', description: '' } };
        if (answer.ok) return { ok: true };
        return {
          ok: false,
          error: { code: answer.error.code, description: answer.error.portalDescription ?? answer.error.message },
        };
      });
    },
  };
}

export async function readSurfaceChoices(
  boundary: BitrixBoundary,
): Promise<{ choices: SurfaceChoices; damaged: boolean }> {
  const { result } = await boundary.call('app.option.get', { option: SURFACE_CHOICES_OPTION });
  return parseSurfaceChoices(result);
}

export async function saveSurfaceChoices(boundary: BitrixBoundary, choices: SurfaceChoices): Promise<void> {
  await boundary.call('app.option.set', { options: { [SURFACE_CHOICES_OPTION]: serialiseSurfaceChoices(choices) } });
}

export async function isAppInstalled(boundary: BitrixBoundary): Promise<boolean> {
  try {
    const { result } = await boundary.call('app.info', {});
    return result.INSTALLED === true;
  } catch (error) {
    throw toBitrixError(error, 'app.info');
  }
}
