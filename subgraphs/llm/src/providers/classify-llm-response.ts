import { classifyByStatus, type ResponseHead, type RetryDecision } from '@ionflux/kit/http';
import { isQuotaError } from './quota-error.ts';

/**
 * How the kit's HTTP client treats an LLM provider's answer: a quota error comes back at once instead of
 * being retried after its `Retry-After` (Gemini asks for 30 s on an exhausted daily quota); everything
 * else as by status (429 and 5xx retried, `x-should-retry` honoured).
 */
export function classifyLlmResponse(response: ResponseHead, body: unknown): RetryDecision {
  if (response.status === 429 && isQuotaError(body)) return { action: 'return' };
  return classifyByStatus(response);
}
