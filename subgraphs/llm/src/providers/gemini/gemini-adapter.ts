import { type GenerateContentConfig, type GenerateContentParameters, GoogleGenAI } from '@google/genai';
import { breakerHeaders } from '../breaker-headers.ts';
import { validateCommon } from '../common-validation.ts';
import { estimateTokens } from '../estimate-tokens.ts';
import { geminiFinishReason } from '../finish-reason.ts';
import type {
  CompletionRequest,
  LlmAdapter,
  ProviderCall,
  StreamEvent,
  TokenCounts,
} from '../llm-adapter.ts';

export interface GeminiAdapterOptions {
  /** `GEMINI_BASE_URL`. @default https://generativelanguage.googleapis.com */
  baseUrl?: string | undefined;
  fetch: typeof fetch;
}

const limits = { name: 'Gemini', maxTemperature: 2, maxStopSequences: 5, requiresMaxTokens: false };

/** Maps our request to generateContent: roles are user/model and the system prompt is `systemInstruction`. */
export function toGeminiParams(request: CompletionRequest): GenerateContentParameters {
  const config: GenerateContentConfig = {
    ...(request.extra as GenerateContentConfig),
    ...(request.systemPrompt ? { systemInstruction: request.systemPrompt } : {}),
    ...(request.maxTokens === undefined ? {} : { maxOutputTokens: request.maxTokens }),
    ...(request.temperature === undefined ? {} : { temperature: request.temperature }),
    ...(request.topP === undefined ? {} : { topP: request.topP }),
    ...(request.stopSequences.length === 0 ? {} : { stopSequences: [...request.stopSequences] }),
  };
  return {
    model: request.model,
    contents: [
      ...request.history.map((turn) => ({
        role: turn.role === 'assistant' ? 'model' : 'user',
        parts: [{ text: turn.content }],
      })),
      { role: 'user', parts: [{ text: request.prompt }] },
    ],
    config,
  };
}

interface UsageMetadata {
  promptTokenCount?: number | undefined;
  candidatesTokenCount?: number | undefined;
  totalTokenCount?: number | undefined;
}

/** Gemini's total may exceed prompt + candidates (thoughts, tool use): take it as given. */
export function geminiUsage(usage: UsageMetadata | undefined): TokenCounts {
  const promptTokens = usage?.promptTokenCount ?? 0;
  const completionTokens = usage?.candidatesTokenCount ?? 0;
  return {
    promptTokens,
    completionTokens,
    totalTokens: usage?.totalTokenCount ?? promptTokens + completionTokens,
  };
}

/** Gemini (Generative Language API) through `@google/genai`. */
export function createGeminiAdapter(options: GeminiAdapterOptions): LlmAdapter {
  // The key belongs to the client in this SDK, so a client is made per call and dropped with it.
  const clientFor = (call: ProviderCall) =>
    new GoogleGenAI({
      vertexai: false,
      apiKey: call.apiKey,
      httpOptions: {
        ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
        fetch: options.fetch,
        retryOptions: { attempts: 1 },
        headers: breakerHeaders(call),
      },
    });

  return {
    provider: 'gemini',
    defaultChatModel: 'gemini-2.5-flash',
    defaultEmbeddingModel: 'gemini-embedding-001',
    allowedExtras: new Set([
      'topK',
      'seed',
      'presencePenalty',
      'frequencyPenalty',
      'responseMimeType',
      'safetySettings',
    ]),
    validate: (request) => validateCommon(request, limits),

    async complete(request, call) {
      const params = toGeminiParams(request);
      const response = await clientFor(call).models.generateContent({
        ...params,
        config: { ...params.config, abortSignal: call.signal },
      });
      const candidate = response.candidates?.[0];
      const text = (candidate?.content?.parts ?? []).map((part) => part.text ?? '').join('');
      const reason = candidate?.finishReason ?? null;
      return {
        id: response.responseId ?? '',
        model: response.modelVersion ?? request.model,
        text,
        finishReason: geminiFinishReason(reason),
        providerFinishReason: reason,
        usage: geminiUsage(response.usageMetadata),
      };
    },

    async *stream(request, call): AsyncIterable<StreamEvent> {
      const params = toGeminiParams(request);
      const stream = await clientFor(call).models.generateContentStream({
        ...params,
        config: { ...params.config, abortSignal: call.signal },
      });
      let id = '';
      let reason: string | null = null;
      let usage: UsageMetadata | undefined;
      for await (const chunk of stream) {
        id = chunk.responseId ?? id;
        const candidate = chunk.candidates?.[0];
        const text = (candidate?.content?.parts ?? []).map((part) => part.text ?? '').join('');
        if (text) yield { kind: 'delta', text };
        if (candidate?.finishReason) reason = candidate.finishReason;
        if (chunk.usageMetadata) usage = chunk.usageMetadata;
      }
      // Gemini has no terminator: a stream without a finish reason was cut.
      if (reason === null) throw new Error('the Gemini stream ended without a finish reason');
      yield {
        kind: 'end',
        id,
        finishReason: geminiFinishReason(reason),
        providerFinishReason: reason,
        usage: geminiUsage(usage),
      };
    },

    async embed(request, call) {
      const response = await clientFor(call).models.embedContent({
        model: request.model,
        contents: [...request.input],
        config: {
          abortSignal: call.signal,
          ...(request.dimensions === undefined ? {} : { outputDimensionality: request.dimensions }),
        },
      });
      // batchEmbedContents reports no usage; the ledger gets our estimate of the input.
      const promptTokens = request.input.reduce((sum, text) => sum + estimateTokens(text), 0);
      return {
        model: request.model,
        vectors: (response.embeddings ?? []).map((embedding) => embedding.values ?? []),
        usage: { promptTokens, completionTokens: 0, totalTokens: promptTokens },
      };
    },

    async verifyKey(call) {
      await clientFor(call).models.get({ model: 'gemini-2.5-flash', config: { abortSignal: call.signal } });
    },
  };
}
