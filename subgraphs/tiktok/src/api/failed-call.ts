import { isIntegrationError } from '@ionflux/kit/errors';
import type { CallOutcome } from '@ionflux/kit/health';

/**
 * How a TikTok call that threw counts for the connection's health: its unified code, or INTERNAL for an
 * error that is not an IntegrationError (a bug of ours still failed the call).
 */
export function failedCall(error: unknown): CallOutcome {
  return { ok: false, code: isIntegrationError(error) ? error.code : 'INTERNAL' };
}
