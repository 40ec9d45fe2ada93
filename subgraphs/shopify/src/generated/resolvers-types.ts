import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { IonfluxProduct, IonfluxOrder, IonfluxLineItem } from '../mapping/index.ts';
import type { RevenueSummaryParent } from '../revenue/index.ts';
import type { SalesEvent } from '../sales-events/index.ts';
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
  /**
   * An exact decimal amount as a string, e.g. "250.00": never a float. Input may be a string or a number
   * literal (read exactly as written).
   */
  Decimal: { input: string; output: string; }
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
  /** Creates a basic percentage discount code (needs write_discounts). */
  createShopifyDiscountCode: ShopifyDiscountCode;
  /**
   * Removes the store's webhook subscriptions (unless the store is connected in another workspace too),
   * forgets its token and marks the connection DISCONNECTED (the app stays installed on the store).
   */
  disconnectShopifyConnection: ShopifyConnection;
  /**
   * Marks notifications of the caller's workspace read; returns how many became read. Ids of other
   * workspaces, unknown ids and notifications already read change nothing. At most 500 ids.
   */
  markWorkspaceNotificationsRead: Scalars['Int']['output'];
  /**
   * Applies a stored delivery of the store again (the path of `npm run webhooks:replay`): reset to RECEIVED
   * with fresh attempts and its processing job enqueued. NOT_FOUND outside the caller's workspace;
   * INVALID_REQUEST while a worker applies it or when it cannot be replayed.
   */
  replayShopifyWebhookDelivery: ShopifyWebhookDelivery;
  /** Sets (or, with null, clears) the brand's HIGH_VALUE_ORDER threshold: a decimal above 0. */
  setShopifyHighValueOrderThreshold: ShopifySalesAlerts;
  /**
   * Makes a product of the store a key product with a LOW_INVENTORY threshold (0 to 1,000,000), or with null
   * removes it. NOT_FOUND when the product is not in the store's mirror.
   */
  setShopifyLowInventoryThreshold?: Maybe<ShopifyInventoryThreshold>;
  /**
   * Begins connecting a store to a brand: shop is a *.myshopify.com domain (or its first label). Anything
   * else is INVALID_REQUEST; nothing is redirected to it.
   */
  startShopifyConnection: ShopifyAuthorization;
  /**
   * Schedules a sync of the store's mirror now (the backfill if none completed yet, else the changes since
   * the last sync minus the overlap window) and answers at once with syncStatus RUNNING; the connection
   * shows IDLE with a new lastSyncedAt, or FAILED with syncErrorCode, when it ends.
   */
  syncShopifyConnection: ShopifyConnection;
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


export type MutationReplayShopifyWebhookDeliveryArgs = {
  connectionId: Scalars['ID']['input'];
  id: Scalars['ID']['input'];
};


export type MutationSetShopifyHighValueOrderThresholdArgs = {
  amount?: InputMaybe<Scalars['Decimal']['input']>;
  brandId: Scalars['ID']['input'];
};


export type MutationSetShopifyLowInventoryThresholdArgs = {
  connectionId: Scalars['ID']['input'];
  productId: Scalars['ID']['input'];
  threshold?: InputMaybe<Scalars['Int']['input']>;
};


export type MutationStartShopifyConnectionArgs = {
  brandId: Scalars['ID']['input'];
  scopes?: InputMaybe<Array<Scalars['String']['input']>>;
  shop: Scalars['String']['input'];
};


export type MutationSyncShopifyConnectionArgs = {
  connectionId: Scalars['ID']['input'];
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
  /**
   * Revenue of a connected store over [from, to) (at most 3,700 days), from its mirror. INVALID_REQUEST
   * when from is not before to; NOT_FOUND for a connection outside the caller's workspace.
   */
  revenueSummary: RevenueSummary;
  /** Shopify stores of the caller's workspace, of one brand when brandId is given. */
  shopifyConnections: Array<ShopifyConnection>;
  /** Customers (PII); SCOPE_REQUIRED with a grant URL unless read_customers is granted. first ≤ 100. */
  shopifyCustomers: ShopifyCustomerPage;
  /** The key products of a store and their LOW_INVENTORY thresholds. */
  shopifyInventoryThresholds: Array<ShopifyInventoryThreshold>;
  shopifyOrder?: Maybe<ShopifyOrder>;
  /** Orders, newest first; `query` uses Shopify's search syntax (e.g. `financial_status:paid`). first ≤ 50. */
  shopifyOrders: ShopifyOrderPage;
  /** Products, newest id last; `query` uses Shopify's search syntax (e.g. `status:active vendor:Acme`). first ≤ 50. */
  shopifyProducts: ShopifyProductPage;
  /** A brand's Sales Sentinel settings. */
  shopifySalesAlerts: ShopifySalesAlerts;
  /** The connected store itself. */
  shopifyShop: ShopifyShop;
  /**
   * The store's webhook deliveries received since the connection was made, newest first; first is 1-200
   * (default 50). NOT_FOUND for a connection outside the caller's workspace.
   */
  shopifyWebhookDeliveries: Array<ShopifyWebhookDelivery>;
  /** The caller's workspace notifications, newest first; `first` is 1-200 (default 50). */
  workspaceNotifications: Array<WorkspaceNotification>;
};


