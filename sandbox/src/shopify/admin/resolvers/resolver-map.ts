import type { GraphQLResolveInfo } from 'graphql';
import type { AdminContext } from '../admin-context.ts';

/** Arguments of the served fields, by name (graphql-js has already coerced them to the SDL's types). */
export interface Args {
  id?: unknown;
  ids?: unknown;
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
  reverse?: unknown;
  sortKey?: unknown;
  query?: unknown;
  limit?: unknown;
  topic?: unknown;
  topics?: unknown;
  callbackUrl?: unknown;
  format?: unknown;
  type?: unknown;
  truncateAt?: unknown;
  names?: unknown;
  webhookSubscription?: unknown;
  basicCodeDiscount?: unknown;
}
export type FieldResolver<P> = (
  parent: P,
  args: Args,
  context: AdminContext,
  info: GraphQLResolveInfo,
) => unknown;
export type TypeResolvers<P> = Record<string, FieldResolver<P>>;
/** Resolvers by type and field; fields not listed read the property of the same name. */
export type ResolverMap = Record<string, TypeResolvers<never>>;

export const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
export const num = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);
