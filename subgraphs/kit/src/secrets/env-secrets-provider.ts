import type { SecretsProvider } from './secrets-provider.ts';
import { requireSecret } from './secrets-provider.ts';

/**
 * Secrets from the process environment (the default). The env is passed in, not read from
 * `process.env` here, so a service reads exactly the environment it validated.
 */
export function createEnvSecretsProvider(env: Readonly<Record<string, string | undefined>>): SecretsProvider {
  const where = 'the environment (IONFLUX_SECRETS_PROVIDER=env)';
  const provider: SecretsProvider = {
    async get(name) {
      const value = env[name];
      // An empty variable is how shells and compose files spell "unset".
      return value === undefined || value === '' ? undefined : value;
    },
    require: (name) => requireSecret(provider, name, where),
  };
  return provider;
}
