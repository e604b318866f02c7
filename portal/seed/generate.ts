/**
 * Builds the emulator's seed fixture. Deterministic: a fixed pseudo-random sequence and a fixed
 * reference day, so `npx tsx portal/seed/generate.ts` always writes the same seed.json (a test
 * checks that the committed file matches).
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { formatPortalDateTime, parsePortalDate } from '../portal-time';
import type {
  SeedActivity,
  SeedCategory,
  SeedEnumItem,
  SeedFixture,
  SeedItem,
  SeedSmartProcess,
  SeedStage,
  SeedTask,
  SeedUser,
  SeedUserField,
  UserFieldType,
  YesNo,
} from './seed-types';

export const REFERENCE_DATE = '2026-11-16';
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const referenceMs = parsePortalDate(REFERENCE_DATE) as number;

/** mulberry32: small, fast, and the same on every machine. */
function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    int(min: number, max: number): number {
      return min + Math.floor(next() * (max - min + 1));
    },
    pick<T>(list: readonly T[]): T {
      return list[Math.floor(next() * list.length)] as T;
    },
    chance(probability: number): boolean {
      return next() < probability;
    },
  };
}

type Random = ReturnType<typeof createRandom>;

function at(dayOffset: number, hour = 9, minute = 0): string {
  return formatPortalDateTime(referenceMs + dayOffset * DAY_MS + hour * HOUR_MS + minute * 60_000);
}

function dateOnly(dayOffset: number): string {
  return formatPortalDateTime(referenceMs + dayOffset * DAY_MS);
}

// ---------------------------------------------------------------------------------------------
// Users and departments

const departments = [
  { id: 1, name: 'Northwind Appliances', parentId: null, headUserId: 1 },
  { id: 2, name: 'Procurement', parentId: 1, headUserId: 2 },
  { id: 3, name: 'Sales', parentId: 1, headUserId: 3 },
  { id: 4, name: 'Finance', parentId: 1, headUserId: 5 },
  { id: 5, name: 'Facilities and Logistics', parentId: 1, headUserId: 4 },
];

function buildUsers(): SeedUser[] {
  const people: Array<
    Omit<
      SeedUser,
      | 'email'
      | 'photoPath'
      | 'dateRegister'
      | 'lastLogin'
      | 'secondName'
      | 'workPhone'
      | 'personalMobile'
      | 'personalBirthday'
    > & { registeredDaysAgo: number; birthday: string }
  > = [
    {
      id: 1,
      active: true,
      name: 'Olivia',
      lastName: 'Bennett',
      position: 'Chief Executive Officer',
      gender: 'F',
      departmentIds: [1],
      isAdmin: true,
      deniedEntityTypeIds: [],
      isOnline: true,
      timeZone: '',
      registeredDaysAgo: 900,
      birthday: '1981-03-14',
    },
    {
      id: 2,
      active: true,
      name: 'Maxim',
      lastName: 'Orlov',
      position: 'Procurement Manager',
      gender: 'M',
      departmentIds: [2],
      isAdmin: false,
      deniedEntityTypeIds: [],
      isOnline: true,
      timeZone: 'Asia/Vladivostok',
      registeredDaysAgo: 720,
      birthday: '1988-07-02',
    },
    {
      id: 3,
      active: true,
      name: 'Sophie',
      lastName: 'Wagner',
      position: 'Sales Manager',
      gender: 'F',
      departmentIds: [3],
      isAdmin: false,
      deniedEntityTypeIds: [],
      isOnline: false,
      timeZone: 'Europe/Berlin',
      registeredDaysAgo: 640,
      birthday: '1990-11-23',
    },
    {
      id: 4,
      active: true,
      name: 'Daniel',
      lastName: 'Park',
      position: 'Facilities Engineer',
      gender: 'M',
      departmentIds: [5],
      isAdmin: false,
      deniedEntityTypeIds: [],
      isOnline: true,
      timeZone: 'America/New_York',
      registeredDaysAgo: 500,
      birthday: '1985-01-30',
    },
    {
      id: 5,
      active: true,
      name: 'Elena',
      lastName: 'Petrova',
      position: 'Chief Accountant',
      gender: 'F',
      departmentIds: [4],
      isAdmin: false,
      deniedEntityTypeIds: [],
      isOnline: false,
      timeZone: '',
      registeredDaysAgo: 820,
      birthday: '1979-05-09',
    },
    {
      id: 6,
      active: true,
      name: 'Lukas',
      lastName: 'Becker',
      position: 'Sales Assistant',
      gender: 'M',
      departmentIds: [3],
      isAdmin: false,
      deniedEntityTypeIds: [156],
      isOnline: true,
      timeZone: 'Europe/Berlin',
      registeredDaysAgo: 90,
      birthday: '1999-09-17',
    },
    {
      id: 7,
      active: true,
      name: 'Amara',
      lastName: 'Okafor',
      position: 'Logistics Coordinator',
      gender: 'F',
      departmentIds: [5],
      isAdmin: false,
      deniedEntityTypeIds: [],
      isOnline: false,
      timeZone: '',
      registeredDaysAgo: 300,
      birthday: '1993-02-11',
    },
    {
      id: 8,
      active: false,
      name: 'Tomasz',
      lastName: 'Nowak',
      position: 'Former Buyer',
      gender: 'M',
      departmentIds: [2],
      isAdmin: false,
      deniedEntityTypeIds: [],
      isOnline: false,
      timeZone: '',
      registeredDaysAgo: 1100,
      birthday: '1975-12-01',
    },
  ];
  return people.map(({ registeredDaysAgo, birthday, ...person }) => ({
    ...person,
    secondName: '',
    email: `${person.name.toLowerCase()}.${person.lastName.toLowerCase()}@northwind.example`,
    photoPath: person.active ? `/upload/avatars/${person.id}.svg` : null,
    workPhone: person.active ? `+49 30 5550 ${String(100 + person.id)}` : '',
    personalMobile: '',
    personalBirthday: dateOnly(Math.round((parsePortalDate(birthday)! - referenceMs) / DAY_MS)),
    dateRegister: dateOnly(-registeredDaysAgo),
    lastLogin: person.active ? at(-(person.id % 3), 8, 10 + person.id) : at(-200, 17, 5),
  }));
}

