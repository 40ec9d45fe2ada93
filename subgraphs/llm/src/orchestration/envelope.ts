import type { CompletionResult, LlmError } from '../generated/resolvers-types.ts';
import type { CompletionAnswer } from '../providers/llm-adapter.ts';
import type { LlmFailure } from '../providers/provider-failure.ts';
import { type StoredProvider, toProviderId } from '../providers/stored-provider.ts';

/** The `error` object of spec 1.3's envelope. */
export function toLlmError(failure: LlmFailure): LlmError {
  const raw = failure.providerError;
  return {
    code: failure.code,
    message: failure.message,
    retryAfterSeconds: failure.retryAfterSeconds ?? null,
    providerError: raw ? { ...raw, provider: toProviderId(raw.provider) } : null,
  };
}

export interface EnvelopeBase {
  requestId: string;
  provider: StoredProvider;
  model: string;
  fallbackUsed: boolean;
}

export function successEnvelope(base: EnvelopeBase, answer: CompletionAnswer): CompletionResult {
  return {
    status: 'SUCCESS',
    requestId: base.requestId,
    provider: toProviderId(base.provider),
    model: base.model,
    fallbackUsed: base.fallbackUsed,
    providerResponse: {
      id: answer.id,
      model: answer.model,
      choices: [
        {
          index: 0,
          text: answer.text,
          finishReason: answer.finishReason,
          providerFinishReason: answer.providerFinishReason,
        },
      ],
      usage: answer.usage,
    },
    error: null,
  };
}

export function errorEnvelope(base: EnvelopeBase, failure: LlmFailure): CompletionResult {
  return {
    status: 'ERROR',
    requestId: base.requestId,
    provider: toProviderId(base.provider),
    model: base.model,
    fallbackUsed: base.fallbackUsed,
    providerResponse: null,
    error: toLlmError(failure),
  };
}
