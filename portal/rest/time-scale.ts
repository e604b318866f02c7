/**
 * The time scale (`--time-scale K`): the portal works K times faster than a real one, so a
 * 25-minute cloud run can be measured in a little over a minute.
 *
 * What is scaled are **amounts** of portal time, counted in *portal seconds*; one portal second
 * lasts 1/K of a machine second:
 * - a method's cost (`time.processing`, `duration`, batch `result_time`): the emulator waits
 *   cost/K and reports the cost;
 * - the operating budget (`operating`, the limit, ten one-minute baskets of 60 portal seconds,
 *   each living 600 portal seconds);
 * - the 60-second request time limit;
 * - access token lifetimes (`expires_in` / AUTH_EXPIRES stay in portal seconds, e.g. 3600, but the
 *   token really expires after 3600/K machine seconds);
 * - the leaky bucket's drain (2 requests per portal second = 2·K per machine second);
 * - added latency (`--latency`, `latencyMs`): 150 means 150 portal ms, 150/K machine ms, so a
 *   portal "150 ms away" stays 150 ms away in `duration`.
 *
 * **Clock readings** are not scaled: `time.start`/`finish`/`date_*`, `operating_reset_at`,
 * `server.time` and stored dates read the portal clock (machine clock + clock offset, see
 * portal/portal-time.ts), so a client that waits until `operating_reset_at` waits the right
 * machine time. Hence with K > 1, `finish − start` is `duration / K`.
 *
 * Faults (`--slow`) are machine milliseconds; the time they take inside a method counts as K
 * times as much portal time, as any time the emulator really spends.
 */

/**
 * A monotonic count of portal milliseconds ("portal work time"), continuous across changes of the
 * scale: it advances K ms per machine ms. Baskets and budgets are kept in it.
 */
export class PortalTimeline {
  #scale: number;
  #anchorMachineMs: number;
  #anchorPortalMs: number;

  /** `scale` K ≥ 1 is usual; any positive number works (0.5 = twice as slow). */
  constructor(scale: number, machineNowMs = Date.now()) {
    this.#scale = scale;
    this.#anchorMachineMs = machineNowMs;
    this.#anchorPortalMs = machineNowMs;
  }

  get scale(): number {
    return this.#scale;
  }

  /** Changes K from now on; portal time already elapsed stays as it was. */
  setScale(scale: number, machineNowMs = Date.now()): void {
    if (scale === this.#scale) return;
    this.#anchorPortalMs = this.portalMs(machineNowMs);
    this.#anchorMachineMs = machineNowMs;
    this.#scale = scale;
  }

  /** Portal work time at a machine moment, ms. */
  portalMs(machineMs = Date.now()): number {
    return this.#anchorPortalMs + (machineMs - this.#anchorMachineMs) * this.#scale;
  }

  /** The machine moment at which portal work time reaches `portalMs` (at the current scale). */
  machineMsAt(portalMs: number): number {
    return this.#anchorMachineMs + (portalMs - this.#anchorPortalMs) / this.#scale;
  }

  /** Machine milliseconds that `portalSeconds` of portal time take. */
  machineMsFor(portalSeconds: number): number {
    return (portalSeconds * 1000) / this.#scale;
  }

  /** Portal seconds that `machineMs` of machine time amount to. */
  portalSecondsFor(machineMs: number): number {
    return (machineMs * this.#scale) / 1000;
  }
}