export type QueryIntegrationConnectionsArgs = {
  provider?: InputMaybe<IntegrationProvider>;
  status?: InputMaybe<ConnectionStatus>;
};


export type QueryRevenueSummaryArgs = {
  connectionId: Scalars['ID']['input'];
  from: Scalars['DateTime']['input'];
  interval: RevenueInterval;
  to: Scalars['DateTime']['input'];
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


export type QueryShopifyInventoryThresholdsArgs = {
  connectionId: Scalars['ID']['input'];
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


export type QueryShopifySalesAlertsArgs = {
  brandId: Scalars['ID']['input'];
};


export type QueryShopifyShopArgs = {
  connectionId: Scalars['ID']['input'];
};


export type QueryShopifyWebhookDeliveriesArgs = {
  connectionId: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<ShopifyWebhookDeliveryStatus>;
};


export type QueryWorkspaceNotificationsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  unreadOnly?: InputMaybe<Scalars['Boolean']['input']>;
};

/** One bucket of a revenue series: [start, end) within the summary's [from, to). */
export type RevenueBucket = {
  __typename?: 'RevenueBucket';
  end: Scalars['DateTime']['output'];
  orderCount: Scalars['Int']['output'];
  start: Scalars['DateTime']['output'];
  totalSales: ShopifyMoney;
};

/** How revenueSummary buckets its series: days, ISO weeks (from Monday) or months of the shop's timezone. */
export type RevenueInterval =
  | 'DAY'
  | 'MONTH'
  | 'WEEK';

/** A product's share of a revenue summary: units, and sales (line price × quantity − line discount). */
export type RevenueProduct = {
  __typename?: 'RevenueProduct';
  productId: Scalars['ID']['output'];
  quantity: Scalars['Int']['output'];
  sales: ShopifyMoney;
  /** The mirrored product's title, else the title the order lines carry. */
  title?: Maybe<Scalars['String']['output']>;
};

/**
 * Revenue Tracker Lite: orders created in [from, to), test and cancelled orders excluded, summed exactly in
 * the shop currency from the store's mirror (rollups kept as orders change: a refund or edit of an old order
 * moves the bucket the order was created in).
 */
export type RevenueSummary = {
  __typename?: 'RevenueSummary';
  /** totalSales / orderCount, rounded half up to 2 decimals; 0 without orders. */
  averageOrderValue: ShopifyMoney;
  connectionId: Scalars['ID']['output'];
  currency: Scalars['String']['output'];
  from: Scalars['DateTime']['output'];
  /** Σ totalPriceSet. */
  grossSales: ShopifyMoney;
  /** Buckets are days, weeks and months of this timezone (the shop's). */
  ianaTimezone: Scalars['String']['output'];
  interval: RevenueInterval;
  /** When the mirror was last synchronised with the store (webhooks keep it current in between). */
  lastSyncedAt?: Maybe<Scalars['DateTime']['output']>;
  orderCount: Scalars['Int']['output'];
  /** Σ totalRefundedSet. */
  refunds: ShopifyMoney;
  /** Every bucket of the interval overlapping [from, to), empty ones included. */
  series: Array<RevenueBucket>;
  to: Scalars['DateTime']['output'];
  /** Best-selling products by sales; limit 1-100. */
  topProducts: Array<RevenueProduct>;
  /** Σ currentTotalPriceSet (after refunds and edits). */
  totalSales: ShopifyMoney;
};


/**
 * Revenue Tracker Lite: orders created in [from, to), test and cancelled orders excluded, summed exactly in
 * the shop currency from the store's mirror (rollups kept as orders change: a refund or edit of an old order
 * moves the bucket the order was created in).
 */
export type RevenueSummaryTopProductsArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
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
  /** When the last sync of the store's mirror completed (the backfill on connect, then periodic or requested). */
  lastSyncedAt?: Maybe<Scalars['DateTime']['output']>;
  scopes: Array<Scalars['String']['output']>;
  /** The store's permanent domain, e.g. ionflux-demo.myshopify.com. */
  shop: Scalars['String']['output'];
  shopName?: Maybe<Scalars['String']['output']>;
  status: ConnectionStatus;
  syncErrorCode?: Maybe<Scalars['String']['output']>;
  /** IDLE, RUNNING or FAILED (with syncErrorCode); null before the first sync was scheduled. */
  syncStatus?: Maybe<SyncStatus>;
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

export type ShopifyInventoryThreshold = {
  __typename?: 'ShopifyInventoryThreshold';
  connectionId: Scalars['ID']['output'];
  productId: Scalars['ID']['output'];
  /** A variant whose stock falls below this raises LOW_INVENTORY. */
  threshold: Scalars['Int']['output'];
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
  /** Stock as mirrored (webhooks and sync); null when read live or when Shopify does not track it. */
  inventoryQuantity?: Maybe<Scalars['Int']['output']>;
  price: ShopifyMoney;
  sku?: Maybe<Scalars['String']['output']>;
  title: Scalars['String']['output'];
};

export type ShopifySalesAlerts = {
  __typename?: 'ShopifySalesAlerts';
  brandId: Scalars['ID']['output'];
  /** New orders at or above this total (in each store's own currency) raise HIGH_VALUE_ORDER; null: none. */
  highValueOrderThreshold?: Maybe<Scalars['Decimal']['output']>;
};

/**
 * A change of a brand's stores, raised once when the change reaches the mirror (a duplicate or replayed
 * webhook raises nothing). order and product are this subgraph's entities, so any federated field of them
 * can be selected (e.g. a product's aiSummary).
 */
export type ShopifySalesEvent = {
  __typename?: 'ShopifySalesEvent';
  brandId: Scalars['ID']['output'];
  connectionId: Scalars['ID']['output'];
  /** The same for every delivery of the same change. */
  id: Scalars['ID']['output'];
  kind: ShopifySalesEventKind;
  /** When the change happened at the store. */
  occurredAt: Scalars['DateTime']['output'];
  /** The order as mirrored by the change (order events). */
  order?: Maybe<ShopifyOrder>;
  /** The product (LOW_INVENTORY). */
  product?: Maybe<ShopifyProduct>;
  /** HIGH_VALUE_ORDER: the brand's threshold; LOW_INVENTORY: the product's. */
  threshold?: Maybe<Scalars['Decimal']['output']>;
  /** The variant that fell below the threshold (LOW_INVENTORY). */
  variant?: Maybe<ShopifyProductVariant>;
};

/** What a Sales Sentinel event reports. */
export type ShopifySalesEventKind =
  /** A new order whose total is at or above the brand's highValueOrderThreshold. */
  | 'HIGH_VALUE_ORDER'
  /** A variant of a key product fell below its product's threshold (once per crossing). */
  | 'LOW_INVENTORY'
  /** An order the mirror had not seen. */
  | 'NEW_ORDER'
  /** An order moved into FULFILLED. */
  | 'ORDER_FULFILLED'
  /** An order moved into PAID. */
  | 'ORDER_PAID'
  /** A refund was added to an order (one event per refund). */
  | 'ORDER_REFUNDED';

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

/** A webhook Shopify sent about a connected store, stored before it was answered (its payload is not exposed). */
export type ShopifyWebhookDelivery = {
  __typename?: 'ShopifyWebhookDelivery';
  attempts: Scalars['Int']['output'];
  connectionId: Scalars['ID']['output'];
  /** The last processing error, when an attempt failed. */
  error?: Maybe<Scalars['String']['output']>;
  /** The stored delivery's id (what `npm run webhooks:replay` takes). */
  id: Scalars['ID']['output'];
  processedAt?: Maybe<Scalars['DateTime']['output']>;
  receivedAt: Scalars['DateTime']['output'];
  /** Shopify's id of the delivery (X-Shopify-Webhook-Id). */
  shopifyDeliveryId: Scalars['String']['output'];
  status: ShopifyWebhookDeliveryStatus;
  topic: Scalars['String']['output'];
};

/** Where a stored webhook delivery stands: RECEIVED, then PROCESSING, then PROCESSED, or FAILED (retried) and DEAD. */
export type ShopifyWebhookDeliveryStatus =
  | 'DEAD'
  | 'FAILED'
  | 'PROCESSED'
  | 'PROCESSING'
  | 'RECEIVED';

export type Subscription = {
  __typename?: 'Subscription';
  /**
   * Sales Sentinel: the brand's store events as they reach the mirror, on every instance. minOrderValue
   * drops order events whose order total (shop currency) is below it; LOW_INVENTORY always passes.
   */
  shopifySalesEvents: ShopifySalesEvent;
  /**
   * The caller's workspace notifications as they are raised (a store connected, access revoked, the app
   * uninstalled, a connection degraded), on every instance of every service.
   */
  workspaceNotifications: WorkspaceNotification;
};


export type SubscriptionShopifySalesEventsArgs = {
  brandId: Scalars['ID']['input'];
  minOrderValue?: InputMaybe<Scalars['Decimal']['input']>;
};

/**
 * Where the synchronisation of a connection's mirrored data stands. FAILED carries the error code of the
 * last attempt (`syncErrorCode`); the next periodic or requested sync tries again.
 */
export type SyncStatus =
  | 'FAILED'
  | 'IDLE'
  | 'RUNNING';

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
  ShopifyOrder: ShopifyOrder;
  ShopifyProduct: ShopifyProduct;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  ShopifyConnection:
    ( { __typename: 'ShopifyConnection' }
    & GraphQLRecursivePick<FederationTypes['ShopifyConnection'], {"id":true}> );
  ShopifyOrder:
    ( { __typename: 'ShopifyOrder' }
    & GraphQLRecursivePick<FederationTypes['ShopifyOrder'], {"id":true}> );
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
  Decimal: ResolverTypeWrapper<Scalars['Decimal']['output']>;
  IntegrationConnection: ResolverTypeWrapper<IntegrationConnection>;
  IntegrationProvider: IntegrationProvider;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  NotificationSeverity: NotificationSeverity;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  RevenueBucket: ResolverTypeWrapper<RevenueBucket>;
  RevenueInterval: RevenueInterval;
  RevenueProduct: ResolverTypeWrapper<RevenueProduct>;
  RevenueSummary: ResolverTypeWrapper<RevenueSummaryParent>;
  ShopifyAuthorization: ResolverTypeWrapper<ShopifyAuthorization>;
  ShopifyConnection: ResolverTypeWrapper<ShopifyConnection>;
  ShopifyCustomer: ResolverTypeWrapper<ShopifyCustomer>;
  ShopifyCustomerPage: ResolverTypeWrapper<ShopifyCustomerPage>;
  ShopifyDiscountCode: ResolverTypeWrapper<ShopifyDiscountCode>;
  ShopifyImage: ResolverTypeWrapper<ShopifyImage>;
  ShopifyInventoryThreshold: ResolverTypeWrapper<ShopifyInventoryThreshold>;
  ShopifyLineItem: ResolverTypeWrapper<IonfluxLineItem>;
  ShopifyMoney: ResolverTypeWrapper<ShopifyMoney>;
  ShopifyOrder: ResolverTypeWrapper<IonfluxOrder>;
  ShopifyOrderPage: ResolverTypeWrapper<Omit<ShopifyOrderPage, 'nodes'> & { nodes: Array<ResolversTypes['ShopifyOrder']> }>;
  ShopifyPageInfo: ResolverTypeWrapper<ShopifyPageInfo>;
  ShopifyProduct: ResolverTypeWrapper<IonfluxProduct>;
  ShopifyProductPage: ResolverTypeWrapper<Omit<ShopifyProductPage, 'nodes'> & { nodes: Array<ResolversTypes['ShopifyProduct']> }>;
  ShopifyProductStatus: ShopifyProductStatus;
  ShopifyProductVariant: ResolverTypeWrapper<ShopifyProductVariant>;
  ShopifySalesAlerts: ResolverTypeWrapper<ShopifySalesAlerts>;
  ShopifySalesEvent: ResolverTypeWrapper<SalesEvent>;
  ShopifySalesEventKind: ShopifySalesEventKind;
  ShopifyShop: ResolverTypeWrapper<ShopifyShop>;
  ShopifyWebhookDelivery: ResolverTypeWrapper<ShopifyWebhookDelivery>;
  ShopifyWebhookDeliveryStatus: ShopifyWebhookDeliveryStatus;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  SyncStatus: SyncStatus;
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
  Decimal: Scalars['Decimal']['output'];
  IntegrationConnection: IntegrationConnection;
  Mutation: Record<PropertyKey, never>;
  Query: Record<PropertyKey, never>;
  Boolean: Scalars['Boolean']['output'];
  RevenueBucket: RevenueBucket;
  RevenueProduct: RevenueProduct;
  RevenueSummary: RevenueSummaryParent;
  ShopifyAuthorization: ShopifyAuthorization;
  ShopifyConnection: ShopifyConnection | FederationReferenceTypes['ShopifyConnection'];
  ShopifyCustomer: ShopifyCustomer;
  ShopifyCustomerPage: ShopifyCustomerPage;
  ShopifyDiscountCode: ShopifyDiscountCode;
  ShopifyImage: ShopifyImage;
  ShopifyInventoryThreshold: ShopifyInventoryThreshold;
  ShopifyLineItem: IonfluxLineItem;
  ShopifyMoney: ShopifyMoney;
  ShopifyOrder: IonfluxOrder;
  ShopifyOrderPage: Omit<ShopifyOrderPage, 'nodes'> & { nodes: Array<ResolversParentTypes['ShopifyOrder']> };
  ShopifyPageInfo: ShopifyPageInfo;
  ShopifyProduct: IonfluxProduct;
  ShopifyProductPage: Omit<ShopifyProductPage, 'nodes'> & { nodes: Array<ResolversParentTypes['ShopifyProduct']> };
  ShopifyProductVariant: ShopifyProductVariant;
  ShopifySalesAlerts: ShopifySalesAlerts;
  ShopifySalesEvent: SalesEvent;
  ShopifyShop: ShopifyShop;
  ShopifyWebhookDelivery: ShopifyWebhookDelivery;
  Subscription: Record<PropertyKey, never>;
  WorkspaceNotification: WorkspaceNotification;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export interface DecimalScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Decimal'], any> {
  name: 'Decimal';
}