// ---------------------------------------------------------------------------------------------
// Smart processes, funnels, stages

interface StagePlan {
  code: string;
  name: string;
  color: string;
  semantics: 'S' | 'F' | null;
}

interface CategoryPlan {
  id: number;
  name: string;
  stages: StagePlan[];
}

interface ProcessPlan {
  id: number;
  entityTypeId: number;
  title: string;
  code: string;
  allowsTaskLinks: boolean;
  itemCount: number;
  withClient: boolean;
  withProducts: boolean;
  withObservers: boolean;
  withSource: boolean;
  categories: CategoryPlan[];
}

const stage = (code: string, name: string, color: string, semantics: 'S' | 'F' | null = null): StagePlan => ({
  code,
  name,
  color,
  semantics,
});

const processPlans: ProcessPlan[] = [
  {
    id: 7,
    entityTypeId: 177,
    title: 'Equipment Purchase',
    code: 'equipment_purchase',
    allowsTaskLinks: true,
    itemCount: 64,
    withClient: true,
    withProducts: true,
    withObservers: true,
    withSource: true,
    categories: [
      {
        id: 7,
        name: 'General',
        stages: [
          stage('NEW', 'New request', '#22B9FF'),
          stage('PREPARATION', 'Collecting quotes', '#88B9FF'),
          stage('CLIENT', 'Approval', '#10e5fc'),
          stage('UC_ORDERED', 'Ordered', '#FFA900'),
          stage('SUCCESS', 'Delivered', '#00ff00', 'S'),
          stage('FAIL', 'Cancelled', '#ff0000', 'F'),
        ],
      },
      {
        id: 9,
        name: 'Urgent procurement',
        stages: [
          stage('NEW', 'New', '#22B9FF'),
          stage('PREPARATION', 'Sourcing', '#88B9FF'),
          stage('SUCCESS', 'Delivered', '#00ff00', 'S'),
          stage('FAIL', 'Cancelled', '#ff0000', 'F'),
        ],
      },
    ],
  },
  {
    id: 3,
    entityTypeId: 156,
    title: 'Purchase',
    code: 'purchase',
    allowsTaskLinks: true,
    itemCount: 150,
    withClient: true,
    withProducts: true,
    withObservers: false,
    withSource: false,
    categories: [
      {
        id: 3,
        name: 'General',
        stages: [
          stage('NEW', 'Draft', '#22B9FF'),
          stage('PREPARATION', 'Sent to supplier', '#88B9FF'),
          stage('CLIENT', 'Confirmed', '#10e5fc'),
          stage('SUCCESS', 'Received', '#00ff00', 'S'),
          stage('FAIL', 'Rejected', '#ff0000', 'F'),
        ],
      },
      {
        id: 4,
        name: 'Office supplies',
        stages: [
          stage('NEW', 'Draft', '#22B9FF'),
          stage('SUCCESS', 'Received', '#00ff00', 'S'),
          stage('FAIL', 'Rejected', '#ff0000', 'F'),
        ],
      },
    ],
  },
  {
    id: 9,
    entityTypeId: 183,
    title: 'Service Requests',
    code: 'service_requests',
    allowsTaskLinks: true,
    itemCount: 1240,
    withClient: false,
    withProducts: false,
    withObservers: false,
    withSource: true,
    categories: [
      {
        id: 11,
        name: 'Support',
        stages: [
          stage('NEW', 'New', '#22B9FF'),
          stage('PREPARATION', 'In progress', '#88B9FF'),
          stage('CLIENT', 'Waiting for customer', '#10e5fc'),
          stage('SUCCESS', 'Resolved', '#00ff00', 'S'),
          stage('FAIL', 'Closed without fix', '#ff0000', 'F'),
        ],
      },
      {
        id: 12,
        name: 'Field service',
        stages: [
          stage('NEW', 'Scheduled', '#22B9FF'),
          stage('PREPARATION', 'Technician on site', '#88B9FF'),
          stage('SUCCESS', 'Done', '#00ff00', 'S'),
          stage('FAIL', 'Cancelled', '#ff0000', 'F'),
        ],
      },
      {
        id: 13,
        name: 'Warranty claims',
        stages: [
          stage('NEW', 'Claim received', '#22B9FF'),
          stage('PREPARATION', 'Under review', '#88B9FF'),
          stage('SUCCESS', 'Approved', '#00ff00', 'S'),
          stage('FAIL', 'Declined', '#ff0000', 'F'),
          stage('UC_DUPLICATE', 'Duplicate', '#B0B8C1', 'F'),
        ],
      },
    ],
  },
  {
    id: 11,
    entityTypeId: 187,
    title: 'Supplier Contracts',
    code: 'supplier_contracts',
    allowsTaskLinks: false,
    itemCount: 45,
    withClient: false,
    withProducts: true,
    withObservers: false,
    withSource: false,
    categories: [
      {
        id: 15,
        name: 'General',
        stages: [
          stage('NEW', 'Draft', '#22B9FF'),
          stage('PREPARATION', 'Negotiation', '#88B9FF'),
          stage('CLIENT', 'Legal review', '#10e5fc'),
          stage('SUCCESS', 'Signed', '#00ff00', 'S'),
          stage('FAIL', 'Terminated', '#ff0000', 'F'),
        ],
      },
      {
        id: 16,
        name: 'Framework agreements',
        stages: [
          stage('NEW', 'Draft', '#22B9FF'),
          stage('SUCCESS', 'Signed', '#00ff00', 'S'),
          stage('FAIL', 'Lapsed', '#ff0000', 'F'),
        ],
      },
    ],
  },
];

