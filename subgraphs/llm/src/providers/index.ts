export { createAnthropicAdapter } from './anthropic/anthropic-adapter.ts';
export { classifyLlmResponse } from './classify-llm-response.ts';
export { estimatePromptTokens, estimateTokens } from './estimate-tokens.ts';
export { createGeminiAdapter } from './gemini/gemini-adapter.ts';
export type {
  ChatTurn,
  CompletionAnswer,
  CompletionRequest,
  EmbeddingAnswer,
  EmbeddingRequest,
  FinishReason,
  LlmAdapter,
  ProviderCall,
  StreamEvent,
  TokenCounts,
} from './llm-adapter.ts';
export { createOpenAiAdapter } from './openai/openai-adapter.ts';
export type { ModelPrice } from './price-table.ts';
export { estimateCostNanoUsd, NANO_PER_USD, priceOf } from './price-table.ts';
export { centralKeyModels, providerCatalog } from './provider-catalog.ts';
export type { LlmErrorCode, LlmFailure, RawProviderError } from './provider-failure.ts';
export { toProviderFailure } from './provider-failure.ts';
export { redact } from './redact.ts';
export { createSdkFetch } from './sdk-fetch.ts';
export type { StoredProvider } from './stored-provider.ts';
export { toProviderId, toStoredProvider } from './stored-provider.ts';
