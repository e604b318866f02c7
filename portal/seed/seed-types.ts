/**
 * Shapes of the seed fixture (portal/seed/seed.json). Dates are ISO strings in the portal's time
 * zone as of `referenceDate`; the state shifts them by whole days at load so that "overdue" and
 * "due soon" keep meaning the same thing whatever day the emulator runs on.
 */

export type YesNo = 'Y' | 'N';

export interface SeedDepartment {
  id: number;
  name: string;
  parentId: number | null;
  headUserId: number | null;
}

export interface SeedUser {
  id: number;
  active: boolean;
  name: string;
  lastName: string;
  secondName: string;
  email: string;
  position: string;
  gender: 'M' | 'F' | '';
  /** Path on the portal, e.g. /upload/avatars/1.svg; null = no photo. */
  photoPath: string | null;
  departmentIds: number[];
  isAdmin: boolean;
  /** Smart processes (entityTypeId) this user has no right to read. */
  deniedEntityTypeIds: number[];
  workPhone: string;
  personalMobile: string;
  personalBirthday: string;
  dateRegister: string;
  lastLogin: string;
  isOnline: boolean;
  /**
   * The user's Bitrix24 time zone as user.get prints it (`TIME_ZONE`, docs user-get.md): an IANA
   * name such as `Asia/Vladivostok`, or "" for the portal's own zone. Absent in state files of
   * older runs (read as "").
   */
  timeZone: string;
}

export interface SeedSmartProcess {
  /** crm.type id (the `CRM_<id>` of its user fields). */
  id: number;
  entityTypeId: number;
  title: string;
  code: string;
  createdBy: number;
  createdTime: string;
  updatedTime: string;
  /** Every is*Enabled flag, "Y"/"N". */
  flags: Record<string, YesNo>;
  linkedUserFields: Record<string, YesNo>;
  relations: {
    parent: Array<{ entityTypeId: number; isChildrenListEnabled: YesNo; isPredefined: YesNo }>;
    child: Array<{ entityTypeId: number; isChildrenListEnabled: YesNo; isPredefined: YesNo }>;
  };
}

export interface SeedCategory {
  id: number;
  entityTypeId: number;
  name: string;
  sort: number;
  isDefault: boolean;
}

export interface SeedStage {
  /** crm.status ID */
  id: number;
  entityTypeId: number;
  categoryId: number;
  /** e.g. DT177_7:NEW */
  statusId: string;
  name: string;
  sort: number;
  color: string;
  semantics: 'S' | 'F' | null;
  system: boolean;
}

export interface SeedEnumItem {
  id: number;
  value: string;
  def: YesNo;
  sort: number;
  xmlId: string;
}

export type UserFieldType =
  | 'string'
  | 'integer'
  | 'double'
  | 'money'
  | 'date'
  | 'datetime'
  | 'boolean'
  | 'enumeration'
  | 'employee'
  | 'crm'
  | 'url';

export interface SeedUserField {
  id: number;
  entityTypeId: number;
  /** UF_CRM_7_SUPPLIER */
  fieldName: string;
  userTypeId: UserFieldType;
  multiple: boolean;
  mandatory: boolean;
  sort: number;
  /** Label per language (en, ru, de). */
  labels: Record<string, string>;
  settings: Record<string, unknown>;
  enumItems: SeedEnumItem[];
}

export interface SeedItem {
  id: number;
  entityTypeId: number;
  title: string;
  categoryId: number;
  stageId: string;
  previousStageId: string | null;
  assignedById: number;
  createdBy: number;
  updatedBy: number;
  createdTime: string;
  updatedTime: string;
  movedTime: string;
  begindate: string;
  closedate: string;
  opportunity: number;
  currencyId: string;
  sourceId: string;
  companyId: number;
  contactIds: number[];
  observers: number[];
  /** User-field values by UPPER name, already in the shape crm.item returns. */
  uf: Record<string, unknown>;
}

export interface SeedTask {
  id: number;
  title: string;
  description: string;
  priority: 0 | 1 | 2;
  status: 2 | 3 | 4 | 5 | 6;
  createdBy: number;
  responsibleId: number;
  accomplices: number[];
  auditors: number[];
  createdDate: string;
  changedDate: string;
  closedDate: string | null;
  deadline: string | null;
  startDatePlan: string | null;
  endDatePlan: string | null;
  tags: string[];
  crmLinks: string[];
  groupId: number;
  parentId: number | null;
}

export interface SeedActivity {
  id: number;
  ownerTypeId: number;
  ownerId: number;
  typeId: number;
  providerId: string;
  providerTypeId: string;
  subject: string;
  description: string;
  created: string;
  startTime: string;
  endTime: string;
  deadline: string;
  completed: boolean;
  responsibleId: number;
  authorId: number;
  priority: number;
  direction: number;
}

export interface SeedFixture {
  $comment: string;
  /** The day (portal time zone) the fixture's dates are relative to, YYYY-MM-DD. */
  referenceDate: string;
  memberId: string;
  departments: SeedDepartment[];
  users: SeedUser[];
  smartProcesses: SeedSmartProcess[];
  categories: SeedCategory[];
  stages: SeedStage[];
  userFields: SeedUserField[];
  items: SeedItem[];
  tasks: SeedTask[];
  tags: Array<{ id: number; title: string }>;
  activities: SeedActivity[];
}
