import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { LlmContext } from '../context.ts';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An ISO-8601 date-time with offset, e.g. 2026-11-25T09:44:38.000Z. */
  DateTime: { input: Date | string; output: Date | string; }
  _FieldSet: { input: string; output: string; }
};

export type ChatMessageInput = {
  content: Scalars['String']['input'];
  role: ChatRole;
};

/** Who said a message of the conversation history. */
export type ChatRole =
  | 'ASSISTANT'
  | 'USER';

export type CompletionChoice = {
  __typename?: 'CompletionChoice';
  /** Normalised: stop, length, content_filter, tool_calls or other. */
  finishReason: Scalars['String']['output'];
  index: Scalars['Int']['output'];
  /** The provider's own stop reason, e.g. end_turn, MAX_TOKENS. */
  providerFinishReason?: Maybe<Scalars['String']['output']>;
  text: Scalars['String']['output'];
};

/** One piece of a streamed completion; the last one has `done`, the finish reason and usage. */
export type CompletionChunk = {
  __typename?: 'CompletionChunk';
  /** Text generated since the previous chunk. */
  delta: Scalars['String']['output'];
  done: Scalars['Boolean']['output'];
  error?: Maybe<LlmError>;
  finishReason?: Maybe<Scalars['String']['output']>;
  model: Scalars['String']['output'];
  provider: LlmProviderId;
  requestId: Scalars['String']['output'];
  usage?: Maybe<TokenUsage>;
};

/** The request of spec 1.3. The user and workspace come from the caller's identity, never from input. */
export type CompletionInput = {
  /** Earlier turns, oldest first. */
  history?: InputMaybe<Array<ChatMessageInput>>;
  /**
   * The provider's model id; the provider's default chat model when omitted. With IONFLUX's own key only
   * the models llmProviders lists (others are refused with INVALID_REQUEST); with the workspace's own key,
   * any.
   */
  model?: InputMaybe<Scalars['String']['input']>;
  parameters?: InputMaybe<CompletionParametersInput>;
  prompt: Scalars['String']['input'];
  /** @default OPENAI (spec 1.1's primary). */
  provider?: InputMaybe<LlmProviderId>;
  /** Mirrored in the response and ledger; the gateway's request id when omitted. */
  requestId?: InputMaybe<Scalars['String']['input']>;
  systemPrompt?: InputMaybe<Scalars['String']['input']>;
};

export type CompletionParametersInput = {
  extra?: InputMaybe<Array<ProviderParameterInput>>;
  /**
   * Most tokens to generate. When none is given (on any provider, Claude included), the model's default is
   * sent: LLM_DEFAULT_MAX_TOKENS (1024), lowered to the model's own output cap from the catalog; the
   * workspace quota and the platform budget reserve that limit as the call's worst case.
   */
  maxTokens?: InputMaybe<Scalars['Int']['input']>;
  /** Where generation stops. OpenAI accepts at most 4. */
  stopSequences?: InputMaybe<Array<Scalars['String']['input']>>;
  /** 0.0-2.0 (Claude accepts 0.0-1.0). */
  temperature?: InputMaybe<Scalars['Float']['input']>;
  /** 0.0-1.0. */
  topP?: InputMaybe<Scalars['Float']['input']>;
};

/** The response envelope of spec 1.3: `providerResponse` on success, `error` otherwise. */
export type CompletionResult = {
  __typename?: 'CompletionResult';
  error?: Maybe<LlmError>;
  /** Whether the workspace's fallback provider served this request after the first one failed. */
  fallbackUsed: Scalars['Boolean']['output'];
  model: Scalars['String']['output'];
  /** The provider that answered (the fallback's when the workspace fallback served the request). */
  provider: LlmProviderId;
  providerResponse?: Maybe<ProviderResponse>;
  requestId: Scalars['String']['output'];
  status: LlmResultStatus;
};

export type Embedding = {
  __typename?: 'Embedding';
  index: Scalars['Int']['output'];
  vector: Array<Scalars['Float']['output']>;
};

