/**
 * The portal's leaky bucket: every HTTP request adds one, the bucket drains at a fixed rate, and a
 * request that would overflow it is refused with 503 QUERY_LIMIT_EXCEEDED (a batch is one request).
 */
export class LeakyBucket {
  #level = 0;
  #updatedAt = 0;

  /** Returns false when the request must be refused. `limit` null means no limit. */
  take(limit: { drainPerSecond: number; burst: number } | null, now = Date.now()): boolean {
    if (!limit) return true;
    const elapsedSeconds = Math.max(0, (now - this.#updatedAt) / 1000);
    this.#level = Math.max(0, this.#level - elapsedSeconds * limit.drainPerSecond);
    this.#updatedAt = now;
    if (this.#level + 1 > limit.burst) return false;
    this.#level += 1;
    return true;
  }

  reset(): void {
    this.#level = 0;
    this.#updatedAt = 0;
  }
}
