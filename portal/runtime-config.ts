import type { PortalConfig } from './config';
import { resolveCostProfile } from './rest/cost-model';
import type { CostProfile } from './rest/cost-model';
import { PortalTimeline } from './rest/time-scale';

/** What the control API may change while the portal runs (`POST /_emulator/config`). */
export type RuntimeConfigChanges = Partial<
  Pick<
    PortalConfig,
    | 'tokenTtlSeconds'
    | 'rateLimit'
    | 'language'
    | 'latencyMs'
    | 'cost'
    | 'timeScale'
    | 'clockOffsetSeconds'
    | 'timeZone'
    | 'operatingLimitSeconds'
    | 'requestTimeLimitSeconds'
  >
>;

/**
 * The configuration a running portal uses. `current` is one object for the portal's lifetime
 * (the host pages and the portal clock keep a reference to it); the control API changes it in
 * place and a reset puts back what the CLI or the test started with. It also holds what follows
 * from the configuration: the resolved cost profile and the portal's work timeline (time scale).
 */
export class RuntimeConfig {
  readonly base: Readonly<PortalConfig>;
  readonly current: PortalConfig;
  /** Portal work time, advancing `timeScale` ms per machine ms (portal/rest/time-scale.ts). */
  readonly timeline: PortalTimeline;
  #costs: CostProfile;

  /** Throws CostProfileError when `base.cost` is neither a profile name nor a valid file. */
  constructor(base: PortalConfig) {
    this.base = Object.freeze({ ...base, rateLimit: base.rateLimit ? { ...base.rateLimit } : null });
    this.current = { ...base, rateLimit: base.rateLimit ? { ...base.rateLimit } : null };
    this.#costs = resolveCostProfile(base.cost);
    this.timeline = new PortalTimeline(base.timeScale);
  }

  /** The cost profile in force. */
  get costs(): CostProfile {
    return this.#costs;
  }

  /** Applies changes; a new `cost` is resolved first (throws CostProfileError, nothing changed). */
  update(changes: RuntimeConfigChanges): void {
    if (changes.cost !== undefined && changes.cost !== this.current.cost)
      this.#costs = resolveCostProfile(changes.cost);
    if (changes.timeScale !== undefined) this.timeline.setScale(changes.timeScale);
    Object.assign(this.current, changes);
  }

  /** Back to the starting configuration; the port the server listens on stays. */
  reset(): void {
    const port = this.current.port;
    Object.assign(this.current, {
      ...this.base,
      port,
      rateLimit: this.base.rateLimit ? { ...this.base.rateLimit } : null,
    });
    this.#costs = resolveCostProfile(this.base.cost);
    this.timeline.setScale(this.base.timeScale);
  }
}
