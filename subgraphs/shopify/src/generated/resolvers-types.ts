import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { IonfluxProduct, IonfluxOrder, IonfluxLineItem } from '../mapping/index.ts';
import type { ShopifyContext } from '../context.ts';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
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

export type CreateShopifyDiscountCodeInput = {
  /** What customers type at checkout. */
  code: Scalars['String']['input'];
  connectionId: Scalars['ID']['input'];
  endsAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** Percent off the whole order, 1 to 100. */
  percentage: Scalars['Float']['input'];
  startsAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** Shown to the merchant; defaults to the code. */
  title?: InputMaybe<Scalars['String']['input']>;
  usageLimit?: InputMaybe<Scalars['Int']['input']>;
};

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
  /** Creates a basic percentage discount code (needs write_discounts). */
  createShopifyDiscountCode: ShopifyDiscountCode;
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


export type MutationCreateShopifyDiscountCodeArgs = {
  input: CreateShopifyDiscountCodeInput;
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
  /** Customers (PII); SCOPE_REQUIRED with a grant URL unless read_customers is granted. first ≤ 100. */
  shopifyCustomers: ShopifyCustomerPage;
  shopifyOrder?: Maybe<ShopifyOrder>;
  /** Orders, newest first; `query` uses Shopify's search syntax (e.g. `financial_status:paid`). first ≤ 50. */
  shopifyOrders: ShopifyOrderPage;
  /** Products, newest id last; `query` uses Shopify's search syntax (e.g. `status:active vendor:Acme`). first ≤ 50. */
  shopifyProducts: ShopifyProductPage;
  /** The connected store itself. */
  shopifyShop: ShopifyShop;
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


export type QueryShopifyCustomersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  connectionId: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
  query?: InputMaybe<Scalars['String']['input']>;
};


export type QueryShopifyOrderArgs = {
  connectionId: Scalars['ID']['input'];
  id: Scalars['ID']['input'];
};


export type QueryShopifyOrdersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  connectionId: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
  query?: InputMaybe<Scalars['String']['input']>;
};


export type QueryShopifyProductsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  connectionId: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
  query?: InputMaybe<Scalars['String']['input']>;
};


export type QueryShopifyShopArgs = {
  connectionId: Scalars['ID']['input'];
};


export type QueryWorkspaceNotificationsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  unreadOnly?: InputMaybe<Scalars['Boolean']['input']>;
};