export type EmbeddingInput = {
  /** Fewer dimensions than the model's default, where the model allows it. */
  dimensions?: InputMaybe<Scalars['Int']['input']>;
  input: Array<Scalars['String']['input']>;
  model?: InputMaybe<Scalars['String']['input']>;
  /** OPENAI or GEMINI. @default OPENAI */
  provider?: InputMaybe<LlmProviderId>;
  requestId?: InputMaybe<Scalars['String']['input']>;
};

export type EmbeddingResult = {
  __typename?: 'EmbeddingResult';
  embeddings?: Maybe<Array<Embedding>>;
  error?: Maybe<LlmError>;
  model: Scalars['String']['output'];
  provider: LlmProviderId;
  requestId: Scalars['String']['output'];
  status: LlmResultStatus;
  usage?: Maybe<TokenUsage>;
};

export type LlmCapability =
  | 'CHAT'
  | 'EMBEDDING';

export type LlmError = {
  __typename?: 'LlmError';
  code: LlmErrorCode;
  message: Scalars['String']['output'];
  providerError?: Maybe<ProviderError>;
  /** Seconds to wait before retrying, for RATE_LIMITED and QUOTA_EXCEEDED when known. */
  retryAfterSeconds?: Maybe<Scalars['Int']['output']>;
};

/** The codes a failed LLM request carries (a subset of the system's error codes). */
export type LlmErrorCode =
  | 'INTERNAL'
  | 'INVALID_REQUEST'
  | 'PROVIDER_API_ERROR'
  | 'PROVIDER_UNAVAILABLE'
  | 'QUOTA_EXCEEDED'
  | 'RATE_LIMITED';

/** Where a workspace's requests go when its provider fails (unavailable, rate limited, 5xx). */
export type LlmFallback = {
  __typename?: 'LlmFallback';
  model: Scalars['String']['output'];
  provider: LlmProviderId;
};

export type LlmModel = {
  __typename?: 'LlmModel';
  capabilities: Array<LlmCapability>;
  /** Tokens of context the model accepts. */
  contextWindow?: Maybe<Scalars['Int']['output']>;
  /** The provider's model identifier, e.g. gpt-4o-mini. */
  id: Scalars['ID']['output'];
  /** List price in USD per million input tokens, used for estimated costs. */
  inputPricePerMillionTokens?: Maybe<Scalars['Float']['output']>;
  /** List price in USD per million output tokens. */
  outputPricePerMillionTokens?: Maybe<Scalars['Float']['output']>;
};

export type LlmProvider = {
  __typename?: 'LlmProvider';
  /** IONFLUX's central key for this provider is configured. */
  centralKeyConfigured: Scalars['Boolean']['output'];
  id: LlmProviderId;
  /** The provider requests go to when none is named. */
  isPrimary: Scalars['Boolean']['output'];
  models: Array<LlmModel>;
  name: Scalars['String']['output'];
  /** Whether requests from the caller's workspace can be served: some key is available. */
  usable: Scalars['Boolean']['output'];
  /** The caller's workspace has set its own key, which overrides the central one. */
  workspaceKey?: Maybe<WorkspaceProviderKey>;
};

/** An LLM provider IONFLUX can route to (spec 1.1: OpenAI is the primary). */
export type LlmProviderId =
  | 'CLAUDE'
  | 'GEMINI'
  | 'OPENAI';

/** A workspace's spending limit, enforced before each call by reserving the worst case. */
export type LlmQuota = {
  __typename?: 'LlmQuota';
  maxCostUsd?: Maybe<Scalars['Float']['output']>;
  maxTokens?: Maybe<Scalars['Int']['output']>;
  period: LlmQuotaPeriod;
  periodStart: Scalars['DateTime']['output'];
  reservedCostUsd: Scalars['Float']['output'];
  /** Held by requests in flight. */
  reservedTokens: Scalars['Int']['output'];
  usedCostUsd: Scalars['Float']['output'];
  usedTokens: Scalars['Int']['output'];
};

