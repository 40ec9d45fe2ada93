// Central secrets (provider API keys, app secrets, the master key) from one of three stores, chosen by
// IONFLUX_SECRETS_PROVIDER: `env` (default), `file:<dir>` (one file per secret, as Kubernetes and Docker
// mount them) or `vault` (HashiCorp Vault KV v2: VAULT_ADDR, VAULT_TOKEN, VAULT_KV_MOUNT=secret,
// VAULT_KV_PATH=ionflux, VAULT_NAMESPACE).
export type { SecretsConfig } from './create-secrets-provider.ts';
export { createSecretsProvider } from './create-secrets-provider.ts';
export { createEnvSecretsProvider } from './env-secrets-provider.ts';
export { createFileSecretsProvider } from './file-secrets-provider.ts';
export { secretsEnv } from './secrets-env.ts';
export type { SecretsProvider } from './secrets-provider.ts';
export { requireSecret } from './secrets-provider.ts';
export type { VaultSecretsOptions } from './vault-secrets-provider.ts';
export { createVaultSecretsProvider } from './vault-secrets-provider.ts';
