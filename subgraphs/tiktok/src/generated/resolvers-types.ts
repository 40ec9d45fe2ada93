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
  /** Revokes the token at TikTok, forgets it and marks the connection DISCONNECTED (notified once). */
  disconnectTikTokConnection: TikTokConnection;
  /**
   * Marks notifications of the caller's workspace read; returns how many became read. Ids of other
   * workspaces, unknown ids and notifications already read change nothing. At most 500 ids.
   */
  markWorkspaceNotificationsRead: Scalars['Int']['output'];
  /**
   * Posts a video to the connected TikTok account (scope video.publish, else SCOPE_REQUIRED with a grant
   * URL). Checks the privacy level against TikTok's creator_info and the URL's origin against
   * TIKTOK_PULL_ORIGINS before anything is posted, then a durable job posts it, sends an uploaded file in
   * chunks and polls TikTok until PUBLISH_COMPLETE or FAILED.
   */
  publishTikTokVideo: TikTokPublish;
  /**
   * Applies a stored delivery of the account again (the path of `npm run webhooks:replay`): reset to
   * RECEIVED with fresh attempts and its processing job enqueued. NOT_FOUND outside the caller's workspace;
   * INVALID_REQUEST while a worker applies it or when it cannot be replayed.
   */
  replayTikTokWebhookDelivery: TikTokWebhookDelivery;
  /**
   * Incremental authorization (spec 3.3): a link that asks the account for the given scopes on top of those
   * granted, keeping the same connection; the account that comes back must be the same one.
   */
  requestTikTokScopes: TikTokAuthorization;
  /**
   * Begins connecting a TikTok account to a brand or a creator (exactly one of brandId, creatorId). Without
   * scopes only user.info.basic is asked; features that need more answer SCOPE_REQUIRED with a grant URL.
   */
  startTikTokConnection: TikTokAuthorization;
};


export type MutationDisconnectTikTokConnectionArgs = {
  connectionId: Scalars['ID']['input'];
};


export type MutationMarkWorkspaceNotificationsReadArgs = {
  ids: Array<Scalars['ID']['input']>;
};


export type MutationPublishTikTokVideoArgs = {
  input: PublishTikTokVideoInput;
};


export type MutationReplayTikTokWebhookDeliveryArgs = {
  connectionId: Scalars['ID']['input'];
  id: Scalars['ID']['input'];
};


export type MutationRequestTikTokScopesArgs = {
  connectionId: Scalars['ID']['input'];
  scopes: Array<Scalars['String']['input']>;
};


