/**
 * Typed view of placements.json. The manifest is data: surfaces, their placement code
 * templates, titles and routes live there, and this module only reads it.
 */
import type { Language } from './languages';
import manifestJson from './placements.json' with { type: 'json' };

export type SurfaceRoute = 'detail-tab' | 'quick-create' | 'bulk' | 'playbook-editor';
export type AppRoute = SurfaceRoute | 'app-page';
/** The languages titles are written in: the app's (placements/languages.ts). */
export type ManifestLanguage = Language;

export interface SurfaceDeclaration {
  /** Stable id used in settings and tests, e.g. `detail-tab`. */
  id: string;
  /** Placement code template with `{entityTypeId}`, e.g. `CRM_DYNAMIC_{entityTypeId}_DETAIL_TAB`. */
  placement: string;
  route: SurfaceRoute;
  /** PLACEMENT_OPTIONS keys that may carry the item id, in order of preference. */
  itemIdFrom: string[];
  enabledByDefault: boolean;
  title: Record<ManifestLanguage, string>;
}

export interface PlacementManifest {
  entries: { handler: string; install: string };
  appPage: { placement: 'DEFAULT'; route: 'app-page' };
  surfaces: SurfaceDeclaration[];
}

export const manifest = manifestJson as PlacementManifest;

const ENTITY_TYPE_TOKEN = '{entityTypeId}';

/** The placement code a surface has on one smart process: `CRM_DYNAMIC_177_DETAIL_TAB`. */
export function placementCode(surface: SurfaceDeclaration, entityTypeId: number): string {
  return surface.placement.replace(ENTITY_TYPE_TOKEN, String(entityTypeId));
}

/** Finds the surface a placement code belongs to, with the entityTypeId it names. */
export function matchPlacement(code: string): { surface: SurfaceDeclaration; entityTypeId: number } | null {
  for (const surface of manifest.surfaces) {
    const [prefix, suffix] = surface.placement.split(ENTITY_TYPE_TOKEN) as [string, string];
    if (!code.startsWith(prefix) || !code.endsWith(suffix)) continue;
    const middle = code.slice(prefix.length, code.length - suffix.length);
    if (/^[1-9]\d*$/.test(middle)) return { surface, entityTypeId: Number(middle) };
  }
  return null;
}

/** Absolute handler and install URLs for an app served from `appBaseUrl`. */
export function entryUrls(appBaseUrl: string): { handler: string; install: string } {
  const base = appBaseUrl.endsWith('/') ? appBaseUrl : `${appBaseUrl}/`;
  return {
    handler: new URL(manifest.entries.handler, base).toString(),
    install: new URL(manifest.entries.install, base).toString(),
  };
}
