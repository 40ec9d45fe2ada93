import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { TikTokContext } from '../context.ts';
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

/**
 * How well a connection works (spec 4.E): HEALTHY, DEGRADED (recent calls through it fail; healthReason says
 * how many and with which codes), NEEDS_REAUTH (its grant was revoked or expired: reconnect it),
 * DISCONNECTED. UNKNOWN until a connection is complete.
 */
export type ConnectionHealth =
  | 'DEGRADED'
  | 'DISCONNECTED'
  | 'FAILING'
  | 'HEALTHY'
  | 'NEEDS_REAUTH'
  | 'UNKNOWN';

/** Whom a connection belongs to inside the workspace. */
export type ConnectionOwnerType =
  | 'BRAND'
  | 'CREATOR';

/** Where a connection stands. NEEDS_REAUTH means the grant was revoked or expired: reconnect to resume. */
export type ConnectionStatus =
  | 'CONNECTED'
  | 'DISCONNECTED'
  | 'ERROR'
  | 'NEEDS_REAUTH'
  | 'PENDING';

/** One connected outside account (a Shopify store, a TikTok account) of the caller's workspace. */
export type IntegrationConnection = {
  __typename?: 'IntegrationConnection';
  /** The provider's id of the account: the store's myshopify.com domain, the TikTok open_id. */
  accountId: Scalars['String']['output'];
  connectedAt?: Maybe<Scalars['DateTime']['output']>;
  displayName?: Maybe<Scalars['String']['output']>;
  health: ConnectionHealth;
  /** Why health is not HEALTHY, in words a person can act on. */
  healthReason?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** When one last failed. */
  lastFailedCallAt?: Maybe<Scalars['DateTime']['output']>;
  /** When a call to the provider through this connection (an API call or a token refresh) last succeeded. */
  lastSuccessfulCallAt?: Maybe<Scalars['DateTime']['output']>;
  /** When data from this account was last synchronised (spec 2.4: blocks show the last sync time). */
  lastSyncedAt?: Maybe<Scalars['DateTime']['output']>;
  ownerId: Scalars['ID']['output'];
  ownerType: ConnectionOwnerType;
  provider: IntegrationProvider;
  /** Calls through this connection within the health window (IONFLUX_HEALTH_WINDOW_SECONDS, 15 min by default). */
  recentCallCount: Scalars['Int']['output'];
  /** The ErrorCodes of the calls that failed within the health window, most frequent first (at most 5). */
  recentErrorCodes: Array<Scalars['String']['output']>;
  /** The share of recentCallCount that failed, 0 to 1; null without calls. */
  recentErrorRate?: Maybe<Scalars['Float']['output']>;
  /** Scopes granted by the account owner. */
  scopes: Array<Scalars['String']['output']>;
  status: ConnectionStatus;
  /** The ErrorCode of the last sync while syncStatus is FAILED. */
  syncErrorCode?: Maybe<Scalars['String']['output']>;
  /** Null for integrations that keep no mirror of the account's data. */
  syncStatus?: Maybe<SyncStatus>;
};

/** An outside platform IONFLUX connects to through OAuth. */
export type IntegrationProvider =
  | 'SHOPIFY'
  | 'TIKTOK';

export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Marks notifications of the caller's workspace read; returns how many became read. Ids of other
   * workspaces, unknown ids and notifications already read change nothing. At most 500 ids.
   */
  markWorkspaceNotificationsRead: Scalars['Int']['output'];
};


export type MutationMarkWorkspaceNotificationsReadArgs = {
  ids: Array<Scalars['ID']['input']>;
};

/** How much a notification matters: ERROR means something stopped working until someone acts. */
export type NotificationSeverity =
  | 'ERROR'
  | 'INFO'
  | 'WARNING';

export type Query = {
  __typename?: 'Query';
  /** Every connection of the caller's workspace across integrations, newest first. */
  integrationConnections: Array<IntegrationConnection>;
  /** TikTok accounts of the caller's workspace, of one brand or creator when given. */
  tiktokConnections: Array<TikTokConnection>;
  /** The caller's workspace notifications, newest first; `first` is 1-200 (default 50). */
  workspaceNotifications: Array<WorkspaceNotification>;
};


export type QueryIntegrationConnectionsArgs = {
  provider?: InputMaybe<IntegrationProvider>;
  status?: InputMaybe<ConnectionStatus>;
};


export type QueryTiktokConnectionsArgs = {
  brandId?: InputMaybe<Scalars['ID']['input']>;
  creatorId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryWorkspaceNotificationsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  unreadOnly?: InputMaybe<Scalars['Boolean']['input']>;
};

/**
 * Where the synchronisation of a connection's mirrored data stands. FAILED carries the error code of the
 * last attempt (`syncErrorCode`); the next periodic or requested sync tries again.
 */
export type SyncStatus =
  | 'FAILED'
  | 'IDLE'
  | 'RUNNING';

/** A TikTok account connected to a brand or creator of the caller's workspace (spec 3.1). */
export type TikTokConnection = {
  __typename?: 'TikTokConnection';
  avatarUrl?: Maybe<Scalars['String']['output']>;
  connectedAt?: Maybe<Scalars['DateTime']['output']>;
  createdAt: Scalars['DateTime']['output'];
  displayName?: Maybe<Scalars['String']['output']>;
  followerCount?: Maybe<Scalars['Int']['output']>;
  health: ConnectionHealth;
  healthReason?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  lastSyncedAt?: Maybe<Scalars['DateTime']['output']>;
  /** TikTok's stable id of the user for this app. */
  openId: Scalars['String']['output'];
  ownerId: Scalars['ID']['output'];
  ownerType: ConnectionOwnerType;
  scopes: Array<Scalars['String']['output']>;
  status: ConnectionStatus;
  username?: Maybe<Scalars['String']['output']>;
};

