import { ConfigError } from '../config/index.ts';
import { createEnvSecretsProvider } from './env-secrets-provider.ts';
import { createFileSecretsProvider } from './file-secrets-provider.ts';
import type { SecretsProvider } from './secrets-provider.ts';
import { createVaultSecretsProvider } from './vault-secrets-provider.ts';

/** The env keys that choose and reach the secrets store (see {@link secretsEnv} for their schema). */
export interface SecretsConfig {
  /** `env`, `file:<dir>` or `vault`. @default 'env' */
  IONFLUX_SECRETS_PROVIDER?: string | undefined;
  /** Vault's origin; required with `vault`. */
  VAULT_ADDR?: string | undefined;
  /** Vault token; required with `vault`. */
  VAULT_TOKEN?: string | undefined;
  /** Mount of the KV version 2 engine. @default 'secret' */
  VAULT_KV_MOUNT?: string | undefined;
  /** The KV entry holding IONFLUX's secrets. @default 'ionflux' */
  VAULT_KV_PATH?: string | undefined;
  /** Vault Enterprise namespace. @default none */
  VAULT_NAMESPACE?: string | undefined;
}

/**
 * The secrets provider `IONFLUX_SECRETS_PROVIDER` names: `env` (default; reads `env`), `file:<dir>` (one
 * file per secret, as Kubernetes and Docker mount them) or `vault` (HashiCorp Vault KV v2). A bad choice
 * or missing Vault settings throw a {@link ConfigError} naming every problem.
 *
 * @param env the environment the `env` provider reads. @default {}
 * @param hooks `onVaultStale`: told when Vault could not be read and its last good entry was served
 *   (log a warning there). @default none
 */
export function createSecretsProvider(
  config: SecretsConfig,
  env: Readonly<Record<string, string | undefined>> = {},
  hooks: { onVaultStale?: (error: Error) => void } = {},
): SecretsProvider {
  const choice = config.IONFLUX_SECRETS_PROVIDER?.trim() || 'env';
  if (choice === 'env') return createEnvSecretsProvider(env);
  if (choice.startsWith('file:')) {
    const directory = choice.slice('file:'.length);
    if (directory === '') {
      throw new ConfigError('secrets provider', [
        'IONFLUX_SECRETS_PROVIDER: file: needs a directory, e.g. file:/run/secrets',
      ]);
    }
    return createFileSecretsProvider(directory);
  }
  if (choice === 'vault') {
    const problems: string[] = [];
    if (!config.VAULT_ADDR) problems.push('VAULT_ADDR: required with IONFLUX_SECRETS_PROVIDER=vault');
    else if (!/^https?:\/\/[^/]/.test(config.VAULT_ADDR))
      problems.push('VAULT_ADDR: must be an http(s):// origin, e.g. https://vault.internal:8200');
    if (!config.VAULT_TOKEN) problems.push('VAULT_TOKEN: required with IONFLUX_SECRETS_PROVIDER=vault');
    if (problems.length > 0 || !config.VAULT_ADDR || !config.VAULT_TOKEN) {
      throw new ConfigError('secrets provider', problems);
    }
    return createVaultSecretsProvider({
      address: config.VAULT_ADDR,
      token: config.VAULT_TOKEN,
      ...(config.VAULT_KV_MOUNT ? { mount: config.VAULT_KV_MOUNT } : {}),
      ...(config.VAULT_KV_PATH ? { path: config.VAULT_KV_PATH } : {}),
      ...(config.VAULT_NAMESPACE ? { namespace: config.VAULT_NAMESPACE } : {}),
      ...(hooks.onVaultStale ? { onStaleServed: hooks.onVaultStale } : {}),
    });
  }
  throw new ConfigError('secrets provider', [
    `IONFLUX_SECRETS_PROVIDER: "${choice}" is not a provider; use env, file:<dir> or vault`,
  ]);
}
