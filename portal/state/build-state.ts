/**
 * Turns the seed fixture into a fresh portal state: dates moved to today, the app registered as a
 * local app, and (unless `fresh`) installed with every default surface of the placement
 * manifest bound on every smart process — what an admin would have after installing the app.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { appCard } from '../../placements/app-card';
import { entryUrls, manifest, placementCode } from '../../placements/manifest';
import { LANGUAGES } from '../../placements/languages';
import type { ManifestLanguage } from '../../placements/manifest';
import type { SeedFixture } from '../seed/seed-types';
import { daysBetween, portalDayString, shiftPortalDate } from '../portal-time';
import { STATE_FORMAT_VERSION } from './state-types';
import type { PortalState, StoredApp, StoredPlacement } from './state-types';

/** Scopes the local app was registered with, as its card lists them (`basic` is always available on top). */
export const APP_SCOPES = [...appCard.scopes];
const APP_CLIENT_ID = 'local.6740f1c2a9b35d8e71c04b29';
const APP_TOKEN = '2f9c0d71e4b84a6c9e15d3a7b0c68e42';

let cachedSeed: SeedFixture | null = null;

export function loadSeedFixture(): SeedFixture {
  if (!cachedSeed) {
    const text = readFileSync(new URL('../seed/seed.json', import.meta.url), 'utf8');
    cachedSeed = JSON.parse(text) as SeedFixture;
  }
  return cachedSeed;
}

function guidFor(seed: string): string {
  const hex = createHash('md5').update(seed).digest('hex');
  return `{${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}}`;
}

export function createApp(appUrl: string, installed: boolean): StoredApp {
  const urls = entryUrls(appUrl);
  return {
    id: 1,
    code: APP_CLIENT_ID,
    clientId: APP_CLIENT_ID,
    name: appCard.name.en,
    version: 1,
    status: 'L',
    installed,
    url: urls.handler,
    installUrl: urls.install,
    scope: [...APP_SCOPES],
    applicationToken: APP_TOKEN,
  };
}

const MANIFEST_LANGUAGES: readonly ManifestLanguage[] = LANGUAGES;

/** Every default surface on every smart process, bound to the app's handler. */
export function defaultPlacements(
  appUrl: string,
  entityTypeIds: number[],
  language: string,
  firstId: number,
): StoredPlacement[] {
  const handler = entryUrls(appUrl).handler;
  const placements: StoredPlacement[] = [];
  let id = firstId;
  for (const entityTypeId of entityTypeIds) {
    for (const surface of manifest.surfaces) {
      if (!surface.enabledByDefault) continue;
      const langAll = Object.fromEntries(
        MANIFEST_LANGUAGES.map((lang) => [lang, { TITLE: surface.title[lang], DESCRIPTION: '', GROUP_NAME: '' }]),
      );
      const title = surface.title[language as ManifestLanguage] ?? surface.title.en;
      placements.push({
        id: id++,
        placement: placementCode(surface, entityTypeId),
        handler,
        title,
        description: '',
        groupName: '',
        langAll,
        options: {},
        userId: 0,
      });
    }
  }
  return placements;
}

export interface InitialStateOptions {
  appUrl: string;
  fresh: boolean;
  language: string;
  now?: number;
}

export function buildInitialState(options: InitialStateOptions): PortalState {
  const seed = loadSeedFixture();
  const now = options.now ?? Date.now();
  const shift = daysBetween(seed.referenceDate, portalDayString(now));
  const move = (value: string): string => (value ? shiftPortalDate(value, shift) : value);
  const moveNullable = (value: string | null): string | null => (value ? shiftPortalDate(value, shift) : value);

  const userFieldTypes = new Map(seed.userFields.map((field) => [field.fieldName, field.userTypeId]));
  const items = seed.items.map((item) => {
    const uf: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(item.uf)) {
      const type = userFieldTypes.get(name);
      uf[name] = (type === 'date' || type === 'datetime') && typeof value === 'string' ? move(value) : value;
    }
    return {
      ...item,
      createdTime: move(item.createdTime),
      updatedTime: move(item.updatedTime),
      movedTime: move(item.movedTime),
      begindate: move(item.begindate),
      closedate: move(item.closedate),
      uf,
      xmlId: null,
      opened: 'Y' as const,
      movedBy: item.updatedBy,
      lastActivityBy: item.updatedBy,
      lastActivityTime: move(item.updatedTime),
      sourceDescription: null,
      isManualOpportunity: 'N' as const,
      taxValue: 0,
      mycompanyId: 0,
      webformId: 0,
    };
  });

  const tasks = seed.tasks.map((task) => ({
    ...task,
    createdDate: move(task.createdDate),
    changedDate: move(task.changedDate),
    closedDate: moveNullable(task.closedDate),
    deadline: moveNullable(task.deadline),
    startDatePlan: moveNullable(task.startDatePlan),
    endDatePlan: moveNullable(task.endDatePlan),
    changedBy: task.createdBy,
    statusChangedBy: task.status === 2 ? null : task.responsibleId,
    statusChangedDate: move(task.changedDate),
    closedBy: task.status === 5 ? task.responsibleId : null,
    activityDate: move(task.changedDate),
    dateStart: task.status === 3 ? move(task.createdDate) : null,
    guid: guidFor(`task-${task.id}`),
    mark: null,
    timeEstimate: 0,
  }));

  const activities = seed.activities.map((activity) => ({
    ...activity,
    created: move(activity.created),
    startTime: move(activity.startTime),
    endTime: move(activity.endTime),
    deadline: move(activity.deadline),
    lastUpdated: move(activity.created),
    editorId: activity.authorId,
  }));

  const users = seed.users.map((user) => ({
    ...user,
    lastLogin: move(user.lastLogin),
  }));

  const itemSequences: Record<string, number> = {};
  for (const item of items) {
    itemSequences[item.entityTypeId] = Math.max(itemSequences[item.entityTypeId] ?? 0, item.id);
  }

  const entityTypeIds = seed.smartProcesses.map((process) => process.entityTypeId);
  const placements = options.fresh ? [] : defaultPlacements(options.appUrl, entityTypeIds, options.language, 1);

  return {
    formatVersion: STATE_FORMAT_VERSION,
    appBaseUrl: options.appUrl,
    memberId: seed.memberId,
    departments: seed.departments.map((department) => ({ ...department })),
    users,
    smartProcesses: seed.smartProcesses.map((process) => ({
      ...process,
      createdTime: move(process.createdTime),
      updatedTime: move(process.updatedTime),
      updatedBy: process.createdBy,
      flags: { ...process.flags },
      linkedUserFields: { ...process.linkedUserFields },
    })),
    categories: seed.categories.map((category) => ({ ...category })),
    stages: seed.stages.map((row) => ({ ...row })),
    userFields: seed.userFields.map((field) => ({ ...field })),
    items,
    tasks,
    tags: seed.tags.map((tag) => ({ ...tag })),
    activities,
    app: createApp(options.appUrl, !options.fresh),
    placements,
    appOptions: {},
    userOptions: {},
    tokens: [],
    sequences: {
      items: itemSequences,
      task: Math.max(...tasks.map((task) => task.id)),
      activity: Math.max(...activities.map((activity) => activity.id)),
      placement: placements.length,
      tag: Math.max(...seed.tags.map((tag) => tag.id)),
    },
  };
}
