import { randomBytes } from 'node:crypto';
import { KEY_ID_PATTERN, MASTER_KEY_BYTES } from './keyring.ts';

/**
 * A new master key spec, `<keyId>:<base64 of 32 random bytes>`, ready for `IONFLUX_MASTER_KEY` (or
 * `IONFLUX_MASTER_KEYS_PREVIOUS` while it is being staged).
 */
export function generateMasterKey(keyId: string): string {
  if (!KEY_ID_PATTERN.test(keyId)) {
    throw new Error(`key id "${keyId}" must be 1-64 letters, digits, ".", "_" or "-"`);
  }
  return `${keyId}:${randomBytes(MASTER_KEY_BYTES).toString('base64')}`;
}
