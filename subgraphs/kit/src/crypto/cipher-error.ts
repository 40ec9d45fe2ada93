import { IntegrationError } from '../errors/index.ts';

/** Why a sealed value did not open. */
export type CipherFailureReason = 'unknown_key_id' | 'authentication_failed';

/**
 * The error `open` throws: code `INTERNAL`, `details.reason` saying why, and a message naming where the
 * value lives and the key id, never the plaintext or key bytes.
 */
export function cipherError(reason: CipherFailureReason, message: string): IntegrationError {
  return new IntegrationError('INTERNAL', message, { details: { reason } });
}

/** The reason a value did not open, when `error` is an error `open` threw. */
export function cipherFailureReason(error: unknown): CipherFailureReason | undefined {
  if (!(error instanceof IntegrationError)) return undefined;
  const reason = error.details['reason'];
  return reason === 'unknown_key_id' || reason === 'authentication_failed' ? reason : undefined;
}
