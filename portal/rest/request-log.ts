/** One entry per HTTP request to /rest/, so tests and benchmarks can count round trips and bytes. */
export interface RequestLogEntry {
  /** The method in the URL, lower-cased (`batch` for batches). */
  method: string;
  /** Sub-methods of a batch, in order. */
  commands?: string[];
  /** HTTP status sent; 0 when the connection was dropped on purpose. */
  status: number;
  bytesIn: number;
  bytesOut: number;
  /** The authenticated user, or null when authentication failed. */
  userId: number | null;
  /** ISO time the request arrived (portal clock). */
  at: string;
  /**
   * Portal seconds from arrival to the answer (or to the cut-off), as `time.duration` reports it;
   * absent when the request ended before it was run (refused, dropped, a proxy's answer).
   */
  duration?: number;
  /** Calls refused with OPERATION_TIME_LIMIT in this request: the call itself or batch commands. */
  operationTimeLimited?: number;
}

const MAX_ENTRIES = 20_000;

export class RequestLog {
  #entries: RequestLogEntry[] = [];

  add(entry: RequestLogEntry): void {
    this.#entries.push(entry);
    if (this.#entries.length > MAX_ENTRIES) this.#entries.splice(0, this.#entries.length - MAX_ENTRIES);
  }

  entries(): RequestLogEntry[] {
    return [...this.#entries];
  }

  clear(): void {
    this.#entries = [];
  }
}
