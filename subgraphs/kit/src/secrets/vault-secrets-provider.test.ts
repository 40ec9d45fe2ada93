import { startVaultKvTestServer, type VaultKvTestServer } from '@ionflux/testing/secrets';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IntegrationError } from '../errors/index.ts';
import { createVaultSecretsProvider } from './vault-secrets-provider.ts';

const TOKEN = 'hvs.test-token-that-must-never-show';

async function failure(promise: Promise<unknown>): Promise<IntegrationError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(IntegrationError);
  const coded = error as IntegrationError;
  expect(coded.code).toBe('INTERNAL');
  expect(coded.message).not.toContain(TOKEN);
  return coded;
}

describe('the vault secrets provider (KV v2)', () => {
  let vault: VaultKvTestServer;
  beforeEach(async () => {
    vault = await startVaultKvTestServer({
      tokens: { [TOKEN]: ['secret/ionflux', 'kv/teams/ionflux', 'secret/missing'], 'hvs.other': [] },
      mounts: ['secret', 'kv'],
    });
    vault.put('secret', 'ionflux', { OPENAI_API_KEY: 'sk-from-vault', PORT_HINT: 4000 });
  });
  afterEach(async () => {
    await vault.close();
  });

  it('reads data.data[name] from GET /v1/{mount}/data/{path} with X-Vault-Token', async () => {
    const secrets = createVaultSecretsProvider({ address: vault.address, token: TOKEN });
    expect(await secrets.get('OPENAI_API_KEY')).toBe('sk-from-vault');
    expect(await secrets.get('PORT_HINT')).toBe('4000');
    expect(await secrets.get('NOT_THERE')).toBeUndefined();
    expect(vault.requests[0]).toMatchObject({ method: 'GET', path: '/v1/secret/data/ionflux', token: TOKEN });
  });

  it('takes the mount, a nested path and a namespace from its options', async () => {
    vault.put('kv', 'teams/ionflux', { SHOPIFY_API_SECRET: 'shpss_x' });
    const secrets = createVaultSecretsProvider({
      address: `${vault.address}/`,
      token: TOKEN,
      mount: 'kv',
      path: 'teams/ionflux',
      namespace: 'admin/ionflux',
    });
    expect(await secrets.require('SHOPIFY_API_SECRET')).toBe('shpss_x');
    expect(vault.requests[0]).toMatchObject({
      path: '/v1/kv/data/teams/ionflux',
      namespace: 'admin/ionflux',
    });
  });

  it('serves repeated and concurrent reads from one request until the cache expires', async () => {
    let clock = 1_000;
    const secrets = createVaultSecretsProvider({
      address: vault.address,
      token: TOKEN,
      cacheTtlMs: 30_000,
      now: () => clock,
    });
    await Promise.all(Array.from({ length: 20 }, () => secrets.get('OPENAI_API_KEY')));
    await secrets.get('PORT_HINT');
    expect(vault.requests).toHaveLength(1);

    vault.put('secret', 'ionflux', { OPENAI_API_KEY: 'sk-rotated' });
    clock += 29_000;
    expect(await secrets.get('OPENAI_API_KEY')).toBe('sk-from-vault');
    clock += 2_000;
    expect(await secrets.get('OPENAI_API_KEY')).toBe('sk-rotated');
    expect(vault.requests).toHaveLength(2);
  });

  it('names the secret and the Vault entry when a required secret is missing', async () => {
    const secrets = createVaultSecretsProvider({ address: vault.address, token: TOKEN });
    const error = await failure(secrets.require('TIKTOK_CLIENT_SECRET'));
    expect(error.message).toContain('TIKTOK_CLIENT_SECRET');
    expect(error.message).toContain(`Vault KV secret/ionflux at ${vault.address}`);
  });

  it('says the token lacks a policy on 403, without showing the token', async () => {
    vault.put('kv', 'teams/ionflux', { A: 'b' });
    const denied = createVaultSecretsProvider({ address: vault.address, token: 'hvs.other' });
    const error = await failure(denied.get('A'));
    expect(error.message).toMatch(
      /403: permission denied.*lacks a policy granting "read" on secret\/data\/ionflux/,
    );
    expect(error.details).toEqual({ reason: 'vault_forbidden' });
    expect(error.message).not.toContain('hvs.other');

    const uncoveredPath = createVaultSecretsProvider({
      address: vault.address,
      token: TOKEN,
      path: 'elsewhere',
    });
    expect((await failure(uncoveredPath.get('A'))).details).toEqual({ reason: 'vault_forbidden' });
  });

  it('says the path is missing on 404', async () => {
    const secrets = createVaultSecretsProvider({ address: vault.address, token: TOKEN, path: 'missing' });
    const error = await failure(secrets.get('A'));
    expect(error.message).toMatch(/no secret at secret\/data\/missing \(404\).*VAULT_KV_PATH/);
    expect(error.details).toEqual({ reason: 'vault_path_missing' });
  });

  it('says when the latest version was deleted', async () => {
    vault.deleteLatest('secret', 'ionflux');
    const secrets = createVaultSecretsProvider({ address: vault.address, token: TOKEN });
    expect((await failure(secrets.get('OPENAI_API_KEY'))).message).toMatch(/latest version .* was deleted/);
  });

  it('reports a sealed Vault and an unreachable one', async () => {
    vault.seal();
    const sealed = createVaultSecretsProvider({ address: vault.address, token: TOKEN });
    expect((await failure(sealed.get('A'))).message).toMatch(/sealed.*503: Vault is sealed/);

    const address = vault.address;
    await vault.close();
    const gone = createVaultSecretsProvider({ address, token: TOKEN, timeoutMs: 2_000 });
    const error = await failure(gone.get('A'));
    expect(error.message).toMatch(/is unreachable \(ECONNREFUSED\)/);
    vault = await startVaultKvTestServer({ tokens: {} });
  });

  it('asks again after a failed read instead of caching the failure', async () => {
    const secrets = createVaultSecretsProvider({ address: vault.address, token: TOKEN, path: 'missing' });
    await failure(secrets.get('A'));
    vault.put('secret', 'missing', { A: 'now-here' });
    expect(await secrets.get('A')).toBe('now-here');
  });

  it('bridges a Vault outage with the last good entry for staleIfErrorMs, asking again every few seconds', async () => {
    let clock = 0;
    const stale: Error[] = [];
    const secrets = createVaultSecretsProvider({
      address: vault.address,
      token: TOKEN,
      cacheTtlMs: 30_000,
      staleIfErrorMs: 60_000,
      now: () => clock,
      onStaleServed: (error) => stale.push(error),
    });
    expect(await secrets.get('OPENAI_API_KEY')).toBe('sk-from-vault');
    vault.seal();
    clock = 31_000;
    expect(await secrets.get('OPENAI_API_KEY')).toBe('sk-from-vault');
    expect(await secrets.get('OPENAI_API_KEY')).toBe('sk-from-vault');
    expect(vault.requests).toHaveLength(2);
    expect(stale[0]?.message).toMatch(/sealed/);
    clock = 37_000;
    expect(await secrets.get('OPENAI_API_KEY')).toBe('sk-from-vault');
    expect(vault.requests).toHaveLength(3);
    clock = 91_000;
    expect((await failure(secrets.get('OPENAI_API_KEY'))).details).toEqual({ reason: 'vault_unavailable' });
  });

  it('does not bridge a refusal: a revoked token fails at once', async () => {
    let clock = 0;
    const tokens = { [TOKEN]: ['secret/ionflux'] };
    await vault.close();
    vault = await startVaultKvTestServer({ tokens });
    vault.put('secret', 'ionflux', { A: 'a' });
    const secrets = createVaultSecretsProvider({ address: vault.address, token: TOKEN, now: () => clock });
    expect(await secrets.get('A')).toBe('a');
    tokens[TOKEN] = [];
    clock = 31_000;
    expect((await failure(secrets.get('A'))).details).toEqual({ reason: 'vault_forbidden' });
  });
});
