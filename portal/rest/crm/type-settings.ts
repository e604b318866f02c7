/**
 * The parts of crm.type.add / update that are not plain "Y"/"N" flags: linked user fields and
 * relations. The portal reads both with a strict `=== 'true'` (docs crm-type-add.md: "Y"/"N" do
 * not work, pass "true"/"false"), so "Y", JSON `true` or "1" all mean off — an app that sends
 * "Y" switches the link off on a real portal, and so it does here.
 */
import type { StoredSmartProcess } from '../../state/state-types';
import { asInt, asList, isRecord, param } from '../params';

type Relation = StoredSmartProcess['relations']['parent'][number];

/** Every user field a smart process can be shown in, as crm.type.get lists them. */
export const LINKED_USER_FIELD_NAMES = [
  'CALENDAR_EVENT|UF_CRM_CAL_EVENT',
  'TASKS_TASK|UF_CRM_TASK',
  'TASKS_TASK_TEMPLATE|UF_CRM_TASK',
];

/** Lead, deal, contact, company, estimate, invoice: the system types a smart process can bind to. */
const SYSTEM_BINDABLE_TYPES = [1, 2, 3, 4, 7, 31];
const CLIENT_TYPES = [3, 4];

const isTrueString = (value: unknown): boolean => value === 'true';

/**
 * Saved only when the type (after this save) allows use in user fields; names the portal does not
 * know are ignored, as are the fields not named.
 */
export function applyLinkedUserFields(process: StoredSmartProcess, raw: unknown): void {
  if (process.flags.isUseInUserfieldEnabled !== 'Y' || !isRecord(raw)) return;
  for (const [name, value] of Object.entries(raw)) {
    if (LINKED_USER_FIELD_NAMES.includes(name)) process.linkedUserFields[name] = isTrueString(value) ? 'Y' : 'N';
  }
}

/**
 * The relations crm.type.get shows: contacts and companies come first as predefined parents
 * while the Client field is on (docs crm-type-add.md), whether or not the stored ones list them.
 */
export function relationsToRest(process: StoredSmartProcess): StoredSmartProcess['relations'] {
  const copy: StoredSmartProcess = {
    ...process,
    relations: { parent: [...process.relations.parent], child: [...process.relations.child] },
  };
  syncClientRelations(copy);
  return copy.relations;
}

/** Contacts and companies are predefined parents while the Client field is on. */
export function syncClientRelations(process: StoredSmartProcess): void {
  const chosen = process.relations.parent.filter((relation) => relation.isPredefined !== 'Y');
  if (process.flags.isClientEnabled !== 'Y') {
    process.relations.parent = chosen;
    return;
  }
  const predefined = CLIENT_TYPES.map((entityTypeId): Relation => ({
    entityTypeId,
    isChildrenListEnabled: 'Y',
    isPredefined: 'Y',
  }));
  process.relations.parent = [
    ...predefined,
    ...chosen.filter((relation) => !CLIENT_TYPES.includes(relation.entityTypeId)),
  ];
}

/**
 * `relations.parent` / `relations.child`, each replaced in full when given; predefined relations
 * stay; a type the portal cannot bind is skipped without an error (docs crm-type-update.md).
 */
export function applyRelations(process: StoredSmartProcess, raw: unknown, dynamicEntityTypeIds: number[]): void {
  if (!isRecord(raw)) return;
  const bindable = [...SYSTEM_BINDABLE_TYPES, ...dynamicEntityTypeIds.filter((id) => id !== process.entityTypeId)];
  for (const side of ['parent', 'child'] as const) {
    const given = param(raw, side);
    if (given === undefined) continue;
    const kept = process.relations[side].filter((relation) => relation.isPredefined === 'Y');
    const chosen = new Map<number, Relation>();
    for (const entry of asList(given)) {
      if (!isRecord(entry)) continue;
      const entityTypeId = asInt(param(entry, 'entityTypeId'));
      if (entityTypeId === null || entityTypeId <= 0 || !bindable.includes(entityTypeId)) continue;
      if (kept.some((relation) => relation.entityTypeId === entityTypeId)) continue;
      chosen.set(entityTypeId, {
        entityTypeId,
        isChildrenListEnabled: isTrueString(param(entry, 'isChildrenListEnabled')) ? 'Y' : 'N',
        isPredefined: 'N',
      });
    }
    process.relations[side] = [...kept, ...chosen.values()];
  }
}
