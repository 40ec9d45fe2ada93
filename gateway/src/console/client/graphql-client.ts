import { type Client, createClient } from 'graphql-ws';

export type GraphQLResult<T> = { ok: true; data: T } | { ok: false; message: string };

/** The console's one way to the API: the public GraphQL endpoint with the caller's JWT, nothing else. */
export type ConsoleApi = {
  request<T>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResult<T>>;
  /** Subscribes over graphql-ws; returns the function that ends the subscription. */
  subscribe<T>(
    query: string,
    variables: Record<string, unknown>,
    onData: (data: T) => void,
    onError: (message: string) => void,
  ): () => void;
};

export function createConsoleApi(endpoint: string, token: string): ConsoleApi {
  let ws: Client | undefined;
  const socket = (): Client => {
    if (!ws) {
      const url = new URL(endpoint, window.location.href);
      url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
      ws = createClient({
        url: url.href,
        connectionParams: { Authorization: `Bearer ${token}` },
        lazy: true,
        retryAttempts: 5,
      });
    }
    return ws;
  };
  return {
    async request<T>(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResult<T>> {
      let response: Response;
      try {
        response = await fetch(endpoint, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query, variables }),
        });
      } catch (error) {
        return { ok: false, message: `network error: ${String(error)}` };
      }
      const body = (await response.json().catch(() => undefined)) as
        | { data?: T; errors?: { message: string; extensions?: { code?: string } }[] }
        | undefined;
      if (body?.errors?.length) {
        return {
          ok: false,
          message: body.errors.map((e) => `${e.extensions?.code ?? 'ERROR'}: ${e.message}`).join('; '),
        };
      }
      if (!body?.data) return { ok: false, message: `HTTP ${response.status}` };
      return { ok: true, data: body.data };
    },
    subscribe<T>(
      query: string,
      variables: Record<string, unknown>,
      onData: (data: T) => void,
      onError: (message: string) => void,
    ) {
      return socket().subscribe<T>(
        { query, variables },
        {
          next: (result) => {
            if (result.errors?.length) onError(result.errors.map((e) => e.message).join('; '));
            else if (result.data) onData(result.data as T);
          },
          error: (error) => onError(error instanceof Error ? error.message : 'subscription closed'),
          complete: () => {},
        },
      );
    },
  };
}
