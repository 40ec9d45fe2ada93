import { z } from 'zod';

const emptyAsUndefined = (value: unknown) => (value === '' ? undefined : value);

/** An optional env var where an empty string counts as unset. */
export function optionalString() {
  return z.preprocess(emptyAsUndefined, z.string().optional());
}

/** A port number; `0` asks the OS for a free one (tests). */
export function portVar(defaultPort: number) {
  return z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(65535).default(defaultPort));
}

/** A port number that may be left unset; `0` asks the OS for a free one (tests). */
export function optionalPortVar() {
  return z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(65535).optional());
}

const secondsPerUnit = { s: 1, m: 60, h: 3600, d: 86_400 } as const;

/**
 * A duration such as `90s`, `30m`, `24h` or `7d` (or a bare number of seconds), read as seconds.
 * @param defaultValue in the same notation
 */
export function durationSecondsVar(name: string, defaultValue: string) {
  return z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .default(defaultValue)
      .transform((value, ctx) => {
        const match = /^(\d+)([smhd]?)$/.exec(value.trim());
        if (!match) {
          ctx.addIssue({ code: 'custom', message: `${name} takes a duration such as 30m, 24h or 7d` });
          return z.NEVER;
        }
        const unit = (match[2] || 's') as keyof typeof secondsPerUnit;
        return Number(match[1]) * secondsPerUnit[unit];
      }),
  );
}

/** A secret that must be long enough to resist guessing. */
export function secretVar(name: string) {
  return z
    .string({ error: `${name} is required` })
    .min(32, `${name} must be at least 32 characters (e.g. openssl rand -base64 48)`);
}

/** The env keys every service reads. */
export const commonEnv = {
  NODE_ENV: z.preprocess(
    emptyAsUndefined,
    z.enum(['development', 'production', 'test']).default('development'),
  ),
  LOG_LEVEL: z.preprocess(
    emptyAsUndefined,
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ),
  HOST: z.preprocess(emptyAsUndefined, z.string().default('127.0.0.1')),
  /**
   * When set, `/readyz` and `/metrics` are served on this port only (same `HOST`), and the public port
   * answers 404 for them, so production can keep them off the internet. `/healthz` stays on both.
   * @default unset (everything on the public port)
   */
  ADMIN_PORT: optionalPortVar(),
  /**
   * OpenTelemetry: the collector's OTLP/HTTP base URL (spans go to `<url>/v1/traces` as OTLP JSON; the
   * exporter also reads `OTEL_EXPORTER_OTLP_HEADERS` and `OTEL_EXPORTER_OTLP_TIMEOUT`).
   * @default unset (tracing off: no spans, no exporter)
   */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.preprocess(emptyAsUndefined, z.url({ protocol: /^https?$/ }).optional()),
};
