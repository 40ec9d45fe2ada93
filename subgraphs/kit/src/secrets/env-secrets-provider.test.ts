import { describe, expect, it } from 'vitest';
import { IntegrationError } from '../errors/index.ts';
import { createEnvSecretsProvider } from './env-secrets-provider.ts';

describe('the env secrets provider', () => {
  const secrets = createEnvSecretsProvider({ OPENAI_API_KEY: 'sk-env', EMPTY: '' });

  it('reads the environment it was given, an empty variable counting as unset', async () => {
    expect(await secrets.get('OPENAI_API_KEY')).toBe('sk-env');
    expect(await secrets.get('EMPTY')).toBeUndefined();
    expect(await secrets.get('NOPE')).toBeUndefined();
    expect(await secrets.require('OPENAI_API_KEY')).toBe('sk-env');
  });

  it('throws INTERNAL naming the secret and the provider when a required one is missing', async () => {
    const error = await secrets.require('IONFLUX_MASTER_KEY').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(IntegrationError);
    expect(error).toMatchObject({ code: 'INTERNAL', details: { reason: 'secret_missing' } });
    expect((error as Error).message).toBe(
      'Secret IONFLUX_MASTER_KEY is not set in the environment (IONFLUX_SECRETS_PROVIDER=env); set it there.',
    );
  });
});