function yn(value: boolean): YesNo {
  return value ? 'Y' : 'N';
}

function buildSmartProcesses(): SeedSmartProcess[] {
  return processPlans.map((plan, index) => ({
    id: plan.id,
    entityTypeId: plan.entityTypeId,
    title: plan.title,
    code: plan.code,
    createdBy: 1,
    createdTime: at(-400 + index * 20, 10, 15),
    updatedTime: at(-30 + index, 16, 40),
    flags: {
      isCategoriesEnabled: 'Y',
      isStagesEnabled: 'Y',
      isBeginCloseDatesEnabled: 'Y',
      isClientEnabled: yn(plan.withClient),
      isUseInUserfieldEnabled: yn(plan.allowsTaskLinks),
      isLinkWithProductsEnabled: yn(plan.withProducts),
      isMycompanyEnabled: 'N',
      isDocumentsEnabled: 'Y',
      isSourceEnabled: yn(plan.withSource),
      isObserversEnabled: yn(plan.withObservers),
      isRecyclebinEnabled: 'Y',
      isAutomationEnabled: 'Y',
      isBizProcEnabled: 'Y',
      isSetOpenPermissions: 'Y',
      isPaymentsEnabled: 'N',
      isCountersEnabled: 'N',
    },
    linkedUserFields: {
      'CALENDAR_EVENT|UF_CRM_CAL_EVENT': yn(plan.allowsTaskLinks),
      'TASKS_TASK|UF_CRM_TASK': yn(plan.allowsTaskLinks),
      'TASKS_TASK_TEMPLATE|UF_CRM_TASK': 'N',
    },
    relations: {
      parent: plan.entityTypeId === 177 ? [{ entityTypeId: 156, isChildrenListEnabled: 'Y', isPredefined: 'N' }] : [],
      child: plan.entityTypeId === 156 ? [{ entityTypeId: 177, isChildrenListEnabled: 'Y', isPredefined: 'N' }] : [],
    },
  }));
}

function buildCategoriesAndStages(): { categories: SeedCategory[]; stages: SeedStage[] } {
  const categories: SeedCategory[] = [];
  const stages: SeedStage[] = [];
  let statusRowId = 201;
  for (const plan of processPlans) {
    plan.categories.forEach((category, categoryIndex) => {
      categories.push({
        id: category.id,
        entityTypeId: plan.entityTypeId,
        name: category.name,
        sort: (categoryIndex + 1) * 100,
        isDefault: categoryIndex === 0,
      });
      category.stages.forEach((planned, stageIndex) => {
        stages.push({
          id: statusRowId++,
          entityTypeId: plan.entityTypeId,
          categoryId: category.id,
          statusId: `DT${plan.entityTypeId}_${category.id}:${planned.code}`,
          name: planned.name,
          sort: (stageIndex + 1) * 10,
          color: planned.color,
          semantics: planned.semantics,
          system: planned.code === 'NEW' || planned.code === 'SUCCESS' || planned.code === 'FAIL',
        });
      });
    });
  }
  return { categories, stages };
}

// ---------------------------------------------------------------------------------------------
// User fields

interface FieldPlan {
  suffix: string;
  type: UserFieldType;
  multiple?: boolean;
  mandatory?: boolean;
  labels: { en: string; ru: string; de: string };
  enumValues?: string[];
  settings?: Record<string, unknown>;
}

