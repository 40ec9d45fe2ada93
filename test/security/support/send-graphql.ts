/** A GraphQL answer as received: status, content type and the body text (parsed when it is JSON). */
export interface GraphQLAnswer {
  status: number;
  contentType: string;
  text: string;
  body: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: Record<string, unknown>; path?: unknown[] }[];
  } | null;
}

/**
 * POSTs an operation to the gateway as a client would, with a deadline: an answer that does not come
 * within `timeoutMs` is a hang and fails the test that sent it.
 */
export async function sendGraphQL(
  gatewayUrl: string,
  request: { query: string; variables?: unknown; token?: string; timeoutMs?: number },
): Promise<GraphQLAnswer> {
  const timeoutMs = request.timeoutMs ?? 15_000;
  let response: Response;
  try {
    response = await fetch(`${gatewayUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(request.token ? { authorization: `Bearer ${request.token}` } : {}),
      },
      body: JSON.stringify({ query: request.query, variables: request.variables ?? {} }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw new Error(`no answer within ${timeoutMs} ms (${String(error)}) to ${request.query.slice(0, 200)}`);
  }
  const text = await response.text();
  let body: GraphQLAnswer['body'] = null;
  try {
    body = JSON.parse(text) as GraphQLAnswer['body'];
  } catch {
    body = null;
  }
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', text, body };
}
