import type { z } from 'zod';

/** Thrown when a service's environment does not satisfy its schema; the message names every problem. */
export class ConfigError extends Error {
  readonly problems: readonly string[];

  constructor(service: string, problems: readonly string[]) {
    super(`${service}: invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/**
 * Parses a service's environment once, at start. Fails with every missing or bad key named, so an
 * operator fixes them all in one go rather than one per restart.
 */
export function parseEnv<Schema extends z.ZodType>(
  service: string,
  schema: Schema,
  env: Readonly<Record<string, string | undefined>>,
): z.output<Schema> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const key = issue.path.join('.') || '(environment)';
    return `${key}: ${issue.message}`;
  });
  throw new ConfigError(service, problems);
}
