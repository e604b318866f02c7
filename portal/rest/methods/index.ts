/**
 * Every method the emulator answers, by lower-case name (the portal lower-cases method names),
 * plus the introspection methods `scope`, `methods` and `method.get` that list them.
 */
import { ALL_SCOPES } from '../auth';
import { batchMethod } from '../batch';
import type { MethodRegistry } from '../dispatch';
import type { MethodContext, MethodDefinition } from '../method-types';
import { ok } from '../method-types';
import { asString, param, phpTruthy } from '../params';
import { appMethods } from './app';
import { crmActivityMethods } from './crm-activities';
import { crmItemMethods } from './crm-items';
import { crmStageUpdateMethods } from './crm-stage-updates';
import { crmStageMethods } from './crm-stages';
import { crmTypeLifecycleMethods } from './crm-type-lifecycle';
import { crmTypeMethods } from './crm-types';
import { placementMethods } from './placements';
import { taskChecklistMethods } from './task-checklist';
import { taskMethods } from './tasks';
import { userFieldConfigMethods } from './userfieldconfig';
import { userMethods } from './users';

function grantedScopes(context: MethodContext): string[] {
  return [...context.auth.scopes];
}

export function createMethodRegistry(): MethodRegistry {
  const registry = new Map<string, MethodDefinition>();
  const add = (definition: MethodDefinition): void => {
    registry.set(definition.name.toLowerCase(), definition);
  };
  const namesIn = (scopes: string[]): string[] =>
    [...registry.values()]
      .filter((definition) => scopes.includes(definition.scope))
      .map((definition) => definition.name.toLowerCase());

  const introspection: MethodDefinition[] = [
    {
      name: 'scope',
      scope: 'basic',
      handler: (params, context) => ok(phpTruthy(param(params, 'full')) ? [...ALL_SCOPES] : grantedScopes(context)),
    },
    {
      name: 'methods',
      scope: 'basic',
      handler: (params, context) => {
        const rawScope = param(params, 'scope');
        // `scope` given but empty lists the common (basic) methods only (docs methods.md).
        if (rawScope !== undefined) return ok(namesIn([asString(rawScope) || 'basic']));
        if (phpTruthy(param(params, 'full'))) return ok(namesIn(['basic', ...ALL_SCOPES]));
        return ok(namesIn(['basic', ...grantedScopes(context)]));
      },
    },
    {
      name: 'method.get',
      scope: 'basic',
      handler: (params, context) => {
        const definition = registry.get(asString(param(params, 'name')).toLowerCase());
        return ok({
          isExisting: definition !== undefined,
          isAvailable:
            definition !== undefined && (definition.scope === 'basic' || context.auth.scopes.has(definition.scope)),
        });
      },
    },
  ];

  for (const definition of [
    batchMethod,
    ...introspection,
    ...appMethods,
    ...userMethods,
    ...crmTypeMethods,
    ...crmTypeLifecycleMethods,
    ...crmItemMethods,
    ...crmStageMethods,
    ...crmStageUpdateMethods,
    ...userFieldConfigMethods,
    ...crmActivityMethods,
    ...taskMethods,
    ...taskChecklistMethods,
    ...placementMethods,
  ]) {
    add(definition);
  }
  return registry;
}
