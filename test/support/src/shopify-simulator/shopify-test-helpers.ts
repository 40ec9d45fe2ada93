import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ShopifySimulator, type ShopifySimulatorOptions, startShopifySimulator } from '@ionflux/sandbox';

export const API_KEY = 'test-client-id';
export const API_SECRET = 'test-client-secret';
/** A fixed clock: seeded data and timestamps are identical on every run. */
export const FIXED_NOW = new Date('2026-11-01T12:00:00Z');
export const API_VERSION = '2025-04';

export function startTestSimulator(
  options: Partial<ShopifySimulatorOptions> = {},
): Promise<ShopifySimulator> {
  return startShopifySimulator({
    apiKey: API_KEY,
    apiSecret: API_SECRET,
    now: () => FIXED_NOW,
    webhookRetryDelaysMs: [20, 40],
    ...options,
  });
}

export function adminUrl(simulator: ShopifySimulator, shop = simulator.demoShop): string {
  return `${simulator.adminOriginTemplate.replace('{shop}', shop)}/admin/api/${API_VERSION}/graphql.json`;
}

export interface GraphqlResponse {
  status: number;
  headers: Headers;
  body: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: Record<string, unknown>; path?: unknown[] }[] | string;
    extensions?: {
      cost: {
        requestedQueryCost: number;
        actualQueryCost: number | null;
        throttleStatus: Record<string, number>;
      };
    };
  };
}

/** A plain fetch against the Admin endpoint, for asserting on status codes and raw bodies. */
export async function postGraphql(
  simulator: ShopifySimulator,
  token: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphqlResponse> {
  const response = await fetch(adminUrl(simulator), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Shopify-Access-Token': token },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as GraphqlResponse['body'],
  };
}

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  rawBody: Buffer;
}

/** A local HTTP receiver: records raw bodies, answers with the statuses queued in `replies` (then 200). */
export async function startReceiver(): Promise<{
  url: string;
  received: ReceivedWebhook[];
  replies: number[];
  close(): Promise<void>;
}> {
  const received: ReceivedWebhook[] = [];
  const replies: number[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, rawBody: Buffer.concat(chunks) });
      res.statusCode = replies.shift() ?? 200;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks/shopify`,
    received,
    replies,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export const ALL_READ_SCOPES = [
  'read_products',
  'read_orders',
  'read_all_orders',
  'read_customers',
  'write_discounts',
  'read_inventory',
];

/** The value of one root field of a GraphQL response; fails the test when it is missing. */
export function dataOf<T>(response: GraphqlResponse, field: string): T {
  const value = response.body.data?.[field];
  if (value === undefined) throw new Error(`no data.${field} in ${JSON.stringify(response.body)}`);
  return value as T;
}

/** The `errors` array of a GraphQL response (Shopify's 401 body has a string there instead). */
export function errorsOf(
  response: GraphqlResponse,
): { message: string; extensions?: Record<string, unknown> }[] {
  return Array.isArray(response.body.errors) ? response.body.errors : [];
}
