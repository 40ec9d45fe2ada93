import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { cipherError } from './cipher-error.ts';
import { type CiphertextContext, encodeContext } from './ciphertext-context.ts';
import type { Keyring } from './keyring.ts';
import { SealedFormat, type SealedValue } from './sealed-value.ts';

/**
 * Seals and opens stored credentials (OAuth tokens, PKCE verifiers, workspace API keys) with AES-256-GCM
 * under the keyring's master keys.
 *
 * How to use a plaintext: open it right before the outgoing call that needs it, keep it in a local
 * variable for that request only, and let it go. Never cache it, put it on a context object that
 * outlives the request, log it, or return it through GraphQL.
 */
export interface CredentialCipher {
  /** The key id `seal` writes; rows carrying another id are due for `rotateCredentials`. */
  readonly activeKeyId: string;
  /** Encrypts under the active key with a fresh random IV; the context is bound as AAD. */
  seal(plaintext: string, context: CiphertextContext): SealedValue;
  /**
   * Decrypts a value sealed under any key of the keyring. Throws `IntegrationError` code `INTERNAL` with
   * `details.reason` `unknown_key_id` (its key is not in the keyring) or `authentication_failed`
   * (tampered, truncated, or opened with another table, column, row or workspace).
   */
  open(sealed: SealedValue, context: CiphertextContext): string;
}

const ALGORITHM = 'aes-256-gcm';

export function createCredentialCipher(keyring: Keyring): CredentialCipher {
  const activeKey = keyring.keys.get(keyring.activeKeyId);
  if (!activeKey) throw new Error(`the keyring holds no key for its active id "${keyring.activeKeyId}"`);
  const where = (context: CiphertextContext) => `${context.table}.${context.column} of row ${context.rowId}`;

  return {
    activeKeyId: keyring.activeKeyId,

    seal(plaintext, context) {
      const aad = encodeContext(SealedFormat.VERSION, context);
      // Random 96-bit IVs: NIST SP 800-38D allows 2^32 values per key this way, far above what one key
      // seals between rotations.
      const iv = randomBytes(SealedFormat.IV_BYTES);
      const cipher = createCipheriv(ALGORITHM, activeKey, iv, { authTagLength: SealedFormat.TAG_BYTES });
      cipher.setAAD(aad);
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return {
        ciphertext: Buffer.concat([Buffer.of(SealedFormat.VERSION), iv, body, cipher.getAuthTag()]),
        keyId: keyring.activeKeyId,
      };
    },

    open(sealed, context) {
      const key = keyring.keys.get(sealed.keyId);
      if (!key) {
        throw cipherError(
          'unknown_key_id',
          `Cannot open ${where(context)}: it was sealed with key id "${sealed.keyId}", which is not in the ` +
            `keyring (${[...keyring.keys.keys()].join(', ')}); add that key to IONFLUX_MASTER_KEYS_PREVIOUS`,
        );
      }
      const bytes = sealed.ciphertext;
      const authenticationFailed = () =>
        cipherError(
          'authentication_failed',
          `Cannot open ${where(context)} under key "${sealed.keyId}": it does not authenticate (tampered, ` +
            'or sealed for another table, column, row or workspace)',
        );
      if (bytes.length < SealedFormat.MIN_BYTES || bytes[0] !== SealedFormat.VERSION) {
        throw authenticationFailed();
      }
      const aad = encodeContext(SealedFormat.VERSION, context);
      const iv = bytes.subarray(1, SealedFormat.HEADER_BYTES);
      const tag = bytes.subarray(bytes.length - SealedFormat.TAG_BYTES);
      const body = bytes.subarray(SealedFormat.HEADER_BYTES, bytes.length - SealedFormat.TAG_BYTES);
      const decipher = createDecipheriv(ALGORITHM, key, iv, { authTagLength: SealedFormat.TAG_BYTES });
      decipher.setAAD(aad);
      decipher.setAuthTag(tag);
      try {
        return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
      } catch {
        // update() has already produced unauthenticated bytes; they are dropped with the failed concat.
        throw authenticationFailed();
      }
    },
  };
}
