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
};
