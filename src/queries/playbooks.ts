/**
 * A smart process's stage playbook, read and saved where Bitrix24 keeps app settings.
 *
 * Storage: the APP OPTION `playbook_<entityTypeId>` (app.option.get / app.option.set; docs
 * api-reference/common/settings/app-option-get.md, app-option-set.md). Everyone using the app may
 * read it; only a portal admin may write it, which is exactly who may change a playbook. The value
 * is a JSON STRING of the PlaybookDocument (a string survives the portal's PHP serialisation
 * unchanged; nested arrays would come back as maps). Why options and not the app's entity storage
 * (entity.*): see "Where playbooks are stored" in src/README.md.
 *
 * Reading fits into any batch: `playbookOptionCommand(entityTypeId)` and
 * `readPlaybookOption(result)`.
 */
import { useQuery } from '@tanstack/react-query';
import { command, useBitrix, type BatchEntry } from '../bitrix';
import { parsePlaybookDocument, type PlaybookParseOutcome } from '../domain/playbooks/playbook-document';

/** What is stored for a smart process: nothing yet, or what the stored value parsed to. */
export type StoredPlaybook = { kind: 'none' } | PlaybookParseOutcome;

export const playbookKeys = {
  all: ['playbook'] as const,
  document: (entityTypeId: number) => [...playbookKeys.all, entityTypeId] as const,
};

/** `playbook_<N>`: the option name of smart process N's playbook. */
export function playbookOptionName(entityTypeId: number): string {
  return `playbook_${entityTypeId}`;
}

/** The batch command that reads smart process N's playbook option. */
export function playbookOptionCommand(entityTypeId: number) {
  return command('app.option.get', { option: playbookOptionName(entityTypeId) });
}

/**
 * What app.option.get answered for one playbook option → none configured, or the parse outcome.
 * A portal answers a missing option with null, '' or [] (PHP's empty array); all mean "none".
 * Pass `entityTypeId` to refuse a document of another smart process stored under this name.
 */
export function readPlaybookOption(result: unknown, entityTypeId?: number): StoredPlaybook {
  if (result === undefined || result === null || result === '' || (Array.isArray(result) && result.length === 0)) {
    return { kind: 'none' };
  }
  return parsePlaybookDocument(result, entityTypeId === undefined ? {} : { entityTypeId });
}

/** Like `readPlaybookOption`, from a batch entry: a failed read throws its BitrixError. */
export function readPlaybookEntry(entry: BatchEntry<unknown>, entityTypeId?: number): StoredPlaybook {
  if (!entry.ok) throw entry.error;
  return readPlaybookOption(entry.result, entityTypeId);
}

/** Smart process N's stored playbook (any user may read it). */
export function usePlaybook(entityTypeId: number) {
  const boundary = useBitrix();
  return useQuery({
    queryKey: playbookKeys.document(entityTypeId),
    queryFn: async (): Promise<StoredPlaybook> => {
      const answers = await boundary.batch({ playbook: playbookOptionCommand(entityTypeId) });
      return readPlaybookEntry(answers.playbook, entityTypeId);
    },
  });
}
