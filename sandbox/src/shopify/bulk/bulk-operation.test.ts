import { ALL_READ_SCOPES, dataOf, postGraphql, startTestSimulator } from '@ionflux/testing/shopify-simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ShopifySimulator } from '../index.ts';

let simulator: ShopifySimulator;
let token: string;

beforeAll(async () => {
  simulator = await startTestSimulator();
  token = simulator.issueAccessToken(simulator.demoShop, ALL_READ_SCOPES).access_token;
});
afterAll(() => simulator.close());

const run = (query: string) =>
  postGraphql(
    simulator,
    token,
    'mutation ($q: String!) { bulkOperationRunQuery(query: $q) { bulkOperation { id status } userErrors { field message code } } }',
    { q: query },
  );

interface Current {
  id: string;
  status: string;
  objectCount: string;
  rootObjectCount: string;
  url: string | null;
}

async function current(): Promise<Current> {
  const response = await postGraphql(
    simulator,
    token,
    '{ currentBulkOperation { id status objectCount rootObjectCount url } }',
  );
  return response.body.data?.['currentBulkOperation'] as Current;
}

async function finished(): Promise<Current> {
  for (let attempt = 0; attempt < 250; attempt++) {
    const operation = await current();
    if (!['CREATED', 'RUNNING'].includes(operation.status)) return operation;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('bulk operation did not finish');
}

describe('bulkOperationRunQuery', () => {
  it('writes a JSONL file with nested connection nodes carrying __parentId', async () => {
    const started = await run(
      '{ products(query: "status:active") { edges { node { id title variants { edges { node { id sku } } } } } } }',
    );
    const payload = started.body.data?.['bulkOperationRunQuery'] as {
      bulkOperation: { id: string; status: string };
      userErrors: unknown[];
    };
    expect(payload.userErrors).toEqual([]);
    expect(payload.bulkOperation.status).toBe('CREATED');
    const operation = await finished();
    expect(operation.status).toBe('COMPLETED');
    expect(operation.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/_bulk\//);
    const lines = (await (await fetch(operation.url ?? '')).text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const products = lines.filter((l) => String(l['id']).includes('/Product/'));
    const variants = lines.filter((l) => String(l['id']).includes('/ProductVariant/'));
    expect(products.length).toBe(Number(operation.rootObjectCount));
    expect(lines.length).toBe(Number(operation.objectCount));
    expect(products[0]).not.toHaveProperty('variants');
    expect(variants.length).toBeGreaterThan(products.length);
    const productIds = new Set(products.map((p) => p['id']));
    for (const variant of variants) expect(productIds.has(variant['__parentId'])).toBe(true);
    const byNode = await postGraphql(
      simulator,
      token,
      'query ($id: ID!) { node(id: $id) { ... on BulkOperation { status url } } }',
      { id: operation.id },
    );
    expect(byNode.body.data?.['node']).toMatchObject({ status: 'COMPLETED' });
  });

  it('allows one running operation per shop', async () => {
    const first = await run('{ orders { edges { node { id } } } }');
    const second = await run('{ orders { edges { node { id } } } }');
    expect(dataOf<{ userErrors: unknown[] }>(first, 'bulkOperationRunQuery').userErrors).toEqual([]);
    const errors = dataOf<{ userErrors: { code: string; message: string }[] }>(
      second,
      'bulkOperationRunQuery',
    ).userErrors;
    expect(errors[0]?.code).toBe('OPERATION_IN_PROGRESS');
    expect(errors[0]?.message).toMatch(
      /^A bulk query operation for this app and shop is already in progress: gid:\/\/shopify\/BulkOperation\/\d+/,
    );
    expect((await finished()).status).toBe('COMPLETED');
  });

  it('rejects connections nested deeper than two levels', async () => {
    const response = await run(
      '{ customers { edges { node { orders { edges { node { lineItems { edges { node { id } } } } } } } } } }',
    );
    const payload = response.body.data?.['bulkOperationRunQuery'] as {
      bulkOperation: null;
      userErrors: { code: string }[];
    };
    expect(payload.bulkOperation).toBeNull();
    expect(payload.userErrors[0]?.code).toBe('INVALID');
  });

  it('fails the next operation with the error code the control API asked for', async () => {
    await finished();
    simulator.failNextBulkOperations(1, 'TIMEOUT');
    const started = await run('{ products { edges { node { id } } } }');
    expect(dataOf<{ userErrors: unknown[] }>(started, 'bulkOperationRunQuery').userErrors).toEqual([]);
    const failed = await postGraphql(simulator, token, '{ currentBulkOperation { status errorCode url } }');
    const ended = await finished();
    expect(ended.status).toBe('FAILED');
    expect(failed.status).toBe(200);
    const again = await run('{ products { edges { node { id } } } }');
    expect(dataOf<{ userErrors: unknown[] }>(again, 'bulkOperationRunQuery').userErrors).toEqual([]);
    expect((await finished()).status).toBe('COMPLETED');
  });
});
