import OpenAI from 'openai';
import type { ChatCompletionCreateParamsBase } from 'openai/resources/chat/completions';
import { breakerHeaders } from '../breaker-headers.ts';
import { validateCommon } from '../common-validation.ts';
import { openaiFinishReason } from '../finish-reason.ts';
import type {
  CompletionRequest,
  LlmAdapter,
  ProviderCall,
  StreamEvent,
  TokenCounts,
} from '../llm-adapter.ts';

export interface OpenAiAdapterOptions {
  /** `OPENAI_BASE_URL`; also Ollama, vLLM, LM Studio. @default https://api.openai.com/v1 */
  baseUrl?: string | undefined;
  /** The kit-backed fetch (retries, timeouts, breaker). */
  fetch: typeof fetch;
}

const limits = { name: 'OpenAI', maxTemperature: 2, maxStopSequences: 4, requiresMaxTokens: false };

/** Maps our request to Chat Completions: system first, then the history, then the prompt as the user turn. */
export function toOpenAiParams(request: CompletionRequest): ChatCompletionCreateParamsBase {
  const messages: ChatCompletionCreateParamsBase['messages'] = [];
  if (request.systemPrompt) messages.push({ role: 'system', content: request.systemPrompt });
  for (const turn of request.history) messages.push({ role: turn.role, content: turn.content });
  messages.push({ role: 'user', content: request.prompt });
  return {
    ...request.extra,
    model: request.model,
    messages,
    // `max_tokens` is deprecated for chat models in favour of `max_completion_tokens`.
    ...(request.maxTokens === undefined ? {} : { max_completion_tokens: request.maxTokens }),
    ...(request.temperature === undefined ? {} : { temperature: request.temperature }),
    ...(request.topP === undefined ? {} : { top_p: request.topP }),
    ...(request.stopSequences.length === 0 ? {} : { stop: [...request.stopSequences] }),
  };
}

function usageOf(usage: OpenAI.CompletionUsage | null | undefined): TokenCounts {
  return {
    promptTokens: usage?.prompt_tokens ?? 0,
    completionTokens: usage?.completion_tokens ?? 0,
    totalTokens: usage?.total_tokens ?? 0,
  };
}

/** OpenAI (and OpenAI-compatible servers) through the official `openai` SDK. */
export function createOpenAiAdapter(options: OpenAiAdapterOptions): LlmAdapter {
  const base = new OpenAI({
    apiKey: 'set-per-call',
    // Explicit, so the SDK never falls back to reading OPENAI_BASE_URL from the process env itself.
    baseURL: options.baseUrl ?? 'https://api.openai.com/v1',
    organization: null,
    project: null,
    fetch: options.fetch,
    // The kit's client retries; two retry loops would multiply attempts.
    maxRetries: 0,
  });
  const clientFor = (call: ProviderCall) =>
    base.withOptions({ apiKey: call.apiKey, defaultHeaders: breakerHeaders(call) });
  // Per-call options on the one client: the key travels as this request's header (which the SDK puts
  // last, over its own), since `withOptions` builds a whole client per call, measured at a tenth of a
  // millisecond of CPU on each request.
  const per = (call: ProviderCall) => ({
    signal: call.signal,
    headers: { Authorization: `Bearer ${call.apiKey}`, ...breakerHeaders(call) },
  });

  return {
    provider: 'openai',
    defaultChatModel: 'gpt-4o-mini',
    defaultEmbeddingModel: 'text-embedding-3-small',
    allowedExtras: new Set([
      'presence_penalty',
      'frequency_penalty',
      'seed',
      'logit_bias',
      'response_format',
      'reasoning_effort',
      'service_tier',
    ]),
    validate: (request) => validateCommon(request, limits),

    async complete(request, call) {
      const completion = await base.chat.completions.create(
        { ...toOpenAiParams(request), stream: false },
        per(call),
      );
      const choice = completion.choices[0];
      return {
        id: completion.id,
        model: completion.model,
        text: choice?.message.content ?? choice?.message.refusal ?? '',
        finishReason: openaiFinishReason(choice?.finish_reason),
        providerFinishReason: choice?.finish_reason ?? null,
        usage: usageOf(completion.usage),
      };
    },

    async *stream(request, call): AsyncIterable<StreamEvent> {
      const stream = await base.chat.completions.create(
        { ...toOpenAiParams(request), stream: true, stream_options: { include_usage: true } },
        per(call),
      );
      let id = '';
      let finish: string | null = null;
      let usage: TokenCounts | undefined;
      for await (const chunk of stream) {
        id = chunk.id;
        const choice = chunk.choices[0];
        if (choice?.delta.content) yield { kind: 'delta', text: choice.delta.content };
        if (choice?.finish_reason) finish = choice.finish_reason;
        if (chunk.usage) usage = usageOf(chunk.usage);
      }
      // A stream cut before its usage chunk looks like success but is not.
      if (finish === null || usage === undefined)
        throw new Error('the OpenAI stream ended without a finish reason and usage');
      yield {
        kind: 'end',
        id,
        finishReason: openaiFinishReason(finish),
        providerFinishReason: finish,
        usage,
      };
    },

    async embed(request, call) {
      const response = await base.embeddings.create(
        {
          model: request.model,
          input: [...request.input],
          ...(request.dimensions === undefined ? {} : { dimensions: request.dimensions }),
        },
        per(call),
      );
      return {
        model: response.model,
        vectors: [...response.data].sort((a, b) => a.index - b.index).map((item) => item.embedding),
        usage: {
          promptTokens: response.usage.prompt_tokens,
          completionTokens: 0,
          totalTokens: response.usage.total_tokens,
        },
      };
    },

    async verifyKey(call) {
      await clientFor(call).models.list({ signal: call.signal });
    },
  };
}
