/**
 * From what the portal holds (smart processes, this app's bindings) and what the admin wants
 * (manifest defaults + choices), the exact `placement.unbind` / `placement.bind` commands that
 * make the portal match. Applying the plan and planning again yields an empty plan.
 */
import {
  manifest,
  matchPlacement,
  placementCode,
  type ManifestLanguage,
  type SurfaceDeclaration,
} from '../../../placements/manifest';
import { isSurfaceWanted, type SurfaceChoices } from './surface-choices';

export interface SmartProcessRef {
  entityTypeId: number;
  title: string;
}

/** One row of `placement.get`, as far as the plan needs it. */
export interface CurrentBinding {
  placement: string;
  handler: string;
  title: string;
  /** Titles per language as the portal stores them; may lack languages. */
  langAll: Readonly<Record<string, { TITLE?: string }>>;
}

export interface BindCommand {
  kind: 'bind';
  placement: string;
  handler: string;
  entityTypeId: number;
  surfaceId: string;
  titles: Readonly<Record<ManifestLanguage, string>>;
}

export type UnbindReason =
  /** The admin switched the surface off for this smart process. */
  | 'switched-off'
  /** Bound to another handler URL (the app moved, or an old deployment). */
  | 'handler-moved'
  /** The smart process no longer exists. */
  | 'smart-process-deleted'
  /** A placement that is none of the manifest's surfaces (a surface since removed). */
  | 'not-a-surface'
  /** Bound by us, but with titles the manifest has since changed: unbound and bound again. */
  | 'titles-outdated';

export interface UnbindCommand {
  kind: 'unbind';
  placement: string;
  handler: string;
  reason: UnbindReason;
  entityTypeId: number | null;
  surfaceId: string | null;
}

export type PlacementCommand = UnbindCommand | BindCommand;

export interface InstallPlan {
  /** Unbinds first, then binds, so a moved handler never shows twice. */
  commands: PlacementCommand[];
  /** Bindings already as wanted. */
  unchanged: number;
}

const manifestLanguages = (): ManifestLanguage[] =>
  Object.keys(manifest.surfaces[0]?.title ?? { en: '' }) as ManifestLanguage[];

/** Handler URLs compared the way a browser would resolve them (`HTTP://Host:80/x` = `http://host/x`). */
export function sameHandler(left: string, right: string): boolean {
  return normaliseUrl(left) === normaliseUrl(right);
}

function normaliseUrl(url: string): string {
  try {
    return new URL(url).toString();
  } catch {
    return url.trim();
  }
}

function titlesOutdated(binding: CurrentBinding, surface: SurfaceDeclaration): boolean {
  // Only languages the portal reports are compared: a portal that keeps fewer languages than
  // we send must not make every sync re-bind.
  return manifestLanguages().some((language) => {
    const stored = binding.langAll[language]?.TITLE;
    return stored !== undefined && stored !== '' && stored !== surface.title[language];
  });
}

export function planPlacementSync(input: {
  smartProcesses: readonly SmartProcessRef[];
  bindings: readonly CurrentBinding[];
  choices: SurfaceChoices;
  handler: string;
  surfaces?: readonly SurfaceDeclaration[];
}): InstallPlan {
  const surfaces = input.surfaces ?? manifest.surfaces;
  const existingTypes = new Set(input.smartProcesses.map((process) => process.entityTypeId));
  const unbinds: UnbindCommand[] = [];
  const binds: BindCommand[] = [];
  /** Placement codes that already carry our handler with current titles. */
  const satisfied = new Set<string>();
  let unchanged = 0;

  for (const binding of input.bindings) {
    const placement = binding.placement.toUpperCase();
    const match = matchPlacement(placement);
    const surface = match ? surfaces.find((candidate) => candidate.id === match.surface.id) : undefined;
    const unbind = (reason: UnbindReason): void => {
      unbinds.push({
        kind: 'unbind',
        placement,
        handler: binding.handler,
        reason,
        entityTypeId: match?.entityTypeId ?? null,
        surfaceId: surface?.id ?? null,
      });
    };
    if (!match || !surface) unbind('not-a-surface');
    else if (!existingTypes.has(match.entityTypeId)) unbind('smart-process-deleted');
    else if (!isSurfaceWanted(input.choices, match.entityTypeId, surface)) unbind('switched-off');
    else if (!sameHandler(binding.handler, input.handler)) unbind('handler-moved');
    else if (satisfied.has(placement))
      unbind('handler-moved'); // a duplicate of the same binding
    else if (titlesOutdated(binding, surface)) unbind('titles-outdated');
    else {
      satisfied.add(placement);
      unchanged += 1;
    }
  }

  for (const process of input.smartProcesses) {
    for (const surface of surfaces) {
      if (!isSurfaceWanted(input.choices, process.entityTypeId, surface)) continue;
      const placement = placementCode(surface, process.entityTypeId);
      if (satisfied.has(placement)) continue;
      satisfied.add(placement);
      binds.push({
        kind: 'bind',
        placement,
        handler: input.handler,
        entityTypeId: process.entityTypeId,
        surfaceId: surface.id,
        titles: surface.title,
      });
    }
  }

  return { commands: [...unbinds, ...binds], unchanged };
}

export interface SurfaceCell {
  surface: SurfaceDeclaration;
  placement: string;
  /** On in the settings (the admin's choice or the manifest default). */
  wanted: boolean;
  /** The portal holds a binding of this placement to our handler. */
  bound: boolean;
}

export interface SmartProcessRow {
  smartProcess: SmartProcessRef;
  cells: SurfaceCell[];
}

/** Smart processes × surfaces with what is wanted and what the portal holds, for the settings page. */
export function bindingMatrix(input: {
  smartProcesses: readonly SmartProcessRef[];
  bindings: readonly CurrentBinding[];
  choices: SurfaceChoices;
  handler: string;
  surfaces?: readonly SurfaceDeclaration[];
}): SmartProcessRow[] {
  const surfaces = input.surfaces ?? manifest.surfaces;
  const boundToUs = new Set(
    input.bindings
      .filter((binding) => sameHandler(binding.handler, input.handler))
      .map((binding) => binding.placement.toUpperCase()),
  );
  return [...input.smartProcesses]
    .sort((left, right) => left.title.localeCompare(right.title) || left.entityTypeId - right.entityTypeId)
    .map((smartProcess) => ({
      smartProcess,
      cells: surfaces.map((surface) => {
        const placement = placementCode(surface, smartProcess.entityTypeId);
        return {
          surface,
          placement,
          wanted: isSurfaceWanted(input.choices, smartProcess.entityTypeId, surface),
          bound: boundToUs.has(placement),
        };
      }),
    }));
}