export type MutationStartTikTokConnectionArgs = {
  brandId?: InputMaybe<Scalars['ID']['input']>;
  creatorId?: InputMaybe<Scalars['ID']['input']>;
  scopes?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** How much a notification matters: ERROR means something stopped working until someone acts. */
export type NotificationSeverity =
  | 'ERROR'
  | 'INFO'
  | 'WARNING';

/**
 * What to post. Exactly one of videoUrl and uploadId. TikTok's video post has one caption: title, then
 * description after a blank line, at most 2,200 characters together.
 */
export type PublishTikTokVideoInput = {
  connectionId: Scalars['ID']['input'];
  description?: InputMaybe<Scalars['String']['input']>;
  disableComment?: InputMaybe<Scalars['Boolean']['input']>;
  disableDuet?: InputMaybe<Scalars['Boolean']['input']>;
  disableStitch?: InputMaybe<Scalars['Boolean']['input']>;
  /** Must be one of the levels TikTok's creator_info allows for the account (else INVALID_REQUEST naming them). */
  privacyLevel: TikTokPrivacyLevel;
  title: Scalars['String']['input'];
  /** The uploadId answered by POST /uploads/tiktok (same workspace; each upload is published once). */
  uploadId?: InputMaybe<Scalars['ID']['input']>;
  /** Which frame becomes the cover, in milliseconds from the start. */
  videoCoverTimestampMs?: InputMaybe<Scalars['Int']['input']>;
  /** A URL on an origin in TIKTOK_PULL_ORIGINS (TikTok downloads it; IONFLUX never fetches it). */
  videoUrl?: InputMaybe<Scalars['String']['input']>;
};

export type Query = {
  __typename?: 'Query';
  /**
   * A creator not connected to IONFLUX, as public Research data shows them over the last days (1-30):
   * recent videos, average and median views, engagement, posting rate, hashtags. username without @.
   */
  analyzeTikTokCreator: TikTokCreatorAnalysis;
  /** Every connection of the caller's workspace across integrations, newest first. */
  integrationConnections: Array<IntegrationConnection>;
  /** TikTok accounts of the caller's workspace, of one brand or creator when given. */
  tiktokConnections: Array<TikTokConnection>;
  /**
   * Trend data for hashtags: the public videos of the last days (1-30) carrying any of the names or matching
   * any of the keywords, aggregated per hashtag; the first (1-50) most viewed hashtags.
   */
  tiktokHashtags: TikTokHashtagTrends;
  /**
   * The connected account's profile, read live from TikTok's Display API (/v2/user/info/). Username and
   * bio need user.info.profile, the counts user.info.stats: fields whose scope was not granted are null.
   */
  tiktokProfile: TikTokProfile;
  /** A publish of the caller's workspace by its jobId (NOT_FOUND otherwise). */
  tiktokPublish: TikTokPublish;
  /**
   * The account's publishes, newest first; first is 1-100 (default 20). NOT_FOUND for a connection outside
   * the caller's workspace.
   */
  tiktokPublishes: Array<TikTokPublish>;
  /**
   * Public videos (any creator) matching any of the keywords (in the description) or hashtags, in the given
   * regions (two-letter codes; all when none), posted from-to. TikTok searches at most 30 days at a time:
   * a longer span is INVALID_REQUEST before any call. first is 1-100. At least one keyword or hashtag.
   */
  tiktokResearchVideos: TikTokResearchVideoPage;
  /**
   * Current counts of 1-20 of the account's own videos (/v2/video/query/, scope video.list), in the order
   * asked; ids TikTok does not return as the account's own are left out.
   */
  tiktokVideoInsights: Array<TikTokVideoInsight>;
  /**
   * The connected account's own public videos, newest first (/v2/video/list/, scope video.list; without it
   * SCOPE_REQUIRED with a grant URL). first is 1-20 (TikTok's max_count); after is a page's endCursor.
   */
  tiktokVideos: TikTokVideoPage;
  /**
   * The account's webhook deliveries received since the connection was made, newest first; first is 1-200
   * (default 50). NOT_FOUND for a connection outside the caller's workspace.
   */
  tiktokWebhookDeliveries: Array<TikTokWebhookDelivery>;
  /** The caller's workspace notifications, newest first; `first` is 1-200 (default 50). */
  workspaceNotifications: Array<WorkspaceNotification>;
};


export type QueryAnalyzeTikTokCreatorArgs = {
  days?: InputMaybe<Scalars['Int']['input']>;
  username: Scalars['String']['input'];
};


export type QueryIntegrationConnectionsArgs = {
  provider?: InputMaybe<IntegrationProvider>;
  status?: InputMaybe<ConnectionStatus>;
};


export type QueryTiktokConnectionsArgs = {
  brandId?: InputMaybe<Scalars['ID']['input']>;
  creatorId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryTiktokHashtagsArgs = {
  days?: InputMaybe<Scalars['Int']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  keywords?: InputMaybe<Array<Scalars['String']['input']>>;
  names?: InputMaybe<Array<Scalars['String']['input']>>;
  regions?: InputMaybe<Array<Scalars['String']['input']>>;
};


export type QueryTiktokProfileArgs = {
  connectionId: Scalars['ID']['input'];
};


export type QueryTiktokPublishArgs = {
  jobId: Scalars['ID']['input'];
};


export type QueryTiktokPublishesArgs = {
  connectionId: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryTiktokResearchVideosArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  from: Scalars['DateTime']['input'];
  hashtags?: InputMaybe<Array<Scalars['String']['input']>>;
  keywords?: InputMaybe<Array<Scalars['String']['input']>>;
  regions?: InputMaybe<Array<Scalars['String']['input']>>;
  to: Scalars['DateTime']['input'];
};


export type QueryTiktokVideoInsightsArgs = {
  connectionId: Scalars['ID']['input'];
  videoIds: Array<Scalars['ID']['input']>;
};


export type QueryTiktokVideosArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  connectionId: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryTiktokWebhookDeliveriesArgs = {
  connectionId: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<TikTokWebhookDeliveryStatus>;
};


export type QueryWorkspaceNotificationsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  unreadOnly?: InputMaybe<Scalars['Boolean']['input']>;
};

export type Subscription = {
  __typename?: 'Subscription';
  /**
   * A publish of the caller's workspace as it changes: its state now, then every change; the stream ends
   * after PUBLISH_COMPLETE or FAILED. An unknown jobId is NOT_FOUND.
   */
  tiktokPublishStatus: TikTokPublish;
};


export type SubscriptionTiktokPublishStatusArgs = {
  jobId: Scalars['ID']['input'];
};

/**
 * Where the synchronisation of a connection's mirrored data stands. FAILED carries the error code of the
 * last attempt (`syncErrorCode`); the next periodic or requested sync tries again.
 */
export type SyncStatus =
  | 'FAILED'
  | 'IDLE'
  | 'RUNNING';

/** Where to send the user to connect a TikTok account (spec 3.1); the state is single use and expires. */
export type TikTokAuthorization = {
  __typename?: 'TikTokAuthorization';
  /**
   * The link to open in the user's browser: /oauth/tiktok/start at IONFLUX_PUBLIC_URL, which binds that
   * browser to the flow (a signed cookie) and redirects to TikTok's authorize page (PKCE S256). The browser
   * comes back to /oauth/tiktok/callback, which only the browser that opened the link completes.
   */
  authorizationUrl: Scalars['String']['output'];
  expiresAt: Scalars['DateTime']['output'];
  state: Scalars['String']['output'];
};

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

/**
 * What TikTok's public Research data says about a creator over a period (UGC Matchmaker). Only public videos
 * of the period count (at most 500); follower counts and private or deleted videos are not available this way.
 */
export type TikTokCreatorAnalysis = {
  __typename?: 'TikTokCreatorAnalysis';
  averageViews: Scalars['Float']['output'];
  /** False when the creator posted more videos than were sampled. */
  complete: Scalars['Boolean']['output'];
  /** (likes + comments + shares) / views over the videos; 0 without views. */
  engagementRate: Scalars['Float']['output'];
  from: Scalars['DateTime']['output'];
  medianViews: Scalars['Float']['output'];
  postsPerWeek: Scalars['Float']['output'];
  /** The newest videos, up to 10. */
  recentVideos: Array<TikTokResearchVideo>;
  to: Scalars['DateTime']['output'];
  /** The hashtags the creator used most, by number of videos. */
  topHashtags: Array<TikTokHashtagCount>;
  username: Scalars['String']['output'];
  /** Public videos found in the period (0 when the username is unknown or posted nothing public). */
  videoCount: Scalars['Int']['output'];
};

export type TikTokHashtagCount = {
  __typename?: 'TikTokHashtagCount';
  name: Scalars['String']['output'];
  videoCount: Scalars['Int']['output'];
};

/** How one hashtag did among the sampled videos. */
export type TikTokHashtagTrend = {
  __typename?: 'TikTokHashtagTrend';
  averageViews: Scalars['Float']['output'];
  /** (likes + comments + shares) / views over those videos; 0 without views. */
  engagementRate: Scalars['Float']['output'];
  /** Lower case, without #. */
  name: Scalars['String']['output'];
  /** Views of those videos, summed (may exceed 32 bits, hence Float). */
  totalViews: Scalars['Float']['output'];
  /** Sampled videos carrying it. */
  videoCount: Scalars['Int']['output'];
};

/** Hashtag trends computed from the public videos of a period (TikTok has no hashtag endpoint). */
export type TikTokHashtagTrends = {
  __typename?: 'TikTokHashtagTrends';
  /** False when TikTok had more matching videos than were sampled. */
  complete: Scalars['Boolean']['output'];
  from: Scalars['DateTime']['output'];
  /** Most viewed first. */
  hashtags: Array<TikTokHashtagTrend>;
  /** Videos the trends were computed from: at most 500, the first pages of TikTok's answer. */
  sampledVideos: Scalars['Int']['output'];
  to: Scalars['DateTime']['output'];
};

export type TikTokPageInfo = {
  __typename?: 'TikTokPageInfo';
  /** Pass as `after` for the next page (TikTok's cursor). */
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

/** TikTok's privacy levels for a direct post; creator_info says which the account may use. */
export type TikTokPrivacyLevel =
  | 'FOLLOWER_OF_CREATOR'
  | 'MUTUAL_FOLLOW_FRIENDS'
  | 'PUBLIC_TO_EVERYONE'
  | 'SELF_ONLY';

/** A TikTok account's profile as TikTok reports it now (spec 3.2). */
export type TikTokProfile = {
  __typename?: 'TikTokProfile';
  avatarUrl?: Maybe<Scalars['String']['output']>;
  bioDescription?: Maybe<Scalars['String']['output']>;
  connectionId: Scalars['ID']['output'];
  displayName?: Maybe<Scalars['String']['output']>;
  followerCount?: Maybe<Scalars['Int']['output']>;
  followingCount?: Maybe<Scalars['Int']['output']>;
  isVerified?: Maybe<Scalars['Boolean']['output']>;
  likesCount?: Maybe<Scalars['Int']['output']>;
  openId: Scalars['String']['output'];
  username?: Maybe<Scalars['String']['output']>;
  videoCount?: Maybe<Scalars['Int']['output']>;
};

/**
 * A direct post to TikTok (spec 3.2) and what became of it: read it with tiktokPublish, follow it with
 * tiktokPublishStatus.
 */
export type TikTokPublish = {
  __typename?: 'TikTokPublish';
  chunkCount?: Maybe<Scalars['Int']['output']>;
  chunkSize?: Maybe<Scalars['Int']['output']>;
  /**
   * Spec 3.4: the content must follow TikTok's Community Guidelines and Terms of Service; IONFLUX does not
   * post prohibited content and TikTok may refuse or remove what breaks them.
   */
  complianceNotice: Scalars['String']['output'];
  connectionId: Scalars['ID']['output'];
  createdAt: Scalars['DateTime']['output'];
  description?: Maybe<Scalars['String']['output']>;
  /** Why the publish failed; POLICY_VIOLATION when TikTok refused the content (never retried). */
  error?: Maybe<TikTokPublishError>;
  finishedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The IONFLUX id of this publish (the publish job). */
  jobId: Scalars['ID']['output'];
  /** The public post ids TikTok reports once the video is publicly available. */
  postIds: Array<Scalars['String']['output']>;
  privacyLevel: TikTokPrivacyLevel;
  /** TikTok's publish_id, once TikTok accepted the post. */
  publishId?: Maybe<Scalars['String']['output']>;
  source: TikTokPublishSource;
  status: TikTokPublishState;
  /** TikTok's own status as last reported (PROCESSING_UPLOAD, PROCESSING_DOWNLOAD, PUBLISH_COMPLETE, FAILED). */
  tiktokStatus?: Maybe<Scalars['String']['output']>;
  title: Scalars['String']['output'];
  updatedAt: Scalars['DateTime']['output'];
  uploadedBytes: Scalars['Float']['output'];
  /** Bytes of the video (FILE_UPLOAD), and how TikTok receives them: chunkCount chunks of chunkSize bytes, the last one taking the rest. */
  videoSize?: Maybe<Scalars['Float']['output']>;
};

export type TikTokPublishError = {
  __typename?: 'TikTokPublishError';
  /** A code of the system's ErrorCode (POLICY_VIOLATION, PROVIDER_API_ERROR, PROVIDER_UNAVAILABLE, …). */
  code: Scalars['String']['output'];
  /** TikTok's log_id, for its support. */
  logId?: Maybe<Scalars['String']['output']>;
  message: Scalars['String']['output'];
  /** TikTok's reason as it gave it (fail_reason such as spam_risk_text, or its error code). */
  tiktokReason?: Maybe<Scalars['String']['output']>;
};

export type TikTokPublishSource =
  /** The file a caller uploaded to IONFLUX (POST /uploads/tiktok), sent to TikTok in chunks. */
  | 'FILE_UPLOAD'
  /** TikTok downloads the video itself from a URL on an origin the operator allows (TIKTOK_PULL_ORIGINS). */
  | 'PULL_FROM_URL';

/** Where a publish is. PUBLISH_COMPLETE and FAILED are final. */
export type TikTokPublishState =
  | 'FAILED'
  /** The job is asking TikTok to start the post (/v2/post/publish/video/init/). */
  | 'INITIATING'
  /** TikTok has the video and is processing (and moderating) it; the job polls its status. */
  | 'PROCESSING'
  | 'PUBLISH_COMPLETE'
  /** Accepted; the publish job has not called TikTok yet. */
  | 'QUEUED'
  /** The file is being sent to TikTok in chunks. */
  | 'UPLOADING';

/** A public TikTok video found by the Research API. */
export type TikTokResearchVideo = {
  __typename?: 'TikTokResearchVideo';
  commentCount?: Maybe<Scalars['Int']['output']>;
  createTime: Scalars['DateTime']['output'];
  description?: Maybe<Scalars['String']['output']>;
  durationSeconds?: Maybe<Scalars['Int']['output']>;
  /** Its hashtags, without #. */
  hashtags: Array<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  likeCount?: Maybe<Scalars['Int']['output']>;
  musicId?: Maybe<Scalars['String']['output']>;
  /** Where the video was posted, e.g. US. */
  regionCode?: Maybe<Scalars['String']['output']>;
  shareCount?: Maybe<Scalars['Int']['output']>;
  username?: Maybe<Scalars['String']['output']>;
  viewCount?: Maybe<Scalars['Int']['output']>;
};

export type TikTokResearchVideoPage = {
  __typename?: 'TikTokResearchVideoPage';
  nodes: Array<TikTokResearchVideo>;
  /** endCursor pins the search (TikTok's search_id): pass it as after with the same arguments. */
  pageInfo: TikTokPageInfo;
};

/**
 * A public video of a connected account (spec 3.2). An entity, so that other subgraphs add fields to it (the
 * LLM subgraph's captionIdeas). By id alone it is looked up in the workspace's connected accounts that granted
 * video.list (a video id does not say whose it is).
 */
export type TikTokVideo = {
  __typename?: 'TikTokVideo';
  commentCount?: Maybe<Scalars['Int']['output']>;
  coverImageUrl?: Maybe<Scalars['String']['output']>;
  createTime: Scalars['DateTime']['output'];
  description?: Maybe<Scalars['String']['output']>;
  /** Seconds. */
  duration?: Maybe<Scalars['Int']['output']>;
  id: Scalars['ID']['output'];
  likeCount?: Maybe<Scalars['Int']['output']>;
  shareCount?: Maybe<Scalars['Int']['output']>;
  shareUrl?: Maybe<Scalars['String']['output']>;
  title?: Maybe<Scalars['String']['output']>;
  viewCount?: Maybe<Scalars['Int']['output']>;
};

/** A video's counts as TikTok reports them now (spec 3.2). */
export type TikTokVideoInsight = {
  __typename?: 'TikTokVideoInsight';
  commentCount: Scalars['Int']['output'];
  /** (likes + comments + shares) / views, computed exactly from these counts; 0 when there are no views. */
  engagementRate: Scalars['Float']['output'];
  likeCount: Scalars['Int']['output'];
  shareCount: Scalars['Int']['output'];
  videoId: Scalars['ID']['output'];
  viewCount: Scalars['Int']['output'];
};

export type TikTokVideoPage = {
  __typename?: 'TikTokVideoPage';
  nodes: Array<TikTokVideo>;
  pageInfo: TikTokPageInfo;
};

/** A webhook TikTok sent about a connected account, stored before it was answered (its payload is not exposed). */
export type TikTokWebhookDelivery = {
  __typename?: 'TikTokWebhookDelivery';
  attempts: Scalars['Int']['output'];
  connectionId: Scalars['ID']['output'];
  /** The last processing error, when an attempt failed. */
  error?: Maybe<Scalars['String']['output']>;
  /** The stored delivery's id (what `npm run webhooks:replay` takes). */
  id: Scalars['ID']['output'];
  processedAt?: Maybe<Scalars['DateTime']['output']>;
  receivedAt: Scalars['DateTime']['output'];
  status: TikTokWebhookDeliveryStatus;
  /** TikTok's event (authorization.removed, post.publish.complete, …). */
  topic: Scalars['String']['output'];
};

/** Where a stored webhook delivery stands: RECEIVED, then PROCESSING, then PROCESSED, or FAILED (retried) and DEAD. */
export type TikTokWebhookDeliveryStatus =
  | 'DEAD'
  | 'FAILED'
  | 'PROCESSED'
  | 'PROCESSING'
  | 'RECEIVED';

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
  TikTokVideo: TikTokVideo;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  TikTokConnection:
    ( { __typename: 'TikTokConnection' }
    & GraphQLRecursivePick<FederationTypes['TikTokConnection'], {"id":true}> );
  TikTokVideo:
    ( { __typename: 'TikTokVideo' }
    & GraphQLRecursivePick<FederationTypes['TikTokVideo'], {"id":true}> );
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
  PublishTikTokVideoInput: PublishTikTokVideoInput;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  SyncStatus: SyncStatus;
  TikTokAuthorization: ResolverTypeWrapper<TikTokAuthorization>;
  TikTokConnection: ResolverTypeWrapper<TikTokConnection>;
  TikTokCreatorAnalysis: ResolverTypeWrapper<TikTokCreatorAnalysis>;
  TikTokHashtagCount: ResolverTypeWrapper<TikTokHashtagCount>;
  TikTokHashtagTrend: ResolverTypeWrapper<TikTokHashtagTrend>;
  TikTokHashtagTrends: ResolverTypeWrapper<TikTokHashtagTrends>;
  TikTokPageInfo: ResolverTypeWrapper<TikTokPageInfo>;
  TikTokPrivacyLevel: TikTokPrivacyLevel;
  TikTokProfile: ResolverTypeWrapper<TikTokProfile>;
  TikTokPublish: ResolverTypeWrapper<TikTokPublish>;
  TikTokPublishError: ResolverTypeWrapper<TikTokPublishError>;
  TikTokPublishSource: TikTokPublishSource;
  TikTokPublishState: TikTokPublishState;
  TikTokResearchVideo: ResolverTypeWrapper<TikTokResearchVideo>;
  TikTokResearchVideoPage: ResolverTypeWrapper<TikTokResearchVideoPage>;
  TikTokVideo: ResolverTypeWrapper<TikTokVideo>;
  TikTokVideoInsight: ResolverTypeWrapper<TikTokVideoInsight>;
  TikTokVideoPage: ResolverTypeWrapper<TikTokVideoPage>;
  TikTokWebhookDelivery: ResolverTypeWrapper<TikTokWebhookDelivery>;
  TikTokWebhookDeliveryStatus: TikTokWebhookDeliveryStatus;
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
  PublishTikTokVideoInput: PublishTikTokVideoInput;
  Boolean: Scalars['Boolean']['output'];
  Query: Record<PropertyKey, never>;
  Subscription: Record<PropertyKey, never>;
  TikTokAuthorization: TikTokAuthorization;
  TikTokConnection: TikTokConnection | FederationReferenceTypes['TikTokConnection'];
  TikTokCreatorAnalysis: TikTokCreatorAnalysis;
  TikTokHashtagCount: TikTokHashtagCount;
  TikTokHashtagTrend: TikTokHashtagTrend;
  TikTokHashtagTrends: TikTokHashtagTrends;
  TikTokPageInfo: TikTokPageInfo;
  TikTokProfile: TikTokProfile;
  TikTokPublish: TikTokPublish;
  TikTokPublishError: TikTokPublishError;
  TikTokResearchVideo: TikTokResearchVideo;
  TikTokResearchVideoPage: TikTokResearchVideoPage;
  TikTokVideo: TikTokVideo | FederationReferenceTypes['TikTokVideo'];
  TikTokVideoInsight: TikTokVideoInsight;
  TikTokVideoPage: TikTokVideoPage;
  TikTokWebhookDelivery: TikTokWebhookDelivery;
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
  disconnectTikTokConnection?: Resolver<ResolversTypes['TikTokConnection'], ParentType, ContextType, RequireFields<MutationDisconnectTikTokConnectionArgs, 'connectionId'>>;
  markWorkspaceNotificationsRead?: Resolver<ResolversTypes['Int'], ParentType, ContextType, RequireFields<MutationMarkWorkspaceNotificationsReadArgs, 'ids'>>;
  publishTikTokVideo?: Resolver<ResolversTypes['TikTokPublish'], ParentType, ContextType, RequireFields<MutationPublishTikTokVideoArgs, 'input'>>;
  replayTikTokWebhookDelivery?: Resolver<ResolversTypes['TikTokWebhookDelivery'], ParentType, ContextType, RequireFields<MutationReplayTikTokWebhookDeliveryArgs, 'connectionId' | 'id'>>;
  requestTikTokScopes?: Resolver<ResolversTypes['TikTokAuthorization'], ParentType, ContextType, RequireFields<MutationRequestTikTokScopesArgs, 'connectionId' | 'scopes'>>;
  startTikTokConnection?: Resolver<ResolversTypes['TikTokAuthorization'], ParentType, ContextType, Partial<MutationStartTikTokConnectionArgs>>;
};

export type QueryResolvers<ContextType = TikTokContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  analyzeTikTokCreator?: Resolver<ResolversTypes['TikTokCreatorAnalysis'], ParentType, ContextType, RequireFields<QueryAnalyzeTikTokCreatorArgs, 'days' | 'username'>>;
  integrationConnections?: Resolver<Array<ResolversTypes['IntegrationConnection']>, ParentType, ContextType, Partial<QueryIntegrationConnectionsArgs>>;
  tiktokConnections?: Resolver<Array<ResolversTypes['TikTokConnection']>, ParentType, ContextType, Partial<QueryTiktokConnectionsArgs>>;
  tiktokHashtags?: Resolver<ResolversTypes['TikTokHashtagTrends'], ParentType, ContextType, RequireFields<QueryTiktokHashtagsArgs, 'days' | 'first'>>;
  tiktokProfile?: Resolver<ResolversTypes['TikTokProfile'], ParentType, ContextType, RequireFields<QueryTiktokProfileArgs, 'connectionId'>>;
  tiktokPublish?: Resolver<ResolversTypes['TikTokPublish'], ParentType, ContextType, RequireFields<QueryTiktokPublishArgs, 'jobId'>>;
  tiktokPublishes?: Resolver<Array<ResolversTypes['TikTokPublish']>, ParentType, ContextType, RequireFields<QueryTiktokPublishesArgs, 'connectionId' | 'first'>>;
  tiktokResearchVideos?: Resolver<ResolversTypes['TikTokResearchVideoPage'], ParentType, ContextType, RequireFields<QueryTiktokResearchVideosArgs, 'first' | 'from' | 'to'>>;
  tiktokVideoInsights?: Resolver<Array<ResolversTypes['TikTokVideoInsight']>, ParentType, ContextType, RequireFields<QueryTiktokVideoInsightsArgs, 'connectionId' | 'videoIds'>>;
  tiktokVideos?: Resolver<ResolversTypes['TikTokVideoPage'], ParentType, ContextType, RequireFields<QueryTiktokVideosArgs, 'connectionId' | 'first'>>;
  tiktokWebhookDeliveries?: Resolver<Array<ResolversTypes['TikTokWebhookDelivery']>, ParentType, ContextType, RequireFields<QueryTiktokWebhookDeliveriesArgs, 'connectionId' | 'first'>>;
  workspaceNotifications?: Resolver<Array<ResolversTypes['WorkspaceNotification']>, ParentType, ContextType, Partial<QueryWorkspaceNotificationsArgs>>;
};

