import type { SecretsProvider } from '../secrets/index.ts';
import type { Keyring } from './keyring.ts';
import { parseKeyring } from './parse-keyring.ts';

/**
 * Reads the master keys from the secrets provider (`IONFLUX_MASTER_KEY`, and
 * `IONFLUX_MASTER_KEYS_PREVIOUS` during a rotation) and validates them; see {@link parseKeyring} for the
 * format. Call it once at start and pass the keyring (or its cipher) to what needs it.
 */
export async function loadKeyring(secrets: SecretsProvider): Promise<Keyring> {
  const [active, previous] = await Promise.all([
    secrets.get('IONFLUX_MASTER_KEY'),
    secrets.get('IONFLUX_MASTER_KEYS_PREVIOUS'),
  ]);
  return parseKeyring(active, previous);
}
