/**
 * Funnels and stages: crm.category.list / get (`{categories}`, camelCase, integer ids) and
 * crm.status.list (a bare array of UPPER-keyed rows with string values; smart-process stages
 * live under `DYNAMIC_<entityTypeId>_STAGE_<categoryId>`).
 */
import type { StoredCategory, StoredStage } from '../../state/state-types';
import { canReadProcess, crmErrors, requireId, requireProcess } from '../crm/crm-access';
import { compileFilter, compileOrder } from '../filter';
import type { FieldKind, FieldResolver } from '../filter';
import type { MethodDefinition } from '../method-types';
import { ok } from '../method-types';
import { isRecord, param } from '../params';
import { RestError } from '../rest-error';

function categoryToRest(category: StoredCategory): Record<string, unknown> {
  return {
    id: category.id,
    name: category.name,
    sort: category.sort,
    entityTypeId: category.entityTypeId,
    isDefault: category.isDefault ? 'Y' : 'N',
  };
}

interface StatusRow {
  ID: string;
  ENTITY_ID: string;
  STATUS_ID: string;
  NAME: string;
  NAME_INIT: string;
  SORT: string;
  SYSTEM: 'Y' | 'N';
  CATEGORY_ID: string | null;
  COLOR: string;
  SEMANTICS: 'S' | 'F' | null;
}

/**
 * NAME_INIT keeps the name a stage was created with: a funnel's five default stages carry their
 * default names even after they are renamed; stages added later have none (tutorials
 * how-to-add-category-to-spa.md, how-to-get-stages-with-semantics.md).
 */
const DEFAULT_STAGE_NAMES: Record<string, string> = {
  NEW: 'Start',
  PREPARATION: 'Preparation',
  CLIENT: 'Approval',
  SUCCESS: 'Success',
  FAIL: 'Failure',
};

function initialName(stage: StoredStage): string {
  if (stage.nameInit !== undefined) return stage.nameInit;
  const code = stage.statusId.slice(stage.statusId.indexOf(':') + 1);
  return DEFAULT_STAGE_NAMES[code] ?? '';
}

function stageToRow(stage: StoredStage): StatusRow {
  return {
    ID: String(stage.id),
    ENTITY_ID: `DYNAMIC_${stage.entityTypeId}_STAGE_${stage.categoryId}`,
    STATUS_ID: stage.statusId,
    NAME: stage.name,
    NAME_INIT: initialName(stage),
    SORT: String(stage.sort),
    SYSTEM: stage.system ? 'Y' : 'N',
    CATEGORY_ID: String(stage.categoryId),
    COLOR: stage.color,
    SEMANTICS: stage.semantics,
  };
}

/** The SOURCE directory the items' sourceId refers to. */
const SOURCES: StatusRow[] = [
  ['CALL', 'Call'],
  ['EMAIL', 'E-mail'],
  ['WEB', 'Website'],
  ['OTHER', 'Other'],
].map(([statusId, name], index) => ({
  ID: String(101 + index),
  ENTITY_ID: 'SOURCE',
  STATUS_ID: statusId!,
  NAME: name!,
  NAME_INIT: name!,
  SORT: String((index + 1) * 10),
  SYSTEM: 'Y',
  CATEGORY_ID: null,
  COLOR: '',
  SEMANTICS: null,
}));

const statusFields: FieldResolver<StatusRow> = (name) => {
  const kinds: Record<string, FieldKind> = {
    ID: 'int',
    ENTITY_ID: 'string',
    STATUS_ID: 'string',
    NAME: 'string',
    SORT: 'int',
    SYSTEM: 'bool',
    CATEGORY_ID: 'int',
    COLOR: 'string',
    SEMANTICS: 'string',
  };
  const key = name.toUpperCase() as keyof StatusRow;
  const kind = kinds[key];
  return kind ? { kind, get: (row) => row[key] } : undefined;
};

export const crmStageMethods: MethodDefinition[] = [
  {
    name: 'crm.category.list',
    scope: 'crm',
    handler: (params, context) => {
      const process = requireProcess(params, context);
      const categories = canReadProcess(context, process.entityTypeId)
        ? context.store.state.categories
            .filter((category) => category.entityTypeId === process.entityTypeId)
            .sort((a, b) => a.sort - b.sort || a.id - b.id)
        : [];
      return ok({ categories: categories.map(categoryToRest) }, { total: categories.length });
    },
  },
  {
    name: 'crm.category.get',
    scope: 'crm',
    handler: (params, context) => {
      const process = requireProcess(params, context);
      const id = requireId(params);
      const category = context.store.state.categories.find(
        (candidate) => candidate.entityTypeId === process.entityTypeId && candidate.id === id,
      );
      if (!category) throw crmErrors.itemNotFound();
      if (!canReadProcess(context, process.entityTypeId)) throw crmErrors.accessDenied();
      return ok({ category: categoryToRest(category) });
    },
  },
  {
    name: 'crm.status.list',
    scope: 'crm',
    handler: (params, context) => {
      const filter = param(params, 'filter');
      const entityId = isRecord(filter) ? param(filter, 'ENTITY_ID') : undefined;
      if (entityId !== undefined && typeof entityId !== 'string') {
        throw new RestError('', 'Filter by ENTITY_ID must be a string', 400);
      }
      const readable = context.store.state.stages.filter((stage) => canReadProcess(context, stage.entityTypeId));
      const rows = [...SOURCES, ...readable.map(stageToRow)];
      const predicate = compileFilter(filter, statusFields, { onUnknownField: () => undefined });
      const order = param(params, 'order');
      const comparator =
        compileOrder(isRecord(order) ? order : { SORT: 'ASC' }, statusFields, {
          onUnknownField: () => undefined,
          onBadDirection: () => undefined,
        }) ?? (() => 0);
      const result = rows.filter(predicate).sort(comparator);
      return ok(result, { total: result.length });
    },
  },
];
