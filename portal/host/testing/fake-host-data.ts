/**
 * A small in-memory HostData for the host side's unit tests: two
 * smart processes, three users (one admin), a handful of items, tasks and activities.
 */
import type { HostApp, HostBinding, HostData, HostItem, HostTask, HostUser, IssuedAuth } from '../host-data';

export interface FakeHostDataOptions {
  appUrl?: string;
  installed?: boolean;
  language?: string;
  tokenTtlSeconds?: number;
  /** Bindings instead of "every CRM placement of type 177 and 156 to the app's handler". */
  bindings?: HostBinding[];
  itemTitle?: string;
}

export interface FakeHostData extends HostData {
  /** Access tokens issued so far, newest last, with the user each is for. */
  readonly issued: Array<{ userId: number; auth: IssuedAuth }>;
  deleteItem(entityTypeId: number, id: number): void;
}

const SUFFIXES = [
  'DETAIL_TAB',
  'DETAIL_ACTIVITY',
  'DETAIL_TOOLBAR',
  'LIST_MENU',
  'ACTIVITY_TIMELINE_MENU',
  'LIST_TOOLBAR',
  'ROBOT_DESIGNER_TOOLBAR',
];

export function createFakeHostData(options: FakeHostDataOptions = {}): FakeHostData {
  const appUrl = options.appUrl ?? 'http://127.0.0.1:5999/';
  const handler = new URL('index.html', appUrl).toString();
  const ttl = options.tokenTtlSeconds ?? 3600;
  const users: HostUser[] = [
    {
      id: 1,
      name: 'Anna',
      lastName: 'Admin',
      position: 'Director',
      photoUrl: '/photo/1.png',
      isAdmin: true,
      active: true,
      timeZone: 'Europe/Moscow',
    },
    {
      id: 2,
      name: 'Boris',
      lastName: 'Buyer',
      position: 'Purchasing manager',
      photoUrl: '/photo/2.png',
      isAdmin: false,
      active: true,
      timeZone: 'Asia/Vladivostok',
    },
    {
      id: 3,
      name: 'Clara',
      lastName: 'Clerk',
      position: 'Accountant',
      photoUrl: '/photo/3.png',
      isAdmin: false,
      active: true,
      timeZone: 'America/New_York',
    },
  ];
  const processes = [
    { entityTypeId: 177, title: 'Equipment Purchase', shortCode: 'Tb1' },
    { entityTypeId: 156, title: 'Purchase', shortCode: 'T9c' },
  ];
  const items: HostItem[] = [];
  for (let id = 1; id <= 120; id++) {
    items.push({
      id,
      entityTypeId: 177,
      title: id === 29 ? (options.itemTitle ?? 'Washing Machine') : `Item ${id}`,
      categoryId: id % 2 === 0 ? 2 : 1,
      stageId: id % 2 === 0 ? 'DT177_2:NEW' : 'DT177_1:NEW',
      assignedById: (id % 3) + 1,
      generalFields: [
        { label: 'Title', value: id === 29 ? (options.itemTitle ?? 'Washing Machine') : `Item ${id}` },
        { label: 'Amount', value: `${id * 10} USD` },
      ],
    });
  }
  items.push({
    id: 7,
    entityTypeId: 156,
    title: 'Paper',
    categoryId: 3,
    stageId: 'DT156_3:NEW',
    assignedById: 2,
    generalFields: [],
  });
  const tasks: HostTask[] = [
    {
      id: 5,
      title: 'Order the washing machine',
      description: 'Call the <supplier>',
      status: 3,
      responsibleId: 2,
      createdById: 1,
      deadline: '2026-12-01T15:00:00+03:00',
      crmLinks: ['Tb1_29'],
      checklist: [
        { id: 1, parentId: 0, title: 'Before ordering', isComplete: false },
        { id: 2, parentId: 1, title: 'Check the <budget>', isComplete: true },
        { id: 3, parentId: 1, title: 'Ask the CFO', isComplete: false },
      ],
    },
  ];
  const bindings: HostBinding[] =
    options.bindings ??
    processes.flatMap((process) =>
      SUFFIXES.map((suffix) => ({
        placement: `CRM_DYNAMIC_${process.entityTypeId}_${suffix}`,
        handler,
        title: `Smart Tasks ${suffix}`,
        langAll: { de: { TITLE: `Aufgaben ${suffix}`, DESCRIPTION: '', GROUP_NAME: '' } },
      })),
    );
  const app: HostApp = {
    id: 1,
    clientId: 'local.smarttasks',
    name: 'Smart Tasks',
    applicationToken: 'app-token-1',
    url: handler,
    installUrl: new URL('install.html', appUrl).toString(),
    installed: options.installed ?? true,
    status: 'L',
    scope: ['crm', 'task', 'user', 'placement'],
  };
  const appOptions: Record<string, unknown> = {};
  const userOptions = new Map<number, Record<string, unknown>>();
  const issued: Array<{ userId: number; auth: IssuedAuth }> = [];
  let counter = 0;
  const issue = (userId: number): IssuedAuth => {
    counter += 1;
    const auth = {
      accessToken: `access-${userId}-${counter}`,
      refreshToken: `refresh-${userId}-${counter}`,
      expiresIn: ttl,
    };
    issued.push({ userId, auth });
    return auth;
  };

  return {
    memberId: 'fake-member-id',
    get issued() {
      return issued.map(({ userId, auth }) => ({ userId, auth }));
    },
    deleteItem(entityTypeId, id) {
      const index = items.findIndex((item) => item.entityTypeId === entityTypeId && item.id === id);
      if (index >= 0) items.splice(index, 1);
    },
    language: () => options.language ?? 'en',
    users: () => users,
    user: (id) => users.find((user) => user.id === id),
    smartProcesses: () => processes,
    smartProcess: (entityTypeId) => processes.find((process) => process.entityTypeId === entityTypeId),
    categories: (entityTypeId) =>
      entityTypeId === 177
        ? [
            { id: 1, name: 'General', isDefault: true },
            { id: 2, name: 'Imports', isDefault: false },
          ]
        : [{ id: 3, name: 'General', isDefault: true }],
    stages: (entityTypeId, categoryId) => [
      { statusId: `DT${entityTypeId}_${categoryId}:NEW`, name: 'New', color: '#22b9ff', semantics: null },
      { statusId: `DT${entityTypeId}_${categoryId}:SUCCESS`, name: 'Done', color: '#7bd500', semantics: 'S' },
    ],
    items: (entityTypeId, page) => {
      const matching = items.filter(
        (item) =>
          item.entityTypeId === entityTypeId && (page.categoryId === undefined || item.categoryId === page.categoryId),
      );
      return { items: matching.slice(page.offset, page.offset + page.limit), total: matching.length };
    },
    item: (entityTypeId, id) => items.find((item) => item.entityTypeId === entityTypeId && item.id === id),
    activities: (entityTypeId, itemId) =>
      entityTypeId === 177 && itemId === 29
        ? [
            { id: 1527, subject: 'Call the supplier', created: '2026-11-20T10:00:00+03:00', typeId: 2 },
            { id: 1528, subject: 'Meeting <b>about</b> delivery', created: '2026-11-21T12:30:00+03:00', typeId: 1 },
          ]
        : [],
    app: () => ({ ...app }),
    finishInstall: () => {
      app.installed = true;
    },
    bindings: () => (app.installed ? bindings : []),
    issueAuth: issue,
    refreshAuth: (refreshToken) => {
      const entry = issued.find((candidate) => candidate.auth.refreshToken === refreshToken);
      return entry ? issue(entry.userId) : undefined;
    },
    appOptions: () => ({ ...appOptions }),
    setAppOption: (name, value) => {
      appOptions[name] = value;
    },
    userOptions: (userId) => ({ ...(userOptions.get(userId) ?? {}) }),
    setUserOption: (userId, name, value) => {
      userOptions.set(userId, { ...(userOptions.get(userId) ?? {}), [name]: value });
    },
    task: (id) => tasks.find((task) => task.id === id),
  };
}
