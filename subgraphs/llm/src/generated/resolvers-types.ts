import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { LlmContext } from '../context.ts';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
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

export type LlmCapability =
  | 'CHAT'
  | 'EMBEDDING';

export type LlmModel = {
  __typename?: 'LlmModel';
  capabilities: Array<LlmCapability>;
  /** Tokens of context the model accepts. */
  contextWindow?: Maybe<Scalars['Int']['output']>;
  /** The provider's model identifier, e.g. gpt-4o-mini. */
  id: Scalars['ID']['output'];
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

export type Query = {
  __typename?: 'Query';
  /** Providers and models, with whether each is usable for the caller's workspace. */
  llmProviders: Array<LlmProvider>;
};

/** The workspace's own key for a provider; only its last four characters are ever shown. */
export type WorkspaceProviderKey = {
  __typename?: 'WorkspaceProviderKey';
  lastFour: Scalars['String']['output'];
  updatedAt: Scalars['DateTime']['output'];
};



export type ResolverTypeWrapper<T> = Promise<T> | T;


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





/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  LlmCapability: LlmCapability;
  LlmModel: ResolverTypeWrapper<LlmModel>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  LlmProvider: ResolverTypeWrapper<LlmProvider>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  LlmProviderId: LlmProviderId;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  WorkspaceProviderKey: ResolverTypeWrapper<WorkspaceProviderKey>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  DateTime: Scalars['DateTime']['output'];
  LlmModel: LlmModel;
  Int: Scalars['Int']['output'];
  ID: Scalars['ID']['output'];
  LlmProvider: LlmProvider;
  Boolean: Scalars['Boolean']['output'];
  String: Scalars['String']['output'];
  Query: Record<PropertyKey, never>;
  WorkspaceProviderKey: WorkspaceProviderKey;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type LlmModelResolvers<ContextType = LlmContext, ParentType extends ResolversParentTypes['LlmModel'] = ResolversParentTypes['LlmModel']> = {
  capabilities?: Resolver<Array<ResolversTypes['LlmCapability']>, ParentType, ContextType>;
  contextWindow?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
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

export type QueryResolvers<ContextType = LlmContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  llmProviders?: Resolver<Array<ResolversTypes['LlmProvider']>, ParentType, ContextType>;
};

export type WorkspaceProviderKeyResolvers<ContextType = LlmContext, ParentType extends ResolversParentTypes['WorkspaceProviderKey'] = ResolversParentTypes['WorkspaceProviderKey']> = {
  lastFour?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type Resolvers<ContextType = LlmContext> = {
  DateTime?: GraphQLScalarType;
  LlmModel?: LlmModelResolvers<ContextType>;
  LlmProvider?: LlmProviderResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  WorkspaceProviderKey?: WorkspaceProviderKeyResolvers<ContextType>;
};

