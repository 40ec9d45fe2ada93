import type { Identity } from '@ionflux/kit/identity';
import type { EmbeddingInput, EmbeddingResult } from '../generated/resolvers-types.ts';
import { estimateTokens } from '../providers/estimate-tokens.ts';
import type { LlmFailure } from '../providers/provider-failure.ts';
import { toProviderId, toStoredProvider } from '../providers/stored-provider.ts';
import { callProvider } from './call-provider.ts';
import type { CallServices } from './call-services.ts';
import { toLlmError } from './envelope.ts';
import { recordRejection } from './record-rejection.ts';

/** OpenAI accepts at most 2048 inputs per request. */
const MAX_INPUTS = 2048;

/** `createEmbedding`: OpenAI or Gemini, with the same key, quota and ledger path as completions. */
export async function runEmbedding(
  services: CallServices,
  identity: Identity,
  input: EmbeddingInput,
  signal: AbortSignal,
): Promise<EmbeddingResult> {
  const started = performance.now();
  const provider = toStoredProvider(input.provider ?? 'OPENAI');
  const adapter = services.adapters[provider];
  const model = input.model ?? adapter.defaultEmbeddingModel ?? '';
  const requestId =
    input.requestId && /^[\w.:-]{1,128}$/.test(input.requestId) ? input.requestId : identity.requestId;
  const base = { requestId, provider: toProviderId(provider), model };
  const fail = (failure: LlmFailure): EmbeddingResult => ({
    ...base,
    status: 'ERROR',
    error: toLlmError(failure),
  });

  const problems: string[] = [];
  if (!adapter.embed) problems.push(`${provider} has no embeddings API; use OPENAI or GEMINI`);
  if (input.input.length === 0 || input.input.length > MAX_INPUTS)
    problems.push(`input must hold 1-${MAX_INPUTS} texts`);
  if (input.input.some((text) => text === '')) problems.push('input must not contain empty texts');
  if (input.dimensions != null && input.dimensions < 1) problems.push('dimensions must be at least 1');
  if (problems.length > 0 || !adapter.embed) {
    const failure: LlmFailure = { code: 'INVALID_REQUEST', message: problems.join('; ') };
    await recordRejection(services, identity, {
      requestId,
      provider,
      model,
      operation: 'embedding',
      failure,
      started,
    });
    return fail(failure);
  }
  const overCap = services.requestCalls.take(identity);
  if (overCap) return fail(overCap);
  const embed = adapter.embed;
  const outcome = await callProvider(
    services,
    identity,
    {
      requestId,
      operation: 'embedding',
      fallbackFrom: null,
      provider,
      model,
      promptTokensEstimate: input.input.reduce((sum, text) => sum + estimateTokens(text), 0),
      maxTokens: 0,
      signal,
    },
    (call) => embed({ model, input: input.input, dimensions: input.dimensions ?? undefined }, call),
  );
  if (!outcome.ok) return fail(outcome.failure);
  const answer = outcome.answer;
  return {
    ...base,
    status: 'SUCCESS',
    embeddings: answer.vectors.map((vector, index) => ({ index, vector })),
    usage: answer.usage,
  };
}
