import type { PlacementCommand, SmartProcessRef } from '../../domain/install/binding-plan';
import { useMessages } from '../../i18n';
import { appPageMessages } from './messages';
import { useSurfaceTitles } from './SyncProblems';

/**
 * Binds and unbinds named as an admin reads them ("Added: Tab in the item card, Repairs"): what a
 * sync will do before it runs, or what it did after. Smart-process titles are portal text and are
 * rendered as text.
 */
export function PlacementChanges({
  commands,
  smartProcesses,
  done = false,
}: {
  commands: readonly PlacementCommand[];
  smartProcesses: readonly SmartProcessRef[];
  /** True for a report of what a sync did ("Added: …"), false for what it would do ("Add: …"). */
  done?: boolean;
}) {
  const text = useMessages(appPageMessages);
  const surfaceTitle = useSurfaceTitles();
  if (commands.length === 0) return null;
  const processTitle = (entityTypeId: number | null) =>
    entityTypeId === null
      ? ''
      : (smartProcesses.find((process) => process.entityTypeId === entityTypeId)?.title ?? String(entityTypeId));
  return (
    <ul className="ap-changes">
      {commands.map((command) => {
        const where = command.surfaceId ? surfaceTitle(command.surfaceId) : command.placement;
        const title = processTitle(command.entityTypeId);
        const line =
          command.kind === 'bind'
            ? (done ? text.changeAdded : text.changeAdd)(where, title)
            : (done ? text.changeRemoved : text.changeRemove)(where, title);
        return <li key={`${command.kind}:${command.placement}:${command.handler}`}>{line}</li>;
      })}
    </ul>
  );
}
