/**
 * The emulator's database: the state plus lookups, id sequences, tokens, and saving to
 * `--data FILE` after every change (debounced, atomic).
 */
import { randomBytes } from 'node:crypto';
import { writeStateFile } from './persistence';
import type {
  PortalState,
  StoredActivity,
  StoredItem,
  StoredSmartProcess,
  StoredTask,
  StoredToken,
  StoredUser,
} from './state-types';

const REFRESH_TOKEN_LIFETIME_MS = 180 * 86_400_000;
const SAVE_DELAY_MS = 50;

export interface TokenCheck {
  status: 'valid' | 'expired' | 'unknown';
  token?: StoredToken;
}

export class PortalStore {
  #state: PortalState;
  #dataFile: string | null;
  #saveTimer: NodeJS.Timeout | null = null;
  #itemsByType: Map<number, StoredItem[]> | null = null;
  #itemIndex: Map<string, StoredItem> | null = null;
  #tasksById: Map<number, StoredTask> | null = null;

  constructor(state: PortalState, dataFile: string | null) {
    this.#state = state;
    this.#dataFile = dataFile;
  }

  get state(): PortalState {
    return this.#state;
  }

  /** Replaces everything (control API reset); saved at once. */
  replace(state: PortalState): void {
    this.#state = state;
    this.changed();
    this.flush();
  }

  /** Call after any mutation: drops cached lookups and schedules a save. */
  changed(): void {
    this.#itemsByType = null;
    this.#itemIndex = null;
    this.#tasksById = null;
    if (!this.#dataFile || this.#saveTimer) return;
    this.#saveTimer = setTimeout(() => this.flush(), SAVE_DELAY_MS);
    this.#saveTimer.unref();
  }

  /** Writes pending changes now (on shutdown, reset, and by the debounce timer). */
  flush(): void {
    if (this.#saveTimer) {
      clearTimeout(this.#saveTimer);
      this.#saveTimer = null;
    }
    if (this.#dataFile) writeStateFile(this.#dataFile, this.#state);
  }

  // --- users -------------------------------------------------------------------------------

  user(id: number): StoredUser | undefined {
    return this.#state.users.find((user) => user.id === id);
  }

  // --- smart processes ---------------------------------------------------------------------

  smartProcess(entityTypeId: number): StoredSmartProcess | undefined {
    return this.#state.smartProcesses.find((process) => process.entityTypeId === entityTypeId);
  }

  smartProcessById(id: number): StoredSmartProcess | undefined {
    return this.#state.smartProcesses.find((process) => process.id === id);
  }

  /** `Tb1_29` → the smart process and item id it names, if the prefix is a smart process. */
  resolveCrmBinding(value: string): { process: StoredSmartProcess; itemId: number } | undefined {
    const match = /^T([0-9a-f]+)_(\d+)$/i.exec(value.trim());
    if (!match) return undefined;
    const process = this.smartProcess(Number.parseInt(match[1]!, 16));
    return process ? { process, itemId: Number(match[2]) } : undefined;
  }

  // --- items -------------------------------------------------------------------------------

  items(entityTypeId: number): StoredItem[] {
    if (!this.#itemsByType) {
      const grouped = new Map<number, StoredItem[]>();
      for (const item of this.#state.items) {
        const list = grouped.get(item.entityTypeId) ?? [];
        list.push(item);
        grouped.set(item.entityTypeId, list);
      }
      for (const list of grouped.values()) list.sort((a, b) => a.id - b.id);
      this.#itemsByType = grouped;
    }
    return this.#itemsByType.get(entityTypeId) ?? [];
  }

  item(entityTypeId: number, id: number): StoredItem | undefined {
    if (!this.#itemIndex) {
      this.#itemIndex = new Map(this.#state.items.map((item) => [`${item.entityTypeId}:${item.id}`, item]));
    }
    return this.#itemIndex.get(`${entityTypeId}:${id}`);
  }

  nextItemId(entityTypeId: number): number {
    const next = (this.#state.sequences.items[entityTypeId] ?? 0) + 1;
    this.#state.sequences.items[entityTypeId] = next;
    return next;
  }

  // --- tasks and activities ------------------------------------------------------------------

  task(id: number): StoredTask | undefined {
    if (!this.#tasksById) this.#tasksById = new Map(this.#state.tasks.map((task) => [task.id, task]));
    return this.#tasksById.get(id);
  }

  nextTaskId(): number {
    this.#state.sequences.task += 1;
    return this.#state.sequences.task;
  }

  activity(id: number): StoredActivity | undefined {
    return this.#state.activities.find((activity) => activity.id === id);
  }

  tagId(title: string): number {
    const existing = this.#state.tags.find((tag) => tag.title.toLowerCase() === title.toLowerCase());
    if (existing) return existing.id;
    this.#state.sequences.tag += 1;
    this.#state.tags.push({ id: this.#state.sequences.tag, title });
    return this.#state.sequences.tag;
  }

  nextPlacementId(): number {
    this.#state.sequences.placement += 1;
    return this.#state.sequences.placement;
  }

  // --- tokens ------------------------------------------------------------------------------

  issueToken(userId: number, ttlSeconds: number, now = Date.now()): StoredToken {
    const token: StoredToken = {
      accessToken: randomBytes(32).toString('hex'),
      refreshToken: randomBytes(32).toString('hex'),
      userId,
      expiresAt: now + ttlSeconds * 1000,
      refreshExpiresAt: now + REFRESH_TOKEN_LIFETIME_MS,
      refreshUsed: false,
    };
    this.#state.tokens = this.#state.tokens.filter((existing) => existing.refreshExpiresAt > now);
    this.#state.tokens.push(token);
    this.changed();
    return token;
  }

  /** Exchanges a refresh token (once) for a new pair, or undefined if it is unknown or spent. */
  refreshToken(refreshToken: string, ttlSeconds: number, now = Date.now()): StoredToken | undefined {
    const existing = this.#state.tokens.find((token) => token.refreshToken === refreshToken);
    if (!existing || existing.refreshUsed || existing.refreshExpiresAt <= now) return undefined;
    existing.refreshUsed = true;
    return this.issueToken(existing.userId, ttlSeconds, now);
  }

  checkAccessToken(accessToken: string, now = Date.now()): TokenCheck {
    const token = this.#state.tokens.find((candidate) => candidate.accessToken === accessToken);
    if (!token) return { status: 'unknown' };
    return { status: token.expiresAt > now ? 'valid' : 'expired', token };
  }

  /** Every issued access token expires now (refresh tokens stay usable). */
  expireAllTokens(now = Date.now()): number {
    for (const token of this.#state.tokens) token.expiresAt = Math.min(token.expiresAt, now - 1);
    this.changed();
    return this.#state.tokens.length;
  }
}
