import type { StoredProvider } from './stored-provider.ts';

/** One earlier turn of the conversation. */
export interface ChatTurn {
  role: 'user' | 'assistant';
  content: string;
}

/** A completion request after the GraphQL input is read, before any provider's vocabulary. */
export interface CompletionRequest {
  model: string;
  prompt: string;
  systemPrompt?: string | undefined;
  history: readonly ChatTurn[];
  maxTokens?: number | undefined;
  temperature?: number | undefined;
  topP?: number | undefined;
  stopSequences: readonly string[];
  /** Provider-specific parameters, already parsed from JSON and allowed by the adapter. */
  extra: Readonly<Record<string, unknown>>;
}

export interface TokenCounts {
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
}

/** The usage of a call that produced nothing. */
export const NO_USAGE: TokenCounts = { promptTokens: 0, completionTokens: 0, totalTokens: 0 };

/** Our finish reasons (spec 1.3's vocabulary). */
export type FinishReason = 'stop' | 'length' | 'content_filter' | 'tool_calls' | 'other';

export interface CompletionAnswer {
  id: string;
  model: string;
  text: string;
  finishReason: FinishReason;
  providerFinishReason: string | null;
  usage: TokenCounts;
}

/** What a streamed completion yields: text deltas, then exactly one `end`. */
export type StreamEvent =
  | { kind: 'delta'; text: string }
  | {
      kind: 'end';
      id: string;
      finishReason: FinishReason;
      providerFinishReason: string | null;
      usage: TokenCounts;
    };

export interface EmbeddingRequest {
  model: string;
  input: readonly string[];
  dimensions?: number | undefined;
}

export interface EmbeddingAnswer {
  model: string;
  vectors: number[][];
  usage: TokenCounts;
}

/** The credentials and cancellation of one call; the key lives no longer than the call. */
export interface ProviderCall {
  apiKey: string;
  signal: AbortSignal;
  /** Whose key `apiKey` is: IONFLUX's (central) or the workspace's own. Picks the call's breakers. */
  keySource: 'central' | 'workspace';
  /** The workspace the call is made for. */
  workspaceId: string;
}

/**
 * What each provider implements, so orchestration (keys, quotas, ledger, fallback, streaming) is
 * written once. Adapters map our request to the provider's wire format and back, and throw the SDK's
 * errors unchanged: {@link toProviderFailure} reads them.
 */
export interface LlmAdapter {
  readonly provider: StoredProvider;
  readonly defaultChatModel: string;
  readonly defaultEmbeddingModel: string | undefined;
  /** Extra parameter names passed through to the provider as is. */
  readonly allowedExtras: ReadonlySet<string>;
  /** The provider's own rules, checked before any call; each problem is one readable sentence. */
  validate(request: CompletionRequest): string[];
  complete(request: CompletionRequest, call: ProviderCall): Promise<CompletionAnswer>;
  stream(request: CompletionRequest, call: ProviderCall): AsyncIterable<StreamEvent>;
  /** Absent when the provider has no embeddings API (Anthropic). */
  embed?: (request: EmbeddingRequest, call: ProviderCall) => Promise<EmbeddingAnswer>;
  /** The cheapest authenticated call (listing models): resolves when the provider accepts the key. */
  verifyKey(call: ProviderCall): Promise<void>;
}
