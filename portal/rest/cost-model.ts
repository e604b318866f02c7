/**
 * What each method costs the portal, in portal seconds of processing (`time.processing`), by
 * profile: `cloud` (the default: a cloud portal as its own documentation shows it), `instant`
 * (no cost, for fast tests) or a JSON file.
 *
 * A cost is `base + perRow × rows returned + perCounted × rows counted`: reads are cheap and grow
 * with the page; writes are a fixed, larger cost. Rows returned are the length of the result's
 * list (`items`, `tasks`, a bare array…); rows counted are the `total` a list computed (none with
 * `start: -1`, which skips the count).
 *
 * Where each `cloud` figure comes from (b24restdocs commit 5988ed13, the `time` block of each
 * method's example response; see also ../shared/reference/cloud-costs.md):
 * - `processing` of the example where it is non-zero;
 * - else `operating` of the example (newer builds print `processing: 0`, `operating` still shows
 *   the accounted time: tasks.task.update);
 * - else `duration` (an upper bound: it includes the network and the portal's own overhead);
 * - per row and per counted row: settings/performance/huge-data.md — 50 rows without the count
 *   took 0.0685 s of processing (≈ 0.0014 s a row), the same list counting 2,387,743 rows took
 *   49.9 s (≈ 0.000021 s a counted row).
 * Figures marked "chosen" have no documented example.
 */
import { readFileSync } from 'node:fs';

/** Cost of one method: a fixed number of seconds, or a base plus per-row parts. */
export type MethodCost = number | { base: number; perRow?: number; perCounted?: number };

/** A cost profile: per-method costs (lower-case names) and a default for the others. */
export interface CostProfile {
  name: string;
  /** Cost of a method the profile does not name. */
  default: MethodCost;
  methods: Record<string, MethodCost>;
}

/** Per returned row of a list (huge-data.md: 0.0685 s for 50 rows without the count). */
const PER_ROW = 0.0014;
/** Per counted row (huge-data.md: 49.9 s to count 2,387,743 rows). */
const PER_COUNTED = 0.000021;

function list(base: number): MethodCost {
  return { base, perRow: PER_ROW, perCounted: PER_COUNTED };
}

