import { createClient as createSseClient } from 'graphql-sse';
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';

export interface ReceivedResult {
  data?: Record<string, unknown> | null;
  errors?: readonly { message: string; extensions?: Record<string, unknown> }[];
}

/** What one client subscription has received so far, and how it ended. */
export interface Subscription {
  results: ReceivedResult[];
  /** Resolves when the stream completes or fails: the error (a CloseEvent, errors or Error) or undefined. */
  ended: Promise<unknown>;
  /** Resolves once `count` results have arrived. */
  waitForResults(count: number, timeoutMs?: number): Promise<ReceivedResult[]>;
  unsubscribe(): void;
}

export const ORDER_PLACED = /* GraphQL */ `
  subscription OrderPlaced($brandId: ID!) {
    orderPlaced(brandId: $brandId) {
      id
      total
      workspaceId
      publishedAt
      brandName
      catalogWorkspaceId
    }
  }
`;

export function wsUrlOf(gatewayUrl: string): string {
  return `${gatewayUrl.replace(/^http/, 'ws')}/graphql`;
}

/** A graphql-ws client to the gateway, as an application would open one (token in connection_init). */
export function connectWs(gatewayUrl: string, token: string | undefined): Client {
  return createClient({
    url: wsUrlOf(gatewayUrl),
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: true,
    lazyCloseTimeout: 0,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
  });
}

function tracker(
  start: (sink: { next(r: ReceivedResult): void; error(e: unknown): void; complete(): void }) => () => void,
): Subscription {
  const results: ReceivedResult[] = [];
  const waiters: { count: number; resolve(): void }[] = [];
  let settle: (value: unknown) => void = () => {};
  const ended = new Promise<unknown>((resolve) => {
    settle = resolve;
  });
  const unsubscribe = start({
    next(result) {
      results.push(result);
      for (const waiter of [...waiters]) {
        if (results.length >= waiter.count) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve();
        }
      }
    },
    error: (error) => settle(error ?? new Error('failed')),
    complete: () => settle(undefined),
  });
  return {
    results,
    ended,
    unsubscribe,
    waitForResults(count, timeoutMs = 10_000) {
      if (results.length >= count) return Promise.resolve(results);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () =>
            reject(
              new Error(
                `got ${results.length} of ${count} results: ${JSON.stringify(results).slice(0, 500)}`,
              ),
            ),
          timeoutMs,
        );
        waiters.push({
          count,
          resolve: () => {
            clearTimeout(timer);
            resolve(results);
          },
        });
        void ended.then(() => {
          if (results.length < count) {
            clearTimeout(timer);
            reject(
              new Error(
                `stream ended after ${results.length} of ${count} results: ${JSON.stringify(results).slice(0, 500)}`,
              ),
            );
          }
        });
      });
    },
  };
}

export function subscribeWs(
  client: Client,
  query: string,
  variables: Record<string, unknown> = {},
): Subscription {
  return tracker((sink) =>
    client.subscribe({ query, variables }, sink as Parameters<Client['subscribe']>[1]),
  );
}

/** A graphql-sse client (distinct connections mode) to the gateway's `/graphql`. */
export function subscribeSse(
  gatewayUrl: string,
  token: string | undefined,
  query: string,
  variables: Record<string, unknown> = {},
): Subscription {
  const client = createSseClient({
    url: `${gatewayUrl}/graphql`,
    retryAttempts: 0,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return tracker((sink) => {
    const stop = client.subscribe({ query, variables }, sink as Parameters<typeof client.subscribe>[1]);
    return () => {
      stop();
      client.dispose();
    };
  });
}

/** Polls until `check` holds. */
export async function eventually(
  check: () => boolean,
  timeoutMs = 10_000,
  what = 'condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
