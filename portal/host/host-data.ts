/**
 * What the portal's pages (host side) need from the portal's state. The REST side owns the
 * state and implements this interface (portal/state); the host pages only read through it,
 * as the real portal's PHP pages read the same database the REST API serves.
 */

export interface HostUser {
  id: number;
  name: string;
  lastName: string;
  position: string;
  /** Absolute URL of the user's photo on the portal. */
  photoUrl: string;
  isAdmin: boolean;
  /** false for a dismissed user (user.update ACTIVE "N"): no longer offered by the employee selector. */
  active: boolean;
  /**
   * The IANA zone this user sees dates in on the portal's pages: their Bitrix24 TIME_ZONE, or the
   * portal's zone when they have none (docs user-get.md).
   */
  timeZone: string;
}

export interface HostSmartProcess {
  entityTypeId: number;
  title: string;
  /** `T` + lower-case hex entityTypeId, e.g. `Tb1`. */
  shortCode: string;
}

export interface HostCategory {
  id: number;
  name: string;
  isDefault: boolean;
}

export interface HostStage {
  /** e.g. `DT177_7:NEW` */
  statusId: string;
  name: string;
  color: string;
  semantics: 'S' | 'F' | null;
}

export interface HostItem {
  id: number;
  entityTypeId: number;
  title: string;
  categoryId: number;
  stageId: string;
  assignedById: number;
  /**
   * Field values already formatted as text for the General tab, label → value. A date-time field
   * also carries the moment itself (`dateTime`, ISO with offset), which the page shows in the
   * viewing user's zone instead of `value`.
   */
  generalFields: Array<{ label: string; value: string; dateTime?: string }>;
}

export interface HostActivity {
  id: number;
  subject: string;
  /** ISO date-time */
  created: string;
  typeId: number;
}

export interface HostBinding {
  placement: string;
  handler: string;
  title: string;
  langAll: Record<string, { TITLE: string; DESCRIPTION: string; GROUP_NAME: string }>;
}

export interface HostApp {
  /** The app's numeric id on the portal: its page is `/marketplace/app/<id>/`, app.info `ID`. */
  id: number;
  clientId: string;
  /** The app's name as the portal shows it (page title, slider titles). */
  name: string;
  /** APPLICATION_TOKEN posted to every frame (the app's token for verifying event calls). */
  applicationToken: string;
  /** Main handler URL (the app page, DEFAULT placement). */
  url: string;
  /** Install URL, shown on first run to an admin. */
  installUrl: string;
  installed: boolean;
  status: 'L' | 'F' | 'P' | 'D' | 'T';
  scope: string[];
}

export interface IssuedAuth {
  accessToken: string;
  refreshToken: string;
  /** Seconds until the access token expires (AUTH_EXPIRES). */
  expiresIn: number;
}

export interface HostData extends HostTaskData {
  memberId: string;
  /** Portal default language (LANG when a page does not override it). */
  language(): string;
  users(): HostUser[];
  user(id: number): HostUser | undefined;
  smartProcesses(): HostSmartProcess[];
  smartProcess(entityTypeId: number): HostSmartProcess | undefined;
  categories(entityTypeId: number): HostCategory[];
  stages(entityTypeId: number, categoryId: number): HostStage[];
  items(
    entityTypeId: number,
    page: { offset: number; limit: number; categoryId?: number },
  ): { items: HostItem[]; total: number };
  item(entityTypeId: number, id: number): HostItem | undefined;
  activities(entityTypeId: number, itemId: number): HostActivity[];
  app(): HostApp;
  /** setInstallFinish from the app's frame: the app becomes installed, placements show. */
  finishInstall(): void;
  bindings(): HostBinding[];
  /** A fresh access token for this user, as the portal issues when it renders an app frame. */
  issueAuth(userId: number): IssuedAuth;
  /** The portal's refreshAuth: a new token for the same user, or undefined if the refresh token is unknown. */
  refreshAuth(refreshToken: string): IssuedAuth | undefined;
  appOptions(): Record<string, unknown>;
  setAppOption(name: string, value: unknown): void;
  userOptions(userId: number): Record<string, unknown>;
  setUserOption(userId: number, name: string, value: unknown): void;
  /**
   * The card's stage bar: moves the item to `stageId` for the user, as crm.item.update with
   * `stageId` does (same rights, same checks, same store). Undefined: the page has no stage bar.
   */
  moveItemToStage?(userId: number, entityTypeId: number, itemId: number, stageId: string): Promise<StageMoveResult>;
}

export type StageMoveResult = { ok: true; stageId: string } | { ok: false; error: string; message: string };

export interface HostTask {
  id: number;
  title: string;
  description: string;
  /** Bitrix24 task status: 2 pending, 3 in progress, 4 awaiting control, 5 completed, 6 deferred. */
  status: number;
  responsibleId: number;
  createdById: number;
  /** ISO date-time or null */
  deadline: string | null;
  /** UF_CRM_TASK values, e.g. ["Tb1_29"] */
  crmLinks: string[];
  /** XML_ID (external code), or null. */
  xmlId?: string | null;
  /** The task's checklist items in display order (tree order); a root item (parentId 0) names a checklist. */
  checklist?: HostChecklistItem[];
}

export interface HostChecklistItem {
  id: number;
  /** 0 for a checklist (root) item. */
  parentId: number;
  title: string;
  isComplete: boolean;
}

/** Read access to tasks, for the portal's task view slider (openPath to /company/personal/user/<id>/tasks/task/view/<taskId>/). */
export interface HostTaskData {
  task(id: number): HostTask | undefined;
}