/** The default profile: a cloud portal. Seconds of processing; the source of each in the comment. */
export const CLOUD_PROFILE: CostProfile = Object.freeze({
  name: 'cloud',
  // chosen: a read of the kind of crm.item.get / crm.type.get (0.13–0.16 s)
  default: 0.15,
  methods: {
    // tasks (api-reference/tasks/…)
    'tasks.task.add': 0.934, // tasks-task-add.md processing 0.934
    'tasks.task.update': 0.493, // tasks-task-update.md operating 0.493 (processing printed 0, duration 0.725)
    'tasks.task.complete': 0.446, // status/tasks-task-complete.md processing 0.446
    'tasks.task.delete': 0.26, // tasks-task-delete.md processing 0.260
    'tasks.task.get': 0.155, // tasks-task-get.md duration 0.155 (processing printed 0)
    'tasks.task.list': list(0.348), // tasks-task-list.md duration 0.348 for 1 task (processing printed 0)
    'tasks.task.start': 0.266, // status/tasks-task-start.md processing 0.266
    'tasks.task.pause': 0.262, // status/tasks-task-pause.md processing 0.262
    'tasks.task.renew': 0.673, // status/tasks-task-renew.md processing 0.673
    'tasks.task.defer': 0.33, // status/tasks-task-defer.md processing 0.330
    'tasks.task.approve': 0.934, // tasks-task-approve.md processing 0.934
    'tasks.task.disapprove': 0.919, // tasks-task-disapprove.md processing 0.919
    'tasks.task.delegate': 1.587, // tasks-task-delegate.md processing 1.587
    'tasks.task.getaccess': 0.055, // tasks-task-get-access.md processing 0.055
    // checklist items (tasks/checklist-item/…): the examples print processing 0, so operating,
    // else duration (an upper bound) as the header says
    'task.checklistitem.add': 0.248, // task-checklist-item-add.md operating 0.248
    'task.checklistitem.getlist': list(0.345), // task-checklist-item-get-list.md operating 0.345 for 8 items
    'task.checklistitem.get': 0.105, // task-checklist-item-get.md duration 0.105 (operating 0)
    'task.checklistitem.update': 0.14, // task-checklist-item-update.md operating 0.140
    'task.checklistitem.delete': 1.202, // task-checklist-item-delete.md duration 1.202 (operating 0)
    'task.checklistitem.complete': 1.102, // task-checklist-item-complete.md duration 1.102 (operating 0)
    'task.checklistitem.renew': 1.087, // task-checklist-item-renew.md duration 1.087 (operating 0)
    'task.checklistitem.isactionallowed': 0.446, // task-checklist-item-is-action-allowed.md duration 0.446
    'task.checklistitem.moveafteritem': 0.291, // task-checklist-item-move-after-item.md operating 0.291
    // CRM items (api-reference/crm/universal/…)
    'crm.item.add': 1.833, // crm-item-add.md processing 1.833
    'crm.item.update': 3.189, // crm-item-update.md processing 3.189
    'crm.item.delete': 0.609, // crm-item-delete.md processing 0.609
    'crm.item.get': 0.164, // crm-item-get.md processing 0.164
    'crm.item.list': list(0.24), // crm-item-list.md processing 0.245 for 4 items
    'crm.item.fields': 0.173, // crm-item-fields.md processing 0.173
    // smart process types, funnels, stages
    'crm.type.list': list(0.073), // user-defined-object-types/crm-type-list.md processing 0.073
    'crm.type.get': 0.132, // crm-type-get.md processing 0.132
    'crm.type.getbyentitytypeid': 0.132, // as crm.type.get (cloud-costs.md: 0.132)
    'crm.type.fields': 0.201, // crm-type-fields.md processing 0.201
    'crm.type.add': 2.716, // crm-type-add.md processing 2.716
    'crm.type.update': 0.205, // crm-type-update.md processing 0.205
    'crm.type.delete': 4.142, // crm-type-delete.md processing 4.142
    // chosen: the docs' crm-category-list.md example shows 15.169 s, an outlier (use a cost
    // file to reproduce it); a funnel list is a small read like crm.type.get
    'crm.category.list': list(0.132),
    'crm.category.get': 0.025, // category/crm-category-get.md processing 0.025
    'crm.status.list': list(0.005), // crm/status/crm-status-list.md processing 0.005 for 8 stages
    'crm.enum.ownertype': 0.001, // cloud-costs.md processing 0.001
    'crm.activity.get': 0.032, // activity-base/crm-activity-get.md processing 0.032
    'crm.activity.list': list(0.876), // activity-base/crm-activity-list.md processing 0.876 for 1 activity
    'userfieldconfig.list': list(0.201), // userfieldconfig/userfieldconfig-list.md processing 0.201
    'userfieldconfig.get': 0.177, // userfieldconfig-get.md duration 0.177 (processing printed 0)
    // users, app, system
    'user.get': list(0.019), // user/user-get.md processing 0.019 for 2 users
    'user.search': list(0.019), // user/user-search.md processing 0.019
    'user.current': 0.001, // user/user-current.md processing 0.0013
    profile: 0.001, // common/users/profile.md processing 0.0012
    'app.info': 0.005, // common/system/app-info.md processing 0.0053
    'app.option.get': 0.0001, // common/settings/app-option-get.md processing 0.00004
    'app.option.set': 0.0001, // app-option-set.md processing 0.00004
    'user.option.get': 0.0001, // user-option-get.md processing 0.00004
    'user.option.set': 0.0001, // user-option-set.md processing 0.00004
    'server.time': 0.0001, // common/system/server-time.md processing 0.00004
    scope: 0.0001, // common/system/scope.md processing 0.00002
    methods: 0.0001, // common/system/methods.md processing 0.00003
    'method.get': 0.0002, // common/system/method-get.md processing 0.00015
    // widgets (their examples share one time block; placement-unbind.md prints processing 0)
    'placement.bind': 0.032, // widgets/placement-bind.md processing 0.032
    'placement.unbind': 0.032, // as placement.bind (placement-unbind.md: duration 0.998, processing 0)
    'placement.get': 0.032, // widgets/placement-get.md processing 0.032
    'placement.list': 0.032, // widgets/placement-list.md processing 0.032
    // batch itself costs nothing beyond its commands (batch.md example: 0.010 s for two commands
    // of 0.003 and 0.006)
    batch: 0,
  },
});