export type LlmQuotaInput = {
  /** Most estimated spend per period in USD; null for no cost limit. */
  maxCostUsd?: InputMaybe<Scalars['Float']['input']>;
  /** Most tokens per period; null for no token limit. */
  maxTokens?: InputMaybe<Scalars['Int']['input']>;
  period: LlmQuotaPeriod;
};

export type LlmQuotaPeriod =
  | 'DAY'
  | 'MONTH';

export type LlmResultStatus =
  | 'ERROR'
  | 'SUCCESS';

/** One provider/model/user row of the usage report. */
export type LlmUsageGroup = {
  __typename?: 'LlmUsageGroup';
  completionTokens: Scalars['Int']['output'];
  /** Requests that failed, were cancelled, or were interrupted (their process died mid-call). */
  errors: Scalars['Int']['output'];
  /**
   * By the list prices; null when the cost of some of these requests is unknown (a model without a list
   * price, called with the workspace's own key): never guessed.
   */
  estimatedCostUsd?: Maybe<Scalars['Float']['output']>;
  model: Scalars['String']['output'];
  /** Requests whose provider call has not finished yet (their tokens are not counted until it does). */
  pending: Scalars['Int']['output'];
  promptTokens: Scalars['Int']['output'];
  provider: LlmProviderId;
  /** Every ledgered request, those still in flight included. */
  requests: Scalars['Int']['output'];
  totalTokens: Scalars['Int']['output'];
  /** Requests whose cost is unknown (a model without a list price, on the workspace's own key). */
  unpricedRequests: Scalars['Int']['output'];
  userId: Scalars['ID']['output'];
};

export type LlmUsageReport = {
  __typename?: 'LlmUsageReport';
  /** The estimated cost of the requests whose cost is known (see unpricedRequests). */
  estimatedCostUsd: Scalars['Float']['output'];
  from: Scalars['DateTime']['output'];
  groups: Array<LlmUsageGroup>;
  requests: Scalars['Int']['output'];
  to: Scalars['DateTime']['output'];
  totalTokens: Scalars['Int']['output'];
  /** Requests whose cost is unknown (a model without a list price, on the workspace's own key). */
  unpricedRequests: Scalars['Int']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Runs one completion (spec 1.3). Failures are results with a code, not GraphQL errors. */
  createCompletion: CompletionResult;
  /** Embeds texts with OpenAI or Gemini. */
  createEmbedding: EmbeddingResult;
  removeLlmQuota: Scalars['Boolean']['output'];
  /** Deletes the workspace's key; requests use the central key again. False when none was set. */
  removeWorkspaceProviderKey: Scalars['Boolean']['output'];
  /** Sets (or, with no provider, clears) the workspace's fallback provider and model. */
  setLlmFallback?: Maybe<LlmFallback>;
  /** Sets the workspace quota; usage already recorded in the current period counts. */
  setLlmQuota: LlmQuota;
  /** Stores the workspace's own key after the provider accepts it; only its last four characters come back. */
  setWorkspaceProviderKey: WorkspaceProviderKey;
};


export type MutationCreateCompletionArgs = {
  input: CompletionInput;
};


export type MutationCreateEmbeddingArgs = {
  input: EmbeddingInput;
};


export type MutationRemoveWorkspaceProviderKeyArgs = {
  provider: LlmProviderId;
};


export type MutationSetLlmFallbackArgs = {
  model?: InputMaybe<Scalars['String']['input']>;
  provider?: InputMaybe<LlmProviderId>;
};


export type MutationSetLlmQuotaArgs = {
  input: LlmQuotaInput;
};


export type MutationSetWorkspaceProviderKeyArgs = {
  apiKey: Scalars['String']['input'];
  provider: LlmProviderId;
};

/**
 * The provider's own error, with keys redacted. For a call on IONFLUX's own key only `status`, `type` and
 * `code` are given: the provider's message and body describe IONFLUX's account, not the workspace's.
 */
