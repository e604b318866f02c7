/**
 * Requests and answers of the portal's internal endpoint (LAYOUT_AJAX_PATH), which the portal
 * page's script calls, never the app. Named after the real `lazyload.ajax.php` actions.
 */
import type { PlacementOptions } from './placement-options';

export type OptionsValue = Record<string, unknown> | [];

/** What one app frame needs: the form to post and the portal-side state of its layout. */
export interface FrameLayout {
  appSid: string;
  appId: number;
  clientId: string;
  /** The URL the form posts to, before DOMAIN/PROTOCOL/LANG/APP_SID are appended. */
  handler: string;
  placement: string;
  lang: string;
  /** Hidden POST fields in the portal's order. */
  fields: Array<[string, string]>;
  authId: string;
  /** Seconds, as a string (the portal prints it into the page as one). */
  authExpires: string;
  refreshId: string;
  memberId: string;
  isAdmin: boolean;
  /** The app is not installed yet: the frame shows the install URL. */
  install: boolean;
  firstRun: boolean;
  appOptions: OptionsValue;
  userOptions: OptionsValue;
  placementOptions: PlacementOptions;
  /** Commands this layout drops without an answer. */
  denied: string[];
  /** Slider title for frames opened in a slider. */
  title: string;
}

export interface LayoutRequest {
  action: 'layout';
  user: number;
  lang: string;
  placement: string;
  /** Which binding of the placement (a placement may be bound to several handlers). */
  handler?: string;
  placementOptions?: unknown;
  /** Opened by openApplication: a popup slider. */
  popup?: boolean;
}

export type LayoutResponse =
  | { status: 'ok'; layout: FrameLayout }
  | { status: 'not-installed'; message: string }
  | { status: 'error'; message: string };

export interface AccessRefreshRequest {
  action: 'access_refresh';
  refreshId: string;
}

/** As the portal answers access_refresh: expires_in is a string. */
export type AccessRefreshResponse =
  { access_token: string; refresh_token: string; expires_in: string } | { error: string; error_description: string };

export interface SetAppOptionsRequest {
  action: 'set_option';
  user: number;
  options: Array<{ name: string; value: unknown }>;
}

export interface SetUserOptionRequest {
  action: 'set_user_option';
  user: number;
  name: string;
  value: unknown;
}

export interface SetInstalledRequest {
  action: 'set_installed';
  user: number;
  /** 'Y' finishes the installation, 'N' is the portal's "reinstall" (kept as is). */
  v: 'Y' | 'N';
}

export type LayoutAjaxRequest =
  LayoutRequest | AccessRefreshRequest | SetAppOptionsRequest | SetUserOptionRequest | SetInstalledRequest;

/** A user as selectUser answers: the documented `{id, name, photo, position, url, sub, sup}`. */
export interface SelectedUser {
  id: string;
  name: string;
  photo: string;
  position: string;
  url: string;
  sub: boolean;
  sup: boolean;
}

export interface UserSelectorRequest {
  action: 'user_selector';
  user: number;
}

export interface UserSelectorResponse {
  users: SelectedUser[];
}

export type CrmSelectorType = 'lead' | 'contact' | 'company' | 'deal' | 'quote';

export interface CrmSelectorRequest {
  action: 'crm_selector';
  entityTypes: CrmSelectorType[];
}

export interface CrmSelectorEntity {
  id: string;
  type: CrmSelectorType;
  place: string;
  title: string;
  desc: string;
  url: string;
}

export interface CrmSelectorResponse {
  entities: CrmSelectorEntity[];
}

export type PortalAjaxRequest = LayoutAjaxRequest | UserSelectorRequest | CrmSelectorRequest;