/** Something the workspace should know about its integrations, e.g. a store that must be reconnected. */
export type WorkspaceNotification = {
  __typename?: 'WorkspaceNotification';
  /** The connection it concerns, if any. */
  connectionId?: Maybe<Scalars['ID']['output']>;
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  /** What happened, e.g. CONNECTION_NEEDS_REAUTH, CONNECTION_DEGRADED, CONNECTION_RECOVERED. */
  kind: Scalars['String']['output'];
  /** What happened and what to do about it. */
  message: Scalars['String']['output'];
  /** The integration it concerns, if any. */
  provider?: Maybe<IntegrationProvider>;
  /** When someone in the workspace marked it read; null while unread. */
  readAt?: Maybe<Scalars['DateTime']['output']>;
  severity: NotificationSeverity;
  /** Short, names the account: Reconnect your Shopify store acme.myshopify.com. */
  title: Scalars['String']['output'];
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
  TikTokConnection: TikTokConnection;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  TikTokConnection:
    ( { __typename: 'TikTokConnection' }
    & GraphQLRecursivePick<FederationTypes['TikTokConnection'], {"id":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  ConnectionHealth: ConnectionHealth;
  ConnectionOwnerType: ConnectionOwnerType;
  ConnectionStatus: ConnectionStatus;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  IntegrationConnection: ResolverTypeWrapper<IntegrationConnection>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  IntegrationProvider: IntegrationProvider;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  NotificationSeverity: NotificationSeverity;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  SyncStatus: SyncStatus;
  TikTokConnection: ResolverTypeWrapper<TikTokConnection>;
  WorkspaceNotification: ResolverTypeWrapper<WorkspaceNotification>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  DateTime: Scalars['DateTime']['output'];
  IntegrationConnection: IntegrationConnection;
  String: Scalars['String']['output'];
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  Float: Scalars['Float']['output'];
  Mutation: Record<PropertyKey, never>;
  Query: Record<PropertyKey, never>;
  Boolean: Scalars['Boolean']['output'];
  TikTokConnection: TikTokConnection | FederationReferenceTypes['TikTokConnection'];
  WorkspaceNotification: WorkspaceNotification;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type IntegrationConnectionResolvers<ContextType = TikTokContext, ParentType extends ResolversParentTypes['IntegrationConnection'] = ResolversParentTypes['IntegrationConnection']> = {
  accountId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  connectedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  displayName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  health?: Resolver<ResolversTypes['ConnectionHealth'], ParentType, ContextType>;
  healthReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastFailedCallAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  lastSuccessfulCallAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  lastSyncedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  ownerId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  ownerType?: Resolver<ResolversTypes['ConnectionOwnerType'], ParentType, ContextType>;
  provider?: Resolver<ResolversTypes['IntegrationProvider'], ParentType, ContextType>;
  recentCallCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  recentErrorCodes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  recentErrorRate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  scopes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ConnectionStatus'], ParentType, ContextType>;
  syncErrorCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  syncStatus?: Resolver<Maybe<ResolversTypes['SyncStatus']>, ParentType, ContextType>;
};

export type MutationResolvers<ContextType = TikTokContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  markWorkspaceNotificationsRead?: Resolver<ResolversTypes['Int'], ParentType, ContextType, RequireFields<MutationMarkWorkspaceNotificationsReadArgs, 'ids'>>;
};

export type QueryResolvers<ContextType = TikTokContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  integrationConnections?: Resolver<Array<ResolversTypes['IntegrationConnection']>, ParentType, ContextType, Partial<QueryIntegrationConnectionsArgs>>;
  tiktokConnections?: Resolver<Array<ResolversTypes['TikTokConnection']>, ParentType, ContextType, Partial<QueryTiktokConnectionsArgs>>;
  workspaceNotifications?: Resolver<Array<ResolversTypes['WorkspaceNotification']>, ParentType, ContextType, Partial<QueryWorkspaceNotificationsArgs>>;
};

export type TikTokConnectionResolvers<ContextType = TikTokContext, ParentType extends ResolversParentTypes['TikTokConnection'] = ResolversParentTypes['TikTokConnection'], FederationReferenceType extends FederationReferenceTypes['TikTokConnection'] = FederationReferenceTypes['TikTokConnection']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['TikTokConnection']> | FederationReferenceType, FederationReferenceType, ContextType>;
  avatarUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  connectedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  displayName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  followerCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  health?: Resolver<ResolversTypes['ConnectionHealth'], ParentType, ContextType>;
  healthReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastSyncedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  openId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  ownerId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  ownerType?: Resolver<ResolversTypes['ConnectionOwnerType'], ParentType, ContextType>;
  scopes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ConnectionStatus'], ParentType, ContextType>;
  username?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type WorkspaceNotificationResolvers<ContextType = TikTokContext, ParentType extends ResolversParentTypes['WorkspaceNotification'] = ResolversParentTypes['WorkspaceNotification']> = {
  connectionId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  provider?: Resolver<Maybe<ResolversTypes['IntegrationProvider']>, ParentType, ContextType>;
  readAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  severity?: Resolver<ResolversTypes['NotificationSeverity'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type Resolvers<ContextType = TikTokContext> = {
  DateTime?: GraphQLScalarType;
  IntegrationConnection?: IntegrationConnectionResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  TikTokConnection?: TikTokConnectionResolvers<ContextType>;
  WorkspaceNotification?: WorkspaceNotificationResolvers<ContextType>;
};

