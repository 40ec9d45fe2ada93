import { type ErrorCode, isIntegrationError } from '@ionflux/kit/errors';
import type { PublishChange } from './publish-store.ts';

/** A failure as stored on a publish: the unified code, a message, TikTok's reason and log id. */
export type PublishFailure = Required<
  Pick<PublishChange, 'errorCode' | 'errorMessage' | 'failReason' | 'logId'>
>;

/**
 * The unified code of a `fail_reason` of status/fetch or `post.publish.failed` (TikTok's documented
 * reasons: spam_risk_*, auth_removed, internal, file_format_check_failed, duration_check_failed, …).
 */
export function failReasonCode(reason: string): ErrorCode {
  if (reason.startsWith('spam_risk') || reason.includes('policy') || reason.includes('moderation')) {
    return 'POLICY_VIOLATION';
  }
  if (reason === 'auth_removed') return 'INTEGRATION_AUTH_INVALID';
  if (reason === 'internal') return 'PROVIDER_UNAVAILABLE';
  return 'PROVIDER_API_ERROR';
}

/** What a publish TikTok reported FAILED with `reason` stores. */
export function tiktokFailure(reason: string | undefined, logId: string | null = null): PublishFailure {
  const failReason = reason && reason !== '' ? reason : 'unknown';
  const code = failReasonCode(failReason);
  const messages: Partial<Record<ErrorCode, string>> = {
    POLICY_VIOLATION:
      `TikTok refused the content under its policies (${failReason}); it is not retried. Review the video ` +
      'and caption against TikTok’s Community Guidelines before posting again.',
    INTEGRATION_AUTH_INVALID:
      'The TikTok account removed IONFLUX’s access before the post finished: reconnect it.',
    PROVIDER_UNAVAILABLE: 'TikTok failed to process the post (internal): publish it again later.',
  };
  return {
    errorCode: code,
    errorMessage: messages[code] ?? `TikTok could not post the video (${failReason}).`,
    failReason,
    logId,
  };
}

/** What a publish stores when a call to TikTok (or our side) failed with `error`. */
export function errorFailure(error: unknown): PublishFailure {
  if (isIntegrationError(error)) {
    const tiktokCode = error.details['tiktokCode'];
    const logId = error.details['logId'];
    return {
      errorCode: error.code,
      errorMessage: error.message,
      failReason: typeof tiktokCode === 'string' ? tiktokCode : null,
      logId: typeof logId === 'string' ? logId : null,
    };
  }
  return {
    errorCode: 'INTERNAL',
    errorMessage: 'The publish failed on IONFLUX’s side.',
    failReason: null,
    logId: null,
  };
}