export type ProviderError = {
  __typename?: 'ProviderError';
  code?: Maybe<Scalars['String']['output']>;
  /** The provider's message (calls with the workspace's own key only). */
  message?: Maybe<Scalars['String']['output']>;
  provider: LlmProviderId;
  /** The provider's error body as received (JSON text), keys redacted (calls with the workspace's own key only). */
  raw?: Maybe<Scalars['String']['output']>;
  /** HTTP status the provider answered with; absent for timeouts and connection failures. */
  status?: Maybe<Scalars['Int']['output']>;
  /** The provider's error type or status, e.g. insufficient_quota, authentication_error, RESOURCE_EXHAUSTED. */
  type?: Maybe<Scalars['String']['output']>;
};

/**
 * A provider-specific parameter passed through as is, e.g. `{name: "top_k", value: "40"}` for Claude.
 * Only parameters the provider's adapter allows are accepted; others are refused with INVALID_REQUEST.
 */
export type ProviderParameterInput = {
  /** The provider's own parameter name, e.g. presence_penalty (OpenAI), top_k (Claude), topK (Gemini). */
  name: Scalars['String']['input'];
  /** The value as JSON text, e.g. 0.5, 40, "text". */
  value: Scalars['String']['input'];
};

/** The provider's answer, lightly normalised. */
export type ProviderResponse = {
  __typename?: 'ProviderResponse';
  choices: Array<CompletionChoice>;
  /** The provider's response id. */
  id: Scalars['String']['output'];
  model: Scalars['String']['output'];
  usage: TokenUsage;
};

export type Query = {
  __typename?: 'Query';
  /** The caller's workspace fallback, if one is set. */
  llmFallback?: Maybe<LlmFallback>;
  /** Providers and models, with whether each is usable for the caller's workspace. */
  llmProviders: Array<LlmProvider>;
  /** The caller's workspace quota, if one is set. */
  llmQuota?: Maybe<LlmQuota>;
  /** The caller's workspace usage between two instants, grouped by provider, model and user. */
  llmUsage: LlmUsageReport;
};


export type QueryLlmUsageArgs = {
  from: Scalars['DateTime']['input'];
  to: Scalars['DateTime']['input'];
};

/** A Shopify product (owned by the Shopify subgraph), extended with an LLM-written summary. */
export type ShopifyProduct = {
  __typename?: 'ShopifyProduct';
  /**
   * A short summary written by the workspace's default LLM from the title and description, within the
   * workspace's LLM quota (each summary is one ledgered completion). `style`: e.g. "playful", "for a tweet".
   * Null when the product has neither text; a refused completion is an error on this field only. One request
   * makes at most LLM_MAX_CALLS_PER_REQUEST LLM calls (50 by default): the summaries past it are
   * INVALID_REQUEST errors on their fields.
   */
  aiSummary?: Maybe<Scalars['String']['output']>;
  description?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  title: Scalars['String']['output'];
};


/** A Shopify product (owned by the Shopify subgraph), extended with an LLM-written summary. */
export type ShopifyProductAiSummaryArgs = {
  style?: InputMaybe<Scalars['String']['input']>;
};

export type Subscription = {
  __typename?: 'Subscription';
  /** Streams a completion: text deltas, then a final chunk with finish reason and usage. */
  completionStream: CompletionChunk;
};


export type SubscriptionCompletionStreamArgs = {
  input: CompletionInput;
};

/**
 * A TikTok video of a connected account (owned by the TikTok subgraph); the LLM subgraph writes caption ideas
 * from its title and description.
 */
export type TikTokVideo = {
  __typename?: 'TikTokVideo';
  /**
   * Up to count (1-10) caption ideas for reposting or promoting the video, written by the workspace's default
   * LLM from its title and description in one completion, one idea per line of the answer (fewer when the
   * model writes fewer). tone: e.g. "playful", "for Gen Z" (80 characters kept). Empty when the video has
   * neither text. Counts against the workspace's LLM quota and ledger; one request makes at most
   * LLM_MAX_CALLS_PER_REQUEST LLM calls (50 by default): videos past it get INVALID_REQUEST errors on this
   * field only. Nullable so that a refused completion (quota, cap, provider down) is null with an error on
   * this video's field, and the page with its TikTok fields still answers.
   */
  captionIdeas?: Maybe<Array<Scalars['String']['output']>>;
  description?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  title?: Maybe<Scalars['String']['output']>;
};