const fieldPlans: Record<number, FieldPlan[]> = {
  177: [
    { suffix: 'SUPPLIER', type: 'string', labels: { en: 'Supplier', ru: 'Поставщик', de: 'Lieferant' } },
    { suffix: 'QUANTITY', type: 'integer', labels: { en: 'Quantity', ru: 'Количество', de: 'Menge' } },
    {
      suffix: 'WEIGHT_KG',
      type: 'double',
      labels: { en: 'Weight, kg', ru: 'Вес, кг', de: 'Gewicht, kg' },
      settings: { PRECISION: 1, SIZE: 20, MIN_VALUE: 0, MAX_VALUE: 0, DEFAULT_VALUE: null },
    },
    { suffix: 'BUDGET', type: 'money', labels: { en: 'Budget', ru: 'Бюджет', de: 'Budget' } },
    { suffix: 'DELIVERY_DATE', type: 'date', labels: { en: 'Delivery date', ru: 'Дата поставки', de: 'Liefertermin' } },
    {
      suffix: 'INSPECTION_AT',
      type: 'datetime',
      labels: { en: 'Inspection at', ru: 'Время приёмки', de: 'Abnahme am' },
    },
    { suffix: 'WARRANTY', type: 'boolean', labels: { en: 'Under warranty', ru: 'На гарантии', de: 'Mit Garantie' } },
    {
      suffix: 'PRIORITY',
      type: 'enumeration',
      labels: { en: 'Priority', ru: 'Приоритет', de: 'Priorität' },
      enumValues: ['Low', 'Normal', 'High', 'Critical'],
    },
    { suffix: 'INSPECTOR', type: 'employee', labels: { en: 'Inspector', ru: 'Приёмщик', de: 'Prüfer' } },
    {
      suffix: 'PURCHASE',
      type: 'crm',
      labels: { en: 'Purchase order', ru: 'Закупка', de: 'Bestellung' },
      settings: { LEAD: 'N', CONTACT: 'N', COMPANY: 'N', DEAL: 'N', DYNAMIC_156: 'Y', DYNAMIC_183: 'Y' },
    },
    {
      suffix: 'SERIAL_NUMBERS',
      type: 'string',
      multiple: true,
      labels: { en: 'Serial numbers', ru: 'Серийные номера', de: 'Seriennummern' },
    },
    { suffix: '1763551201', type: 'string', labels: { en: 'Cost center', ru: 'Центр затрат', de: 'Kostenstelle' } },
  ],
  156: [
    { suffix: 'VENDOR', type: 'string', mandatory: true, labels: { en: 'Vendor', ru: 'Продавец', de: 'Anbieter' } },
    { suffix: 'AMOUNT', type: 'money', labels: { en: 'Order amount', ru: 'Сумма заказа', de: 'Bestellwert' } },
    {
      suffix: 'CATEGORY',
      type: 'enumeration',
      labels: { en: 'Spend category', ru: 'Категория расходов', de: 'Ausgabenkategorie' },
      enumValues: ['Office', 'IT', 'Facilities', 'Production'],
    },
    { suffix: 'APPROVED', type: 'boolean', labels: { en: 'Approved', ru: 'Одобрено', de: 'Genehmigt' } },
    {
      suffix: 'REQUESTED_BY',
      type: 'employee',
      labels: { en: 'Requested by', ru: 'Инициатор', de: 'Angefordert von' },
    },
  ],
  183: [
    { suffix: 'SLA_HOURS', type: 'integer', labels: { en: 'SLA, hours', ru: 'SLA, часов', de: 'SLA, Stunden' } },
    {
      suffix: 'CHANNEL',
      type: 'enumeration',
      labels: { en: 'Channel', ru: 'Канал', de: 'Kanal' },
      enumValues: ['Phone', 'E-mail', 'Portal', 'Chat'],
    },
    {
      suffix: 'AFFECTED_ASSETS',
      type: 'string',
      multiple: true,
      labels: { en: 'Affected assets', ru: 'Затронутое оборудование', de: 'Betroffene Geräte' },
    },
    { suffix: 'VISIT_AT', type: 'datetime', labels: { en: 'Visit at', ru: 'Время визита', de: 'Besuchstermin' } },
  ],
  187: [
    {
      suffix: 'CONTRACT_NO',
      type: 'string',
      labels: { en: 'Contract number', ru: 'Номер договора', de: 'Vertragsnummer' },
    },
    { suffix: 'SIGNED_ON', type: 'date', labels: { en: 'Signed on', ru: 'Дата подписания', de: 'Unterzeichnet am' } },
    { suffix: 'VALUE', type: 'money', labels: { en: 'Contract value', ru: 'Сумма договора', de: 'Vertragswert' } },
    {
      suffix: 'AUTO_RENEW',
      type: 'boolean',
      labels: { en: 'Renews automatically', ru: 'Автопродление', de: 'Automatische Verlängerung' },
    },
  ],
};

function defaultSettings(type: UserFieldType, label: string): Record<string, unknown> {
  switch (type) {
    case 'string':
      return { SIZE: 20, ROWS: 1, REGEXP: '', MIN_LENGTH: 0, MAX_LENGTH: 0, DEFAULT_VALUE: '' };
    case 'integer':
      return { SIZE: 20, MIN_VALUE: 0, MAX_VALUE: 0, DEFAULT_VALUE: null };
    case 'double':
      return { PRECISION: 2, SIZE: 20, MIN_VALUE: 0, MAX_VALUE: 0, DEFAULT_VALUE: null };
    case 'money':
      return { DEFAULT_VALUE: '' };
    case 'date':
    case 'datetime':
      return { DEFAULT_VALUE: { TYPE: 'NONE', VALUE: '' }, USE_SECOND: 'Y', USE_TIMEZONE: 'N' };
    case 'boolean':
      return { DEFAULT_VALUE: 0, DISPLAY: 'CHECKBOX', LABEL: ['', ''], LABEL_CHECKBOX: { en: label } };
    case 'enumeration':
      return { DISPLAY: 'LIST', LIST_HEIGHT: 1, CAPTION_NO_VALUE: '', SHOW_NO_VALUE: 'Y' };
    case 'employee':
      return {};
    case 'crm':
      return {};
    case 'url':
      return { POPUP: 'Y', SIZE: 20, MIN_LENGTH: 0, MAX_LENGTH: 0, DEFAULT_VALUE: '', ROWS: 1 };
  }
}

function buildUserFields(): SeedUserField[] {
  const fields: SeedUserField[] = [];
  let fieldId = 401;
  let enumId = 1001;
  for (const plan of processPlans) {
    (fieldPlans[plan.entityTypeId] ?? []).forEach((field, index) => {
      const enumItems: SeedEnumItem[] = (field.enumValues ?? []).map((value, enumIndex) => ({
        id: enumId++,
        value,
        def: enumIndex === 1 ? 'Y' : 'N',
        sort: (enumIndex + 1) * 100,
        xmlId: `${plan.code}_${field.suffix.toLowerCase()}_${enumIndex + 1}`,
      }));
      fields.push({
        id: fieldId++,
        entityTypeId: plan.entityTypeId,
        fieldName: `UF_CRM_${plan.id}_${field.suffix}`,
        userTypeId: field.type,
        multiple: field.multiple ?? false,
        mandatory: field.mandatory ?? false,
        sort: (index + 1) * 100,
        labels: field.labels,
        settings: field.settings ?? defaultSettings(field.type, field.labels.en),
        enumItems,
      });
    });
  }
  return fields;
}

// ---------------------------------------------------------------------------------------------
// Items

