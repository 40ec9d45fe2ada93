/**
 * How much of one gateway process a workspace may use. Per process on purpose: the limits share out each
 * process's capacity (its event loop, its sockets to the subgraphs) between workspaces, so a workspace
 * flooding one process cannot slow another workspace's requests on it. N gateway processes behind a
 * balancer let a workspace send up to N times as much in all; what a workspace may spend across the
 * deployment is bounded elsewhere, in Postgres (the LLM quota and platform budget).
 */
export interface WorkspaceLimits {
  /** Requests per second a workspace may sustain: the token bucket's refill rate. @default 50 */
  ratePerSecond: number;
  /** Requests a workspace may send at once after a quiet spell: the bucket's size. @default 100 */
  burst: number;
  /** Queries and mutations of one workspace served at once; one more is refused, not queued. @default 64 */
  maxInFlight: number;
}

export const DEFAULT_WORKSPACE_LIMITS: Readonly<WorkspaceLimits> = {
  ratePerSecond: 50,
  burst: 100,
  maxInFlight: 64,
};

/** Why a request was refused: the bucket was empty, or the workspace had too many requests open. */
export type LimitReached = 'rate' | 'in_flight';

export type Refusal = { ok: false; limit: LimitReached; retryAfterSeconds: number; message: string };

export type Admission = { ok: true; release(): void } | Refusal;

export interface WorkspaceLimiter {
  readonly limits: Readonly<WorkspaceLimits>;
  /**
   * A query or mutation: takes a token and an in-flight slot, or refuses. Call `release()` exactly once
   * when its response is over (it is idempotent, so a close after a finish does no harm).
   */
  admitRequest(workspaceId: string): Admission;
  /** A subscription start (graphql-ws or SSE): takes a token only; open subscriptions have limits of their own. */
  admitSubscription(workspaceId: string): { ok: true } | Refusal;
  /** Workspaces with state held (tests, metrics). */
  tracked(): number;
  /** Stops the sweep of idle workspaces. */
  close(): void;
}

interface WorkspaceState {
  tokens: number;
  /** When `tokens` was last brought up to date (ms, from `now`). */
  refilledAt: number;
  inFlight: number;
}

/**
 * Token bucket and in-flight count per workspace, in this process's memory. A refusal costs a map
 * lookup and a little arithmetic, so it can run on every request before any parsing or planning.
 * Workspaces idle long enough for a full bucket and with nothing in flight are forgotten by a sweep, so
 * memory follows the workspaces active in the last few seconds, not every workspace ever seen.
 */
export function createWorkspaceLimiter(
  limits: WorkspaceLimits = DEFAULT_WORKSPACE_LIMITS,
  options: { now?: () => number; sweepEveryMs?: number } = {},
): WorkspaceLimiter {
  for (const [name, value] of Object.entries(limits)) {
    if (!(Number.isFinite(value) && value > 0))
      throw new RangeError(`${name} must be positive, got ${value}`);
  }
  const now = options.now ?? (() => performance.now());
  const states = new Map<string, WorkspaceState>();
  const refillMs = (limits.burst / limits.ratePerSecond) * 1000;

  const stateOf = (workspaceId: string): WorkspaceState => {
    // Ids arrive as the JWT spelled them; one workspace, one bucket.
    const key = workspaceId.toLowerCase();
    const at = now();
    let state = states.get(key);
    if (state === undefined) {
      state = { tokens: limits.burst, refilledAt: at, inFlight: 0 };
      states.set(key, state);
      return state;
    }
    const elapsedMs = at - state.refilledAt;
    if (elapsedMs > 0) {
      state.tokens = Math.min(limits.burst, state.tokens + (elapsedMs * limits.ratePerSecond) / 1000);
      state.refilledAt = at;
    }
    return state;
  };

  const takeToken = (state: WorkspaceState): Refusal | undefined => {
    if (state.tokens >= 1) {
      state.tokens -= 1;
      return undefined;
    }
    const retryAfterSeconds = Math.max(1, Math.ceil((1 - state.tokens) / limits.ratePerSecond));
    return {
      ok: false,
      limit: 'rate',
      retryAfterSeconds,
      message: `This workspace is sending requests faster than this gateway instance serves one workspace (${limits.ratePerSecond} per second, bursts of ${limits.burst}); retry after ${retryAfterSeconds} s.`,
    };
  };

  const sweep = setInterval(
    () => {
      const at = now();
      for (const [key, state] of states) {
        if (state.inFlight === 0 && at - state.refilledAt >= refillMs) states.delete(key);
      }
    },
    options.sweepEveryMs ?? Math.max(1_000, Math.ceil(refillMs)),
  );
  sweep.unref();

  return {
    limits,
    admitRequest(workspaceId) {
      const state = stateOf(workspaceId);
      if (state.inFlight >= limits.maxInFlight) {
        return {
          ok: false,
          limit: 'in_flight',
          retryAfterSeconds: 1,
          message: `This workspace already has ${limits.maxInFlight} requests in progress on this gateway instance; retry once some have been answered.`,
        };
      }
      const refused = takeToken(state);
      if (refused) return refused;
      state.inFlight += 1;
      let released = false;
      return {
        ok: true,
        release() {
          if (released) return;
          released = true;
          state.inFlight -= 1;
          // The sweep may have dropped an entry only when nothing was in flight, so `state` is live.
        },
      };
    },
    admitSubscription(workspaceId) {
      return takeToken(stateOf(workspaceId)) ?? { ok: true };
    },
    tracked: () => states.size,
    close: () => clearInterval(sweep),
  };
}
