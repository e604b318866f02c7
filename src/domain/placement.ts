/**
 * What the portal told the app about where it is mounted: the placement code and its
 * PLACEMENT_OPTIONS, parsed into a typed launch target (or a typed error). The codes come
 * from placements/manifest.ts only.
 */
import { manifest, matchPlacement, type SurfaceDeclaration, type SurfaceRoute } from '../../placements/manifest';

/** PLACEMENT_OPTIONS values as the portal sends them: strings (scalars may be numbers in some builds). */
export type PlacementOptions = Readonly<Record<string, string>>;

interface SurfaceTargetBase {
  placement: string;
  surface: SurfaceDeclaration;
  entityTypeId: number;
  options: PlacementOptions;
}

/** One surface's launch target, typed per route: a surface receives exactly what it needs. */
export type SurfaceTarget =
  | (SurfaceTargetBase & { route: 'detail-tab'; itemId: number })
  | (SurfaceTargetBase & { route: 'quick-create'; itemId: number })
  | (SurfaceTargetBase & { route: 'bulk' })
  /** The automation designer's menu: the funnel whose rules were open (from `URI`), when it names one. */
  | (SurfaceTargetBase & { route: 'playbook-editor'; categoryId: number | null });

export type AppPageTarget = { route: 'app-page'; placement: 'DEFAULT'; options: PlacementOptions };

export type LaunchTarget = SurfaceTarget | AppPageTarget;

export type TargetFor<R extends LaunchTarget['route']> = Extract<LaunchTarget, { route: R }>;

export type PlacementErrorReason = 'unknown-placement' | 'malformed-options' | 'missing-item-id';

export class PlacementError extends Error {
  override readonly name = 'PlacementError';
  constructor(
    readonly reason: PlacementErrorReason,
    readonly placement: string,
    detail: string,
  ) {
    super(detail);
  }
}

/** PLACEMENT_OPTIONS may arrive as an object or as a JSON string; anything else is malformed. */
export function parsePlacementOptions(raw: unknown, placement: string): PlacementOptions {
  if (raw === undefined || raw === null || raw === '') return {};
  let value: unknown = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch {
      throw new PlacementError('malformed-options', placement, 'PLACEMENT_OPTIONS is not valid JSON');
    }
  }
  // PHP sends an empty object as [].
  if (Array.isArray(value) && value.length === 0) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new PlacementError('malformed-options', placement, 'PLACEMENT_OPTIONS is not an object');
  }
  const options: Record<string, string> = {};
  for (const [key, entry] of Object.entries(value)) {
    if (typeof entry === 'string') options[key] = entry;
    else if (typeof entry === 'number' && Number.isFinite(entry)) options[key] = String(entry);
    // Nested values are not part of any CRM placement's documented options: ignored.
  }
  return options;
}

const POSITIVE_INTEGER = /^[1-9]\d{0,15}$/;

/** The item id from the first option key the manifest names for this surface, e.g. ID or ENTITY_ID. */
export function itemIdFromOptions(surface: SurfaceDeclaration, options: PlacementOptions, placement: string): number {
  for (const key of surface.itemIdFrom) {
    const value = options[key]?.trim();
    if (value === undefined || value === '') continue;
    if (!POSITIVE_INTEGER.test(value)) {
      throw new PlacementError('malformed-options', placement, `PLACEMENT_OPTIONS.${key} is not an item id`);
    }
    return Number(value);
  }
  throw new PlacementError(
    'missing-item-id',
    placement,
    `PLACEMENT_OPTIONS has none of ${surface.itemIdFrom.join(', ')}`,
  );
}

const AUTOMATION_CATEGORY = /\/automation\/(\d{1,9})\/?(?:[?#].*)?$/;

/**
 * The funnel of the automation designer's page: its `URI` ends in `/automation/<categoryId>/`
 * (docs widgets/crm/robot-designer-toolbar.md: the placement has no keys of its own, the funnel
 * comes from the path). Null when the path names none.
 */
export function automationCategoryId(uri: string | undefined): number | null {
  const match = uri ? AUTOMATION_CATEGORY.exec(uri) : null;
  return match ? Number(match[1]) : null;
}

/** Parses the placement code and options the frame received into a launch target. */
export function parseLaunchTarget(placementCode: string, rawOptions: unknown): LaunchTarget {
  const placement = placementCode.trim().toUpperCase() || manifest.appPage.placement;
  if (placement === manifest.appPage.placement) {
    return { route: 'app-page', placement: 'DEFAULT', options: parsePlacementOptions(rawOptions, placement) };
  }
  const match = matchPlacement(placement);
  if (!match) throw new PlacementError('unknown-placement', placement, `No surface is declared for ${placement}`);
  const options = parsePlacementOptions(rawOptions, placement);
  const base = { placement, surface: match.surface, entityTypeId: match.entityTypeId, options };
  const route: SurfaceRoute = match.surface.route;
  switch (route) {
    case 'bulk':
      return { ...base, route };
    case 'playbook-editor':
      return { ...base, route, categoryId: automationCategoryId(options.URI) };
    case 'detail-tab':
    case 'quick-create':
      return { ...base, route, itemId: itemIdFromOptions(match.surface, options, placement) };
  }
}
