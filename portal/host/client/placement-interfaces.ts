/**
 * Which commands a frame may send, per placement (BX.rest.AppLayout.initializePlacement). Every
 * placement has the base commands; placements other than DEFAULT add placementBindEvent; some
 * CRM placements add their own commands, which getInterface lists.
 */
import type { AppLayout } from './app-layout';
import { baseCommands, placementBindEvent } from './commands';
import { reloadCardData, reloadListData } from './card-refresh';

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
 * reloadData, which the docs (widgets/ui-interaction/index.md) give to CRM_*_DETAIL_TAB (the card
 * is refreshed), CRM_*_DETAIL_ACTIVITY (the same card) and CRM_*_LIST_MENU (the list is
 * refreshed). It answers with no value once the portal has redrawn.
 */
function extrasFor(placement: string): Record<string, CommandHandler> {
  const reloadWith =
    (refresh: () => Promise<void>): CommandHandler =>
    (_layout, _params, reply) => {
      void refresh().then(() => reply());
    };
  if (/^CRM_[A-Z0-9_]+_DETAIL_(TAB|ACTIVITY)$/.test(placement)) return { reloadData: reloadWith(reloadCardData) };
  if (/^CRM_[A-Z0-9_]+_LIST_MENU$/.test(placement)) return { reloadData: reloadWith(reloadListData) };
  return {};
}

export function placementInterface(placement: string): PlacementInterface {
  const extras = extrasFor(placement);
  const commands: Record<string, CommandHandler> = Object.assign(
    Object.create(null) as Record<string, CommandHandler>,
    baseCommands,
  );
  if (placement !== 'DEFAULT') commands.placementBindEvent = placementBindEvent;
  Object.assign(commands, extras);
  return { commands, extraCommands: Object.keys(extras), events: [] };
}
