/**
 * The app's one boundary to Bitrix24. UI and query code talk to the portal only through this
 * interface; src/bitrix/sdk-boundary.ts implements it over @bitrix24/b24jssdk, and tests hand
 * the React tree another implementation through <BitrixProvider>.
 */
import type { BitrixError } from './errors';
import type { RestMethodName, RestParams, RestResult } from './rest-types';

/** What the portal told the frame when it started (getInitData), in app terms. */
export interface FrameSession {
  /** The user's interface language as a Bitrix24 code (`en`, `ru`, `de`, `la`, `ua`, ...). */
  bitrixLanguage: string;
  /** Placement code, `DEFAULT` for the app's own page. */
  placement: string;
  /** PLACEMENT_OPTIONS exactly as received (object or JSON string): parse with src/domain/placement. */
  placementOptions: unknown;
  /** The current user is a portal admin (IS_ADMIN). */
  isAdmin: boolean;
  /** The portal's origin, e.g. https://acme.bitrix24.com */
  portalOrigin: string;
  /** The portal's member id: keys per-portal browser storage. */
  memberId: string;
}

/** `$result[cmd][path]…` inside a batch: the portal substitutes an earlier command's result. */
export type BatchReference = `$result[${string}]`;

/** Batch parameters may carry references wherever a value goes (also inside longer strings). */
export type WithReferences<T> = T extends string
  ? string
  : T extends number | boolean
    ? T | BatchReference
    : T extends ReadonlyArray<infer Element>
      ? ReadonlyArray<WithReferences<Element>>
      : T extends object
        ? { [K in keyof T]: WithReferences<T[K]> }
        : T;

export interface BatchCommand<M extends RestMethodName = RestMethodName> {
  method: M;
  params: WithReferences<RestParams<M>>;
}

export type BatchCommands = Record<string, BatchCommand>;

/**
 * What the portal said about one command's cost, from its `time` block (a batch's `result_time`;
 * b24restdocs api-reference/data-types.md, settings/performance/limits.md). Each field is null
 * when the portal did not send it (`operating*` only come from portals with the load limiter).
 */
export interface CommandTime {
  /** Seconds the portal worked on the command (`processing`, else `duration`). */
  processingSeconds: number | null;
  /** Seconds of this method's operating time the app used in the last ten minutes (`operating`). */
  operatingSeconds: number | null;
  /** When the oldest one-minute basket drops (`operating_reset_at`): ms since the epoch, PORTAL clock. */
  operatingResetAt: number | null;
}

/**
 * One command's outcome. `total` is the list size the portal reports for list methods; `time`
 * what it said about the command's cost (added by B for bulk pacing; absent from fakes).
 */
export type BatchEntry<T> =
  { ok: true; result: T; total: number | undefined; time?: CommandTime } | { ok: false; error: BitrixError };

export type BatchResults<C extends BatchCommands> = {
  [K in keyof C]: C[K] extends BatchCommand<infer M> ? BatchEntry<RestResult<M>> : never;
};

export interface CallResult<T> {
  result: T;
  total: number | undefined;
}

export interface BatchOptions {
  /** Stop at the first failed command (the portal's `halt`). Default false: every command answers. */
  halt?: boolean;
}

/** A user chosen in the portal's own user picker. */
export interface PickedUser {
  id: number;
  name: string;
  photoUrl: string | null;
  position: string;
}

export interface BitrixBoundary {
  readonly session: FrameSession;

  /**
   * One REST call. Never retried by the boundary or the SDK: reads are retried by the query
   * layer, writes never blindly (see src/features/create-linked-task/create-linked-task.ts). Rejects with a
   * BitrixError.
   */
  call<M extends RestMethodName>(method: M, params: RestParams<M>): Promise<CallResult<RestResult<M>>>;

  /**
   * Up to 50 commands in ONE HTTP round trip. Resolves with every command's own outcome;
   * rejects with a BitrixError only when the round trip itself failed.
   */
  batch<C extends BatchCommands>(commands: C, options?: BatchOptions): Promise<BatchResults<C>>;

  /** Opens a portal page (task, item) in the portal's side slider; resolves when it closes. */
  openPortalPath(path: string): Promise<void>;

  /**
   * The portal's user picker. A cancelled picker never answers, so the promise may never
   * settle: never block a form on it.
   */
  pickUser(): Promise<PickedUser | null>;
  pickUsers(): Promise<PickedUser[]>;

  /**
   * Asks the portal to size the frame to this element's height (grows and shrinks); the width
   * stays '100%', so the frame follows the card when the window is resized.
   */
  fitFrameTo(element: HTMLElement): void;

  /** Absolute URL of a portal path, for links that leave the frame. */
  portalUrl(path: string): string;

  /**
   * Now, by the PORTAL's clock: milliseconds since the Unix epoch. Use it for everything the
   * portal decides (created dates, "may this write still land", overdue, today); never
   * `Date.now()`, which is the computer's clock and may be off by hours.
   *
   * Estimated from the `time` block of every REST answer (`finish`, b24restdocs
   * api-reference/data-types.md; in a batch each command's `result_time`) plus
   * the browser's monotonic time since that answer arrived (src/bitrix/portal-clock.ts).
   * Set by the surface's own first request: every surface reads the portal before the user can
   * act, so no extra round trip (`server.time`) is spent at start-up. Until that first answer
   * arrives this returns the browser's clock.
   */
  portalNow(): number;

  /**
   * The portal's UTC offset in minutes east of UTC (`180` for `+03:00`), read from the
   * `date_finish` of its answers; null until the first answer. Dates sent to the portal carry it
   * (`toPortalDateTime(date, offset)`), and it is the user's zone when the profile names none
   * (`resolveUserZone` in src/domain/time-zone.ts).
   */
  portalUtcOffsetMinutes(): number | null;

  /** Closes the slider the portal opened the app in (menus, toolbars, timeline buttons). */
  closeApplication(): Promise<void>;

  /**
   * Ends the app's first run (the portal shows its placements from then on). A portal may
   * never answer (it reloads the page instead): confirm with `app.info`, do not wait on this.
   */
  finishInstall(): Promise<void>;
}

/** Helper that keeps a command's method and params typed together. */
export function command<M extends RestMethodName>(method: M, params: WithReferences<RestParams<M>>): BatchCommand<M> {
  return { method, params };
}

/** `$result[item][item][categoryId]` from ('item', 'item', 'categoryId'). */
export function resultReference(commandKey: string, ...path: Array<string | number>): BatchReference {
  return `$result[${[commandKey, ...path].join('][')}]` as BatchReference;
}
