/**
 * Which commands a frame may send, per placement (BX.rest.AppLayout.initializePlacement). Every
 * placement has the base commands; placements other than DEFAULT add placementBindEvent; some
 * CRM placements add their own commands, which getInterface lists.
 */
import type { AppLayout } from './app-layout';
import { baseCommands, placementBindEvent } from './commands';
import { reloadCardData } from './card-refresh';

export type Reply = (result?: unknown) => void;
export type CommandHandler = (layout: AppLayout, params: unknown, reply: Reply) => void | Promise<void>;

export interface PlacementInterface {
  commands: Record<string, CommandHandler>;
  /** Commands this placement adds to the base ones: what getInterface answers. */
  extraCommands: string[];
  /** Events placementBindEvent may bind. */
  events: string[];
}

/**
 * The CRM timeline adds reloadData to DETAIL_ACTIVITY frames opened in its slider, for every
 * entity type. A smart process's DETAIL_TAB gets none: the card's REST tab configuration covers
 * only leads, deals, contacts, companies, quotes and invoices (see bitrix-host.md §7.3).
 */
function extrasFor(placement: string): Record<string, CommandHandler> {
  if (/^CRM_[A-Z0-9_]+_DETAIL_ACTIVITY$/.test(placement)) {
    return {
      reloadData: (_layout, _params, reply) => {
        void reloadCardData().then(() => reply());
      },
    };
  }
  return {};
}

export function placementInterface(placement: string): PlacementInterface {
  const extras = extrasFor(placement);
  const commands: Record<string, CommandHandler> = Object.assign(Object.create(null) as Record<string, CommandHandler>, baseCommands);
  if (placement !== 'DEFAULT') commands.placementBindEvent = placementBindEvent;
  Object.assign(commands, extras);
  return { commands, extraCommands: Object.keys(extras), events: [] };
}
