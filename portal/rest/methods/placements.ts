/**
 * placement.bind / unbind / get / list (scope placement). bind, unbind and get need an
 * administrator in an app context; a webhook gets WRONG_AUTH_TYPE. Parameter keys are
 * case-insensitive (the portal upper-cases them).
 */
import type { StoredPlacement } from '../../state/state-types';
import type { MethodContext, MethodDefinition } from '../method-types';
import { ok } from '../method-types';
import { asInt, asString, isRecord } from '../params';
import type { Params } from '../params';
import { RestError, restErrors } from '../rest-error';

const DYNAMIC_SUFFIXES = [
  'DETAIL_TAB',
  'DETAIL_ACTIVITY',
  'DETAIL_TOOLBAR',
  'DOCUMENTGENERATOR_BUTTON',
  'LIST_MENU',
  'LIST_TOOLBAR',
  'ACTIVITY_TIMELINE_MENU',
  'ROBOT_DESIGNER_TOOLBAR',
  'FUNNELS_TOOLBAR',
];
const CRM_STATIC_ENTITIES = ['LEAD', 'DEAL', 'CONTACT', 'COMPANY', 'QUOTE', 'SMART_INVOICE'];
const CRM_STATIC_SUFFIXES = [
  'LIST_MENU',
  'LIST_TOOLBAR',
  'DETAIL_TAB',
  'DETAIL_TOOLBAR',
  'DETAIL_ACTIVITY',
  'ACTIVITY_TIMELINE_MENU',
];
const SCOPE_PLACEMENTS: Record<string, string[]> = {
  task: [
    'TASK_LIST_CONTEXT_MENU',
    'TASK_VIEW_TAB',
    'TASK_VIEW_SIDEBAR',
    'TASK_VIEW_TOP_PANEL',
    'TASK_USER_LIST_TOOLBAR',
    'TASK_GROUP_LIST_TOOLBAR',
  ],
  user: ['USER_PROFILE_MENU', 'USER_PROFILE_TOOLBAR'],
};
const GLOBAL_PLACEMENTS = ['REST_APP_URI', 'PAGE_BACKGROUND_WORKER', 'LEFT_MENU'];
/** Placements whose bind-time OPTIONS are kept (docs crm/index.md); the rest are dropped. */
const ACTIVITY_OPTIONS = ['useBuiltInInterface', 'newUserNotificationTitle', 'newUserNotificationText'];

function placementsOfScope(scope: string, context: MethodContext): string[] {
  if (scope === 'crm') {
    const codes = CRM_STATIC_ENTITIES.flatMap((entity) =>
      CRM_STATIC_SUFFIXES.map((suffix) => `CRM_${entity}_${suffix}`),
    );
    for (const process of context.store.state.smartProcesses) {
      for (const suffix of DYNAMIC_SUFFIXES) codes.push(`CRM_DYNAMIC_${process.entityTypeId}_${suffix}`);
    }
    codes.push('CRM_ANALYTICS_MENU');
    return codes;
  }
  return SCOPE_PLACEMENTS[scope] ?? [];
}

function availablePlacements(context: MethodContext, scopes: Iterable<string>): string[] {
  const codes: string[] = [];
  for (const scope of scopes) codes.push(...placementsOfScope(scope, context));
  return [...codes, ...GLOBAL_PLACEMENTS];
}

function upperParams(params: Params): Record<string, unknown> {
  return Object.fromEntries(Object.entries(params).map(([key, value]) => [key.toUpperCase(), value]));
}

function requireAdminApp(context: MethodContext): void {
  if (context.auth.kind !== 'app') throw restErrors.wrongAuthType();
  if (!context.auth.user.isAdmin) throw restErrors.accessDenied();
}

function argumentError(name: string, description: string, status = 400): RestError {
  return new RestError('ERROR_ARGUMENT', description, status, { argument: name });
}

/**
 * placement.bind reports its own refusals with HTTP 200 (docs placement-bind.md: ERROR_ARGUMENT,
 * ERROR_PLACEMENT_USER_MODE, ERROR_PLACEMENT_MAX_COUNT are 200); unbind's ERROR_ARGUMENT is 400.
 */
const BIND_REFUSAL_STATUS = 200;
/** Widgets an app may register once only (docs placement-bind.md). */
const SINGLE_BINDING_PLACEMENTS = ['REST_APP_URI', 'PAGE_BACKGROUND_WORKER'];

