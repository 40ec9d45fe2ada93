/** A sealed secret as stored: the bytes for the `*_ciphertext` column and the id for its `*_key_id`. */
export interface SealedValue {
  ciphertext: Buffer;
  keyId: string;
}

/**
 * Layout of the ciphertext column, version 1:
 *
 * ```
 * offset 0   1 byte    format version (0x01)
 * offset 1   12 bytes  IV, random per value
 * offset 13  n bytes   AES-256-GCM ciphertext of the UTF-8 plaintext
 * offset 13+n 16 bytes GCM authentication tag
 * ```
 *
 * The key id is not in the bytes: it sits in the `*_key_id` column beside them, where rotation can
 * select on it.
 */
export const SealedFormat = {
  VERSION: 1,
  IV_BYTES: 12,
  TAG_BYTES: 16,
  HEADER_BYTES: 13,
  /** The shortest valid value: an empty plaintext. */
  MIN_BYTES: 13 + 16,
} as const;