const equipment = [
  'Industrial Dishwasher',
  'Forklift',
  'Laptop',
  'Conference Projector',
  'Dryer',
  'Espresso Machine',
  'Pallet Jack',
  'Label Printer',
  'Air Compressor',
  'Refrigerated Display',
  'Vacuum Cleaner',
  'Server Rack',
  'Ice Maker',
  'Water Heater',
  'Steam Oven',
  'Floor Scrubber',
  'Barcode Scanner',
  'Stand-up Desk',
  'Ventilation Unit',
  'Security Camera Kit',
];
const equipmentModels = ['Pro 500', 'XL', 'Series 3', 'Compact', 'Heavy Duty', 'Eco', 'Plus', 'S2', 'Max', '2000'];
const suppliers = [
  'Miele Professional',
  'Nordic Steel AB',
  'Bosch Rexroth',
  'Kärcher Center Berlin',
  'Office World GmbH',
  'TechSource Ltd',
  'Electrolux Professional',
  'Linde Material Handling',
  'Zebra Partners',
  'Rittal Direct',
];
const purchaseGoods = [
  'Office chairs',
  'Printer paper',
  'Toner cartridges',
  'Monitors',
  'Cleaning supplies',
  'Safety gloves',
  'Spare parts',
  'Network switches',
  'Packaging material',
  'Coffee beans',
  'Desk lamps',
  'Power tools',
];
const serviceProblems = [
  'Printer jam on the 3rd floor',
  'Washing machine leaks water',
  'No hot water in the kitchen',
  'Forklift battery does not charge',
  'Wi-Fi drops in meeting room B',
  'Door badge reader offline',
  'Air conditioning too loud',
  'Dishwasher error E24',
  'Projector shows no image',
  'Freezer temperature alarm',
  'Conveyor belt stops randomly',
  'Laptop screen flickers',
  'Coffee machine descaling needed',
  'Loading dock door stuck',
  'Emergency light test failed',
];
const sites = ['Berlin HQ', 'Hamburg warehouse', 'Munich showroom', 'Leipzig plant', 'Cologne office'];
const contractPartners = [
  'Nordic Steel AB',
  'Miele Professional',
  'CleanCo Facility Services',
  'Linde Material Handling',
  'Telekom Business',
  'DHL Freight',
  'Securitas',
  'Office World GmbH',
];

function pickStage(
  random: Random,
  plan: ProcessPlan,
  categories: SeedCategory[],
  stages: SeedStage[],
): { categoryId: number; stageId: string; previousStageId: string | null } {
  const processCategories = categories.filter((category) => category.entityTypeId === plan.entityTypeId);
  const category = random.chance(0.8) ? processCategories[0]! : random.pick(processCategories.slice(1));
  const categoryStages = stages.filter(
    (row) => row.categoryId === category.id && row.entityTypeId === plan.entityTypeId,
  );
  const index = random.int(0, categoryStages.length - 1);
  return {
    categoryId: category.id,
    stageId: categoryStages[index]!.statusId,
    previousStageId: index > 0 ? categoryStages[index - 1]!.statusId : null,
  };
}

function ufName(plan: ProcessPlan, suffix: string): string {
  return `UF_CRM_${plan.id}_${suffix}`;
}

function enumIdOf(fields: SeedUserField[], fieldName: string, value: string): number {
  const field = fields.find((candidate) => candidate.fieldName === fieldName);
  const item = field?.enumItems.find((candidate) => candidate.value === value);
  if (!item) throw new Error(`No enum value ${value} in ${fieldName}`);
  return item.id;
}

function randomEnumId(random: Random, fields: SeedUserField[], fieldName: string): number {
  const field = fields.find((candidate) => candidate.fieldName === fieldName);
  return random.pick(field!.enumItems).id;
}

const activeUserIds = [1, 2, 3, 4, 5, 6, 7];

