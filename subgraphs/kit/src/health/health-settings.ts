import { z } from 'zod';

/**
 * The env of connection health (spec 4.E), for the config of every service that calls providers
 * through connections (`...connectionHealthEnv` in its zod schema).
 */
export const connectionHealthEnv = {
  /** Seconds of calls health is derived from. @default 900 */
  IONFLUX_HEALTH_WINDOW_SECONDS: z.coerce.number().int().min(10).max(86_400).default(900),
  /** Fewest calls in the window before it may turn DEGRADED (one failure alone is not a pattern). @default 3 */
  IONFLUX_HEALTH_MIN_CALLS: z.coerce.number().int().min(1).max(10_000).default(3),
  /** Share of failed calls in the window at which a connection is DEGRADED. @default 0.5 */
  IONFLUX_HEALTH_ERROR_RATE: z.coerce.number().gt(0).max(1).default(0.5),
  /** A DEGRADED connection is HEALTHY again once this many calls in a row succeeded. @default 3 */
  IONFLUX_HEALTH_RECOVERY_CALLS: z.coerce.number().int().min(1).max(1000).default(3),
};

/** The parsed {@link connectionHealthEnv}. */
export interface ConnectionHealthSettings {
  IONFLUX_HEALTH_WINDOW_SECONDS: number;
  IONFLUX_HEALTH_MIN_CALLS: number;
  IONFLUX_HEALTH_ERROR_RATE: number;
  IONFLUX_HEALTH_RECOVERY_CALLS: number;
}

/** The defaults of {@link connectionHealthEnv}, for code and tests that build settings by hand. */
export const DEFAULT_HEALTH_SETTINGS: ConnectionHealthSettings = {
  IONFLUX_HEALTH_WINDOW_SECONDS: 900,
  IONFLUX_HEALTH_MIN_CALLS: 3,
  IONFLUX_HEALTH_ERROR_RATE: 0.5,
  IONFLUX_HEALTH_RECOVERY_CALLS: 3,
};
