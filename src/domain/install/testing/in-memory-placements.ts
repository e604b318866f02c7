/**
 * An in-memory stand-in for the portal's placement registry, speaking the install domain's own
 * ports (not the SDK). It keeps the portal's rules that matter to a sync: one row per
 * placement + handler ("Handler already binded" otherwise), bindings only for smart processes
 * that exist, unbind by placement + handler.
 */
import type { PlacementCommandPort, PortalCommandResult } from '../apply-plan';
import type { CurrentBinding, PlacementCommand, SmartProcessRef } from '../binding-plan';
import type { PortalPlacementState } from '../synchronise';

export class InMemoryPlacements implements PortalPlacementState, PlacementCommandPort {
  smartProcessList: SmartProcessRef[];
  rows: CurrentBinding[] = [];
  batches: number[] = [];
  /** Makes the next N batches fail as a whole (network error). */
  failNextBatches = 0;
  /** Reports re-binds the way a batch sometimes does: a bare string instead of an error object. */
  bareStringErrors = false;

  constructor(smartProcesses: SmartProcessRef[]) {
    this.smartProcessList = smartProcesses;
  }

  async smartProcesses(): Promise<SmartProcessRef[]> {
    return this.smartProcessList.map((process) => ({ ...process }));
  }

  async bindings(): Promise<CurrentBinding[]> {
    return this.rows.map((row) => ({ ...row, langAll: { ...row.langAll } }));
  }

  async sleep(): Promise<void> {}

  async run(commands: readonly PlacementCommand[]): Promise<PortalCommandResult[]> {
    if (commands.length > 50) throw new Error('Max batch length exceeded');
    if (this.failNextBatches > 0) {
      this.failNextBatches -= 1;
      throw new Error('Network error');
    }
    this.batches.push(commands.length);
    return commands.map((command) => this.apply(command));
  }

  private apply(command: PlacementCommand): PortalCommandResult {
    const typeMatch = /^CRM_DYNAMIC_(\d+)_/.exec(command.placement);
    const typeExists =
      typeMatch && this.smartProcessList.some((process) => process.entityTypeId === Number(typeMatch[1]));
    if (command.kind === 'unbind') {
      if (!typeExists && typeMatch)
        return { ok: false, error: { code: 'ERROR_PLACEMENT_NOT_FOUND', description: 'Placement not found' } };
      this.rows = this.rows.filter((row) => !(row.placement === command.placement && row.handler === command.handler));
      return { ok: true };
    }
    if (!typeExists)
      return { ok: false, error: { code: 'ERROR_PLACEMENT_NOT_FOUND', description: 'Placement not found' } };
    if (this.rows.some((row) => row.placement === command.placement && row.handler === command.handler)) {
      const description = 'Unable to set placement handler: Handler already binded';
      return {
        ok: false,
        error: this.bareStringErrors ? { code: '', description } : { code: 'ERROR_CORE', description },
      };
    }
    const langAll: CurrentBinding['langAll'] = {};
    for (const [language, title] of Object.entries(command.titles))
      (langAll as Record<string, { TITLE: string }>)[language] = { TITLE: title };
    this.rows.push({ placement: command.placement, handler: command.handler, title: command.titles.en, langAll });
    return { ok: true };
  }
}