export type IntegrationConnectionResolvers<ContextType = ShopifyContext, ParentType extends ResolversParentTypes['IntegrationConnection'] = ResolversParentTypes['IntegrationConnection']> = {
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

export type MutationResolvers<ContextType = ShopifyContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  createShopifyDiscountCode?: Resolver<ResolversTypes['ShopifyDiscountCode'], ParentType, ContextType, RequireFields<MutationCreateShopifyDiscountCodeArgs, 'input'>>;
  disconnectShopifyConnection?: Resolver<ResolversTypes['ShopifyConnection'], ParentType, ContextType, RequireFields<MutationDisconnectShopifyConnectionArgs, 'connectionId'>>;
  markWorkspaceNotificationsRead?: Resolver<ResolversTypes['Int'], ParentType, ContextType, RequireFields<MutationMarkWorkspaceNotificationsReadArgs, 'ids'>>;
  replayShopifyWebhookDelivery?: Resolver<ResolversTypes['ShopifyWebhookDelivery'], ParentType, ContextType, RequireFields<MutationReplayShopifyWebhookDeliveryArgs, 'connectionId' | 'id'>>;
  setShopifyHighValueOrderThreshold?: Resolver<ResolversTypes['ShopifySalesAlerts'], ParentType, ContextType, RequireFields<MutationSetShopifyHighValueOrderThresholdArgs, 'brandId'>>;
  setShopifyLowInventoryThreshold?: Resolver<Maybe<ResolversTypes['ShopifyInventoryThreshold']>, ParentType, ContextType, RequireFields<MutationSetShopifyLowInventoryThresholdArgs, 'connectionId' | 'productId'>>;
  startShopifyConnection?: Resolver<ResolversTypes['ShopifyAuthorization'], ParentType, ContextType, RequireFields<MutationStartShopifyConnectionArgs, 'brandId' | 'shop'>>;
  syncShopifyConnection?: Resolver<ResolversTypes['ShopifyConnection'], ParentType, ContextType, RequireFields<MutationSyncShopifyConnectionArgs, 'connectionId'>>;
};

