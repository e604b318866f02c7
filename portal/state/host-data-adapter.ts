/**
 * HostData (portal/host/host-data.ts) over the emulator's state: what the portal's pages read, as
 * the real portal's pages read the same database its REST API serves.
 */
import type {
  HostActivity,
  HostApp,
  HostBinding,
  HostCategory,
  HostData,
  HostItem,
  HostSmartProcess,
  HostStage,
  HostTask,
  HostUser,
  IssuedAuth,
} from '../host/host-data';
import type { PortalConfig } from '../config';
import { tokenLifetimeMachineSeconds } from '../config';
import { checklistOf } from '../rest/tasks/checklist-order';
import { generalFields } from './display-values';
import { portalTimeZone } from '../portal-time';
import type { RunAsUser } from '../rest/run-as-user';
import type { PortalStore } from './store';
import type { StoredItem, StoredToken, StoredUser } from './state-types';

export const DEFAULT_AVATAR_PATH = '/bitrix/images/tasks/default_avatar.png';

export function shortCode(entityTypeId: number): string {
  return `T${entityTypeId.toString(16)}`;
}

export function photoUrl(origin: string, user: StoredUser): string {
  return `${origin}${user.photoPath ?? DEFAULT_AVATAR_PATH}`;
}

function toIssuedAuth(token: StoredToken, ttlSeconds: number): IssuedAuth {
  return { accessToken: token.accessToken, refreshToken: token.refreshToken, expiresIn: ttlSeconds };
}

export function createHostData(
  store: PortalStore,
  config: PortalConfig,
  origin: string,
  runAsUser?: RunAsUser,
): HostData {
  const hostUser = (user: StoredUser): HostUser => ({
    id: user.id,
    name: user.name,
    lastName: user.lastName,
    position: user.position,
    photoUrl: photoUrl(origin, user),
    isAdmin: user.isAdmin,
    active: user.active,
    timeZone: user.timeZone || portalTimeZone(),
  });

  const hostItem = (item: StoredItem): HostItem => ({
    id: item.id,
    entityTypeId: item.entityTypeId,
    title: item.title,
    categoryId: item.categoryId,
    stageId: item.stageId,
    assignedById: item.assignedById,
    generalFields: generalFields(item, store, config.language),
  });

  return {
    get memberId() {
      return store.state.memberId;
    },
    language: () => config.language,
    users: () => store.state.users.map(hostUser),
    user: (id) => {
      const user = store.user(id);
      return user ? hostUser(user) : undefined;
    },
    smartProcesses: () =>
      store.state.smartProcesses.map((process): HostSmartProcess => ({
        entityTypeId: process.entityTypeId,
        title: process.title,
        shortCode: shortCode(process.entityTypeId),
      })),
    smartProcess: (entityTypeId) => {
      const process = store.smartProcess(entityTypeId);
      return process ? { entityTypeId, title: process.title, shortCode: shortCode(entityTypeId) } : undefined;
    },
    categories: (entityTypeId) =>
      store.state.categories
        .filter((category) => category.entityTypeId === entityTypeId)
        .sort((a, b) => a.sort - b.sort || a.id - b.id)
        .map((category): HostCategory => ({ id: category.id, name: category.name, isDefault: category.isDefault })),
    stages: (entityTypeId, categoryId) =>
      store.state.stages
        .filter((row) => row.entityTypeId === entityTypeId && row.categoryId === categoryId)
        .sort((a, b) => a.sort - b.sort)
        .map((row): HostStage => ({
          statusId: row.statusId,
          name: row.name,
          color: row.color,
          semantics: row.semantics,
        })),
    items: (entityTypeId, page) => {
      const all = store
        .items(entityTypeId)
        .filter((item) => page.categoryId === undefined || item.categoryId === page.categoryId);
      return { items: all.slice(page.offset, page.offset + page.limit).map(hostItem), total: all.length };
    },
    item: (entityTypeId, id) => {
      const item = store.item(entityTypeId, id);
      return item ? hostItem(item) : undefined;
    },
    activities: (entityTypeId, itemId) =>
      store.state.activities
        .filter((activity) => activity.ownerTypeId === entityTypeId && activity.ownerId === itemId)
        .sort((a, b) => b.created.localeCompare(a.created) || b.id - a.id)
        .map((activity): HostActivity => ({
          id: activity.id,
          subject: activity.subject,
          created: activity.created,
          typeId: activity.typeId,
        })),
    app: (): HostApp => {
      const app = store.state.app;
      return {
        id: app.id,
        clientId: app.clientId,
        name: app.name,
        applicationToken: app.applicationToken,
        url: app.url,
        installUrl: app.installUrl,
        installed: app.installed,
        status: app.status,
        scope: [...app.scope],
      };
    },
    finishInstall: () => {
      store.state.app.installed = true;
      store.changed();
    },
    bindings: () =>
      store.state.placements.map((placement): HostBinding => ({
        placement: placement.placement,
        handler: placement.handler,
        title: placement.title,
        langAll: placement.langAll,
      })),
    issueAuth: (userId) =>
      toIssuedAuth(store.issueToken(userId, tokenLifetimeMachineSeconds(config)), config.tokenTtlSeconds),
    refreshAuth: (refreshToken) => {
      const token = store.refreshToken(refreshToken, tokenLifetimeMachineSeconds(config));
      return token ? toIssuedAuth(token, config.tokenTtlSeconds) : undefined;
    },
    ...(runAsUser
      ? {
          moveItemToStage: async (userId: number, entityTypeId: number, itemId: number, stageId: string) => {
            const answer = await runAsUser(userId, 'crm.item.update', {
              entityTypeId,
              id: itemId,
              fields: { stageId },
            });
            if (!answer.ok) return { ok: false as const, error: answer.error, message: answer.description };
            return { ok: true as const, stageId: store.item(entityTypeId, itemId)?.stageId ?? stageId };
          },
        }
      : {}),
    appOptions: () => ({ ...store.state.appOptions }),
    setAppOption: (name, value) => {
      store.state.appOptions[name] = value;
      store.changed();
    },
    userOptions: (userId) => ({ ...(store.state.userOptions[userId] ?? {}) }),
    setUserOption: (userId, name, value) => {
      store.state.userOptions[userId] = { ...(store.state.userOptions[userId] ?? {}), [name]: value };
      store.changed();
    },
    task: (id): HostTask | undefined => {
      const task = store.task(id);
      if (!task) return undefined;
      return {
        id: task.id,
        title: task.title,
        description: task.description,
        status: task.status,
        responsibleId: task.responsibleId,
        createdById: task.createdBy,
        deadline: task.deadline,
        crmLinks: [...task.crmLinks],
        xmlId: task.xmlId ?? null,
        checklist: checklistOf(store, task.id).map((item) => ({
          id: item.id,
          parentId: item.parentId,
          title: item.title,
          isComplete: item.isComplete,
        })),
      };
    },
  };
}
