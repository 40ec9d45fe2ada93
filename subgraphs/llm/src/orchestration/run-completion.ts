import type { Identity } from '@ionflux/kit/identity';
import type { CompletionInput, CompletionResult } from '../generated/resolvers-types.ts';
import { estimatePromptTokens } from '../providers/estimate-tokens.ts';
import type { CompletionAnswer, CompletionRequest, LlmAdapter } from '../providers/llm-adapter.ts';
import { defaultMaxTokens } from '../providers/provider-catalog.ts';
import type { LlmFailure } from '../providers/provider-failure.ts';
import type { StoredProvider } from '../providers/stored-provider.ts';
import { getFallback } from '../settings/fallback-store.ts';
import { type CallOutcome, callProvider } from './call-provider.ts';
import type { CallServices } from './call-services.ts';
import { errorEnvelope, successEnvelope } from './envelope.ts';
import { prepareCompletion } from './prepare-completion.ts';
import { recordRejection } from './record-rejection.ts';

/**
 * `createCompletion`: validate, count it against the request's cap of LLM calls, pick the key, reserve
 * quota and budget, call the provider, ledger and settle; when
 * the provider is unavailable or rate limiting and the workspace has a fallback, try that once.
 * Failures come back in the envelope with a code, never as GraphQL errors.
 */
export async function runCompletion(
  services: CallServices,
  identity: Identity,
  input: CompletionInput,
  signal: AbortSignal,
): Promise<CompletionResult> {
  const started = performance.now();
  const prepared = prepareCompletion(
    services.adapters,
    input,
    identity.requestId,
    services.config.LLM_DEFAULT_MAX_TOKENS,
  );
  if (!prepared.ok) {
    const failure: LlmFailure = { code: 'INVALID_REQUEST', message: prepared.problems.join('; ') };
    await recordRejection(services, identity, { ...prepared, operation: 'completion', failure, started });
    return errorEnvelope({ ...prepared, fallbackUsed: false }, failure);
  }
  const { adapter, request, requestId } = prepared;
  const base = { requestId, provider: adapter.provider, model: request.model, fallbackUsed: false };
  // Past the request's cap nothing is reserved, sent or ledgered: the fan-out it bounds would
  // otherwise cost a database write per refused call.
  const overCap = services.requestCalls.take(identity);
  if (overCap) return errorEnvelope(base, overCap);
  const first = await attempt(services, identity, adapter, request, {
    requestId,
    signal,
    fallbackFrom: null,
  });
  if (first.ok) return successEnvelope(base, first.answer);
  if (!signal.aborted && worthFallingBack(first.failure)) {
    const fallback = await getFallback(services.db, identity.workspaceId);
    if (fallback && (fallback.provider !== adapter.provider || fallback.model !== request.model)) {
      const fallbackAdapter = services.adapters[fallback.provider];
      // The caller's limit, or the fallback model's own default (not the first model's).
      const fallbackRequest = forFallback(
        request,
        fallback.model,
        input.parameters?.maxTokens ??
          defaultMaxTokens(fallback.provider, fallback.model, services.config.LLM_DEFAULT_MAX_TOKENS),
      );
      if (fallbackAdapter.validate(fallbackRequest).length === 0) {
        services.logger.warn(
          { requestId, from: adapter.provider, to: fallback.provider, code: first.failure.code },
          'falling back to the workspace fallback provider',
        );
        const second = await attempt(services, identity, fallbackAdapter, fallbackRequest, {
          requestId,
          signal,
          fallbackFrom: adapter.provider,
        });
        const fallbackBase = {
          requestId,
          provider: fallback.provider,
          model: fallback.model,
          fallbackUsed: true,
        };
        return second.ok
          ? successEnvelope(fallbackBase, second.answer)
          : errorEnvelope(fallbackBase, second.failure);
      }
    }
  }
  return errorEnvelope(base, first.failure);
}

function attempt(
  services: CallServices,
  identity: Identity,
  adapter: LlmAdapter,
  request: CompletionRequest,
  options: { requestId: string; signal: AbortSignal; fallbackFrom: StoredProvider | null },
): Promise<CallOutcome<CompletionAnswer>> {
  return callProvider(
    services,
    identity,
    {
      requestId: options.requestId,
      operation: 'completion',
      fallbackFrom: options.fallbackFrom,
      provider: adapter.provider,
      model: request.model,
      promptTokensEstimate: estimatePromptTokens(request),
      maxTokens: request.maxTokens,
      signal: options.signal,
    },
    (call, maxTokens) => adapter.complete({ ...request, maxTokens }, call),
  );
}

/** Worth another provider: the first one is down or refusing load, not the request itself. */
function worthFallingBack(failure: LlmFailure): boolean {
  return (
    failure.code === 'PROVIDER_UNAVAILABLE' ||
    failure.code === 'RATE_LIMITED' ||
    failure.code === 'PROVIDER_API_ERROR'
  );
}

/** The request for the fallback model: provider-specific extras do not carry over. */
function forFallback(request: CompletionRequest, model: string, maxTokens: number): CompletionRequest {
  return { ...request, model, extra: {}, maxTokens };
}
