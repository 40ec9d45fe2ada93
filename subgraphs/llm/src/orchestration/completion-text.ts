import { IntegrationError, isErrorCode } from '@ionflux/kit/errors';
import type { CompletionResult } from '../generated/resolvers-types.ts';

/**
 * The text of a successful completion, for fields that write with the LLM (`aiSummary`, `captionIdeas`);
 * a refused or failed one is thrown as the field's error with the unified code and the ledger's request id.
 */
export function completionTextOf(result: CompletionResult, what: string): string {
  const text = result.providerResponse?.choices[0]?.text;
  if (result.status === 'SUCCESS' && text !== undefined) return text;
  const code = result.error?.code;
  throw new IntegrationError(
    isErrorCode(code) ? code : 'INTERNAL',
    result.error?.message ?? `${what} could not be written.`,
    { details: { requestId: result.requestId } },
  );
}