export type SubscriptionResolvers<ContextType = TikTokContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = {
  tiktokPublishStatus?: SubscriptionResolver<ResolversTypes['TikTokPublish'], "tiktokPublishStatus", ParentType, ContextType, RequireFields<SubscriptionTiktokPublishStatusArgs, 'jobId'>>;
};

export type TikTokAuthorizationResolvers<ContextType = TikTokContext, ParentType extends ResolversParentTypes['TikTokAuthorization'] = ResolversParentTypes['TikTokAuthorization']> = {
  authorizationUrl?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
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

export type TikTokCreatorAnalysisResolvers<ContextType = TikTokContext, ParentType extends ResolversParentTypes['TikTokCreatorAnalysis'] = ResolversParentTypes['TikTokCreatorAnalysis']> = {
  averageViews?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  complete?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  engagementRate?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  from?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  medianViews?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  postsPerWeek?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  recentVideos?: Resolver<Array<ResolversTypes['TikTokResearchVideo']>, ParentType, ContextType>;
  to?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  topHashtags?: Resolver<Array<ResolversTypes['TikTokHashtagCount']>, ParentType, ContextType>;
  username?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  videoCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type TikTokHashtagCountResolvers<ContextType = TikTokContext, ParentType extends ResolversParentTypes['TikTokHashtagCount'] = ResolversParentTypes['TikTokHashtagCount']> = {
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  videoCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type TikTokHashtagTrendResolvers<ContextType = TikTokContext, ParentType extends ResolversParentTypes['TikTokHashtagTrend'] = ResolversParentTypes['TikTokHashtagTrend']> = {
  averageViews?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  engagementRate?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  totalViews?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  videoCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type TikTokHashtagTrendsResolvers<ContextType = TikTokContext, ParentType extends ResolversParentTypes['TikTokHashtagTrends'] = ResolversParentTypes['TikTokHashtagTrends']> = {
  complete?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  from?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  hashtags?: Resolver<Array<ResolversTypes['TikTokHashtagTrend']>, ParentType, ContextType>;
  sampledVideos?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  to?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type TikTokPageInfoResolvers<ContextType = TikTokContext, ParentType extends ResolversParentTypes['TikTokPageInfo'] = ResolversParentTypes['TikTokPageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type TikTokProfileResolvers<ContextType = TikTokContext, ParentType extends ResolversParentTypes['TikTokProfile'] = ResolversParentTypes['TikTokProfile']> = {
  avatarUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  bioDescription?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  connectionId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  displayName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  followerCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  followingCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  isVerified?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  likesCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  openId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  username?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  videoCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type TikTokPublishResolvers<ContextType = TikTokContext, ParentType extends ResolversParentTypes['TikTokPublish'] = ResolversParentTypes['TikTokPublish']> = {
  chunkCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  chunkSize?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  complianceNotice?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  connectionId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['TikTokPublishError']>, ParentType, ContextType>;
  finishedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  jobId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  postIds?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  privacyLevel?: Resolver<ResolversTypes['TikTokPrivacyLevel'], ParentType, ContextType>;
  publishId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  source?: Resolver<ResolversTypes['TikTokPublishSource'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['TikTokPublishState'], ParentType, ContextType>;
  tiktokStatus?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  uploadedBytes?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  videoSize?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type TikTokPublishErrorResolvers<ContextType = TikTokContext, ParentType extends ResolversParentTypes['TikTokPublishError'] = ResolversParentTypes['TikTokPublishError']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  logId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  tiktokReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type TikTokResearchVideoResolvers<ContextType = TikTokContext, ParentType extends ResolversParentTypes['TikTokResearchVideo'] = ResolversParentTypes['TikTokResearchVideo']> = {
  commentCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  createTime?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  durationSeconds?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  hashtags?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  likeCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  musicId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  regionCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  shareCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  username?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  viewCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type TikTokResearchVideoPageResolvers<ContextType = TikTokContext, ParentType extends ResolversParentTypes['TikTokResearchVideoPage'] = ResolversParentTypes['TikTokResearchVideoPage']> = {
  nodes?: Resolver<Array<ResolversTypes['TikTokResearchVideo']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['TikTokPageInfo'], ParentType, ContextType>;
};

export type TikTokVideoResolvers<ContextType = TikTokContext, ParentType extends ResolversParentTypes['TikTokVideo'] = ResolversParentTypes['TikTokVideo'], FederationReferenceType extends FederationReferenceTypes['TikTokVideo'] = FederationReferenceTypes['TikTokVideo']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['TikTokVideo']> | FederationReferenceType, FederationReferenceType, ContextType>;
  commentCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  coverImageUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  createTime?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  duration?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  likeCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  shareCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  shareUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  title?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  viewCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type TikTokVideoInsightResolvers<ContextType = TikTokContext, ParentType extends ResolversParentTypes['TikTokVideoInsight'] = ResolversParentTypes['TikTokVideoInsight']> = {
  commentCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  engagementRate?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  likeCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  shareCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  videoId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  viewCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type TikTokVideoPageResolvers<ContextType = TikTokContext, ParentType extends ResolversParentTypes['TikTokVideoPage'] = ResolversParentTypes['TikTokVideoPage']> = {
  nodes?: Resolver<Array<ResolversTypes['TikTokVideo']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['TikTokPageInfo'], ParentType, ContextType>;
};

export type TikTokWebhookDeliveryResolvers<ContextType = TikTokContext, ParentType extends ResolversParentTypes['TikTokWebhookDelivery'] = ResolversParentTypes['TikTokWebhookDelivery']> = {
  attempts?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  connectionId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  processedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  receivedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['TikTokWebhookDeliveryStatus'], ParentType, ContextType>;
  topic?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
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
  Subscription?: SubscriptionResolvers<ContextType>;
  TikTokAuthorization?: TikTokAuthorizationResolvers<ContextType>;
  TikTokConnection?: TikTokConnectionResolvers<ContextType>;
  TikTokCreatorAnalysis?: TikTokCreatorAnalysisResolvers<ContextType>;
  TikTokHashtagCount?: TikTokHashtagCountResolvers<ContextType>;
  TikTokHashtagTrend?: TikTokHashtagTrendResolvers<ContextType>;
  TikTokHashtagTrends?: TikTokHashtagTrendsResolvers<ContextType>;
  TikTokPageInfo?: TikTokPageInfoResolvers<ContextType>;
  TikTokProfile?: TikTokProfileResolvers<ContextType>;
  TikTokPublish?: TikTokPublishResolvers<ContextType>;
  TikTokPublishError?: TikTokPublishErrorResolvers<ContextType>;
  TikTokResearchVideo?: TikTokResearchVideoResolvers<ContextType>;
  TikTokResearchVideoPage?: TikTokResearchVideoPageResolvers<ContextType>;
  TikTokVideo?: TikTokVideoResolvers<ContextType>;
  TikTokVideoInsight?: TikTokVideoInsightResolvers<ContextType>;
  TikTokVideoPage?: TikTokVideoPageResolvers<ContextType>;
  TikTokWebhookDelivery?: TikTokWebhookDeliveryResolvers<ContextType>;
  WorkspaceNotification?: WorkspaceNotificationResolvers<ContextType>;
};

