import { randomUUID } from 'node:crypto';
import type { Identity } from '@ionflux/kit/identity';
import type { CompletionChunk, CompletionInput } from '../generated/resolvers-types.ts';
import { estimatePromptTokens } from '../providers/estimate-tokens.ts';
import { NO_USAGE, type StreamEvent } from '../providers/llm-adapter.ts';
import { type LlmFailure, toProviderFailure } from '../providers/provider-failure.ts';
import { toProviderId } from '../providers/stored-provider.ts';
import type { CallServices } from './call-services.ts';
import { toLlmError } from './envelope.ts';
import { closeCall, openCall } from './open-call.ts';
import { prepareCompletion } from './prepare-completion.ts';
import { recordRejection } from './record-rejection.ts';

/**
 * A chunk of {@link runCompletionStream}: the GraphQL `CompletionChunk`, plus (on the last chunk of a
 * finished stream) the provider's response id and own stop reason, which the HTTP doors show and the
 * GraphQL type leaves out.
 */
export type StreamedChunk = CompletionChunk & { responseId?: string; providerFinishReason?: string | null };

/**
 * `completionStream`: the same steps as `createCompletion` (validation, then open → send → close), with
 * text deltas as the provider sends them and a last chunk with `done`, the finish reason and usage, or
 * an error chunk. The call's row is opened `pending` before the provider is called and finished when the
 * stream ends, however it ends: finished, failed, or cancelled because the subscriber went away
 * (`signal`).
 */
export async function* runCompletionStream(
  services: CallServices,
  identity: Identity,
  input: CompletionInput,
  signal: AbortSignal,
): AsyncGenerator<StreamedChunk> {
  const started = performance.now();
  // One gateway connection carries many subscriptions under one signed identity: each stream gets a
  // request id of its own unless the caller names one.
  const ownRequestId = `${identity.requestId.slice(0, 100)}.${randomUUID().slice(0, 8)}`;
  const prepared = prepareCompletion(
    services.adapters,
    input,
    ownRequestId,
    services.config.LLM_DEFAULT_MAX_TOKENS,
  );
  const model = prepared.ok ? prepared.request.model : prepared.model;
  const chunk = (fields: Partial<StreamedChunk>): StreamedChunk => ({
    requestId: prepared.requestId,
    provider: toProviderId(prepared.provider),
    model,
    delta: '',
    done: false,
    ...fields,
  });
  const failed = (failure: LlmFailure) =>
    chunk({ done: true, finishReason: null, error: toLlmError(failure) });
  if (!prepared.ok) {
    const failure: LlmFailure = { code: 'INVALID_REQUEST', message: prepared.problems.join('; ') };
    await recordRejection(services, identity, {
      requestId: prepared.requestId,
      provider: prepared.provider,
      model,
      operation: 'stream',
      failure,
      started,
    });
    yield failed(failure);
    return;
  }
  const { adapter, request } = prepared;
  const opened = await openCall(services, identity, {
    requestId: prepared.requestId,
    operation: 'stream',
    fallbackFrom: null,
    provider: adapter.provider,
    model,
    promptTokensEstimate: estimatePromptTokens(request),
    maxTokens: request.maxTokens,
    signal,
  });
  if (!opened.ok) {
    yield failed(opened.failure);
    return;
  }
  const { open } = opened;
  let end: Extract<StreamEvent, { kind: 'end' }> | undefined;
  let failure: LlmFailure | undefined;
  try {
    for await (const event of adapter.stream({ ...request, maxTokens: open.maxTokens }, open.call)) {
      if (event.kind === 'delta') yield chunk({ delta: event.text });
      else end = event;
    }
  } catch (error) {
    failure = toProviderFailure(adapter.provider, error, {
      secrets: [open.call.apiKey],
      keySource: open.keySource,
      signal,
    });
    if (!failure.cancelled && error instanceof Error && /stream ended without/.test(error.message)) {
      // A stream cut without its terminal event is a provider error, not a short success.
      failure = {
        code: 'PROVIDER_API_ERROR',
        message: `The ${adapter.provider} stream broke off before it finished.`,
      };
    }
  } finally {
    // Runs on a normal end, a failure, and when the subscriber leaves mid-stream (return()).
    if (end === undefined && failure === undefined) {
      failure = { code: 'PROVIDER_UNAVAILABLE', message: 'The stream was cancelled.', cancelled: true };
    }
    closeCall(services, open, { usage: end?.usage ?? NO_USAGE, failure });
  }
  if (end) {
    yield chunk({
      done: true,
      finishReason: end.finishReason,
      usage: end.usage,
      responseId: end.id,
      providerFinishReason: end.providerFinishReason,
    });
  } else if (failure && !failure.cancelled) {
    yield failed(failure);
  }
}
