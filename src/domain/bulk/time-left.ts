/**
 * "Time left" from the recent pace, not the average since the start: a run that waited out a
 * rate limit early should not look slow forever. Keeps a fixed number of samples.
 */
const SAMPLES_KEPT = 8;

export class PaceEstimator {
  private readonly samples: Array<{ at: number; dealtWith: number }> = [];

  record(at: number, dealtWith: number): void {
    this.samples.push({ at, dealtWith });
    if (this.samples.length > SAMPLES_KEPT) this.samples.shift();
  }

  /** Milliseconds until `remaining` more items are dealt with; null until there is a pace. */
  timeLeft(remaining: number): number | null {
    if (remaining === 0) return 0;
    const first = this.samples[0];
    const last = this.samples.at(-1);
    if (!first || !last || last === first) return null;
    const items = last.dealtWith - first.dealtWith;
    const elapsed = last.at - first.at;
    if (items <= 0 || elapsed <= 0) return null;
    return Math.round((remaining * elapsed) / items);
  }
}