/** No cost at all: answers as fast as the machine can. For tests that need speed. */
export const INSTANT_PROFILE: CostProfile = Object.freeze({ name: 'instant', default: 0, methods: {} });

export class CostProfileError extends Error {}

function validCost(value: unknown, where: string): MethodCost {
  const nonNegative = (number: unknown, what: string): number => {
    if (typeof number !== 'number' || !Number.isFinite(number) || number < 0)
      throw new CostProfileError(`${what} must be a number of seconds, 0 or more`);
    return number;
  };
  if (typeof value === 'number') return nonNegative(value, where);
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    const cost: { base: number; perRow?: number; perCounted?: number } = {
      base: nonNegative(record.base ?? 0, `${where}.base`),
    };
    if (record.perRow !== undefined) cost.perRow = nonNegative(record.perRow, `${where}.perRow`);
    if (record.perCounted !== undefined) cost.perCounted = nonNegative(record.perCounted, `${where}.perCounted`);
    return cost;
  }
  throw new CostProfileError(`${where} must be seconds or {base, perRow?, perCounted?}`);
}

/**
 * A profile from its JSON form: `{"extends"?: "cloud"|"instant", "default"?: cost,
 * "methods"?: {"tasks.task.add": 0.934, "crm.item.list": {"base": 0.24, "perRow": 0.0014}}}`.
 * Methods not named come from the profile it extends (default: `instant`). Throws
 * CostProfileError naming what is wrong.
 */
export function parseCostProfile(json: unknown, name: string): CostProfile {
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw new CostProfileError('A cost profile must be a JSON object');
  const record = json as Record<string, unknown>;
  const parentName = record.extends ?? 'instant';
  if (parentName !== 'cloud' && parentName !== 'instant')
    throw new CostProfileError('"extends" must be "cloud" or "instant"');
  const parent = parentName === 'cloud' ? CLOUD_PROFILE : INSTANT_PROFILE;
  const methods: Record<string, MethodCost> = { ...parent.methods };
  if (record.methods !== undefined) {
    if (typeof record.methods !== 'object' || record.methods === null || Array.isArray(record.methods))
      throw new CostProfileError('"methods" must be an object');
    for (const [method, cost] of Object.entries(record.methods))
      methods[method.trim().toLowerCase()] = validCost(cost, `methods["${method}"]`);
  }
  return {
    name,
    default: record.default === undefined ? parent.default : validCost(record.default, 'default'),
    methods,
  };
}

/** `cloud`, `instant`, or a path to a JSON profile file (read now). Throws CostProfileError. */
export function resolveCostProfile(cost: string): CostProfile {
  if (cost === 'cloud') return CLOUD_PROFILE;
  if (cost === 'instant') return INSTANT_PROFILE;
  let text: string;
  try {
    text = readFileSync(cost, 'utf8');
  } catch (error) {
    throw new CostProfileError(
      `Cost profile "${cost}" is neither cloud, instant nor a readable file (${(error as Error).message})`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new CostProfileError(`Cost profile file ${cost} is not valid JSON`);
  }
  return parseCostProfile(json, cost);
}

/** Length of the list a method returned: a bare array, or the one list inside its result object. */
export function rowsReturned(result: unknown): number {
  if (Array.isArray(result)) return result.length;
  if (typeof result === 'object' && result !== null) {
    const lists = Object.values(result).filter(Array.isArray);
    if (lists.length === 1) return lists[0]!.length;
  }
  return 0;
}

/** Portal seconds a call of `method` costs, given what it returned and how many rows it counted. */
export function methodCost(profile: CostProfile, method: string, result: unknown, counted: number): number {
  const cost = profile.methods[method] ?? profile.default;
  if (typeof cost === 'number') return cost;
  return cost.base + (cost.perRow ?? 0) * rowsReturned(result) + (cost.perCounted ?? 0) * counted;
}
