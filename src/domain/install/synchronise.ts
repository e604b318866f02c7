/**
 * One "sync": read what the portal holds, plan, apply, and read back. Used by the first run
 * (install) and by the settings page's sync action alike, so both do exactly the same thing.
 */
import { applyPlacementPlan, type ApplyProgress, type CommandReport, type PlacementCommandPort } from './apply-plan';
import { planPlacementSync, type CurrentBinding, type InstallPlan, type SmartProcessRef } from './binding-plan';
import type { SurfaceChoices } from './surface-choices';

export interface PortalPlacementState {
  /** Every smart process (all pages of `crm.type.list`). */
  smartProcesses(): Promise<SmartProcessRef[]>;
  /** This app's bindings (`placement.get`). */
  bindings(): Promise<CurrentBinding[]>;
}

export interface SyncReport {
  plan: InstallPlan;
  reports: CommandReport[];
  /** Bindings after the sync, read back from the portal. */
  bindings: CurrentBinding[];
  smartProcesses: SmartProcessRef[];
  failed: CommandReport[];
}

export async function synchronisePlacements(input: {
  portal: PortalPlacementState;
  commands: PlacementCommandPort;
  choices: SurfaceChoices;
  handler: string;
  onProgress?: (progress: ApplyProgress) => void;
}): Promise<SyncReport> {
  const [smartProcesses, bindings] = await Promise.all([input.portal.smartProcesses(), input.portal.bindings()]);
  const plan = planPlacementSync({ smartProcesses, bindings, choices: input.choices, handler: input.handler });
  if (plan.commands.length === 0) {
    input.onProgress?.({ finished: 0, total: 0, failed: 0 });
    return { plan, reports: [], bindings, smartProcesses, failed: [] };
  }
  const reports = await applyPlacementPlan(plan.commands, input.commands, input.onProgress);
  const after = await input.portal.bindings();
  return {
    plan,
    reports,
    bindings: after,
    smartProcesses,
    failed: reports.filter((report) => report.status === 'failed'),
  };
}

export interface InstallFinishPort {
  /** `app.info` → `INSTALLED`. */
  isInstalled(): Promise<boolean>;
  /**
   * The frame's `installFinish()`. A real portal never answers it (it reloads the page), so
   * the flow does not wait for it and confirms through `app.info` instead.
   */
  finishInstall(): void;
  sleep(milliseconds: number): Promise<void>;
}

/** Finishes the install and confirms it; `false` when the portal still says "not installed". */
export async function finishAndConfirmInstall(port: InstallFinishPort, attempts = 10): Promise<boolean> {
  if (await port.isInstalled()) return true;
  port.finishInstall();
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    await port.sleep(300 * (attempt + 1));
    if (await port.isInstalled()) return true;
  }
  return false;
}
