import { z } from 'zod';
import { optionalString } from '../config/index.ts';

/**
 * The secrets-provider keys for a service's env schema (`z.object({ ...subgraphEnv, ...secretsEnv })`),
 * so a bad choice is reported with the service's other configuration problems at start.
 * `createSecretsProvider` checks the Vault keys again, since it also runs outside services.
 */
export const secretsEnv = {
  IONFLUX_SECRETS_PROVIDER: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z
      .string()
      .regex(/^(env|vault|file:.+)$/, 'IONFLUX_SECRETS_PROVIDER must be env, file:<dir> or vault')
      .default('env'),
  ),
  VAULT_ADDR: optionalString(),
  VAULT_TOKEN: optionalString(),
  VAULT_KV_MOUNT: optionalString(),
  VAULT_KV_PATH: optionalString(),
  VAULT_NAMESPACE: optionalString(),
};
