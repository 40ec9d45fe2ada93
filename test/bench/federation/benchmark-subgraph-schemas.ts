import type { GraphQLResolverMap } from '@apollo/subgraph';
import { GraphQLError } from 'graphql';
import { benchmarkData, type SubgraphName } from './workload.ts';

// The four subgraphs of the public federation benchmark, as the reference (Rust, async-graphql) ones
// behave. `extended` adds, for the correctness check only, what the benchmark query does not exercise:
// an interface and a union across subgraphs, errors with and without codes, a non-null field that
// fails (null propagation inside an entity fetch and at the root).

const federation =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@external", "@requires", "@provides", "@shareable"])';

const sdl: Record<SubgraphName, { base: string; extended: string }> = {
  accounts: {
    base: `${federation}
      type Query { me: User  user(id: ID!): User  users: [User] }
      type User @key(fields: "id") { id: ID!  name: String  username: String @shareable  birthday: Int }`,
    extended: `
      extend type Query { broken: User! }
      type Mutation { bump: Int }
      extend type User { email: String! }`,
  },
  inventory: {
    base: `${federation}
      type Product @key(fields: "upc") {
        upc: String!
        weight: Int @external
        price: Int @external
        inStock: Boolean
        shippingEstimate: Int @requires(fields: "price weight")
      }`,
    extended: `
      extend type Product { warehouse: String }`,
  },
  products: {
    base: `${federation}
      type Query { topProducts(first: Int = 5): [Product] }
      type Product @key(fields: "upc") { upc: String!  name: String  price: Int  weight: Int }`,
    extended: `
      interface Merchandise { upc: String!  name: String }
      extend type Product implements Merchandise
      type GiftCard implements Merchandise { upc: String!  name: String  amount: Int }
      union Featured = Product | GiftCard
      extend type Query { merchandise: [Merchandise]  featured: [Featured] }`,
  },
  reviews: {
    base: `${federation}
      type Review @key(fields: "id") {
        id: ID!
        body: String
        product: Product
        author: User @provides(fields: "username")
      }
      type User @key(fields: "id") { id: ID!  username: String @external  reviews: [Review] }
      type Product @key(fields: "upc") { upc: String!  reviews: [Review] }`,
    extended: `
      extend type Review { rating: Int!  flaky: String }`,
  },
};

type Row = Record<string, unknown>;
const { users, products, inventory, reviews } = benchmarkData;
const userById = (id: unknown) => users.find((user) => user.id === id) ?? null;
const productByUpc = (upc: unknown) => products.find((product) => product.upc === upc) ?? null;
const reviewById = (id: unknown) => reviews.find((review) => review.id === id) ?? null;

const baseResolvers: Record<SubgraphName, GraphQLResolverMap<unknown>> = {
  accounts: {
    Query: {
      me: () => users[0],
      user: (_: unknown, { id }: { id: string }) => userById(id),
      users: () => users,
    },
    User: { __resolveReference: (ref: Row) => userById(ref['id']) },
  },
  inventory: {
    Product: {
      __resolveReference: (ref: Row) => ({
        ...ref,
        inStock: inventory.find((row) => row.upc === ref['upc'])?.inStock ?? null,
      }),
      // Free above 1000, else half the weight (the reference's rule, integer division).
      shippingEstimate: ({ price, weight }: Row) =>
        typeof price !== 'number' || typeof weight !== 'number'
          ? null
          : price > 1000
            ? 0
            : Math.trunc(weight / 2),
    },
  },
  products: {
    Query: { topProducts: (_: unknown, { first }: { first: number }) => products.slice(0, first) },
    Product: { __resolveReference: (ref: Row) => productByUpc(ref['upc']) },
  },
  reviews: {
    Review: {
      __resolveReference: (ref: Row) => reviewById(ref['id']),
      product: (review: Row) => ({ upc: review['productUpc'] }),
      // Always user 1, with the username it provides.
      author: () => ({ id: '1', username: 'urigo' }),
    },
    // Whatever the user, reviews 1 and 2 (the reference's behaviour).
    User: { __resolveReference: (ref: Row) => ({ id: ref['id'] }), reviews: () => reviews.slice(0, 2) },
    Product: {
      __resolveReference: (ref: Row) => ({ upc: ref['upc'] }),
      reviews: (product: Row) => reviews.filter((review) => review.productUpc === product['upc']),
    },
  },
};

const giftCard = { __typename: 'GiftCard', upc: 'gift-50', name: 'Gift card', amount: 50 };
let bumps = 0;

const extendedResolvers: Record<SubgraphName, GraphQLResolverMap<unknown>> = {
  accounts: {
    // A write: each call answers a new number.
    Mutation: { bump: () => ++bumps },
    Query: {
      broken: () => {
        throw new GraphQLError('accounts cannot answer this field', {
          extensions: { code: 'PROVIDER_UNAVAILABLE' },
        });
      },
    },
    // A non-null field that fails for user 2: its object becomes null where it is nullable.
    User: { email: (user: Row) => (user['id'] === '2' ? null : `${String(user['username'])}@example.com`) },
  },
  inventory: {
    Product: {
      warehouse: (product: Row) => {
        if (product['upc'] === '3') throw new Error('warehouse lookup failed');
        return `warehouse-${String(product['upc'])}`;
      },
    },
  },
  products: {
    Query: {
      merchandise: () => [...products.slice(0, 3), giftCard],
      featured: () => [giftCard, products[1]],
    },
    Merchandise: {
      __resolveType: (value: Row) => (value['__typename'] === 'GiftCard' ? 'GiftCard' : 'Product'),
    },
    Featured: {
      __resolveType: (value: Row) => (value['__typename'] === 'GiftCard' ? 'GiftCard' : 'Product'),
    },
  },
  reviews: {
    Review: {
      rating: (review: Row) => (review['id'] === '3' ? null : Number(review['id']) % 5),
      flaky: (review: Row) => {
        if (review['id'] === '2') {
          throw new GraphQLError('flaky failed for review 2', { extensions: { code: 'PROVIDER_API_ERROR' } });
        }
        return `steady ${String(review['id'])}`;
      },
    },
  },
};

/** One subgraph's SDL and resolvers. */
export function benchmarkSubgraphModule(name: SubgraphName, { extended = false } = {}) {
  if (!extended) return { typeDefs: sdl[name].base, resolvers: baseResolvers[name] };
  const resolvers: GraphQLResolverMap<unknown> = { ...baseResolvers[name] };
  for (const [type, fields] of Object.entries(extendedResolvers[name])) {
    resolvers[type] = { ...(resolvers[type] as object), ...(fields as object) } as never;
  }
  return { typeDefs: `${sdl[name].base}\n${sdl[name].extended}`, resolvers };
}