function checkHandler(handler: string): void {
  let url: URL;
  try {
    url = new URL(handler);
  } catch {
    throw new RestError('ERROR_WRONG_HANDLER_URL', 'Wrong handler URL', 400);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new RestError('ERROR_UNSUPPORTED_PROTOCOL', 'Unsupported handler protocol', 400);
  if (!url.hostname.includes('.')) throw new RestError('ERROR_WRONG_HANDLER_URL', 'Wrong handler URL', 400);
}

type LanguageEntry = StoredPlacement['langAll'][string];

function languageEntries(raw: unknown): Record<string, LanguageEntry> | null {
  if (!isRecord(raw)) return null;
  const entries: Record<string, LanguageEntry> = {};
  for (const [language, value] of Object.entries(raw)) {
    if (!isRecord(value)) continue;
    const upper = upperParams(value);
    entries[language] = {
      TITLE: asString(upper.TITLE),
      DESCRIPTION: asString(upper.DESCRIPTION),
      GROUP_NAME: asString(upper.GROUP_NAME),
    };
  }
  return Object.keys(entries).length > 0 ? entries : null;
}

function placementToRest(placement: StoredPlacement): Record<string, unknown> {
  return {
    placement: placement.placement,
    userId: placement.userId,
    handler: placement.handler,
    options: placement.options,
    title: placement.title,
    description: placement.description,
    langAll: placement.langAll,
  };
}

export const placementMethods: MethodDefinition[] = [
  {
    name: 'placement.bind',
    scope: 'placement',
    handler: (params, context) => {
      requireAdminApp(context);
      const query = upperParams(params);
      const code = asString(query.PLACEMENT).trim().toUpperCase();
      if (!code) throw argumentError('PLACEMENT', "Argument 'PLACEMENT' is null or empty", BIND_REFUSAL_STATUS);
      if (code === 'DEFAULT') throw argumentError('PLACEMENT', 'Wrong value', BIND_REFUSAL_STATUS);
      if (!availablePlacements(context, context.auth.scopes).includes(code))
        throw new RestError('ERROR_PLACEMENT_NOT_FOUND', 'Placement not found', 400);
      const handler = asString(query.HANDLER).trim();
      if (!handler) throw argumentError('HANDLER', "Argument 'HANDLER' is null or empty", BIND_REFUSAL_STATUS);
      checkHandler(handler);
      const userId = asInt(query.USER_ID) ?? 0;
      if (userId !== 0 && code !== 'PAGE_BACKGROUND_WORKER')
        throw new RestError('ERROR_PLACEMENT_USER_MODE', 'User mode is not available.', BIND_REFUSAL_STATUS);
      const state = context.store.state;
      if (
        SINGLE_BINDING_PLACEMENTS.includes(code) &&
        state.placements.some((existing) => existing.placement === code)
      ) {
        throw new RestError('ERROR_PLACEMENT_MAX_COUNT', 'Placement max count: 1', BIND_REFUSAL_STATUS);
      }
      if (state.placements.some((existing) => existing.placement === code && existing.handler === handler)) {
        throw new RestError('ERROR_CORE', 'Unable to set placement handler: Handler already binded', 400);
      }
      const language = context.config.language;
      const langAll = languageEntries(query.LANG_ALL) ?? {
        [language]: {
          TITLE: asString(query.TITLE),
          DESCRIPTION: asString(query.DESCRIPTION),
          GROUP_NAME: asString(query.GROUP_NAME),
        },
      };
      const shown = langAll[language] ?? langAll.en ?? Object.values(langAll)[0]!;
      const options =
        isRecord(query.OPTIONS) && code.endsWith('_DETAIL_ACTIVITY')
          ? Object.fromEntries(
              Object.entries(query.OPTIONS)
                .filter(([key]) => ACTIVITY_OPTIONS.includes(key))
                .map(([key, value]) => [key, asString(value)]),
            )
          : {};
      state.placements.push({
        id: context.store.nextPlacementId(),
        placement: code,
        handler,
        title: shown.TITLE || state.app.name,
        description: shown.DESCRIPTION,
        groupName: shown.GROUP_NAME,
        langAll,
        options,
        userId,
      });
      context.store.changed();
      return ok(true);
    },
  },
  {
    name: 'placement.unbind',
    scope: 'placement',
    handler: (params, context) => {
      requireAdminApp(context);
      const query = upperParams(params);
      if (query.PLACEMENT === undefined || query.PLACEMENT === null || query.PLACEMENT === '') {
        throw argumentError('PLACEMENT', "Argument 'PLACEMENT' is null or empty");
      }
      if (typeof query.PLACEMENT !== 'string')
        throw argumentError('PLACEMENT', "The value of an argument 'PLACEMENT' must be of type string");
      const code = query.PLACEMENT.trim().toUpperCase();
      const handler = asString(query.HANDLER).trim();
      const userId = query.USER_ID === undefined ? null : asInt(query.USER_ID);
      const state = context.store.state;
      const removed = state.placements.filter(
        (placement) =>
          placement.placement === code &&
          (!handler || placement.handler === handler) &&
          (userId === null || placement.userId === userId),
      );
      state.placements = state.placements.filter((placement) => !removed.includes(placement));
      if (removed.length > 0) context.store.changed();
      // The portal counts one for finding each row and one for deleting it.
      return ok({ count: removed.length * 2 });
    },
  },
  {
    name: 'placement.get',
    scope: 'placement',
    handler: (_params, context) => {
      requireAdminApp(context);
      return ok([...context.store.state.placements].sort((a, b) => a.id - b.id).map(placementToRest));
    },
  },
  {
    name: 'placement.list',
    scope: 'placement',
    handler: (params, context) => {
      if (context.auth.kind !== 'app') throw restErrors.wrongAuthType();
      const query = upperParams(params);
      const scope = asString(query.SCOPE);
      if (scope) return ok(placementsOfScope(scope, context));
      const full =
        query.FULL === true || query.FULL === 'true' || query.FULL === 'Y' || query.FULL === 1 || query.FULL === '1';
      const scopes = full ? ['crm', 'task', 'user'] : context.auth.scopes;
      return ok(availablePlacements(context, scopes));
    },
  },
];
