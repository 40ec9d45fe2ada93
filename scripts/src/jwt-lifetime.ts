import { durationSecondsVar, parseEnv } from '@ionflux/kit/config';
import { z } from 'zod';

const lifetimeEnv = z.object({
  IONFLUX_JWT_MAX_LIFETIME: durationSecondsVar('IONFLUX_JWT_MAX_LIFETIME', '24h'),
});

/** The longest caller-token lifetime the gateway accepts with this env (`IONFLUX_JWT_MAX_LIFETIME`), in seconds. */
export function jwtMaxLifetimeSeconds(env: Readonly<Record<string, string | undefined>>): number {
  return parseEnv('IONFLUX_JWT_MAX_LIFETIME', lifetimeEnv, env).IONFLUX_JWT_MAX_LIFETIME;
}

/** Seconds in words, for the lines scripts print: `24 hours`, `30 minutes`, `45 seconds`. */
export function describeSeconds(seconds: number): string {
  if (seconds % 86_400 === 0 && seconds > 86_400) return `${seconds / 86_400} days`;
  if (seconds % 3600 === 0) return seconds === 3600 ? '1 hour' : `${seconds / 3600} hours`;
  if (seconds % 60 === 0) return `${seconds / 60} minutes`;
  return `${seconds} seconds`;
}
