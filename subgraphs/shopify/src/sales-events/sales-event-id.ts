import { createHash } from 'node:crypto';

/**
 * The id of the event one change raises, derived from what changed (connection, kind, the record and
 * its version), so the same change can never raise two different ids.
 */
export function salesEventId(connectionId: string, kind: string, subject: string, version: string): string {
  return createHash('sha256')
    .update(`${connectionId}\n${kind}\n${subject}\n${version}`)
    .digest('base64url')
    .slice(0, 22);
}
