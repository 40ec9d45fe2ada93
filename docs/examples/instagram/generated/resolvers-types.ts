import type { GraphQLResolveInfo } from 'graphql';
import type { InstagramContext } from '../context.ts';
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
  _FieldSet: { input: string; output: string; }
};

/** An Instagram account connected to a brand of the caller's workspace. */
export type InstagramConnection = {
  __typename?: 'InstagramConnection';
  /** The provider's id of the account. */
  accountId: Scalars['String']['output'];
  brandId: Scalars['ID']['output'];
  displayName?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  scopes: Array<Scalars['String']['output']>;
  /** CONNECTED, NEEDS_REAUTH, DISCONNECTED (the kit's connection status). */
  status: Scalars['String']['output'];
};

/** Where to send the user to connect an account: our start route, valid once, until expiresAt. */
export type InstagramConnectionStart = {
  __typename?: 'InstagramConnectionStart';
  authorizationUrl: Scalars['String']['output'];
  /** ISO 8601. */
  expiresAt: Scalars['String']['output'];
  state: Scalars['String']['output'];
};

/** The connected account's profile, read live from the provider. */
export type InstagramProfile = {
  __typename?: 'InstagramProfile';
  id: Scalars['ID']['output'];
  name?: Maybe<Scalars['String']['output']>;
  username: Scalars['String']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Begins connecting an Instagram account to a brand: a single-use, expiring link to our start route. */
  startInstagramConnection: InstagramConnectionStart;
};


export type MutationStartInstagramConnectionArgs = {
  brandId: Scalars['ID']['input'];
  scopes?: InputMaybe<Array<Scalars['String']['input']>>;
};

export type Query = {
  __typename?: 'Query';
  /** Instagram accounts of the caller's workspace, newest first. */
  instagramConnections: Array<InstagramConnection>;
  /** The connected account's profile (GET /userinfo with the connection's token). */
  instagramProfile: InstagramProfile;
};


export type QueryInstagramProfileArgs = {
  connectionId: Scalars['ID']['input'];
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
  InstagramConnection: InstagramConnection;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  InstagramConnection:
    ( { __typename: 'InstagramConnection' }
    & GraphQLRecursivePick<FederationTypes['InstagramConnection'], {"id":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  InstagramConnection: ResolverTypeWrapper<InstagramConnection>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  InstagramConnectionStart: ResolverTypeWrapper<InstagramConnectionStart>;
  InstagramProfile: ResolverTypeWrapper<InstagramProfile>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  InstagramConnection: InstagramConnection | FederationReferenceTypes['InstagramConnection'];
  String: Scalars['String']['output'];
  ID: Scalars['ID']['output'];
  InstagramConnectionStart: InstagramConnectionStart;
  InstagramProfile: InstagramProfile;
  Mutation: Record<PropertyKey, never>;
  Query: Record<PropertyKey, never>;
  Boolean: Scalars['Boolean']['output'];
};

export type InstagramConnectionResolvers<ContextType = InstagramContext, ParentType extends ResolversParentTypes['InstagramConnection'] = ResolversParentTypes['InstagramConnection'], FederationReferenceType extends FederationReferenceTypes['InstagramConnection'] = FederationReferenceTypes['InstagramConnection']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['InstagramConnection']> | FederationReferenceType, FederationReferenceType, ContextType>;
  accountId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  brandId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  displayName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  scopes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type InstagramConnectionStartResolvers<ContextType = InstagramContext, ParentType extends ResolversParentTypes['InstagramConnectionStart'] = ResolversParentTypes['InstagramConnectionStart']> = {
  authorizationUrl?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  expiresAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type InstagramProfileResolvers<ContextType = InstagramContext, ParentType extends ResolversParentTypes['InstagramProfile'] = ResolversParentTypes['InstagramProfile']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  username?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = InstagramContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  startInstagramConnection?: Resolver<ResolversTypes['InstagramConnectionStart'], ParentType, ContextType, RequireFields<MutationStartInstagramConnectionArgs, 'brandId'>>;
};

export type QueryResolvers<ContextType = InstagramContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  instagramConnections?: Resolver<Array<ResolversTypes['InstagramConnection']>, ParentType, ContextType>;
  instagramProfile?: Resolver<ResolversTypes['InstagramProfile'], ParentType, ContextType, RequireFields<QueryInstagramProfileArgs, 'connectionId'>>;
};

export type Resolvers<ContextType = InstagramContext> = {
  InstagramConnection?: InstagramConnectionResolvers<ContextType>;
  InstagramConnectionStart?: InstagramConnectionStartResolvers<ContextType>;
  InstagramProfile?: InstagramProfileResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
};

