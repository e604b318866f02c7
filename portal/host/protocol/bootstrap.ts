/** What a server-rendered portal page hands its script, in a JSON block with this element id. */
export const BOOTSTRAP_ELEMENT_ID = 'portal-bootstrap';

export type BootstrapPage =
  | { kind: 'detail'; entityTypeId: number; itemId: number; activeTab: string | null }
  | { kind: 'list'; entityTypeId: number }
  | { kind: 'app'; placementOptions: Record<string, string> }
  | { kind: 'other' };

export interface PortalBootstrap {
  /** The acting user (`?user=`, 1 by default); carried to every frame and slider opened here. */
  userId: number;
  /** Interface language (`?lang=`, the portal's by default); the frames' LANG. */
  lang: string;
  appId: number;
  appName: string;
  page: BootstrapPage;
}

/** Data attributes of a portal control that opens the app (tab, menu entry, timeline button). */
export const APP_ENTRY = {
  /** `slider`: a binding-menu link to the placement page; `application`: openApplication popup; `tab`: a card tab. */
  mode: 'data-open-app',
  placement: 'data-placement',
  handler: 'data-handler',
  options: 'data-options',
  title: 'data-title',
} as const;