export type QueryResolvers<ContextType = ShopifyContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  integrationConnections?: Resolver<Array<ResolversTypes['IntegrationConnection']>, ParentType, ContextType, Partial<QueryIntegrationConnectionsArgs>>;
  revenueSummary?: Resolver<ResolversTypes['RevenueSummary'], ParentType, ContextType, RequireFields<QueryRevenueSummaryArgs, 'connectionId' | 'from' | 'interval' | 'to'>>;
  shopifyConnections?: Resolver<Array<ResolversTypes['ShopifyConnection']>, ParentType, ContextType, Partial<QueryShopifyConnectionsArgs>>;
  shopifyCustomers?: Resolver<ResolversTypes['ShopifyCustomerPage'], ParentType, ContextType, RequireFields<QueryShopifyCustomersArgs, 'connectionId' | 'first'>>;
  shopifyInventoryThresholds?: Resolver<Array<ResolversTypes['ShopifyInventoryThreshold']>, ParentType, ContextType, RequireFields<QueryShopifyInventoryThresholdsArgs, 'connectionId'>>;
  shopifyOrder?: Resolver<Maybe<ResolversTypes['ShopifyOrder']>, ParentType, ContextType, RequireFields<QueryShopifyOrderArgs, 'connectionId' | 'id'>>;
  shopifyOrders?: Resolver<ResolversTypes['ShopifyOrderPage'], ParentType, ContextType, RequireFields<QueryShopifyOrdersArgs, 'connectionId' | 'first'>>;
  shopifyProducts?: Resolver<ResolversTypes['ShopifyProductPage'], ParentType, ContextType, RequireFields<QueryShopifyProductsArgs, 'connectionId' | 'first'>>;
  shopifySalesAlerts?: Resolver<ResolversTypes['ShopifySalesAlerts'], ParentType, ContextType, RequireFields<QueryShopifySalesAlertsArgs, 'brandId'>>;
  shopifyShop?: Resolver<ResolversTypes['ShopifyShop'], ParentType, ContextType, RequireFields<QueryShopifyShopArgs, 'connectionId'>>;
  shopifyWebhookDeliveries?: Resolver<Array<ResolversTypes['ShopifyWebhookDelivery']>, ParentType, ContextType, RequireFields<QueryShopifyWebhookDeliveriesArgs, 'connectionId' | 'first'>>;
  workspaceNotifications?: Resolver<Array<ResolversTypes['WorkspaceNotification']>, ParentType, ContextType, Partial<QueryWorkspaceNotificationsArgs>>;
};

