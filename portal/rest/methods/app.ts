/**
 * The app's own methods (scope basic): app.info, app.option.*, user.option.*, profile,
 * server.time. Options need an app context; app.option.set needs an administrator
 * (CRestProvider's checks and messages).
 */
import { formatPortalDateTime, portalTimeZone, zoneOffsetMinutes } from '../../portal-time';
import { photoUrl } from '../../state/host-data-adapter';
import type { MethodContext, MethodDefinition } from '../method-types';
import { ok } from '../method-types';
import { asString, isRecord, param } from '../params';
import type { Params } from '../params';
import { RestError, restErrors } from '../rest-error';
import { optionsSizeProblem } from '../../option-limits';

/**
 * Options past the size the portal can store (option-limits.ts): refused, nothing written. The
 * docs document no limit and no error; ERROR_ARGUMENT on `options` is the emulator's choice.
 */
function optionsTooLarge(problem: string): RestError {
  return new RestError('ERROR_ARGUMENT', problem, 400, { argument: 'options' });
}

function requireAppContext(context: MethodContext): void {
  if (context.auth.kind !== 'app') throw restErrors.accessDenied('Application context required');
}

function license(context: MethodContext): string {
  return `${context.config.language}_pro100`;
}

/** `options: {k: v}`, or (as the code also accepts) the options as top-level keys. */
function optionsToSet(params: Params): Record<string, unknown> {
  const options = param(params, 'options');
  if (isRecord(options)) return options;
  if (Array.isArray(options)) return Object.fromEntries(options.map((value, index) => [String(index), value]));
  if (options !== undefined) return {};
  return { ...params };
}

function readOption(stored: Record<string, unknown>, params: Params): unknown {
  const name = param(params, 'option');
  if (name === undefined || name === '') return stored;
  return stored[asString(name)] ?? null;
}

export const appMethods: MethodDefinition[] = [
  {
    name: 'app.info',
    scope: 'basic',
    handler: (_params, context) => {
      if (context.auth.kind === 'webhook') {
        return ok({ SCOPE: [...context.auth.scopes], LICENSE: license(context) });
      }
      const app = context.store.state.app;
      return ok({
        ID: app.id,
        CODE: app.code,
        VERSION: app.version,
        STATUS: app.status,
        INSTALLED: app.installed,
        PAYMENT_EXPIRED: 'N',
        DAYS: null,
        LANGUAGE_ID: context.config.language,
        LICENSE: license(context),
        LICENSE_TYPE: 'pro100',
        LICENSE_FAMILY: 'pro',
      });
    },
  },
  {
    name: 'app.option.get',
    scope: 'basic',
    handler: (params, context) => {
      requireAppContext(context);
      return ok(readOption(context.store.state.appOptions, params));
    },
  },
  {
    name: 'app.option.set',
    scope: 'basic',
    handler: (params, context) => {
      requireAppContext(context);
      if (!context.auth.user.isAdmin) throw restErrors.accessDenied('Administrator authorization required');
      const options = optionsToSet(params);
      if (Object.keys(options).length === 0) throw restErrors.argumentNull('options');
      const merged = { ...context.store.state.appOptions, ...options };
      const problem = optionsSizeProblem(merged);
      if (problem) throw optionsTooLarge(problem);
      context.store.state.appOptions = merged;
      context.store.changed();
      return ok(true);
    },
  },
  {
    name: 'user.option.get',
    scope: 'basic',
    handler: (params, context) => {
      requireAppContext(context);
      return ok(readOption(context.store.state.userOptions[context.auth.userId] ?? {}, params));
    },
  },
  {
    name: 'user.option.set',
    scope: 'basic',
    handler: (params, context) => {
      requireAppContext(context);
      const options = optionsToSet(params);
      if (Object.keys(options).length === 0) throw restErrors.argumentNull('options');
      const userId = context.auth.userId;
      const merged = { ...(context.store.state.userOptions[userId] ?? {}), ...options };
      const problem = optionsSizeProblem(merged);
      if (problem) throw optionsTooLarge(problem);
      context.store.state.userOptions[userId] = merged;
      context.store.changed();
      return ok(true);
    },
  },
  {
    name: 'profile',
    scope: 'basic',
    handler: (_params, context) => {
      const user = context.auth.user;
      if (!user.active) return ok([]);
      const result: Record<string, unknown> = {
        ID: String(user.id),
        ADMIN: user.isAdmin,
        NAME: user.name,
        LAST_NAME: user.lastName,
        PERSONAL_GENDER: user.gender,
      };
      if (user.photoPath) result.PERSONAL_PHOTO = photoUrl(context.origin, user);
      result.TIME_ZONE = user.timeZone ?? '';
      // The user's offset from UTC in seconds, from their own zone or else the portal's (not in profile.md; kept as the emulator has it).
      result.TIME_ZONE_OFFSET = zoneOffsetMinutes(user.timeZone || portalTimeZone(), context.now) * 60;
      return ok(result);
    },
  },
  {
    name: 'server.time',
    scope: 'basic',
    handler: (_params, context) => ok(formatPortalDateTime(context.now)),
  },
];