function buildItems(
  random: Random,
  categories: SeedCategory[],
  stages: SeedStage[],
  fields: SeedUserField[],
): SeedItem[] {
  const items: SeedItem[] = [];
  for (const plan of processPlans) {
    const usedTitles = new Set<string>();
    for (let id = 1; id <= plan.itemCount; id += 1) {
      const createdDay = -Math.floor((plan.itemCount - id) * (plan.itemCount > 500 ? 0.35 : 3)) - random.int(1, 3);
      const createdTime = at(createdDay, random.int(8, 17), random.int(0, 59));
      const updatedDay = Math.min(0, createdDay + random.int(0, 20));
      const { categoryId, stageId, previousStageId } = pickStage(random, plan, categories, stages);
      const assignedById = random.pick(activeUserIds);
      const amount = random.int(2, 240) * 50;
      const uf: Record<string, unknown> = {};
      let title: string;
      switch (plan.entityTypeId) {
        case 177: {
          do {
            title = `${random.pick(equipment)} ${random.pick(equipmentModels)}`;
          } while (usedTitles.has(title));
          uf[ufName(plan, 'SUPPLIER')] = random.pick(suppliers);
          uf[ufName(plan, 'QUANTITY')] = random.int(1, 12);
          uf[ufName(plan, 'WEIGHT_KG')] = random.int(5, 900) / 2;
          uf[ufName(plan, 'BUDGET')] = `${amount}|EUR`;
          uf[ufName(plan, 'DELIVERY_DATE')] = dateOnly(createdDay + random.int(10, 40));
          uf[ufName(plan, 'INSPECTION_AT')] = random.chance(0.6)
            ? at(createdDay + random.int(10, 45), random.int(9, 16), 30)
            : '';
          uf[ufName(plan, 'WARRANTY')] = random.chance(0.7) ? 'Y' : 'N';
          uf[ufName(plan, 'PRIORITY')] = randomEnumId(random, fields, ufName(plan, 'PRIORITY'));
          uf[ufName(plan, 'INSPECTOR')] = random.pick(activeUserIds);
          uf[ufName(plan, 'PURCHASE')] = random.chance(0.5) ? `T9c_${random.int(1, 150)}` : '';
          uf[ufName(plan, 'SERIAL_NUMBERS')] = random.chance(0.5)
            ? [`SN-${random.int(10000, 99999)}`, `SN-${random.int(10000, 99999)}`]
            : [];
          uf[ufName(plan, '1763551201')] = `CC-${random.int(100, 499)}`;
          break;
        }
        case 156:
          title = `PO-2026-${String(id).padStart(4, '0')} ${random.pick(purchaseGoods)}`;
          uf[ufName(plan, 'VENDOR')] = random.pick(suppliers);
          uf[ufName(plan, 'AMOUNT')] = `${amount}|EUR`;
          uf[ufName(plan, 'CATEGORY')] = randomEnumId(random, fields, ufName(plan, 'CATEGORY'));
          uf[ufName(plan, 'APPROVED')] = random.chance(0.6) ? 'Y' : 'N';
          uf[ufName(plan, 'REQUESTED_BY')] = random.pick(activeUserIds);
          break;
        case 183:
          title = `SR-${10000 + id}: ${random.pick(serviceProblems)} (${random.pick(sites)})`;
          uf[ufName(plan, 'SLA_HOURS')] = random.pick([4, 8, 24, 48, 72]);
          uf[ufName(plan, 'CHANNEL')] = randomEnumId(random, fields, ufName(plan, 'CHANNEL'));
          uf[ufName(plan, 'AFFECTED_ASSETS')] = random.chance(0.4) ? [`Asset #${random.int(100, 999)}`] : [];
          uf[ufName(plan, 'VISIT_AT')] = random.chance(0.3)
            ? at(createdDay + random.int(1, 5), random.int(8, 17), 0)
            : '';
          break;
        default:
          title = `Contract C-2026-${String(id).padStart(3, '0')} with ${random.pick(contractPartners)}`;
          uf[ufName(plan, 'CONTRACT_NO')] = `C-2026-${String(id).padStart(3, '0')}`;
          uf[ufName(plan, 'SIGNED_ON')] = random.chance(0.5) ? dateOnly(createdDay + random.int(5, 30)) : '';
          uf[ufName(plan, 'VALUE')] = `${amount * 10}|EUR`;
          uf[ufName(plan, 'AUTO_RENEW')] = random.chance(0.5) ? 'Y' : 'N';
      }
      usedTitles.add(title);
      items.push({
        id,
        entityTypeId: plan.entityTypeId,
        title,
        categoryId,
        stageId,
        previousStageId,
        assignedById,
        createdBy: random.pick(activeUserIds),
        updatedBy: assignedById,
        createdTime,
        updatedTime: at(updatedDay, random.int(8, 18), random.int(0, 59)),
        movedTime: at(updatedDay, 12, 0),
        begindate: dateOnly(createdDay),
        closedate: dateOnly(createdDay + 7 + random.int(0, 30)),
        opportunity: plan.withProducts ? amount : 0,
        currencyId: 'EUR',
        sourceId: plan.withSource ? random.pick(['CALL', 'EMAIL', 'WEB', 'OTHER']) : '',
        companyId: 0,
        contactIds: [],
        observers: plan.withObservers && random.chance(0.3) ? [random.pick(activeUserIds)] : [],
        uf,
      });
    }
  }
  return items;
}

