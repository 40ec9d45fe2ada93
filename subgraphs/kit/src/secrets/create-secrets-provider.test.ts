import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startVaultKvTestServer } from '@ionflux/testing/secrets';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError, parseEnv } from '../config/index.ts';
import { createSecretsProvider } from './create-secrets-provider.ts';
import { secretsEnv } from './secrets-env.ts';

describe('createSecretsProvider', () => {
  it('reads the passed environment by default', async () => {
    const secrets = createSecretsProvider({}, { OPENAI_API_KEY: 'sk-env' });
    expect(await secrets.get('OPENAI_API_KEY')).toBe('sk-env');
    expect(await createSecretsProvider({ IONFLUX_SECRETS_PROVIDER: 'env' }).get('OPENAI_API_KEY')).toBe(
      undefined,
    );
  });

  it('reads mounted files with file:<dir>', async () => {
    const directory = await mkdtemp(path.join(tmpdir(), 'ionflux-secrets-'));
    try {
      await writeFile(path.join(directory, 'OPENAI_API_KEY'), 'sk-file\n');
      const secrets = createSecretsProvider({ IONFLUX_SECRETS_PROVIDER: `file:${directory}` }, {});
      expect(await secrets.require('OPENAI_API_KEY')).toBe('sk-file');
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });

  it('reads Vault with vault, defaulting to mount secret and path ionflux', async () => {
    const vault = await startVaultKvTestServer({ tokens: { 'hvs.t': ['secret/ionflux'] } });
    try {
      vault.put('secret', 'ionflux', { OPENAI_API_KEY: 'sk-vault' });
      const secrets = createSecretsProvider({
        IONFLUX_SECRETS_PROVIDER: 'vault',
        VAULT_ADDR: vault.address,
        VAULT_TOKEN: 'hvs.t',
      });
      expect(await secrets.require('OPENAI_API_KEY')).toBe('sk-vault');
    } finally {
      await vault.close();
    }
  });

  it('names every missing Vault setting, and an unknown provider', () => {
    let error: unknown;
    try {
      createSecretsProvider({ IONFLUX_SECRETS_PROVIDER: 'vault', VAULT_ADDR: 'vault:8200' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      'VAULT_ADDR: must be an http(s):// origin, e.g. https://vault.internal:8200',
      'VAULT_TOKEN: required with IONFLUX_SECRETS_PROVIDER=vault',
    ]);
    expect(() => createSecretsProvider({ IONFLUX_SECRETS_PROVIDER: 'aws' })).toThrow(
      /"aws" is not a provider; use env, file:<dir> or vault/,
    );
    expect(() => createSecretsProvider({ IONFLUX_SECRETS_PROVIDER: 'file:' })).toThrow(/needs a directory/);
  });
});

describe('secretsEnv', () => {
  const schema = z.object(secretsEnv);

  it('defaults to env and accepts file:<dir> and vault', () => {
    expect(parseEnv('svc', schema, {}).IONFLUX_SECRETS_PROVIDER).toBe('env');
    expect(parseEnv('svc', schema, { IONFLUX_SECRETS_PROVIDER: 'file:/run/secrets' })).toMatchObject({
      IONFLUX_SECRETS_PROVIDER: 'file:/run/secrets',
    });
    expect(parseEnv('svc', schema, { IONFLUX_SECRETS_PROVIDER: 'vault', VAULT_KV_MOUNT: '' })).toEqual({
      IONFLUX_SECRETS_PROVIDER: 'vault',
    });
  });

  it('names an unknown provider with the service’s other problems', () => {
    expect(() => parseEnv('svc', schema, { IONFLUX_SECRETS_PROVIDER: 'aws' })).toThrow(
      /IONFLUX_SECRETS_PROVIDER: IONFLUX_SECRETS_PROVIDER must be env, file:<dir> or vault/,
    );
  });
});
