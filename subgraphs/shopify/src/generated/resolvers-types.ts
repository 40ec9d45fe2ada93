import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { ShopifyContext } from '../context.ts';
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

/** How well calls through a connection are going lately. */
export type ConnectionHealth =
  | 'DEGRADED'
  | 'FAILING'
  | 'HEALTHY'
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
  /** When data from this account was last synchronised (spec 2.4: blocks show the last sync time). */
  lastSyncedAt?: Maybe<Scalars['DateTime']['output']>;
  ownerId: Scalars['ID']['output'];
  ownerType: ConnectionOwnerType;
  provider: IntegrationProvider;
  /** Scopes granted by the account owner. */
  scopes: Array<Scalars['String']['output']>;
  status: ConnectionStatus;
};

/** An outside platform IONFLUX connects to through OAuth. */
export type IntegrationProvider =
  | 'SHOPIFY'
  | 'TIKTOK';

export type Mutation = {
  __typename?: 'Mutation';
  /** Forgets the store's token and marks the connection DISCONNECTED (the app stays installed on the store). */
  disconnectShopifyConnection: ShopifyConnection;
  /**
   * Marks notifications of the caller's workspace read; returns how many became read. Ids of other
   * workspaces, unknown ids and notifications already read change nothing. At most 500 ids.
   */
  markWorkspaceNotificationsRead: Scalars['Int']['output'];
  /**
   * Begins connecting a store to a brand: shop is a *.myshopify.com domain (or its first label). Anything
   * else is INVALID_REQUEST; nothing is redirected to it.
   */
  startShopifyConnection: ShopifyAuthorization;
};


export type MutationDisconnectShopifyConnectionArgs = {
  connectionId: Scalars['ID']['input'];
};


export type MutationMarkWorkspaceNotificationsReadArgs = {
  ids: Array<Scalars['ID']['input']>;
};


export type MutationStartShopifyConnectionArgs = {
  brandId: Scalars['ID']['input'];
  scopes?: InputMaybe<Array<Scalars['String']['input']>>;
  shop: Scalars['String']['input'];
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
  /** Shopify stores of the caller's workspace, of one brand when brandId is given. */
  shopifyConnections: Array<ShopifyConnection>;
  /** The caller's workspace notifications, newest first; `first` is 1-200 (default 50). */
  workspaceNotifications: Array<WorkspaceNotification>;
};


export type QueryIntegrationConnectionsArgs = {
  provider?: InputMaybe<IntegrationProvider>;
  status?: InputMaybe<ConnectionStatus>;
};


export type QueryShopifyConnectionsArgs = {
  brandId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryWorkspaceNotificationsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  unreadOnly?: InputMaybe<Scalars['Boolean']['input']>;
};

/** Where to send the user to install the app on a store (spec 2.1); the state is single use and expires. */
export type ShopifyAuthorization = {
  __typename?: 'ShopifyAuthorization';
  /** The store's consent page; the browser comes back to /oauth/shopify/callback at IONFLUX_PUBLIC_URL. */
  authorizationUrl: Scalars['String']['output'];
  expiresAt: Scalars['DateTime']['output'];
  state: Scalars['String']['output'];
};

/** A Shopify store connected to a brand of the caller's workspace (spec 2.1). */
export type ShopifyConnection = {
  __typename?: 'ShopifyConnection';
  brandId: Scalars['ID']['output'];
  connectedAt?: Maybe<Scalars['DateTime']['output']>;
  createdAt: Scalars['DateTime']['output'];
  currency?: Maybe<Scalars['String']['output']>;
  health: ConnectionHealth;
  healthReason?: Maybe<Scalars['String']['output']>;
  ianaTimezone?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  lastSyncedAt?: Maybe<Scalars['DateTime']['output']>;
  scopes: Array<Scalars['String']['output']>;
  /** The store's permanent domain, e.g. ionflux-demo.myshopify.com. */
  shop: Scalars['String']['output'];
  shopName?: Maybe<Scalars['String']['output']>;
  status: ConnectionStatus;
};

