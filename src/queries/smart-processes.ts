/** Smart processes (CRM dynamic types): title, short code, and whether tasks may link to them. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { command, useBitrix, type RestOwnerType, type RestSmartProcessType } from '../bitrix';
import { smartProcessShortCode } from '../domain/link-code';

export interface SmartProcess {
  entityTypeId: number;
  /** crm.type id (not the entityTypeId); needed to change its settings. Null when unreadable. */
  typeId: number | null;
  title: string;
  /** `Tb1`: the UF_CRM_TASK prefix. */
  shortCode: string;
  /** Its settings let tasks link to items (TASKS_TASK|UF_CRM_TASK); null when they could not be read. */
  allowsTaskLinks: boolean | null;
}

/** Every CRM type the portal knows (crm.enum.ownertype), any user may read it. */
export interface CrmTypeDirectory {
  byEntityTypeId: ReadonlyMap<number, { title: string; shortCode: string; symbolCode: string }>;
  entityTypeIdByShortCode: ReadonlyMap<string, number>;
  entityTypeIdBySymbolCode: ReadonlyMap<string, number>;
}

export const smartProcessKeys = {
  all: ['smart-process'] as const,
  detail: (entityTypeId: number) => [...smartProcessKeys.all, 'detail', entityTypeId] as const,
  directory: () => [...smartProcessKeys.all, 'crm-type-directory'] as const,
};

export const TASK_LINK_FIELD = 'TASKS_TASK|UF_CRM_TASK';

export function allowsTaskLinks(type: RestSmartProcessType): boolean {
  const linked = Array.isArray(type.linkedUserFields) ? {} : (type.linkedUserFields ?? {});
  return type.isUseInUserfieldEnabled === 'Y' && linked[TASK_LINK_FIELD] === 'Y';
}

export function decodeDirectory(ownerTypes: readonly RestOwnerType[]): CrmTypeDirectory {
  const byEntityTypeId = new Map<number, { title: string; shortCode: string; symbolCode: string }>();
  const entityTypeIdByShortCode = new Map<string, number>();
  const entityTypeIdBySymbolCode = new Map<string, number>();
  for (const type of ownerTypes) {
    const id = Number(type.ID);
    if (!Number.isInteger(id) || id <= 0) continue;
    byEntityTypeId.set(id, {
      title: type.NAME ?? '',
      shortCode: type.SYMBOL_CODE_SHORT ?? '',
      symbolCode: type.SYMBOL_CODE ?? '',
    });
    if (type.SYMBOL_CODE_SHORT) entityTypeIdByShortCode.set(type.SYMBOL_CODE_SHORT, id);
    if (type.SYMBOL_CODE) entityTypeIdBySymbolCode.set(type.SYMBOL_CODE, id);
  }
  return { byEntityTypeId, entityTypeIdByShortCode, entityTypeIdBySymbolCode };
}

/**
 * The smart process from crm.type.getByEntityTypeId (readable to users with access to it) and
 * the directory; either may be missing, the title and code then come from what is left.
 */
export function decodeSmartProcess(
  entityTypeId: number,
  type: RestSmartProcessType | null,
  directory: CrmTypeDirectory | null,
): SmartProcess {
  const listed = directory?.byEntityTypeId.get(entityTypeId);
  return {
    entityTypeId,
    typeId: type && Number.isInteger(type.id) ? type.id : null,
    title: type?.title || listed?.title || '',
    shortCode: listed?.shortCode || smartProcessShortCode(entityTypeId),
    allowsTaskLinks: type ? allowsTaskLinks(type) : null,
  };
}

export function smartProcessCommand(entityTypeId: number) {
  return command('crm.type.getByEntityTypeId', { entityTypeId });
}

export function crmTypeDirectoryCommand() {
  return command('crm.enum.ownertype', {});
}

export function useSmartProcess(entityTypeId: number) {
  const boundary = useBitrix();
  return useQuery({
    queryKey: smartProcessKeys.detail(entityTypeId),
    staleTime: 5 * 60_000,
    queryFn: async () => {
      const answers = await boundary.batch({
        type: smartProcessCommand(entityTypeId),
        directory: crmTypeDirectoryCommand(),
      });
      const directory = answers.directory.ok ? decodeDirectory(answers.directory.result) : null;
      if (!answers.type.ok && answers.type.error.kind === 'not-found') throw answers.type.error;
      return decodeSmartProcess(entityTypeId, answers.type.ok ? answers.type.result.type : null, directory);
    },
  });
}

/**
 * A portal admin switches task links on for a smart process (crm.type.update); the answer is
 * the type as saved, which replaces exactly that smart process in the cache. The portal reads
 * `linkedUserFields` as "true"/"false" on a write (docs crm-type-update.md), although it answers
 * with "Y"/"N": a "Y" would switch the link off.
 */
export function useEnableTaskLinks(entityTypeId: number) {
  const boundary = useBitrix();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (smartProcess: SmartProcess) => {
      if (smartProcess.typeId === null) throw new Error('The smart process settings could not be read');
      const { result } = await boundary.call('crm.type.update', {
        id: smartProcess.typeId,
        fields: { isUseInUserfieldEnabled: 'Y', linkedUserFields: { [TASK_LINK_FIELD]: 'true' } },
      });
      return {
        ...smartProcess,
        title: result.type.title || smartProcess.title,
        allowsTaskLinks: allowsTaskLinks(result.type),
      };
    },
    onSuccess: (updated) => queryClient.setQueryData(smartProcessKeys.detail(entityTypeId), updated),
  });
}
