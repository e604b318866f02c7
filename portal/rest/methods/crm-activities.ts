/**
 * crm.activity.get / list: timeline activities (UPPER keys, string values) of smart-process
 * items, filtered by OWNER_TYPE_ID/OWNER_ID and the other documented keys, 50 a page.
 */
import type { StoredActivity } from '../../state/state-types';
import { canReadProcess } from '../crm/crm-access';
import { compileFilter, compileOrder, paginate } from '../filter';
import type { FieldKind, FieldResolver } from '../filter';
import type { MethodContext, MethodDefinition } from '../method-types';
import { ok } from '../method-types';
import { asInt, asList, asString, isRecord, param } from '../params';
import { RestError } from '../rest-error';

function activityToRest(activity: StoredActivity): Record<string, unknown> {
  return {
    ID: String(activity.id),
    OWNER_ID: String(activity.ownerId),
    OWNER_TYPE_ID: String(activity.ownerTypeId),
    TYPE_ID: String(activity.typeId),
    PROVIDER_ID: activity.providerId,
    PROVIDER_TYPE_ID: activity.providerTypeId,
    PROVIDER_GROUP_ID: null,
    ASSOCIATED_ENTITY_ID: '0',
    SUBJECT: activity.subject,
    CREATED: activity.created,
    LAST_UPDATED: activity.lastUpdated,
    START_TIME: activity.startTime,
    END_TIME: activity.endTime,
    DEADLINE: activity.deadline,
    COMPLETED: activity.completed ? 'Y' : 'N',
    STATUS: activity.completed ? '2' : '1',
    RESPONSIBLE_ID: String(activity.responsibleId),
    PRIORITY: String(activity.priority),
    NOTIFY_TYPE: '1',
    NOTIFY_VALUE: '15',
    DESCRIPTION: activity.description,
    DESCRIPTION_TYPE: '1',
    DIRECTION: String(activity.direction),
    LOCATION: '',
    SETTINGS: [],
    ORIGINATOR_ID: null,
    ORIGIN_ID: null,
    AUTHOR_ID: String(activity.authorId),
    EDITOR_ID: String(activity.editorId),
    PROVIDER_PARAMS: [],
    PROVIDER_DATA: null,
    RESULT_MARK: '0',
    RESULT_VALUE: null,
    RESULT_SUM: null,
    RESULT_CURRENCY_ID: null,
    RESULT_STATUS: '0',
    RESULT_STREAM: '0',
    RESULT_SOURCE_ID: null,
    AUTOCOMPLETE_RULE: '0',
  };
}

const FIELD_KINDS: Record<string, [FieldKind, (activity: StoredActivity) => unknown]> = {
  ID: ['int', (activity) => activity.id],
  OWNER_ID: ['int', (activity) => activity.ownerId],
  OWNER_TYPE_ID: ['int', (activity) => activity.ownerTypeId],
  TYPE_ID: ['int', (activity) => activity.typeId],
  PROVIDER_ID: ['string', (activity) => activity.providerId],
  PROVIDER_TYPE_ID: ['string', (activity) => activity.providerTypeId],
  SUBJECT: ['string', (activity) => activity.subject],
  DESCRIPTION: ['string', (activity) => activity.description],
  CREATED: ['date', (activity) => activity.created],
  LAST_UPDATED: ['date', (activity) => activity.lastUpdated],
  START_TIME: ['date', (activity) => activity.startTime],
  END_TIME: ['date', (activity) => activity.endTime],
  DEADLINE: ['date', (activity) => activity.deadline],
  COMPLETED: ['bool', (activity) => (activity.completed ? 'Y' : 'N')],
  RESPONSIBLE_ID: ['int', (activity) => activity.responsibleId],
  AUTHOR_ID: ['int', (activity) => activity.authorId],
  PRIORITY: ['int', (activity) => activity.priority],
  DIRECTION: ['int', (activity) => activity.direction],
};

const resolveActivityField: FieldResolver<StoredActivity> = (name) => {
  const entry = FIELD_KINDS[name.toUpperCase()];
  return entry ? { kind: entry[0], get: entry[1] } : undefined;
};

function visible(activity: StoredActivity, context: MethodContext): boolean {
  return canReadProcess(context, activity.ownerTypeId);
}

/** BINDINGS: [{OWNER_TYPE_ID, OWNER_ID}] — an activity matches if any pair matches its owner. */
function bindingsPredicate(value: unknown): ((activity: StoredActivity) => boolean) | null {
  const pairs = asList(value).filter(isRecord);
  if (pairs.length === 0) return null;
  return (activity) =>
    pairs.some((pair) => {
      const typeId = asInt(param(pair, 'OWNER_TYPE_ID'));
      const ownerId = asInt(param(pair, 'OWNER_ID'));
      return (typeId === null || typeId === activity.ownerTypeId) && (ownerId === null || ownerId === activity.ownerId);
    });
}

export const crmActivityMethods: MethodDefinition[] = [
  {
    name: 'crm.activity.get',
    scope: 'crm',
    handler: (params, context) => {
      const id = asInt(param(params, 'id'));
      if (id === null || id <= 0) throw new RestError('', 'ID is not defined or invalid.', 400);
      const activity = context.store.activity(id);
      if (!activity) throw new RestError('', 'Activity is not found', 400);
      if (!visible(activity, context)) throw new RestError('', 'Access denied.', 400);
      return ok(activityToRest(activity));
    },
  },
  {
    name: 'crm.activity.list',
    scope: 'crm',
    handler: (params, context) => {
      const rawFilter = param(params, 'filter');
      const filter = isRecord(rawFilter) ? { ...rawFilter } : {};
      const bindings = bindingsPredicate(param(filter, 'BINDINGS'));
      for (const key of Object.keys(filter)) if (key.toUpperCase() === 'BINDINGS') delete filter[key];
      const predicate = compileFilter(filter, resolveActivityField, { onUnknownField: () => undefined });
      const order = param(params, 'order');
      const comparator =
        compileOrder(isRecord(order) ? order : { START_TIME: 'ASC' }, resolveActivityField, {
          onUnknownField: () => undefined,
          onBadDirection: () => undefined,
        }) ?? (() => 0);
      const rows = context.store.state.activities
        .filter((activity) => visible(activity, context) && predicate(activity) && (!bindings || bindings(activity)))
        .sort(comparator);
      const page = paginate(rows, param(params, 'start'));
      const select = asList(param(params, 'select')).map((entry) => asString(entry).toUpperCase());
      const wantsAll = select.length === 0 || select.includes('*');
      return ok(
        page.rows.map((activity) => {
          const full = activityToRest(activity);
          const picked = wantsAll
            ? full
            : Object.fromEntries(Object.entries(full).filter(([key]) => key === 'ID' || select.includes(key)));
          if (select.includes('COMMUNICATIONS')) picked.COMMUNICATIONS = [];
          if (select.includes('FILES')) picked.FILES = [];
          return picked;
        }),
        page,
      );
    },
  },
];