/**
 * A TikTok video of a connected account (owned by the TikTok subgraph); the LLM subgraph writes caption ideas
 * from its title and description.
 */
export type TikTokVideoCaptionIdeasArgs = {
  count?: InputMaybe<Scalars['Int']['input']>;
  tone?: InputMaybe<Scalars['String']['input']>;
};

export type TokenUsage = {
  __typename?: 'TokenUsage';
  completionTokens: Scalars['Int']['output'];
  promptTokens: Scalars['Int']['output'];
  totalTokens: Scalars['Int']['output'];
};

/** The workspace's own key for a provider; only its last four characters are ever shown. */
export type WorkspaceProviderKey = {
  __typename?: 'WorkspaceProviderKey';
  lastFour: Scalars['String']['output'];
  provider: LlmProviderId;
  updatedAt: Scalars['DateTime']['output'];
};



export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = {
  ShopifyProduct: ShopifyProduct;
  TikTokVideo: TikTokVideo;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  ShopifyProduct:
    ( { __typename: 'ShopifyProduct' }
    & GraphQLRecursivePick<FederationTypes['ShopifyProduct'], {"id":true}>
    & ( Record<PropertyKey, never>
        | GraphQLRecursivePick<FederationTypes['ShopifyProduct'], {"title":true,"description":true}> ) );
  TikTokVideo:
    ( { __typename: 'TikTokVideo' }
    & GraphQLRecursivePick<FederationTypes['TikTokVideo'], {"id":true}>
    & ( Record<PropertyKey, never>
        | GraphQLRecursivePick<FederationTypes['TikTokVideo'], {"title":true,"description":true}> ) );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  ChatMessageInput: ChatMessageInput;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  ChatRole: ChatRole;
  CompletionChoice: ResolverTypeWrapper<CompletionChoice>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  CompletionChunk: ResolverTypeWrapper<CompletionChunk>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  CompletionInput: CompletionInput;
  CompletionParametersInput: CompletionParametersInput;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  CompletionResult: ResolverTypeWrapper<CompletionResult>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Embedding: ResolverTypeWrapper<Embedding>;
  EmbeddingInput: EmbeddingInput;
  EmbeddingResult: ResolverTypeWrapper<EmbeddingResult>;
  LlmCapability: LlmCapability;
  LlmError: ResolverTypeWrapper<LlmError>;
  LlmErrorCode: LlmErrorCode;
  LlmFallback: ResolverTypeWrapper<LlmFallback>;
  LlmModel: ResolverTypeWrapper<LlmModel>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  LlmProvider: ResolverTypeWrapper<LlmProvider>;
  LlmProviderId: LlmProviderId;
  LlmQuota: ResolverTypeWrapper<LlmQuota>;
  LlmQuotaInput: LlmQuotaInput;
  LlmQuotaPeriod: LlmQuotaPeriod;
  LlmResultStatus: LlmResultStatus;
  LlmUsageGroup: ResolverTypeWrapper<LlmUsageGroup>;
  LlmUsageReport: ResolverTypeWrapper<LlmUsageReport>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  ProviderError: ResolverTypeWrapper<ProviderError>;
  ProviderParameterInput: ProviderParameterInput;
  ProviderResponse: ResolverTypeWrapper<ProviderResponse>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  ShopifyProduct: ResolverTypeWrapper<ShopifyProduct>;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  TikTokVideo: ResolverTypeWrapper<TikTokVideo>;
  TokenUsage: ResolverTypeWrapper<TokenUsage>;
  WorkspaceProviderKey: ResolverTypeWrapper<WorkspaceProviderKey>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  ChatMessageInput: ChatMessageInput;
  String: Scalars['String']['output'];
  CompletionChoice: CompletionChoice;
  Int: Scalars['Int']['output'];
  CompletionChunk: CompletionChunk;
  Boolean: Scalars['Boolean']['output'];
  CompletionInput: CompletionInput;
  CompletionParametersInput: CompletionParametersInput;
  Float: Scalars['Float']['output'];
  CompletionResult: CompletionResult;
  DateTime: Scalars['DateTime']['output'];
  Embedding: Embedding;
  EmbeddingInput: EmbeddingInput;
  EmbeddingResult: EmbeddingResult;
  LlmError: LlmError;
  LlmFallback: LlmFallback;
  LlmModel: LlmModel;
  ID: Scalars['ID']['output'];
  LlmProvider: LlmProvider;
  LlmQuota: LlmQuota;
  LlmQuotaInput: LlmQuotaInput;
  LlmUsageGroup: LlmUsageGroup;
  LlmUsageReport: LlmUsageReport;
  Mutation: Record<PropertyKey, never>;
  ProviderError: ProviderError;
  ProviderParameterInput: ProviderParameterInput;
  ProviderResponse: ProviderResponse;
  Query: Record<PropertyKey, never>;
  ShopifyProduct: ShopifyProduct | FederationReferenceTypes['ShopifyProduct'];
  Subscription: Record<PropertyKey, never>;
  TikTokVideo: TikTokVideo | FederationReferenceTypes['TikTokVideo'];
  TokenUsage: TokenUsage;
  WorkspaceProviderKey: WorkspaceProviderKey;
};

