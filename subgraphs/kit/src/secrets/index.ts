export type { SecretsConfig } from './create-secrets-provider.ts';
export { createSecretsProvider } from './create-secrets-provider.ts';
export { createEnvSecretsProvider } from './env-secrets-provider.ts';
export { createFileSecretsProvider } from './file-secrets-provider.ts';
export { secretsEnv } from './secrets-env.ts';
export type { SecretsProvider } from './secrets-provider.ts';
export { requireSecret } from './secrets-provider.ts';
export type { VaultSecretsOptions } from './vault-secrets-provider.ts';
export { createVaultSecretsProvider } from './vault-secrets-provider.ts';