/** The documented example item: 177 / 29 "Washing Machine", fully filled. */
function shapeWashingMachine(items: SeedItem[], fields: SeedUserField[]): void {
  const item = items.find((candidate) => candidate.entityTypeId === 177 && candidate.id === 29)!;
  Object.assign(item, {
    title: 'Washing Machine',
    categoryId: 7,
    stageId: 'DT177_7:CLIENT',
    previousStageId: 'DT177_7:PREPARATION',
    assignedById: 2,
    createdBy: 2,
    updatedBy: 2,
    opportunity: 3400,
    observers: [4],
    createdTime: at(-21, 10, 5),
    updatedTime: at(-2, 15, 30),
    movedTime: at(-2, 15, 30),
    begindate: dateOnly(-21),
    closedate: dateOnly(14),
  });
  item.uf = {
    UF_CRM_7_SUPPLIER: 'Miele Professional',
    UF_CRM_7_QUANTITY: 2,
    UF_CRM_7_WEIGHT_KG: 85.5,
    UF_CRM_7_BUDGET: '3400|EUR',
    UF_CRM_7_DELIVERY_DATE: dateOnly(12),
    UF_CRM_7_INSPECTION_AT: at(14, 10, 0),
    UF_CRM_7_WARRANTY: 'Y',
    UF_CRM_7_PRIORITY: enumIdOf(fields, 'UF_CRM_7_PRIORITY', 'High'),
    UF_CRM_7_INSPECTOR: 4,
    UF_CRM_7_PURCHASE: 'T9c_12',
    UF_CRM_7_SERIAL_NUMBERS: ['WM-8841-A', 'WM-8841-B'],
    UF_CRM_7_1763551201: 'CC-410 Laundry',
  };
  for (const other of items) {
    if (other !== item && other.title.toLowerCase().includes('washing machine') && other.entityTypeId === 177) {
      other.title = `${other.title} (spare)`;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Tasks

interface TaskPlan {
  title: string;
  description?: string;
  status: SeedTask['status'];
  priority?: SeedTask['priority'];
  responsibleId: number;
  createdBy: number;
  createdDay: number;
  deadlineDay: number | null;
  deadlineHour?: number;
  links: string[];
  tags?: string[];
  accomplices?: number[];
  auditors?: number[];
}

const explicitTasks: TaskPlan[] = [
  {
    title: 'Request quotes from three suppliers',
    description: 'Ask Miele, Electrolux and Bosch for quotes on two [B]commercial[/B] washing machines.',
    status: 5,
    responsibleId: 2,
    createdBy: 2,
    createdDay: -20,
    deadlineDay: -12,
    links: ['Tb1_29'],
    tags: ['procurement'],
  },
  {
    title: 'Check the installation site for the washing machine',
    description: 'Water supply, drain and a 400 V socket in the laundry room.',
    status: 3,
    priority: 2,
    responsibleId: 4,
    createdBy: 2,
    createdDay: -10,
    deadlineDay: -3,
    deadlineHour: 18,
    links: ['Tb1_29'],
    auditors: [2],
  },
  {
    title: 'Approve the purchase budget',
    status: 2,
    responsibleId: 1,
    createdBy: 2,
    createdDay: -4,
    deadlineDay: 5,
    deadlineHour: 18,
    links: ['Tb1_29', 'T9c_12'],
    tags: ['budget', 'procurement'],
    accomplices: [5],
  },
  {
    title: 'Sign the delivery note for the washing machine',
    status: 2,
    priority: 1,
    responsibleId: 7,
    createdBy: 2,
    createdDay: -1,
    deadlineDay: 12,
    links: ['Tb1_29'],
    // Sophie only observes it: the seeded observer-only user of item 29's tasks (action flags).
    auditors: [3],
  },
  {
    title: 'Compare forklift leasing offers',
    status: 3,
    responsibleId: 2,
    createdBy: 1,
    createdDay: -15,
    deadlineDay: 2,
    links: ['Tb1_12'],
    tags: ['procurement'],
  },
  {
    title: 'Prepare the handover protocol',
    status: 5,
    responsibleId: 4,
    createdBy: 2,
    createdDay: -30,
    deadlineDay: -21,
    links: ['Tb1_12'],
  },
  {
    title: 'Call the supplier about the delay',
    status: 2,
    priority: 2,
    responsibleId: 3,
    createdBy: 3,
    createdDay: -6,
    deadlineDay: -1,
    deadlineHour: 12,
    links: ['Tb1_31'],
    tags: ['urgent'],
  },
  {
    title: 'Pay the invoice for office chairs',
    status: 4,
    responsibleId: 5,
    createdBy: 2,
    createdDay: -9,
    deadlineDay: -2,
    links: ['T9c_12'],
    tags: ['finance'],
  },
  {
    title: 'Confirm the delivery address',
    status: 5,
    responsibleId: 7,
    createdBy: 2,
    createdDay: -25,
    deadlineDay: -18,
    links: ['T9c_12'],
  },
  {
    title: 'Send the technician to the 3rd floor',
    status: 3,
    responsibleId: 4,
    createdBy: 6,
    createdDay: -2,
    deadlineDay: 1,
    links: ['Tb7_1240'],
  },
  {
    title: 'Order spare parts for the dishwasher',
    status: 2,
    responsibleId: 2,
    createdBy: 4,
    createdDay: -3,
    deadlineDay: -1,
    links: ['Tb7_1239', 'Tb1_29'],
  },
  {
    title: 'Quarterly review of supplier contracts',
    status: 2,
    responsibleId: 1,
    createdBy: 1,
    createdDay: -7,
    deadlineDay: 20,
    links: [],
    tags: ['finance'],
  },
  {
    title: 'Update the fire safety plan',
    status: 6,
    responsibleId: 4,
    createdBy: 1,
    createdDay: -40,
    deadlineDay: 30,
    links: [],
  },
  {
    title: 'Prepare the monthly sales report',
    status: 2,
    responsibleId: 3,
    createdBy: 1,
    createdDay: -2,
    deadlineDay: 3,
    links: [],
    accomplices: [6],
  },
];

const generatedTaskTitles = [
  'Check the warranty terms',
  'Agree the delivery window',
  'Collect the signed acceptance form',
  'Update the asset register',
  'Book the installation team',
  'Ask finance for a cost center',
  'Verify the serial numbers',
  'Schedule the follow-up call',
  'Send photos of the damage',
  'Reply to the customer',
];

function buildTasks(
  random: Random,
  items: SeedItem[],
): { tasks: SeedTask[]; tags: Array<{ id: number; title: string }> } {
  const plans: TaskPlan[] = [...explicitTasks];
  const linkable = items.filter((item) => item.entityTypeId !== 187);
  for (let index = 0; index < 40; index += 1) {
    const item = random.pick(linkable);
    const prefix = item.entityTypeId === 177 ? 'Tb1' : item.entityTypeId === 156 ? 'T9c' : 'Tb7';
    const status = random.pick([2, 2, 3, 3, 4, 5, 5, 6] as const);
    const createdDay = -random.int(1, 60);
    plans.push({
      title: random.pick(generatedTaskTitles),
      status,
      priority: random.pick([0, 1, 1, 2] as const),
      responsibleId: random.pick(activeUserIds),
      createdBy: random.pick(activeUserIds),
      createdDay,
      deadlineDay: random.chance(0.85) ? createdDay + random.int(2, 70) : null,
      links: random.chance(0.85) ? [`${prefix}_${item.id}`] : [],
      tags: random.chance(0.2) ? [random.pick(['procurement', 'urgent', 'finance', 'service'])] : [],
    });
  }
  const tagTitles: string[] = [];
  const tasks = plans.map((plan, index): SeedTask => {
    for (const tag of plan.tags ?? []) if (!tagTitles.includes(tag)) tagTitles.push(tag);
    const createdDate = at(plan.createdDay, 9 + (index % 8), (index * 7) % 60);
    const closedDate =
      plan.status === 5 ? at(Math.min(-1, (plan.deadlineDay ?? plan.createdDay + 3) - 1), 16, 20) : null;
    return {
      id: 101 + index,
      title: plan.title,
      description: plan.description ?? '',
      priority: plan.priority ?? 1,
      status: plan.status,
      createdBy: plan.createdBy,
      responsibleId: plan.responsibleId,
      accomplices: plan.accomplices ?? [],
      auditors: plan.auditors ?? [],
      createdDate,
      changedDate: closedDate ?? createdDate,
      closedDate,
      deadline: plan.deadlineDay === null ? null : at(plan.deadlineDay, plan.deadlineHour ?? 19, 0),
      startDatePlan: null,
      endDatePlan: null,
      tags: plan.tags ?? [],
      crmLinks: plan.links,
      groupId: 0,
      parentId: null,
    };
  });
  return { tasks, tags: tagTitles.map((title, index) => ({ id: 31 + index, title })) };
}

// ---------------------------------------------------------------------------------------------
// Timeline activities

const activityKinds = [
  {
    typeId: 2,
    providerId: 'VOXIMPLANT_CALL',
    providerTypeId: 'CALL',
    subjects: ['Outgoing call to the supplier', 'Incoming call from the warehouse', 'Call about the delivery date'],
  },
  {
    typeId: 4,
    providerId: 'CRM_EMAIL',
    providerTypeId: 'EMAIL',
    subjects: ['Quote request sent', 'Re: Delivery confirmation', 'Invoice received'],
  },
  {
    typeId: 1,
    providerId: 'CRM_MEETING',
    providerTypeId: 'MEETING',
    subjects: ['On-site inspection', 'Meeting with the supplier'],
  },
  {
    typeId: 6,
    providerId: 'CRM_TODO',
    providerTypeId: 'TODO',
    subjects: ['Check the documents', 'Follow up next week'],
  },
] as const;

function buildActivities(random: Random, items: SeedItem[]): SeedActivity[] {
  const activities: SeedActivity[] = [];
  let id = 8001;
  const push = (item: SeedItem, kindIndex: number, subject: string, dayOffset: number, completed: boolean): void => {
    const kind = activityKinds[kindIndex]!;
    const start = at(dayOffset, random.int(9, 17), random.pick([0, 15, 30, 45]));
    activities.push({
      id: id++,
      ownerTypeId: item.entityTypeId,
      ownerId: item.id,
      typeId: kind.typeId,
      providerId: kind.providerId,
      providerTypeId: kind.providerTypeId,
      subject,
      description: '',
      created: start,
      startTime: start,
      endTime: start,
      deadline: start,
      completed,
      responsibleId: item.assignedById,
      authorId: item.assignedById,
      priority: 2,
      direction: kind.typeId === 4 || kind.typeId === 2 ? 2 : 0,
    });
  };
  const washingMachine = items.find((item) => item.entityTypeId === 177 && item.id === 29)!;
  push(washingMachine, 1, 'Quote request sent to Miele Professional', -19, true);
  push(washingMachine, 0, 'Call with Miele about the installation', -11, true);
  push(washingMachine, 2, 'On-site inspection of the laundry room', -5, true);
  push(washingMachine, 3, 'Check the budget approval', 2, false);
  const budgets: Record<number, number> = { 177: 64, 156: 40, 183: 30, 187: 10 };
  for (const item of items) {
    if (item === washingMachine) continue;
    const limit = budgets[item.entityTypeId] ?? 0;
    const position = item.entityTypeId === 183 ? 1241 - item.id : item.id;
    if (position > limit) continue;
    const count = random.int(1, 3);
    for (let index = 0; index < count; index += 1) {
      const kindIndex = random.int(0, activityKinds.length - 1);
      const dayOffset = -random.int(0, 40);
      push(item, kindIndex, random.pick(activityKinds[kindIndex]!.subjects), dayOffset, random.chance(0.7));
    }
  }
  return activities;
}

// ---------------------------------------------------------------------------------------------

export function buildSeedFixture(): SeedFixture {
  const random = createRandom(20261116);
  const users = buildUsers();
  const smartProcesses = buildSmartProcesses();
  const { categories, stages } = buildCategoriesAndStages();
  const userFields = buildUserFields();
  const items = buildItems(random, categories, stages, userFields);
  shapeWashingMachine(items, userFields);
  const { tasks, tags } = buildTasks(random, items);
  const activities = buildActivities(random, items);
  return {
    $comment:
      'Generated by portal/seed/generate.ts; do not edit by hand. Dates are relative to referenceDate and shifted to today at load.',
    referenceDate: REFERENCE_DATE,
    memberId: 'b6f1e7c94d2a4e0f9a51c3d7e8f20a64',
    departments,
    users,
    smartProcesses,
    categories,
    stages,
    userFields,
    items,
    tasks,
    tags,
    activities,
  };
}

/** One record per line: readable diffs without a megabyte of indentation. */
export function serializeSeedFixture(fixture: SeedFixture): string {
  const lines: string[] = ['{'];
  const entries = Object.entries(fixture);
  entries.forEach(([key, value], index) => {
    const comma = index < entries.length - 1 ? ',' : '';
    if (Array.isArray(value)) {
      lines.push(`  ${JSON.stringify(key)}: [`);
      value.forEach((row, rowIndex) =>
        lines.push(`    ${JSON.stringify(row)}${rowIndex < value.length - 1 ? ',' : ''}`),
      );
      lines.push(`  ]${comma}`);
    } else {
      lines.push(`  ${JSON.stringify(key)}: ${JSON.stringify(value)}${comma}`);
    }
  });
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

export const seedFilePath = fileURLToPath(new URL('./seed.json', import.meta.url));

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(seedFilePath, serializeSeedFixture(buildSeedFixture()));
  console.log(`Wrote ${seedFilePath}`);
}