export type Subscription = {
  __typename?: 'Subscription';
  /**
   * The caller's workspace notifications as they are raised (a store connected, access revoked, the app
   * uninstalled, a connection degraded), on every instance of every service.
   */
  workspaceNotifications: WorkspaceNotification;
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
  ShopifyConnection: ShopifyConnection;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  ShopifyConnection:
    ( { __typename: 'ShopifyConnection' }
    & GraphQLRecursivePick<FederationTypes['ShopifyConnection'], {"id":true}> );
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
  IntegrationProvider: IntegrationProvider;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  NotificationSeverity: NotificationSeverity;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  ShopifyAuthorization: ResolverTypeWrapper<ShopifyAuthorization>;
  ShopifyConnection: ResolverTypeWrapper<ShopifyConnection>;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  WorkspaceNotification: ResolverTypeWrapper<WorkspaceNotification>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  DateTime: Scalars['DateTime']['output'];
  IntegrationConnection: IntegrationConnection;
  String: Scalars['String']['output'];
  ID: Scalars['ID']['output'];
  Mutation: Record<PropertyKey, never>;
  Int: Scalars['Int']['output'];
  Query: Record<PropertyKey, never>;
  Boolean: Scalars['Boolean']['output'];
  ShopifyAuthorization: ShopifyAuthorization;
  ShopifyConnection: ShopifyConnection | FederationReferenceTypes['ShopifyConnection'];
  Subscription: Record<PropertyKey, never>;
  WorkspaceNotification: WorkspaceNotification;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type IntegrationConnectionResolvers<ContextType = ShopifyContext, ParentType extends ResolversParentTypes['IntegrationConnection'] = ResolversParentTypes['IntegrationConnection']> = {
  accountId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  connectedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  displayName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  health?: Resolver<ResolversTypes['ConnectionHealth'], ParentType, ContextType>;
  healthReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastSyncedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  ownerId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  ownerType?: Resolver<ResolversTypes['ConnectionOwnerType'], ParentType, ContextType>;
  provider?: Resolver<ResolversTypes['IntegrationProvider'], ParentType, ContextType>;
  scopes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ConnectionStatus'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = ShopifyContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  disconnectShopifyConnection?: Resolver<ResolversTypes['ShopifyConnection'], ParentType, ContextType, RequireFields<MutationDisconnectShopifyConnectionArgs, 'connectionId'>>;
  markWorkspaceNotificationsRead?: Resolver<ResolversTypes['Int'], ParentType, ContextType, RequireFields<MutationMarkWorkspaceNotificationsReadArgs, 'ids'>>;
  startShopifyConnection?: Resolver<ResolversTypes['ShopifyAuthorization'], ParentType, ContextType, RequireFields<MutationStartShopifyConnectionArgs, 'brandId' | 'shop'>>;
};

export type QueryResolvers<ContextType = ShopifyContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  integrationConnections?: Resolver<Array<ResolversTypes['IntegrationConnection']>, ParentType, ContextType, Partial<QueryIntegrationConnectionsArgs>>;
  shopifyConnections?: Resolver<Array<ResolversTypes['ShopifyConnection']>, ParentType, ContextType, Partial<QueryShopifyConnectionsArgs>>;
  workspaceNotifications?: Resolver<Array<ResolversTypes['WorkspaceNotification']>, ParentType, ContextType, Partial<QueryWorkspaceNotificationsArgs>>;
};

export type ShopifyAuthorizationResolvers<ContextType = ShopifyContext, ParentType extends ResolversParentTypes['ShopifyAuthorization'] = ResolversParentTypes['ShopifyAuthorization']> = {
  authorizationUrl?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ShopifyConnectionResolvers<ContextType = ShopifyContext, ParentType extends ResolversParentTypes['ShopifyConnection'] = ResolversParentTypes['ShopifyConnection'], FederationReferenceType extends FederationReferenceTypes['ShopifyConnection'] = FederationReferenceTypes['ShopifyConnection']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['ShopifyConnection']> | FederationReferenceType, FederationReferenceType, ContextType>;
  brandId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  connectedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  currency?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  health?: Resolver<ResolversTypes['ConnectionHealth'], ParentType, ContextType>;
  healthReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  ianaTimezone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastSyncedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  scopes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  shop?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  shopName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ConnectionStatus'], ParentType, ContextType>;
};

export type SubscriptionResolvers<ContextType = ShopifyContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = {
  workspaceNotifications?: SubscriptionResolver<ResolversTypes['WorkspaceNotification'], "workspaceNotifications", ParentType, ContextType>;
};

export type WorkspaceNotificationResolvers<ContextType = ShopifyContext, ParentType extends ResolversParentTypes['WorkspaceNotification'] = ResolversParentTypes['WorkspaceNotification']> = {
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

export type Resolvers<ContextType = ShopifyContext> = {
  DateTime?: GraphQLScalarType;
  IntegrationConnection?: IntegrationConnectionResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  ShopifyAuthorization?: ShopifyAuthorizationResolvers<ContextType>;
  ShopifyConnection?: ShopifyConnectionResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  WorkspaceNotification?: WorkspaceNotificationResolvers<ContextType>;
};

