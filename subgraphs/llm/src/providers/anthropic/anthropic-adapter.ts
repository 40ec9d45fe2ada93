import Anthropic from '@anthropic-ai/sdk';
import type { MessageCreateParamsBase } from '@anthropic-ai/sdk/resources/messages/messages';
import { breakerHeaders } from '../breaker-headers.ts';
import { validateCommon } from '../common-validation.ts';
import { anthropicFinishReason } from '../finish-reason.ts';
import type {
  CompletionRequest,
  LlmAdapter,
  ProviderCall,
  StreamEvent,
  TokenCounts,
} from '../llm-adapter.ts';

export interface AnthropicAdapterOptions {
  /** `ANTHROPIC_BASE_URL`. @default https://api.anthropic.com */
  baseUrl?: string | undefined;
  fetch: typeof fetch;
}

// Anthropic caps temperature at 1.0 and, unlike OpenAI, requires max_tokens; it takes many stop sequences.
const limits = { name: 'Claude', maxTemperature: 1, maxStopSequences: 64, requiresMaxTokens: true };

/** Maps our request to the Messages API: the system prompt is a top-level field, not a message. */
export function toAnthropicParams(request: CompletionRequest): MessageCreateParamsBase {
  return {
    ...request.extra,
    model: request.model,
    max_tokens: request.maxTokens ?? 1024,
    messages: [
      ...request.history.map((turn) => ({ role: turn.role, content: turn.content })),
      { role: 'user' as const, content: request.prompt },
    ],
    ...(request.systemPrompt ? { system: request.systemPrompt } : {}),
    ...(request.temperature === undefined ? {} : { temperature: request.temperature }),
    ...(request.topP === undefined ? {} : { top_p: request.topP }),
    ...(request.stopSequences.length === 0 ? {} : { stop_sequences: [...request.stopSequences] }),
  };
}

/** Anthropic has no total; cache reads and writes are input too. */
export function anthropicUsage(usage: {
  input_tokens: number;
  output_tokens: number;
  cache_creation_input_tokens?: number | null;
  cache_read_input_tokens?: number | null;
}): TokenCounts {
  const promptTokens =
    usage.input_tokens + (usage.cache_creation_input_tokens ?? 0) + (usage.cache_read_input_tokens ?? 0);
  return {
    promptTokens,
    completionTokens: usage.output_tokens,
    totalTokens: promptTokens + usage.output_tokens,
  };
}

/** Anthropic Messages through `@anthropic-ai/sdk`. */
export function createAnthropicAdapter(options: AnthropicAdapterOptions): LlmAdapter {
  const base = new Anthropic({
    apiKey: 'set-per-call',
    authToken: null,
    baseURL: options.baseUrl ?? 'https://api.anthropic.com',
    fetch: options.fetch,
    maxRetries: 0,
  });
  const clientFor = (call: ProviderCall) =>
    base.withOptions({ apiKey: call.apiKey, defaultHeaders: breakerHeaders(call) });

  return {
    provider: 'anthropic',
    defaultChatModel: 'claude-haiku-4-5',
    defaultEmbeddingModel: undefined,
    allowedExtras: new Set(['top_k', 'metadata', 'service_tier']),
    validate(request) {
      const problems = validateCommon(request, limits);
      if (request.temperature !== undefined && request.topP !== undefined) {
        // Newer Claude models refuse both at once; say so before spending a call.
        problems.push('Claude accepts temperature or topP, not both');
      }
      return problems;
    },

    async complete(request, call) {
      const message = await clientFor(call).messages.create(
        { ...toAnthropicParams(request), stream: false },
        { signal: call.signal },
      );
      const text = message.content.map((block) => (block.type === 'text' ? block.text : '')).join('');
      return {
        id: message.id,
        model: message.model,
        text,
        finishReason: anthropicFinishReason(message.stop_reason),
        providerFinishReason: message.stop_reason,
        usage: anthropicUsage(message.usage),
      };
    },

    async *stream(request, call): AsyncIterable<StreamEvent> {
      const stream = await clientFor(call).messages.create(
        { ...toAnthropicParams(request), stream: true },
        { signal: call.signal },
      );
      let id = '';
      let input = { input_tokens: 0, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 };
      let outputTokens = 0;
      let stopReason: string | null = null;
      let stopped = false;
      for await (const event of stream) {
        switch (event.type) {
          case 'message_start':
            id = event.message.id;
            input = {
              input_tokens: event.message.usage.input_tokens,
              cache_creation_input_tokens: event.message.usage.cache_creation_input_tokens ?? 0,
              cache_read_input_tokens: event.message.usage.cache_read_input_tokens ?? 0,
            };
            outputTokens = event.message.usage.output_tokens;
            break;
          case 'content_block_delta':
            if (event.delta.type === 'text_delta') yield { kind: 'delta', text: event.delta.text };
            break;
          case 'message_delta':
            stopReason = event.delta.stop_reason ?? stopReason;
            // output_tokens here is cumulative, not an increment.
            outputTokens = event.usage.output_tokens;
            break;
          case 'message_stop':
            stopped = true;
            break;
          default:
            break;
        }
      }
      if (!stopped) throw new Error('the Anthropic stream ended without message_stop');
      yield {
        kind: 'end',
        id,
        finishReason: anthropicFinishReason(stopReason),
        providerFinishReason: stopReason,
        usage: anthropicUsage({ ...input, output_tokens: outputTokens }),
      };
    },

    async verifyKey(call) {
      await clientFor(call).models.list({ limit: 1 }, { signal: call.signal });
    },
  };
}
