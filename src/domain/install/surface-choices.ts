/**
 * Which surfaces the portal admin wants on which smart process. Only the admin's departures
 * from the manifest's `enabledByDefault` are stored (in `app.option`), so a smart process
 * created later, or a surface added to the manifest later, gets its default without anyone
 * touching the settings.
 */
import { manifest, type SurfaceDeclaration } from '../../../placements/manifest';

/** The `app.option` key the choices are stored under. */
export const SURFACE_CHOICES_OPTION = 'surfaceChoices';

export interface SurfaceChoices {
  /** `"<entityTypeId>:<surfaceId>"` → on/off, only where the admin changed the default. */
  readonly overrides: Readonly<Record<string, boolean>>;
}

export const noChoices: SurfaceChoices = { overrides: {} };

function cellKey(entityTypeId: number, surfaceId: string): string {
  return `${entityTypeId}:${surfaceId}`;
}

export function isSurfaceWanted(choices: SurfaceChoices, entityTypeId: number, surface: SurfaceDeclaration): boolean {
  return choices.overrides[cellKey(entityTypeId, surface.id)] ?? surface.enabledByDefault;
}

/** A new choice set where one cell is switched; an override equal to the default is dropped. */
export function withSurfaceSwitched(
  choices: SurfaceChoices,
  entityTypeId: number,
  surface: SurfaceDeclaration,
  wanted: boolean,
): SurfaceChoices {
  const overrides = { ...choices.overrides };
  const key = cellKey(entityTypeId, surface.id);
  if (wanted === surface.enabledByDefault) delete overrides[key];
  else overrides[key] = wanted;
  return { overrides };
}

const knownSurfaceIds = new Set(manifest.surfaces.map((surface) => surface.id));
const CELL_KEY = /^([1-9]\d*):([a-z][a-z-]*)$/;

/**
 * Reads the stored option, which is untrusted: it may be missing, a JSON string (how we write
 * it), an object (how a portal may hand it back), or garbage. Unreadable cells are dropped;
 * `damaged` says some were, so the settings page can tell the admin.
 */
export function parseSurfaceChoices(stored: unknown): { choices: SurfaceChoices; damaged: boolean } {
  if (stored === undefined || stored === null || stored === '' || (Array.isArray(stored) && stored.length === 0)) {
    return { choices: noChoices, damaged: false };
  }
  let value: unknown = stored;
  if (typeof stored === 'string') {
    try {
      value = JSON.parse(stored);
    } catch {
      return { choices: noChoices, damaged: true };
    }
  }
  const rawOverrides = isRecord(value) ? value.overrides : undefined;
  if (!isRecord(rawOverrides)) return { choices: noChoices, damaged: true };

  const overrides: Record<string, boolean> = {};
  let damaged = false;
  for (const [key, wanted] of Object.entries(rawOverrides)) {
    const match = CELL_KEY.exec(key);
    const flag = wanted === true || wanted === 'Y' ? true : wanted === false || wanted === 'N' ? false : null;
    if (!match || !knownSurfaceIds.has(match[2] as string) || flag === null) {
      // A surface removed from the manifest is not damage: it simply no longer exists.
      if (!match || flag === null) damaged = true;
      continue;
    }
    overrides[key] = flag;
  }
  return { choices: { overrides }, damaged };
}

/** The value written to `app.option`: a JSON string, so the portal stores it verbatim. */
export function serialiseSurfaceChoices(choices: SurfaceChoices): string {
  return JSON.stringify({ overrides: choices.overrides });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
