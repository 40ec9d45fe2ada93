import type { IncomingMessage } from 'node:http';
import type { SubscriptionRequest } from './prepare-subscription.ts';

/** Largest request body read for a subscription: an operation, not an upload. */
const MAX_BODY_BYTES = 1024 * 1024;

/**
 * The GraphQL request of a GraphQL-over-SSE call (graphql-sse's "distinct connections" mode): the JSON
 * body of a POST, or the `query`, `operationName` and JSON `variables` parameters of a GET. Undefined when
 * it is neither.
 */
export async function readSseRequest(request: IncomingMessage): Promise<SubscriptionRequest | undefined> {
  if (request.method === 'GET') {
    const params = new URL(request.url ?? '/', 'http://localhost').searchParams;
    const query = params.get('query');
    if (!query) return undefined;
    const variables = params.get('variables');
    return {
      query,
      operationName: params.get('operationName'),
      variables: variables ? asRecord(safeJson(variables)) : undefined,
    };
  }
  const parsed = (request as IncomingMessage & { body?: unknown }).body ?? safeJson(await readBody(request));
  const body = asRecord(parsed);
  if (!body || typeof body['query'] !== 'string') return undefined;
  const operationName = body['operationName'];
  return {
    query: body['query'],
    operationName: typeof operationName === 'string' ? operationName : undefined,
    variables: asRecord(body['variables']),
  };
}

async function readBody(request: IncomingMessage): Promise<string> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return '';
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
