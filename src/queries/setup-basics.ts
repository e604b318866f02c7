/**
 * What every set-up screen (the bulk panel, the playbook editor) reads in its first batch besides
 * its own: the smart process (crm.type.getByEntityTypeId, and crm.enum.ownertype for a portal
 * that refuses the type to this user), its funnels (crm.category.list) and the current user
 * (user.current). Read once here so that both decode and refuse alike.
 */
import type { BatchEntry, BatchResults, BitrixError } from '../bitrix';
import { categoriesCommand, decodeCategories, type Category } from './items';
import {
  crmTypeDirectoryCommand,
  decodeDirectory,
  decodeSmartProcess,
  smartProcessCommand,
  type SmartProcess,
} from './smart-processes';
import { currentUserCommand, decodeCurrentUser, type CurrentUser } from './users';

/** The basics' commands, to spread into a screen's first batch (keys `type`, `directory`, `categories`, `me`). */
export function setupBasicsCommands(entityTypeId: number) {
  return {
    type: smartProcessCommand(entityTypeId),
    directory: crmTypeDirectoryCommand(),
    categories: categoriesCommand(entityTypeId),
    me: currentUserCommand(),
  };
}

/** The decoded basics. */
export interface SetupBasics {
  smartProcess: SmartProcess;
  categories: Category[];
  currentUser: CurrentUser;
}

/**
 * Decodes the basics from a first batch's answers. Throws the portal's error when the current
 * user or the funnels could not be read, then that of the first of `alsoRequired` that failed
 * (the screen's own must-haves), an Error when the portal named no current user, and the type's
 * error when neither the type nor the directory knows the smart process.
 */
export function decodeSetupBasics(
  answers: BatchResults<ReturnType<typeof setupBasicsCommands>>,
  entityTypeId: number,
  alsoRequired: ReadonlyArray<BatchEntry<unknown>> = [],
): SetupBasics {
  if (!answers.me.ok) throw answers.me.error;
  if (!answers.categories.ok) throw answers.categories.error;
  const failed = alsoRequired.find((answer): answer is { ok: false; error: BitrixError } => !answer.ok);
  if (failed) throw failed.error;
  const currentUser = decodeCurrentUser(answers.me.result);
  if (!currentUser) throw new Error('The portal did not name the current user');
  const directory = answers.directory.ok ? decodeDirectory(answers.directory.result) : null;
  if (!answers.type.ok && !directory?.byEntityTypeId.has(entityTypeId)) throw answers.type.error;
  const smartProcess = decodeSmartProcess(entityTypeId, answers.type.ok ? answers.type.result.type : null, directory);
  return { smartProcess, categories: decodeCategories(answers.categories.result.categories), currentUser };
}
