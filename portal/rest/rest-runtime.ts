import type { RuntimeConfig } from '../runtime-config';
import type { PortalStore } from '../state/store';
import type { MethodRegistry } from './dispatch';
import type { FaultRegistry } from './faults';
import type { OperatingBudget } from './operating-budget';
import type { LeakyBucket } from './rate-limit';
import type { RequestLog } from './request-log';

/** Everything the REST side of one running portal shares between requests. */
export interface RestRuntime {
  store: PortalStore;
  config: RuntimeConfig;
  faults: FaultRegistry;
  bucket: LeakyBucket;
  /** Operating-time baskets per app/webhook and method (limits.md). */
  operating: OperatingBudget;
  log: RequestLog;
  methods: MethodRegistry;
  origin(): string;
}
