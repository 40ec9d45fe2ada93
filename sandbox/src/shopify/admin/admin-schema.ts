import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSchema,
  type GraphQLFieldResolver,
  type GraphQLSchema,
  isAbstractType,
  isObjectType,
} from 'graphql';
import { customerResolvers } from './resolvers/customer-resolvers.ts';
import { discountResolvers } from './resolvers/discount-resolvers.ts';
import { mutationResolvers } from './resolvers/mutation-resolvers.ts';
import { orderResolvers } from './resolvers/order-resolvers.ts';
import { productResolvers } from './resolvers/product-resolvers.ts';
import { queryResolvers } from './resolvers/query-resolvers.ts';
import type { ResolverMap } from './resolvers/resolver-map.ts';
import { shopResolvers } from './resolvers/shop-resolvers.ts';
import { typeNameOf } from './resolvers/values.ts';
import { webhookResolvers } from './resolvers/webhook-resolvers.ts';

/** Path of the served Admin SDL (a field-for-field subset of Shopify's, API version 2025-04). */
export const ADMIN_SCHEMA_PATH = join(import.meta.dirname, '..', 'admin-schema.graphql');
/** The Admin API version the SDL was taken from. */
export const SCHEMA_API_VERSION = '2025-04';

const RESOLVERS: ResolverMap[] = [
  queryResolvers,
  mutationResolvers,
  shopResolvers,
  productResolvers,
  orderResolvers,
  customerResolvers,
  webhookResolvers,
  discountResolvers,
];

/** Builds the executable Admin schema: the SDL file with the simulator's resolvers attached. */
export function buildAdminSchema(): GraphQLSchema {
  const schema = buildSchema(readFileSync(ADMIN_SCHEMA_PATH, 'utf8'));
  for (const map of RESOLVERS) {
    for (const [typeName, fields] of Object.entries(map)) {
      const type = schema.getType(typeName);
      if (!isObjectType(type))
        throw new Error(`resolvers for ${typeName}, which is not an object type of the SDL`);
      const defined = type.getFields();
      for (const [fieldName, resolve] of Object.entries(fields)) {
        const field = defined[fieldName];
        if (!field) throw new Error(`resolver for ${typeName}.${fieldName}, which is not in the SDL`);
        field.resolve = resolve as GraphQLFieldResolver<unknown, unknown>;
      }
    }
  }
  for (const type of Object.values(schema.getTypeMap())) {
    if (isAbstractType(type)) type.resolveType = (value) => typeNameOf(value);
  }
  return schema;
}
