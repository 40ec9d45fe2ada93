import { IntegrationError } from '../errors/index.ts';
import type { AttemptResult } from './send-attempt.ts';

export interface GiveUpContext {
  provider: string;
  attempts: number;
  timeoutMs: number;
  /** The wait the provider asked for, or the backoff we would have used, in milliseconds. */
  waitMs: number;
}

/**
 * The coded error a call ends with when it will not be retried again: rate limits become `RATE_LIMITED`
 * with `retryAfterSeconds`; server errors, timeouts and connection failures become `PROVIDER_UNAVAILABLE`.
 * `cause` is the last response (status, headers, body) or the network error, for logs and for callers
 * that keep the provider's error body.
 */
export function giveUpError(result: AttemptResult, context: GiveUpContext): IntegrationError {
  const { provider, attempts } = context;
  const tries = attempts === 1 ? '1 attempt' : `${attempts} attempts`;
  switch (result.kind) {
    case 'response': {
      const { response, decision } = result;
      const reason = decision.action === 'retry' ? decision.reason : 'server_error';
      if (reason === 'rate_limited' || reason === 'throttled') {
        return new IntegrationError('RATE_LIMITED', `${provider} is rate limiting requests; retry later.`, {
          details: { provider, retryAfterSeconds: Math.max(1, Math.ceil(context.waitMs / 1000)) },
          cause: { ...response, attempts },
        });
      }
      return new IntegrationError(
        'PROVIDER_UNAVAILABLE',
        `${provider} answered ${response.status} after ${tries}.`,
        { details: { provider, status: response.status }, cause: { ...response, attempts } },
      );
    }
    case 'timeout':
      return new IntegrationError(
        'PROVIDER_UNAVAILABLE',
        `${provider} did not answer within ${context.timeoutMs} ms (${tries}).`,
        { details: { provider } },
      );
    case 'network':
      return new IntegrationError('PROVIDER_UNAVAILABLE', `${provider} could not be reached (${tries}).`, {
        details: { provider },
        cause: result.error,
      });
    default: {
      const unreachable: never = result;
      return unreachable;
    }
  }
}
