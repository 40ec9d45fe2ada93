import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { deriveIdentityKeyPair, identityPublicKeyFor } from '../identity/index.ts';
import { commonEnv, durationSecondsVar } from './common-env.ts';
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

describe('subgraph identity key env', () => {
  const base = { DATABASE_URL: 'postgres://u:p@127.0.0.1/db' };
  const publicKey = identityPublicKeyFor('x'.repeat(48));

  it('takes the gateway public key alone, without IONFLUX_INTERNAL_SECRET', () => {
    const config = parseEnv('svc', subgraphEnvSchema, { ...base, IONFLUX_IDENTITY_PUBLIC_KEY: publicKey });
    expect(config.IONFLUX_INTERNAL_SECRET).toBeUndefined();
    expect(config.IONFLUX_IDENTITY_PUBLIC_KEY?.map((key) => key.asymmetricKeyType)).toEqual(['ed25519']);
  });

  it('takes several keys, comma-separated, for a rotation', () => {
    const next = identityPublicKeyFor('y'.repeat(48));
    const config = parseEnv('svc', subgraphEnvSchema, {
      ...base,
      IONFLUX_IDENTITY_PUBLIC_KEY: `${publicKey},${next}`,
    });
    expect(config.IONFLUX_IDENTITY_PUBLIC_KEY).toHaveLength(2);
  });

  it('names a public key that is not one, and a private key given as one', () => {
    const privatePem = deriveIdentityKeyPair('x'.repeat(48))
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    for (const [value, reason] of [
      ['abc', /IONFLUX_IDENTITY_PUBLIC_KEY: IONFLUX_IDENTITY_PUBLIC_KEY is neither/],
      [privatePem, /IONFLUX_IDENTITY_PUBLIC_KEY: .*never a private one/],
    ] as const) {
      expect(() =>
        parseEnv('svc', subgraphEnvSchema, { ...base, IONFLUX_IDENTITY_PUBLIC_KEY: value }),
      ).toThrow(reason);
    }
  });
});

describe('common env', () => {
  const schema = z.object({ ...commonEnv, MAX: durationSecondsVar('MAX', '24h') });

  it('leaves ADMIN_PORT unset by default and reads it when given', () => {
    expect(parseEnv('svc', schema, {}).ADMIN_PORT).toBeUndefined();
    expect(parseEnv('svc', schema, { ADMIN_PORT: '9100' }).ADMIN_PORT).toBe(9100);
    expect(() => parseEnv('svc', schema, { ADMIN_PORT: '70000' })).toThrow(/ADMIN_PORT/);
  });

  it('reads durations as seconds', () => {
    expect(parseEnv('svc', schema, {}).MAX).toBe(86_400);
    expect(parseEnv('svc', schema, { MAX: '30m' }).MAX).toBe(1800);
    expect(parseEnv('svc', schema, { MAX: '90' }).MAX).toBe(90);
    expect(() => parseEnv('svc', schema, { MAX: 'a week' })).toThrow(/MAX takes a duration/);
  });
});
