/**
 * crm.type.add and crm.type.delete (docs crm-type-add.md, crm-type-delete.md), for CRM
 * administrators. A new smart process gets an entityTypeId (given, or the next free one), its
 * default funnel with the five default stages, and from then on shows up everywhere the portal
 * lists smart processes: crm.type.list, crm.enum.ownertype, placement.list's CRM_DYNAMIC_<id>_*.
 */
import { formatPortalDateTime } from '../../portal-time';
import type { PortalState, StoredCategory, StoredSmartProcess, StoredStage } from '../../state/state-types';
import { crmErrors } from '../crm/crm-access';
import {
  LINKED_USER_FIELD_NAMES,
  applyLinkedUserFields,
  applyRelations,
  syncClientRelations,
} from '../crm/type-settings';
import type { MethodContext, MethodDefinition } from '../method-types';
import { ok } from '../method-types';
import { asInt, asYesNo, isRecord, param } from '../params';
import { RestError } from '../rest-error';
import { TYPE_FLAG_NAMES, requireCrmAdmin, requireTypeById, typeToRest } from './crm-types';

/** The flags crm.type.add sets when not given: all "N" but new funnels open to everyone. */
const DEFAULT_FLAG_VALUE = (flag: string): 'Y' | 'N' => (flag === 'isSetOpenPermissions' ? 'Y' : 'N');

/** What every new funnel of a smart process starts with (tutorial how-to-add-category-to-spa.md). */
const DEFAULT_STAGES: Array<{
  code: string;
  name: string;
  color: string;
  semantics: 'S' | 'F' | null;
  system: boolean;
}> = [
  { code: 'NEW', name: 'Start', color: '#22B9FF', semantics: null, system: true },
  { code: 'PREPARATION', name: 'Preparation', color: '#88B9FF', semantics: null, system: false },
  { code: 'CLIENT', name: 'Approval', color: '#10e5fc', semantics: null, system: false },
  { code: 'SUCCESS', name: 'Success', color: '#00ff00', semantics: 'S', system: true },
  { code: 'FAIL', name: 'Failure', color: '#ff0000', semantics: 'F', system: true },
];

const FIRST_DYNAMIC_ID = 128;
/** Exclusive: the short range is 128…191. */
const SHORT_RANGE_END = 192;
const LONG_RANGE_START = 1030;

/** Ids the portal accepts for a smart process: 128–191, or even and at least 1030. */
function isAllowedEntityTypeId(id: number): boolean {
  return (id >= FIRST_DYNAMIC_ID && id < SHORT_RANGE_END) || (id >= LONG_RANGE_START && id % 2 === 0);
}

/**
 * The portal hands out entityTypeIds from a sequence: 128…191 first, then even ids from 1030;
 * never one in use or handed out before.
 */
function nextEntityTypeId(state: PortalState): number {
  const used = new Set(state.smartProcesses.map((process) => process.entityTypeId));
  const last = state.sequences.entityTypeId ?? 0;
  const shortUsed = [...used].filter((id) => id < SHORT_RANGE_END);
  let candidate = Math.max(FIRST_DYNAMIC_ID - 1, last < SHORT_RANGE_END ? last : 0, ...shortUsed) + 1;
  if (candidate < SHORT_RANGE_END && last < SHORT_RANGE_END) {
    while (used.has(candidate)) candidate += 1;
    if (candidate < SHORT_RANGE_END) return candidate;
  }
  const longUsed = [...used].filter((id) => id >= LONG_RANGE_START);
  candidate = Math.max(LONG_RANGE_START - 2, last >= LONG_RANGE_START ? last : 0, ...longUsed) + 2;
  if (candidate % 2 === 1) candidate += 1;
  while (used.has(candidate)) candidate += 2;
  return candidate;
}

function nextId(last: number | undefined, existing: number[]): number {
  return Math.max(last ?? 0, 0, ...existing) + 1;
}

function chooseEntityTypeId(raw: unknown, state: PortalState): number {
  const given = asInt(raw);
  if (raw === undefined || raw === null || raw === '' || given === 0) return nextEntityTypeId(state);
  if (given === null || !isAllowedEntityTypeId(given))
    throw new RestError('INVALID_ARG_VALUE', 'entityTypeId is out of allowed range', 400);
  if (state.smartProcesses.some((process) => process.entityTypeId === given)) {
    // Not documented: the portal's unique-field check refuses it.
    throw new RestError('INVALID_ARG_VALUE', 'entityTypeId is already used by another smart process', 400);
  }
  return given;
}

