import { useMemo } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { bindingMatrix, planPlacementSync, type SurfaceCell } from '../../domain/install/binding-plan';
import { withSurfaceSwitched } from '../../domain/install/surface-choices';
import { useErrorText, useI18n, useMessages } from '../../i18n';
import { placementKeys, type PlacementState } from '../../queries/placement-settings';
import { Alert, Button, Panel } from '../../ui';
import { appHandlerUrl } from './handler-url';
import { appPageMessages } from './messages';
import { OtherSyncProblems, RowProblems, useSurfaceTitles } from './SyncProblems';
import { SyncProgress } from './SyncProgress';
import { usePlacementSync } from './use-placement-sync';
import { PlacementChanges } from './PlacementChanges';
import { manifest } from '../../../placements/manifest';

/**
 * The app page after the install: smart processes × surfaces with what is switched on and
 * what the portal really shows, switches that bind and unbind at once, and a sync. Opening the
 * page changes nothing: when the portal differs (a smart process created since, say) the page
 * lists the differences and the admin applies them with Sync.
 */
export function PlacementSettings({ state }: { state: PlacementState }) {
  const queryClient = useQueryClient();
  const { language, locale } = useI18n();
  const text = useMessages(appPageMessages);
  const errorText = useErrorText();
  const surfaceTitle = useSurfaceTitles();
  const { sync, progress, report, error, busy } = usePlacementSync();
  const handler = appHandlerUrl();

  const rows = useMemo(
    () =>
      bindingMatrix({
        smartProcesses: state.smartProcesses,
        bindings: state.bindings,
        choices: state.choices,
        handler,
      }),
    [state, handler],
  );

  const pending = useMemo(
    () =>
      planPlacementSync({
        smartProcesses: state.smartProcesses,
        bindings: state.bindings,
        choices: state.choices,
        handler,
      }).commands,
    [state, handler],
  );

  const switchCell = (entityTypeId: number, cell: SurfaceCell, wanted: boolean) => {
    if (busy) return;
    const choices = withSurfaceSwitched(state.choices, entityTypeId, cell.surface, wanted);
    // The switch moves at once; the portal follows in the sync right after.
    queryClient.setQueryData<PlacementState>(placementKeys.state(), (current) =>
      current ? { ...current, choices } : current,
    );
    void sync(choices, { save: true });
  };

  const done = report ? report.reports.filter((entry) => entry.status === 'done') : [];
  return (
    <div className="st-surface st-surface--embedded ap">
      <Panel
        title={text.matrixCaption}
        actions={
          <Button variant="primary" onClick={() => void sync(state.choices)} busy={busy} title={text.syncHint}>
            {busy ? text.syncing : text.sync}
          </Button>
        }
      >
        <p className="st-muted ap-intro">{text.intro}</p>
        {state.choicesDamaged && <Alert tone="warning">{text.choicesDamaged}</Alert>}
        {progress && progress.total > 0 && <SyncProgress progress={progress} />}
        {error && <Alert tone="danger">{errorText(error)}</Alert>}
        {report && !busy && (
          <Alert tone={report.failed.length > 0 ? 'danger' : 'success'}>
            {report.plan.commands.length === 0 ? text.syncedNothing : text.synced(done.length, locale)}
            {report.failed.length > 0 && ` ${text.syncFailed(report.failed.length, locale)}`}
            <PlacementChanges
              commands={done.map((entry) => entry.command)}
              smartProcesses={report.smartProcesses}
              done
            />
            <OtherSyncProblems failed={report.failed} smartProcesses={report.smartProcesses} />
          </Alert>
        )}
        {pending.length > 0 && !busy && (
          <Alert tone="info">
            {text.differences(pending.length, locale)}
            <PlacementChanges commands={pending} smartProcesses={state.smartProcesses} />
          </Alert>
        )}
        {rows.length === 0 ? (
          <p>{text.noSmartProcesses}</p>
        ) : (
          <div className="ap-matrix-scroll">
            <table className="ap-matrix">
              <caption className="st-visually-hidden">{text.matrixCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{text.smartProcessColumn}</th>
                  {manifest.surfaces.map((surface) => (
                    <th scope="col" key={surface.id}>
                      {/* The place first: two surfaces share a menu title ("Create linked task"). */}
                      <span className="ap-matrix__surface">{surfaceTitle(surface.id)}</span>
                      <span className="ap-matrix__place">{text.placeColumnHint(surface.title[language])}</span>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => {
                  const failed = report
                    ? report.failed.filter((entry) => entry.command.entityTypeId === row.smartProcess.entityTypeId)
                    : [];
                  return (
                    <tr key={row.smartProcess.entityTypeId} data-entity-type-id={row.smartProcess.entityTypeId}>
                      <th scope="row">
                        {row.smartProcess.title}
                        <RowProblems failed={failed} />
                      </th>
                      {row.cells.map((cell) => {
                        // Only a cell the portal does not match yet says so; the switch itself says on/off.
                        const cellState =
                          cell.wanted === cell.bound ? null : cell.wanted ? text.stateAdding : text.stateRemoving;
                        return (
                          <td
                            key={cell.surface.id}
                            data-placement={cell.placement}
                            data-bound={cell.bound ? 'true' : 'false'}
                          >
                            <label className="ap-switch">
                              <input
                                type="checkbox"
                                role="switch"
                                checked={cell.wanted}
                                disabled={busy}
                                aria-label={text.switchLabel(cell.surface.title[language], row.smartProcess.title)}
                                onChange={(event) =>
                                  switchCell(row.smartProcess.entityTypeId, cell, event.target.checked)
                                }
                              />
                              {/* Named beside the switch only when the table stacks in a narrow frame. */}
                              <span className="ap-switch__place" aria-hidden="true">
                                {surfaceTitle(cell.surface.id)}
                              </span>
                              {cellState && <span className="ap-switch__state">{cellState}</span>}
                            </label>
                          </td>
                        );
                      })}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </Panel>
    </div>
  );
}