export type RevenueBucketResolvers<ContextType = ShopifyContext, ParentType extends ResolversParentTypes['RevenueBucket'] = ResolversParentTypes['RevenueBucket']> = {
  end?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  orderCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  start?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  totalSales?: Resolver<ResolversTypes['ShopifyMoney'], ParentType, ContextType>;
};

export type RevenueProductResolvers<ContextType = ShopifyContext, ParentType extends ResolversParentTypes['RevenueProduct'] = ResolversParentTypes['RevenueProduct']> = {
  productId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  sales?: Resolver<ResolversTypes['ShopifyMoney'], ParentType, ContextType>;
  title?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type RevenueSummaryResolvers<ContextType = ShopifyContext, ParentType extends ResolversParentTypes['RevenueSummary'] = ResolversParentTypes['RevenueSummary']> = {
  averageOrderValue?: Resolver<ResolversTypes['ShopifyMoney'], ParentType, ContextType>;
  connectionId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  from?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  grossSales?: Resolver<ResolversTypes['ShopifyMoney'], ParentType, ContextType>;
  ianaTimezone?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  interval?: Resolver<ResolversTypes['RevenueInterval'], ParentType, ContextType>;
  lastSyncedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  orderCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  refunds?: Resolver<ResolversTypes['ShopifyMoney'], ParentType, ContextType>;
  series?: Resolver<Array<ResolversTypes['RevenueBucket']>, ParentType, ContextType>;
  to?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  topProducts?: Resolver<Array<ResolversTypes['RevenueProduct']>, ParentType, ContextType, RequireFields<RevenueSummaryTopProductsArgs, 'limit'>>;
  totalSales?: Resolver<ResolversTypes['ShopifyMoney'], ParentType, ContextType>;
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
  syncErrorCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  syncStatus?: Resolver<Maybe<ResolversTypes['SyncStatus']>, ParentType, ContextType>;
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

export type ShopifyInventoryThresholdResolvers<ContextType = ShopifyContext, ParentType extends ResolversParentTypes['ShopifyInventoryThreshold'] = ResolversParentTypes['ShopifyInventoryThreshold']> = {
  connectionId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  productId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  threshold?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
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

export type ShopifyOrderResolvers<ContextType = ShopifyContext, ParentType extends ResolversParentTypes['ShopifyOrder'] = ResolversParentTypes['ShopifyOrder'], FederationReferenceType extends FederationReferenceTypes['ShopifyOrder'] = FederationReferenceTypes['ShopifyOrder']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['ShopifyOrder']> | FederationReferenceType, FederationReferenceType, ContextType>;
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
  inventoryQuantity?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  price?: Resolver<ResolversTypes['ShopifyMoney'], ParentType, ContextType>;
  sku?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ShopifySalesAlertsResolvers<ContextType = ShopifyContext, ParentType extends ResolversParentTypes['ShopifySalesAlerts'] = ResolversParentTypes['ShopifySalesAlerts']> = {
  brandId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  highValueOrderThreshold?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
};

export type ShopifySalesEventResolvers<ContextType = ShopifyContext, ParentType extends ResolversParentTypes['ShopifySalesEvent'] = ResolversParentTypes['ShopifySalesEvent']> = {
  brandId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  connectionId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ShopifySalesEventKind'], ParentType, ContextType>;
  occurredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  order?: Resolver<Maybe<ResolversTypes['ShopifyOrder']>, ParentType, ContextType>;
  product?: Resolver<Maybe<ResolversTypes['ShopifyProduct']>, ParentType, ContextType>;
  threshold?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  variant?: Resolver<Maybe<ResolversTypes['ShopifyProductVariant']>, ParentType, ContextType>;
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

export type ShopifyWebhookDeliveryResolvers<ContextType = ShopifyContext, ParentType extends ResolversParentTypes['ShopifyWebhookDelivery'] = ResolversParentTypes['ShopifyWebhookDelivery']> = {
  attempts?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  connectionId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  processedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  receivedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  shopifyDeliveryId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ShopifyWebhookDeliveryStatus'], ParentType, ContextType>;
  topic?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type SubscriptionResolvers<ContextType = ShopifyContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = {
  shopifySalesEvents?: SubscriptionResolver<ResolversTypes['ShopifySalesEvent'], "shopifySalesEvents", ParentType, ContextType, RequireFields<SubscriptionShopifySalesEventsArgs, 'brandId'>>;
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
  Decimal?: GraphQLScalarType;
  IntegrationConnection?: IntegrationConnectionResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RevenueBucket?: RevenueBucketResolvers<ContextType>;
  RevenueProduct?: RevenueProductResolvers<ContextType>;
  RevenueSummary?: RevenueSummaryResolvers<ContextType>;
  ShopifyAuthorization?: ShopifyAuthorizationResolvers<ContextType>;
  ShopifyConnection?: ShopifyConnectionResolvers<ContextType>;
  ShopifyCustomer?: ShopifyCustomerResolvers<ContextType>;
  ShopifyCustomerPage?: ShopifyCustomerPageResolvers<ContextType>;
  ShopifyDiscountCode?: ShopifyDiscountCodeResolvers<ContextType>;
  ShopifyImage?: ShopifyImageResolvers<ContextType>;
  ShopifyInventoryThreshold?: ShopifyInventoryThresholdResolvers<ContextType>;
  ShopifyLineItem?: ShopifyLineItemResolvers<ContextType>;
  ShopifyMoney?: ShopifyMoneyResolvers<ContextType>;
  ShopifyOrder?: ShopifyOrderResolvers<ContextType>;
  ShopifyOrderPage?: ShopifyOrderPageResolvers<ContextType>;
  ShopifyPageInfo?: ShopifyPageInfoResolvers<ContextType>;
  ShopifyProduct?: ShopifyProductResolvers<ContextType>;
  ShopifyProductPage?: ShopifyProductPageResolvers<ContextType>;
  ShopifyProductVariant?: ShopifyProductVariantResolvers<ContextType>;
  ShopifySalesAlerts?: ShopifySalesAlertsResolvers<ContextType>;
  ShopifySalesEvent?: ShopifySalesEventResolvers<ContextType>;
  ShopifyShop?: ShopifyShopResolvers<ContextType>;
  ShopifyWebhookDelivery?: ShopifyWebhookDeliveryResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  WorkspaceNotification?: WorkspaceNotificationResolvers<ContextType>;
};