export type CompletionChoiceResolvers<ContextType = LlmContext, ParentType extends ResolversParentTypes['CompletionChoice'] = ResolversParentTypes['CompletionChoice']> = {
  finishReason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  index?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  providerFinishReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type CompletionChunkResolvers<ContextType = LlmContext, ParentType extends ResolversParentTypes['CompletionChunk'] = ResolversParentTypes['CompletionChunk']> = {
  delta?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  done?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['LlmError']>, ParentType, ContextType>;
  finishReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  model?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  provider?: Resolver<ResolversTypes['LlmProviderId'], ParentType, ContextType>;
  requestId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  usage?: Resolver<Maybe<ResolversTypes['TokenUsage']>, ParentType, ContextType>;
};

export type CompletionResultResolvers<ContextType = LlmContext, ParentType extends ResolversParentTypes['CompletionResult'] = ResolversParentTypes['CompletionResult']> = {
  error?: Resolver<Maybe<ResolversTypes['LlmError']>, ParentType, ContextType>;
  fallbackUsed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  model?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  provider?: Resolver<ResolversTypes['LlmProviderId'], ParentType, ContextType>;
  providerResponse?: Resolver<Maybe<ResolversTypes['ProviderResponse']>, ParentType, ContextType>;
  requestId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['LlmResultStatus'], ParentType, ContextType>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type EmbeddingResolvers<ContextType = LlmContext, ParentType extends ResolversParentTypes['Embedding'] = ResolversParentTypes['Embedding']> = {
  index?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  vector?: Resolver<Array<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type EmbeddingResultResolvers<ContextType = LlmContext, ParentType extends ResolversParentTypes['EmbeddingResult'] = ResolversParentTypes['EmbeddingResult']> = {
  embeddings?: Resolver<Maybe<Array<ResolversTypes['Embedding']>>, ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['LlmError']>, ParentType, ContextType>;
  model?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  provider?: Resolver<ResolversTypes['LlmProviderId'], ParentType, ContextType>;
  requestId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['LlmResultStatus'], ParentType, ContextType>;
  usage?: Resolver<Maybe<ResolversTypes['TokenUsage']>, ParentType, ContextType>;
};

export type LlmErrorResolvers<ContextType = LlmContext, ParentType extends ResolversParentTypes['LlmError'] = ResolversParentTypes['LlmError']> = {
  code?: Resolver<ResolversTypes['LlmErrorCode'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  providerError?: Resolver<Maybe<ResolversTypes['ProviderError']>, ParentType, ContextType>;
  retryAfterSeconds?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type LlmFallbackResolvers<ContextType = LlmContext, ParentType extends ResolversParentTypes['LlmFallback'] = ResolversParentTypes['LlmFallback']> = {
  model?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  provider?: Resolver<ResolversTypes['LlmProviderId'], ParentType, ContextType>;
};

export type LlmModelResolvers<ContextType = LlmContext, ParentType extends ResolversParentTypes['LlmModel'] = ResolversParentTypes['LlmModel']> = {
  capabilities?: Resolver<Array<ResolversTypes['LlmCapability']>, ParentType, ContextType>;
  contextWindow?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  inputPricePerMillionTokens?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  outputPricePerMillionTokens?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type LlmProviderResolvers<ContextType = LlmContext, ParentType extends ResolversParentTypes['LlmProvider'] = ResolversParentTypes['LlmProvider']> = {
  centralKeyConfigured?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['LlmProviderId'], ParentType, ContextType>;
  isPrimary?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  models?: Resolver<Array<ResolversTypes['LlmModel']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  usable?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  workspaceKey?: Resolver<Maybe<ResolversTypes['WorkspaceProviderKey']>, ParentType, ContextType>;
};

export type LlmQuotaResolvers<ContextType = LlmContext, ParentType extends ResolversParentTypes['LlmQuota'] = ResolversParentTypes['LlmQuota']> = {
  maxCostUsd?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  maxTokens?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  period?: Resolver<ResolversTypes['LlmQuotaPeriod'], ParentType, ContextType>;
  periodStart?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  reservedCostUsd?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  reservedTokens?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  usedCostUsd?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  usedTokens?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type LlmUsageGroupResolvers<ContextType = LlmContext, ParentType extends ResolversParentTypes['LlmUsageGroup'] = ResolversParentTypes['LlmUsageGroup']> = {
  completionTokens?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  errors?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  estimatedCostUsd?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  model?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  pending?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  promptTokens?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  provider?: Resolver<ResolversTypes['LlmProviderId'], ParentType, ContextType>;
  requests?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  totalTokens?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  unpricedRequests?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  userId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type LlmUsageReportResolvers<ContextType = LlmContext, ParentType extends ResolversParentTypes['LlmUsageReport'] = ResolversParentTypes['LlmUsageReport']> = {
  estimatedCostUsd?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  from?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  groups?: Resolver<Array<ResolversTypes['LlmUsageGroup']>, ParentType, ContextType>;
  requests?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  to?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  totalTokens?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  unpricedRequests?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = LlmContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  createCompletion?: Resolver<ResolversTypes['CompletionResult'], ParentType, ContextType, RequireFields<MutationCreateCompletionArgs, 'input'>>;
  createEmbedding?: Resolver<ResolversTypes['EmbeddingResult'], ParentType, ContextType, RequireFields<MutationCreateEmbeddingArgs, 'input'>>;
  removeLlmQuota?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  removeWorkspaceProviderKey?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationRemoveWorkspaceProviderKeyArgs, 'provider'>>;
  setLlmFallback?: Resolver<Maybe<ResolversTypes['LlmFallback']>, ParentType, ContextType, Partial<MutationSetLlmFallbackArgs>>;
  setLlmQuota?: Resolver<ResolversTypes['LlmQuota'], ParentType, ContextType, RequireFields<MutationSetLlmQuotaArgs, 'input'>>;
  setWorkspaceProviderKey?: Resolver<ResolversTypes['WorkspaceProviderKey'], ParentType, ContextType, RequireFields<MutationSetWorkspaceProviderKeyArgs, 'apiKey' | 'provider'>>;
};

export type ProviderErrorResolvers<ContextType = LlmContext, ParentType extends ResolversParentTypes['ProviderError'] = ResolversParentTypes['ProviderError']> = {
  code?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  message?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  provider?: Resolver<ResolversTypes['LlmProviderId'], ParentType, ContextType>;
  raw?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  type?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ProviderResponseResolvers<ContextType = LlmContext, ParentType extends ResolversParentTypes['ProviderResponse'] = ResolversParentTypes['ProviderResponse']> = {
  choices?: Resolver<Array<ResolversTypes['CompletionChoice']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  model?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  usage?: Resolver<ResolversTypes['TokenUsage'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = LlmContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  llmFallback?: Resolver<Maybe<ResolversTypes['LlmFallback']>, ParentType, ContextType>;
  llmProviders?: Resolver<Array<ResolversTypes['LlmProvider']>, ParentType, ContextType>;
  llmQuota?: Resolver<Maybe<ResolversTypes['LlmQuota']>, ParentType, ContextType>;
  llmUsage?: Resolver<ResolversTypes['LlmUsageReport'], ParentType, ContextType, RequireFields<QueryLlmUsageArgs, 'from' | 'to'>>;
};

export type ShopifyProductResolvers<ContextType = LlmContext, ParentType extends ResolversParentTypes['ShopifyProduct'] = ResolversParentTypes['ShopifyProduct'], FederationReferenceType extends FederationReferenceTypes['ShopifyProduct'] = FederationReferenceTypes['ShopifyProduct']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['ShopifyProduct']> | FederationReferenceType, FederationReferenceType, ContextType>;
  aiSummary?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType, Partial<ShopifyProductAiSummaryArgs>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type SubscriptionResolvers<ContextType = LlmContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = {
  completionStream?: SubscriptionResolver<ResolversTypes['CompletionChunk'], "completionStream", ParentType, ContextType, RequireFields<SubscriptionCompletionStreamArgs, 'input'>>;
};

export type TikTokVideoResolvers<ContextType = LlmContext, ParentType extends ResolversParentTypes['TikTokVideo'] = ResolversParentTypes['TikTokVideo'], FederationReferenceType extends FederationReferenceTypes['TikTokVideo'] = FederationReferenceTypes['TikTokVideo']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['TikTokVideo']> | FederationReferenceType, FederationReferenceType, ContextType>;
  captionIdeas?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType, RequireFields<TikTokVideoCaptionIdeasArgs, 'count'>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type TokenUsageResolvers<ContextType = LlmContext, ParentType extends ResolversParentTypes['TokenUsage'] = ResolversParentTypes['TokenUsage']> = {
  completionTokens?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  promptTokens?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  totalTokens?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type WorkspaceProviderKeyResolvers<ContextType = LlmContext, ParentType extends ResolversParentTypes['WorkspaceProviderKey'] = ResolversParentTypes['WorkspaceProviderKey']> = {
  lastFour?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  provider?: Resolver<ResolversTypes['LlmProviderId'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type Resolvers<ContextType = LlmContext> = {
  CompletionChoice?: CompletionChoiceResolvers<ContextType>;
  CompletionChunk?: CompletionChunkResolvers<ContextType>;
  CompletionResult?: CompletionResultResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Embedding?: EmbeddingResolvers<ContextType>;
  EmbeddingResult?: EmbeddingResultResolvers<ContextType>;
  LlmError?: LlmErrorResolvers<ContextType>;
  LlmFallback?: LlmFallbackResolvers<ContextType>;
  LlmModel?: LlmModelResolvers<ContextType>;
  LlmProvider?: LlmProviderResolvers<ContextType>;
  LlmQuota?: LlmQuotaResolvers<ContextType>;
  LlmUsageGroup?: LlmUsageGroupResolvers<ContextType>;
  LlmUsageReport?: LlmUsageReportResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  ProviderError?: ProviderErrorResolvers<ContextType>;
  ProviderResponse?: ProviderResponseResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  ShopifyProduct?: ShopifyProductResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  TikTokVideo?: TikTokVideoResolvers<ContextType>;
  TokenUsage?: TokenUsageResolvers<ContextType>;
  WorkspaceProviderKey?: WorkspaceProviderKeyResolvers<ContextType>;
};