/** Where to send the user to install the app on a store (spec 2.1); the state is single use and expires. */
export type ShopifyAuthorization = {
  __typename?: 'ShopifyAuthorization';
  /**
   * The link to open in the user's browser: /oauth/shopify/start at IONFLUX_PUBLIC_URL, which binds that
   * browser to the flow (a signed cookie) and redirects to the store's consent page; it opens once. The
   * browser comes back to /oauth/shopify/callback, which only the browser that opened the link completes.
   */
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

/** A customer (PII): needs the read_customers scope and is never logged. */
export type ShopifyCustomer = {
  __typename?: 'ShopifyCustomer';
  createdAt: Scalars['DateTime']['output'];
  email?: Maybe<Scalars['String']['output']>;
  firstName?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  lastName?: Maybe<Scalars['String']['output']>;
  ordersCount: Scalars['Int']['output'];
  totalSpent: ShopifyMoney;
};

export type ShopifyCustomerPage = {
  __typename?: 'ShopifyCustomerPage';
  nodes: Array<ShopifyCustomer>;
  pageInfo: ShopifyPageInfo;
};

export type ShopifyDiscountCode = {
  __typename?: 'ShopifyDiscountCode';
  code: Scalars['String']['output'];
  endsAt?: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  startsAt: Scalars['DateTime']['output'];
  status: Scalars['String']['output'];
  title: Scalars['String']['output'];
};

export type ShopifyImage = {
  __typename?: 'ShopifyImage';
  altText?: Maybe<Scalars['String']['output']>;
  id?: Maybe<Scalars['ID']['output']>;
  url: Scalars['String']['output'];
};

export type ShopifyLineItem = {
  __typename?: 'ShopifyLineItem';
  id: Scalars['ID']['output'];
  /** Loaded in batches: every line item of a request shares one Admin call (nodes(ids:)). */
  product?: Maybe<ShopifyProduct>;
  productId?: Maybe<Scalars['ID']['output']>;
  quantity: Scalars['Int']['output'];
  sku?: Maybe<Scalars['String']['output']>;
  title: Scalars['String']['output'];
  unitPrice: ShopifyMoney;
  variantId?: Maybe<Scalars['ID']['output']>;
};

/** An amount in a currency; `amount` is a decimal string (no float rounding). */
export type ShopifyMoney = {
  __typename?: 'ShopifyMoney';
  amount: Scalars['String']['output'];
  currencyCode: Scalars['String']['output'];
};

/** An order of a connected store (spec 2.2 Orders, Revenue Tracker fields), without customer PII. */
export type ShopifyOrder = {
  __typename?: 'ShopifyOrder';
  cancelledAt?: Maybe<Scalars['DateTime']['output']>;
  connectionId: Scalars['ID']['output'];
  createdAt: Scalars['DateTime']['output'];
  currency: Scalars['String']['output'];
  /** PAID, PENDING, REFUNDED… (Shopify's display financial status). */
  financialStatus?: Maybe<Scalars['String']['output']>;
  /** FULFILLED, UNFULFILLED… (Shopify's display fulfillment status). */
  fulfillmentStatus: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  lineItems: Array<ShopifyLineItem>;
  /** More line items exist than fit this query's cost budget (fewer orders per page give more lines each). */
  lineItemsTruncated: Scalars['Boolean']['output'];
  name: Scalars['String']['output'];
  processedAt: Scalars['DateTime']['output'];
  totalPrice: ShopifyMoney;
};

export type ShopifyOrderPage = {
  __typename?: 'ShopifyOrderPage';
  nodes: Array<ShopifyOrder>;
  pageInfo: ShopifyPageInfo;
};

export type ShopifyPageInfo = {
  __typename?: 'ShopifyPageInfo';
  /** Pass as `after` for the next page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

/** A product of a connected store (spec 2.2 Products), mapped to the generic IONFLUX product (spec 4.G). */
export type ShopifyProduct = {
  __typename?: 'ShopifyProduct';
  connectionId: Scalars['ID']['output'];
  createdAt: Scalars['DateTime']['output'];
  description?: Maybe<Scalars['String']['output']>;
  handle: Scalars['String']['output'];
  /** Shopify's global id, e.g. gid://shopify/Product/1. */
  id: Scalars['ID']['output'];
  /** The first 3 images. */
  images: Array<ShopifyImage>;
  productType: Scalars['String']['output'];
  status: ShopifyProductStatus;
  tags: Array<Scalars['String']['output']>;
  title: Scalars['String']['output'];
  updatedAt: Scalars['DateTime']['output'];
  /** The first 10 variants. */
  variants: Array<ShopifyProductVariant>;
  vendor: Scalars['String']['output'];
};

export type ShopifyProductPage = {
  __typename?: 'ShopifyProductPage';
  nodes: Array<ShopifyProduct>;
  pageInfo: ShopifyPageInfo;
};

export type ShopifyProductStatus =
  | 'ACTIVE'
  | 'ARCHIVED'
  | 'DRAFT';

export type ShopifyProductVariant = {
  __typename?: 'ShopifyProductVariant';
  id: Scalars['ID']['output'];
  price: ShopifyMoney;
  sku?: Maybe<Scalars['String']['output']>;
  title: Scalars['String']['output'];
};

/** A connected store's identity, currency and timezone (spec 2.2 Shop), read live from the Admin API. */
export type ShopifyShop = {
  __typename?: 'ShopifyShop';
  connectionId: Scalars['ID']['output'];
  currency: Scalars['String']['output'];
  /** The primary domain customers see. */
  domain: Scalars['String']['output'];
  ianaTimezone: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** The permanent domain, e.g. ionflux-demo.myshopify.com. */
  myshopifyDomain: Scalars['String']['output'];
  name: Scalars['String']['output'];
  plan?: Maybe<Scalars['String']['output']>;
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
  ShopifyProduct: ShopifyProduct;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  ShopifyConnection:
    ( { __typename: 'ShopifyConnection' }
    & GraphQLRecursivePick<FederationTypes['ShopifyConnection'], {"id":true}> );
  ShopifyProduct:
    ( { __typename: 'ShopifyProduct' }
    & GraphQLRecursivePick<FederationTypes['ShopifyProduct'], {"id":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  ConnectionHealth: ConnectionHealth;
  ConnectionOwnerType: ConnectionOwnerType;
  ConnectionStatus: ConnectionStatus;
  CreateShopifyDiscountCodeInput: CreateShopifyDiscountCodeInput;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  IntegrationConnection: ResolverTypeWrapper<IntegrationConnection>;
  IntegrationProvider: IntegrationProvider;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  NotificationSeverity: NotificationSeverity;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  ShopifyAuthorization: ResolverTypeWrapper<ShopifyAuthorization>;
  ShopifyConnection: ResolverTypeWrapper<ShopifyConnection>;
  ShopifyCustomer: ResolverTypeWrapper<ShopifyCustomer>;
  ShopifyCustomerPage: ResolverTypeWrapper<ShopifyCustomerPage>;
  ShopifyDiscountCode: ResolverTypeWrapper<ShopifyDiscountCode>;
  ShopifyImage: ResolverTypeWrapper<ShopifyImage>;
  ShopifyLineItem: ResolverTypeWrapper<IonfluxLineItem>;
  ShopifyMoney: ResolverTypeWrapper<ShopifyMoney>;
  ShopifyOrder: ResolverTypeWrapper<IonfluxOrder>;
  ShopifyOrderPage: ResolverTypeWrapper<Omit<ShopifyOrderPage, 'nodes'> & { nodes: Array<ResolversTypes['ShopifyOrder']> }>;
  ShopifyPageInfo: ResolverTypeWrapper<ShopifyPageInfo>;
  ShopifyProduct: ResolverTypeWrapper<IonfluxProduct>;
  ShopifyProductPage: ResolverTypeWrapper<Omit<ShopifyProductPage, 'nodes'> & { nodes: Array<ResolversTypes['ShopifyProduct']> }>;
  ShopifyProductStatus: ShopifyProductStatus;
  ShopifyProductVariant: ResolverTypeWrapper<ShopifyProductVariant>;
  ShopifyShop: ResolverTypeWrapper<ShopifyShop>;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  WorkspaceNotification: ResolverTypeWrapper<WorkspaceNotification>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  CreateShopifyDiscountCodeInput: CreateShopifyDiscountCodeInput;
  String: Scalars['String']['output'];
  ID: Scalars['ID']['output'];
  Float: Scalars['Float']['output'];
  Int: Scalars['Int']['output'];
  DateTime: Scalars['DateTime']['output'];
  IntegrationConnection: IntegrationConnection;
  Mutation: Record<PropertyKey, never>;
  Query: Record<PropertyKey, never>;
  Boolean: Scalars['Boolean']['output'];
  ShopifyAuthorization: ShopifyAuthorization;
  ShopifyConnection: ShopifyConnection | FederationReferenceTypes['ShopifyConnection'];
  ShopifyCustomer: ShopifyCustomer;
  ShopifyCustomerPage: ShopifyCustomerPage;
  ShopifyDiscountCode: ShopifyDiscountCode;
  ShopifyImage: ShopifyImage;
  ShopifyLineItem: IonfluxLineItem;
  ShopifyMoney: ShopifyMoney;
  ShopifyOrder: IonfluxOrder;
  ShopifyOrderPage: Omit<ShopifyOrderPage, 'nodes'> & { nodes: Array<ResolversParentTypes['ShopifyOrder']> };
  ShopifyPageInfo: ShopifyPageInfo;
  ShopifyProduct: IonfluxProduct;
  ShopifyProductPage: Omit<ShopifyProductPage, 'nodes'> & { nodes: Array<ResolversParentTypes['ShopifyProduct']> };
  ShopifyProductVariant: ShopifyProductVariant;
  ShopifyShop: ShopifyShop;
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
  createShopifyDiscountCode?: Resolver<ResolversTypes['ShopifyDiscountCode'], ParentType, ContextType, RequireFields<MutationCreateShopifyDiscountCodeArgs, 'input'>>;
  disconnectShopifyConnection?: Resolver<ResolversTypes['ShopifyConnection'], ParentType, ContextType, RequireFields<MutationDisconnectShopifyConnectionArgs, 'connectionId'>>;
  markWorkspaceNotificationsRead?: Resolver<ResolversTypes['Int'], ParentType, ContextType, RequireFields<MutationMarkWorkspaceNotificationsReadArgs, 'ids'>>;
  startShopifyConnection?: Resolver<ResolversTypes['ShopifyAuthorization'], ParentType, ContextType, RequireFields<MutationStartShopifyConnectionArgs, 'brandId' | 'shop'>>;
};

export type QueryResolvers<ContextType = ShopifyContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  integrationConnections?: Resolver<Array<ResolversTypes['IntegrationConnection']>, ParentType, ContextType, Partial<QueryIntegrationConnectionsArgs>>;
  shopifyConnections?: Resolver<Array<ResolversTypes['ShopifyConnection']>, ParentType, ContextType, Partial<QueryShopifyConnectionsArgs>>;
  shopifyCustomers?: Resolver<ResolversTypes['ShopifyCustomerPage'], ParentType, ContextType, RequireFields<QueryShopifyCustomersArgs, 'connectionId' | 'first'>>;
  shopifyOrder?: Resolver<Maybe<ResolversTypes['ShopifyOrder']>, ParentType, ContextType, RequireFields<QueryShopifyOrderArgs, 'connectionId' | 'id'>>;
  shopifyOrders?: Resolver<ResolversTypes['ShopifyOrderPage'], ParentType, ContextType, RequireFields<QueryShopifyOrdersArgs, 'connectionId' | 'first'>>;
  shopifyProducts?: Resolver<ResolversTypes['ShopifyProductPage'], ParentType, ContextType, RequireFields<QueryShopifyProductsArgs, 'connectionId' | 'first'>>;
  shopifyShop?: Resolver<ResolversTypes['ShopifyShop'], ParentType, ContextType, RequireFields<QueryShopifyShopArgs, 'connectionId'>>;
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

export type ShopifyCustomerResolvers<ContextType = ShopifyContext, ParentType extends ResolversParentTypes['ShopifyCustomer'] = ResolversParentTypes['ShopifyCustomer']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  email?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  firstName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  ordersCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  totalSpent?: Resolver<ResolversTypes['ShopifyMoney'], ParentType, ContextType>;
};

export type ShopifyCustomerPageResolvers<ContextType = ShopifyContext, ParentType extends ResolversParentTypes['ShopifyCustomerPage'] = ResolversParentTypes['ShopifyCustomerPage']> = {
  nodes?: Resolver<Array<ResolversTypes['ShopifyCustomer']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['ShopifyPageInfo'], ParentType, ContextType>;
};

export type ShopifyDiscountCodeResolvers<ContextType = ShopifyContext, ParentType extends ResolversParentTypes['ShopifyDiscountCode'] = ResolversParentTypes['ShopifyDiscountCode']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  endsAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  startsAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ShopifyImageResolvers<ContextType = ShopifyContext, ParentType extends ResolversParentTypes['ShopifyImage'] = ResolversParentTypes['ShopifyImage']> = {
  altText?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  url?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ShopifyLineItemResolvers<ContextType = ShopifyContext, ParentType extends ResolversParentTypes['ShopifyLineItem'] = ResolversParentTypes['ShopifyLineItem']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  product?: Resolver<Maybe<ResolversTypes['ShopifyProduct']>, ParentType, ContextType>;
  productId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  sku?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  unitPrice?: Resolver<ResolversTypes['ShopifyMoney'], ParentType, ContextType>;
  variantId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
};

export type ShopifyMoneyResolvers<ContextType = ShopifyContext, ParentType extends ResolversParentTypes['ShopifyMoney'] = ResolversParentTypes['ShopifyMoney']> = {
  amount?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  currencyCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ShopifyOrderResolvers<ContextType = ShopifyContext, ParentType extends ResolversParentTypes['ShopifyOrder'] = ResolversParentTypes['ShopifyOrder']> = {
  cancelledAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  connectionId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  financialStatus?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  fulfillmentStatus?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lineItems?: Resolver<Array<ResolversTypes['ShopifyLineItem']>, ParentType, ContextType>;
  lineItemsTruncated?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  processedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  totalPrice?: Resolver<ResolversTypes['ShopifyMoney'], ParentType, ContextType>;
};

export type ShopifyOrderPageResolvers<ContextType = ShopifyContext, ParentType extends ResolversParentTypes['ShopifyOrderPage'] = ResolversParentTypes['ShopifyOrderPage']> = {
  nodes?: Resolver<Array<ResolversTypes['ShopifyOrder']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['ShopifyPageInfo'], ParentType, ContextType>;
};

export type ShopifyPageInfoResolvers<ContextType = ShopifyContext, ParentType extends ResolversParentTypes['ShopifyPageInfo'] = ResolversParentTypes['ShopifyPageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type ShopifyProductResolvers<ContextType = ShopifyContext, ParentType extends ResolversParentTypes['ShopifyProduct'] = ResolversParentTypes['ShopifyProduct'], FederationReferenceType extends FederationReferenceTypes['ShopifyProduct'] = FederationReferenceTypes['ShopifyProduct']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['ShopifyProduct']> | FederationReferenceType, FederationReferenceType, ContextType>;
  connectionId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  handle?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  images?: Resolver<Array<ResolversTypes['ShopifyImage']>, ParentType, ContextType>;
  productType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ShopifyProductStatus'], ParentType, ContextType>;
  tags?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  variants?: Resolver<Array<ResolversTypes['ShopifyProductVariant']>, ParentType, ContextType>;
  vendor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ShopifyProductPageResolvers<ContextType = ShopifyContext, ParentType extends ResolversParentTypes['ShopifyProductPage'] = ResolversParentTypes['ShopifyProductPage']> = {
  nodes?: Resolver<Array<ResolversTypes['ShopifyProduct']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['ShopifyPageInfo'], ParentType, ContextType>;
};

export type ShopifyProductVariantResolvers<ContextType = ShopifyContext, ParentType extends ResolversParentTypes['ShopifyProductVariant'] = ResolversParentTypes['ShopifyProductVariant']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  price?: Resolver<ResolversTypes['ShopifyMoney'], ParentType, ContextType>;
  sku?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ShopifyShopResolvers<ContextType = ShopifyContext, ParentType extends ResolversParentTypes['ShopifyShop'] = ResolversParentTypes['ShopifyShop']> = {
  connectionId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  domain?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  ianaTimezone?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  myshopifyDomain?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  plan?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
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
  ShopifyCustomer?: ShopifyCustomerResolvers<ContextType>;
  ShopifyCustomerPage?: ShopifyCustomerPageResolvers<ContextType>;
  ShopifyDiscountCode?: ShopifyDiscountCodeResolvers<ContextType>;
  ShopifyImage?: ShopifyImageResolvers<ContextType>;
  ShopifyLineItem?: ShopifyLineItemResolvers<ContextType>;
  ShopifyMoney?: ShopifyMoneyResolvers<ContextType>;
  ShopifyOrder?: ShopifyOrderResolvers<ContextType>;
  ShopifyOrderPage?: ShopifyOrderPageResolvers<ContextType>;
  ShopifyPageInfo?: ShopifyPageInfoResolvers<ContextType>;
  ShopifyProduct?: ShopifyProductResolvers<ContextType>;
  ShopifyProductPage?: ShopifyProductPageResolvers<ContextType>;
  ShopifyProductVariant?: ShopifyProductVariantResolvers<ContextType>;
  ShopifyShop?: ShopifyShopResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  WorkspaceNotification?: WorkspaceNotificationResolvers<ContextType>;
};