/** The default funnel "General" and its stages, as the portal creates them right after the type. */
function createDefaultFunnel(state: PortalState, entityTypeId: number): void {
  const category: StoredCategory = {
    id: nextId(
      state.sequences.category,
      state.categories.map((existing) => existing.id),
    ),
    entityTypeId,
    name: 'General',
    sort: 500,
    isDefault: true,
  };
  state.categories.push(category);
  state.sequences.category = category.id;
  let stageId = nextId(
    state.sequences.stage,
    state.stages.map((existing) => existing.id),
  );
  DEFAULT_STAGES.forEach((planned, index) => {
    const stage: StoredStage = {
      id: stageId,
      entityTypeId,
      categoryId: category.id,
      statusId: `DT${entityTypeId}_${category.id}:${planned.code}`,
      name: planned.name,
      nameInit: planned.name,
      sort: (index + 1) * 10,
      color: planned.color,
      semantics: planned.semantics,
      system: planned.system,
    };
    state.stages.push(stage);
    state.sequences.stage = stageId;
    stageId += 1;
  });
}

function addType(fields: Record<string, unknown>, context: MethodContext): StoredSmartProcess {
  const state = context.store.state;
  const title = typeof fields.title === 'string' ? fields.title.trim() : '';
  const automatic = asInt(fields.entityTypeId) === null || asInt(fields.entityTypeId) === 0;
  const entityTypeId = chooseEntityTypeId(fields.entityTypeId, state);
  if (!title) throw new RestError('BX_EMPTY_REQUIRED', 'Field "Title" is required', 400);
  const flags: Record<string, 'Y' | 'N'> = {};
  for (const flag of TYPE_FLAG_NAMES) {
    const given = fields[flag];
    const value = given === undefined ? DEFAULT_FLAG_VALUE(flag) : asYesNo(given);
    if (!value) throw crmErrors.invalidValue(flag);
    flags[flag] = value;
  }
  const now = formatPortalDateTime(context.now);
  const process: StoredSmartProcess = {
    id: nextId(
      state.sequences.smartProcess,
      state.smartProcesses.map((existing) => existing.id),
    ),
    entityTypeId,
    title,
    code: typeof fields.code === 'string' ? fields.code : null,
    createdBy: context.auth.userId,
    createdTime: now,
    updatedTime: now,
    updatedBy: context.auth.userId,
    flags,
    linkedUserFields: Object.fromEntries(LINKED_USER_FIELD_NAMES.map((name) => [name, 'N' as const])),
    relations: { parent: [], child: [] },
  };
  applyLinkedUserFields(process, fields.linkedUserFields);
  syncClientRelations(process);
  applyRelations(
    process,
    fields.relations,
    state.smartProcesses.map((other) => other.entityTypeId),
  );
  state.smartProcesses.push(process);
  state.sequences.smartProcess = process.id;
  if (automatic) state.sequences.entityTypeId = entityTypeId;
  state.sequences.items[entityTypeId] = 0;
  createDefaultFunnel(state, entityTypeId);
  context.store.changed();
  return process;
}

/** Removes the type with its funnels, stages, custom fields and this portal's widgets on it. */
function deleteType(process: StoredSmartProcess, context: MethodContext): void {
  const state = context.store.state;
  const entityTypeId = process.entityTypeId;
  if (context.store.items(entityTypeId).length > 0)
    throw new RestError('BX_ERROR', 'You cannot delete an entity type that has elements', 400);
  const placementPrefix = `CRM_DYNAMIC_${entityTypeId}_`;
  state.smartProcesses = state.smartProcesses.filter((existing) => existing !== process);
  state.categories = state.categories.filter((category) => category.entityTypeId !== entityTypeId);
  state.stages = state.stages.filter((stage) => stage.entityTypeId !== entityTypeId);
  state.userFields = state.userFields.filter((field) => field.entityTypeId !== entityTypeId);
  state.placements = state.placements.filter((placement) => !placement.placement.startsWith(placementPrefix));
  context.store.changed();
}

export const crmTypeLifecycleMethods: MethodDefinition[] = [
  {
    name: 'crm.type.add',
    scope: 'crm',
    handler: (params, context) => {
      const fields = param(params, 'fields');
      if (!isRecord(fields)) throw crmErrors.missingParameter('fields');
      requireCrmAdmin(context);
      const process = addType(fields, context);
      const type = typeToRest(process, true);
      // The answer is built from the object just saved: a code never set is not in it (docs example).
      if (process.code === null) delete type.code;
      return ok({ type });
    },
  },
  {
    name: 'crm.type.delete',
    scope: 'crm',
    handler: (params, context) => {
      // The docs: "If result returns null, it is likely that the required parameter id was not provided".
      if (param(params, 'id') === undefined) return ok(null);
      const process = requireTypeById(context, param(params, 'id'), 'Smart process not found');
      requireCrmAdmin(context);
      deleteType(process, context);
      return ok([]);
    },
  },
];
