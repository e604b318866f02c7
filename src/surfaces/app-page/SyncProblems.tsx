import type { SmartProcessRef } from '../../domain/install/binding-plan';
import type { CommandReport } from '../../domain/install/apply-plan';
import { useMessages } from '../../i18n';
import { manifest } from '../../../placements/manifest';
import { appPageMessages } from './messages';

/** Failed binds and unbinds that belong to no smart process still on the portal. */
export function OtherSyncProblems({
  failed,
  smartProcesses,
}: {
  failed: readonly CommandReport[];
  smartProcesses: readonly SmartProcessRef[];
}) {
  const text = useMessages(appPageMessages);
  const known = new Set(smartProcesses.map((process) => process.entityTypeId));
  const other = failed.filter(
    (report) => report.command.entityTypeId === null || !known.has(report.command.entityTypeId),
  );
  if (other.length === 0) return null;
  return (
    <div className="ap-problems">
      <p className="ap-problems__title">{text.otherErrors}</p>
      <ul>
        {other.map((report) => (
          <li key={`${report.command.kind}:${report.command.placement}:${report.command.handler}`}>
            {text.rowError(report.command.placement, report.message ?? '')}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The failures of one smart process's row, each named by its surface. */
export function RowProblems({ failed }: { failed: readonly CommandReport[] }) {
  const text = useMessages(appPageMessages);
  const titles = useSurfaceTitles();
  if (failed.length === 0) return null;
  return (
    <ul className="ap-row-problems">
      {failed.map((report) => (
        <li key={`${report.command.kind}:${report.command.placement}`}>
          {text.rowError(titles(report.command.surfaceId), report.message ?? '')}
        </li>
      ))}
    </ul>
  );
}

export function useSurfaceTitles(): (surfaceId: string | null) => string {
  const text = useMessages(appPageMessages);
  return (surfaceId) =>
    surfaceId
      ? (text.surfacePlace[surfaceId] ??
        manifest.surfaces.find((surface) => surface.id === surfaceId)?.title.en ??
        surfaceId)
      : '';
}
