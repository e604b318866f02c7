/**
 * The emulator's whole state, as kept in memory and written to `--data FILE`. Plain JSON, so a
 * file from one run loads into the next.
 */
import type {
  SeedActivity,
  SeedCategory,
  SeedDepartment,
  SeedItem,
  SeedSmartProcess,
  SeedStage,
  SeedTask,
  SeedUser,
  SeedUserField,
} from '../seed/seed-types';

export const STATE_FORMAT_VERSION = 1;

export type StoredUser = SeedUser;
export type StoredDepartment = SeedDepartment;
export type StoredCategory = SeedCategory;
export interface StoredStage extends SeedStage {
  /** The stage's original name, when it differs from the rule (system stages: their name; others: ""). */
  nameInit?: string;
}
export type StoredUserField = SeedUserField;

export interface StoredSmartProcess extends Omit<SeedSmartProcess, 'code'> {
  /** null for a type created without a code (crm.type.add), as the portal stores it. */
  code: string | null;
  updatedBy: number;
}

export interface StoredItem extends SeedItem {
  xmlId: string | null;
  opened: 'Y' | 'N';
  movedBy: number;
  lastActivityBy: number;
  lastActivityTime: string;
  sourceDescription: string | null;
  isManualOpportunity: 'Y' | 'N';
  taxValue: number;
  mycompanyId: number;
  webformId: number;
  /** Other writable fields by crm.item name (utm*, parentId<N>), absent until set. */
  extra?: Record<string, unknown>;
}

export interface StoredTask extends SeedTask {
  changedBy: number;
  statusChangedBy: number | null;
  statusChangedDate: string;
  closedBy: number | null;
  activityDate: string;
  dateStart: string | null;
  guid: string;
  mark: 'P' | 'N' | null;
  timeEstimate: number;
  /** XML_ID (external code); absent in states from older runs = null. */
  xmlId?: string | null;
  /** ALLOW_CHANGE_DEADLINE: the responsible may change the deadline (absent = "N"). */
  allowChangeDeadline?: 'Y' | 'N';
  /** TASK_CONTROL: a responsible's completion waits for the creator's approval (status 4; absent = "N"). */
  taskControl?: 'Y' | 'N';
}

/** A task checklist item (task.checklistitem.*); a root item (parentId 0) is a checklist's name. */
export interface StoredChecklistItem {
  id: number;
  taskId: number;
  /** 0 for a checklist (root) item. */
  parentId: number;
  createdBy: number;
  title: string;
  sortIndex: number;
  isComplete: boolean;
  isImportant: boolean;
  toggledBy: number | null;
  /** Portal date-time of the last completion change, or null. */
  toggledDate: string | null;
  /** Item members: A = participant, U = observer (docs task-checklist-item-add.md MEMBERS). */
  members: Array<{ userId: number; type: 'A' | 'U' }>;
}

export interface StoredActivity extends SeedActivity {
  lastUpdated: string;
  editorId: number;
}

export interface StoredApp {
  /** Local database id: the app page is /marketplace/app/<id>/. */
  id: number;
  code: string;
  clientId: string;
  name: string;
  version: number;
  status: 'L' | 'F' | 'P' | 'D' | 'T';
  installed: boolean;
  url: string;
  installUrl: string;
  /** Granted scopes (without the always-available `basic`). */
  scope: string[];
  applicationToken: string;
}

export interface PlacementLanguageEntry {
  TITLE: string;
  DESCRIPTION: string;
  GROUP_NAME: string;
}

export interface StoredPlacement {
  id: number;
  placement: string;
  handler: string;
  title: string;
  description: string;
  groupName: string;
  langAll: Record<string, PlacementLanguageEntry>;
  options: Record<string, unknown>;
  userId: number;
}

export interface StoredToken {
  accessToken: string;
  refreshToken: string;
  userId: number;
  /** Epoch milliseconds. */
  expiresAt: number;
  refreshExpiresAt: number;
  /** Set once the refresh token has been exchanged (refresh tokens are single use). */
  refreshUsed: boolean;
}

export interface PortalState {
  formatVersion: number;
  /** The app base URL the placements were bound for; a restart with another --app-url rebinds. */
  appBaseUrl: string;
  memberId: string;
  departments: StoredDepartment[];
  users: StoredUser[];
  smartProcesses: StoredSmartProcess[];
  categories: StoredCategory[];
  stages: StoredStage[];
  userFields: StoredUserField[];
  items: StoredItem[];
  tasks: StoredTask[];
  /** Task checklist items (absent in states from older runs = none). */
  checklistItems?: StoredChecklistItem[];
  tags: Array<{ id: number; title: string }>;
  activities: StoredActivity[];
  app: StoredApp;
  placements: StoredPlacement[];
  appOptions: Record<string, unknown>;
  /** userId → options */
  userOptions: Record<string, Record<string, unknown>>;
  tokens: StoredToken[];
  sequences: {
    /** entityTypeId → last item id */
    items: Record<string, number>;
    task: number;
    activity: number;
    placement: number;
    tag: number;
    /** Last checklist item id (absent until the first one). */
    checklistItem?: number;
    /** Last ids handed out by crm.type.add (absent until the first one; states from older runs lack them). */
    smartProcess?: number;
    entityTypeId?: number;
    category?: number;
    stage?: number;
  };
}
