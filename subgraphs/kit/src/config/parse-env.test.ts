import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError, parseEnv } from './parse-env.ts';
import { subgraphEnvSchema } from './subgraph-env.ts';

describe('parseEnv', () => {
  it('names every missing or bad key in one error', () => {
    let error: unknown;
    try {
      parseEnv('shopify subgraph', subgraphEnvSchema, { DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toContain('shopify subgraph: invalid configuration');
    expect(message).toMatch(/DATABASE_URL: DATABASE_URL must be a postgres:\/\/ URL/);
    expect(message).toMatch(/IONFLUX_INTERNAL_SECRET: IONFLUX_INTERNAL_SECRET is required/);
    expect(message).toMatch(/LOG_LEVEL:/);
    expect((error as ConfigError).problems).toHaveLength(3);
  });

  it('applies defaults and treats empty strings as unset', () => {
    const config = parseEnv('svc', subgraphEnvSchema, {
      DATABASE_URL: 'postgres://u:p@127.0.0.1/db',
      IONFLUX_INTERNAL_SECRET: 'x'.repeat(32),
      LOG_LEVEL: '',
    });
    expect(config).toMatchObject({ LOG_LEVEL: 'info', NODE_ENV: 'development', HOST: '127.0.0.1' });
  });

  it('never echoes a secret value in the error', () => {
    const schema = z.object({ SECRET: z.string().min(32) });
    expect(() => parseEnv('svc', schema, { SECRET: 'hunter2' })).toThrow(/SECRET:/);
    expect(() => parseEnv('svc', schema, { SECRET: 'hunter2' })).not.toThrow(/hunter2/);
  });
});
