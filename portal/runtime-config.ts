import type { PortalConfig } from './config';

/**
 * The configuration a running portal uses. `current` is one object for the portal's lifetime
 * (the host pages keep a reference to it); the control API changes it in place and a reset puts
 * back what the CLI or the test started with.
 */
export class RuntimeConfig {
  readonly base: Readonly<PortalConfig>;
  readonly current: PortalConfig;

  constructor(base: PortalConfig) {
    this.base = Object.freeze({ ...base, rateLimit: base.rateLimit ? { ...base.rateLimit } : null });
    this.current = { ...base, rateLimit: base.rateLimit ? { ...base.rateLimit } : null };
  }

  update(changes: Partial<Pick<PortalConfig, 'tokenTtlSeconds' | 'rateLimit' | 'language' | 'latencyMs'>>): void {
    Object.assign(this.current, changes);
  }

  /** Back to the starting configuration; the port the server listens on stays. */
  reset(): void {
    const port = this.current.port;
    Object.assign(this.current, { ...this.base, port, rateLimit: this.base.rateLimit ? { ...this.base.rateLimit } : null });
  }
}
