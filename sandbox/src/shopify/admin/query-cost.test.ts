import { type FragmentDefinitionNode, getOperationAST, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildAdminSchema } from './admin-schema.ts';
import { queryCost } from './query-cost.ts';

const schema = buildAdminSchema();

function cost(query: string, data?: Record<string, unknown>): number {
  const document = parse(query);
  const operation = getOperationAST(document);
  if (!operation) throw new Error('no operation');
  const fragments = Object.fromEntries(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === 'FragmentDefinition')
      .map((d) => [d.name.value, d]),
  );
  return queryCost({ schema, operation, fragments, variables: {} }, data);
}

describe('calculated query cost', () => {
  it('charges 1 per object and nothing for scalars', () => {
    expect(cost('{ shop { id name currencyCode } }')).toBe(1);
    expect(cost('{ shop { name primaryDomain { host } } }')).toBe(2);
  });

  it('sizes a connection as 2 + first × the cost of one node, multiplied through nesting', () => {
    expect(cost('{ products(first: 10) { edges { node { id } } pageInfo { hasNextPage } } }')).toBe(12);
    expect(cost('{ products(first: 10) { nodes { id variants(first: 5) { nodes { id } } } } }')).toBe(
      2 + 10 * (1 + 2 + 5),
    );
  });

  it('charges the most expensive fragment of an abstract type, and ids for nodes(ids:)', () => {
    const query =
      '{ nodes(ids: ["a", "b", "c"]) { id ... on Product { featuredImage { url } } ... on Order { customer { id } totalPriceSet { shopMoney { amount } } } } }';
    expect(cost(query)).toBe(3 * (1 + 3));
  });

  it('charges 10 per mutation', () => {
    expect(cost('mutation { webhookSubscriptionDelete(id: "x") { userErrors { message } } }')).toBe(10);
  });

  it('computes the actual cost from what came back', () => {
    const query = '{ products(first: 10) { nodes { id } } }';
    expect(cost(query, { products: { nodes: [{ id: '1' }, { id: '2' }] } })).toBe(4);
  });
});
