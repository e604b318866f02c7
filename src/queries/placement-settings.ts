/**
 * Where Smart Tasks is shown on the portal: is the app installed, every smart process, this
 * app's bindings and the admin's choices. Read in one batch (plus further crm.type.list pages
 * only on portals with more than 50 smart processes).
 */
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { command, useBitrix, type BatchCommand, type BitrixBoundary, type RestSmartProcessType } from '../bitrix';
import type { CurrentBinding, SmartProcessRef } from '../domain/install/binding-plan';
import type { SyncReport } from '../domain/install/synchronise';
import { parseSurfaceChoices, SURFACE_CHOICES_OPTION, type SurfaceChoices } from '../domain/install/surface-choices';
import { decodeBinding } from './placement-sync-ports';

export interface PlacementState {
  installed: boolean;
  smartProcesses: SmartProcessRef[];
  bindings: CurrentBinding[];
  choices: SurfaceChoices;
  /** The stored choices could not all be read (the defaults apply where they could not). */
  choicesDamaged: boolean;
}

export const placementKeys = {
  all: ['placements'] as const,
  state: () => [...placementKeys.all, 'state'] as const,
};

const TYPE_ORDER = { id: 'ASC' } as const;
const LIST_PAGE = 50;

function toRefs(types: readonly RestSmartProcessType[]): SmartProcessRef[] {
  return types
    .filter((type) => Number.isInteger(type.entityTypeId))
    .map((type) => ({ entityTypeId: type.entityTypeId, title: type.title ?? '' }));
}

export async function loadPlacementState(boundary: BitrixBoundary): Promise<PlacementState> {
  const answers = await boundary.batch({
    app: command('app.info', {}),
    bindings: command('placement.get', {}),
    choices: command('app.option.get', { option: SURFACE_CHOICES_OPTION }),
    types: command('crm.type.list', { order: TYPE_ORDER, start: 0 }),
  });
  if (!answers.app.ok) throw answers.app.error;
  if (!answers.bindings.ok) throw answers.bindings.error;
  if (!answers.types.ok) throw answers.types.error;
  const types = [...answers.types.result.types];
  const total = answers.types.total ?? types.length;
  const starts: number[] = [];
  for (let start = LIST_PAGE; start < total; start += LIST_PAGE) starts.push(start);
  for (let index = 0; index < starts.length; index += 50) {
    const chunk = starts.slice(index, index + 50);
    const pages = await boundary.batch(
      Object.fromEntries(
        chunk.map((start) => [`page${start}`, command('crm.type.list', { order: TYPE_ORDER, start })]),
      ) as Record<string, BatchCommand<'crm.type.list'>>,
    );
    for (const start of chunk) {
      const page = pages[`page${start}`]!;
      if (!page.ok) throw page.error;
      types.push(...page.result.types);
    }
  }
  const parsed = answers.choices.ok
    ? parseSurfaceChoices(answers.choices.result)
    : { choices: { overrides: {} }, damaged: false };
  return {
    installed: answers.app.result.INSTALLED === true,
    smartProcesses: toRefs(types),
    bindings: (Array.isArray(answers.bindings.result) ? answers.bindings.result : []).map(decodeBinding),
    choices: parsed.choices,
    choicesDamaged: parsed.damaged,
  };
}

export function usePlacementState(options: { enabled: boolean }) {
  const boundary = useBitrix();
  return useQuery({
    queryKey: placementKeys.state(),
    queryFn: () => loadPlacementState(boundary),
    enabled: options.enabled,
    staleTime: 0,
  });
}

/** After a sync, the portal's answer replaces what was known: no second read needed. */
export function applySyncReport(queryClient: QueryClient, report: SyncReport, choices: SurfaceChoices): void {
  queryClient.setQueryData<PlacementState>(placementKeys.state(), (state) =>
    state ? { ...state, smartProcesses: report.smartProcesses, bindings: report.bindings, choices } : state,
  );
}

export function setInstalled(queryClient: QueryClient, installed: boolean): void {
  queryClient.setQueryData<PlacementState>(placementKeys.state(), (state) => (state ? { ...state, installed } : state));
}
