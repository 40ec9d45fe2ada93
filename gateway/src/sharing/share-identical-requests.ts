import type { ApolloServer, HTTPGraphQLRequest, HTTPGraphQLResponse } from '@apollo/server';
import { type OperationTypeNode, parse } from 'graphql';
import { LRUCache } from 'lru-cache';
import type { GatewayContext } from '../gateway-context.ts';
import { createInFlight } from './in-flight.ts';
import type { SharingMetrics } from './sharing-metrics.ts';

/** Request headers Apollo Server's answer depends on (content negotiation, CSRF, plan exposure). */
const ANSWER_HEADERS = [
  'accept',
  'content-type',
  'apollo-require-preflight',
  'x-apollo-operation-name',
  'apollo-query-plan-experimental',
  'apollo-query-plan-experimental-format',
];

/** Query texts whose operations' kinds are remembered, by total length. */
const MAX_REMEMBERED_QUERY_BYTES = 8 * 1024 * 1024;

type ExecuteArguments = Parameters<ApolloServer<GatewayContext>['executeHTTPGraphQLRequest']>[0];

/**
 * Apollo Server with identical queries in flight executed once: a POST whose body, URL query,
 * answer-relevant headers and verified caller (workspace and user) equal those of a query being
 * executed waits for that execution and gets its answer. Only queries (never mutations or
 * subscriptions), and only successful answers are shared: when the first one's answer has errors or is
 * not a single JSON body, each waiting request runs on its own, so no one gets an error meant for
 * another request (INTERNAL errors carry their request's id). Everything else (limits, authentication,
 * parsing) has already happened per request; each response keeps its own `x-request-id`.
 *
 * Returned as an object whose prototype is `apollo`, so it is used wherever an `ApolloServer` is.
 */
export function shareIdenticalRequests(
  apollo: ApolloServer<GatewayContext>,
  {
    metrics,
    maxTokens,
    documentOf,
  }: {
    metrics: SharingMetrics;
    maxTokens: number;
    /** A trusted document by its SHA-256, for requests that send only the hash. */
    documentOf(hash: string): string | undefined;
  },
): ApolloServer<GatewayContext> {
  const inFlight = createInFlight<HTTPGraphQLResponse>();
  const kinds = new LRUCache<string, { kinds: Map<string | undefined, OperationTypeNode> }>({
    maxSize: MAX_REMEMBERED_QUERY_BYTES,
    sizeCalculation: (_, query) => Math.max(1, query.length),
  });

  /** The kind of the operation a request runs, when its document parses (else undefined: not shared). */
  const operationKind = (query: string, operationName: unknown): OperationTypeNode | undefined => {
    let entry = kinds.get(query);
    if (!entry) {
      entry = { kinds: new Map() };
      try {
        const operations = parse(query, { noLocation: true, maxTokens }).definitions.filter(
          (definition) => definition.kind === 'OperationDefinition',
        );
        for (const operation of operations) entry.kinds.set(operation.name?.value, operation.operation);
        // Without an operation name, the one operation of the document, if there is only one.
        if (operations.length === 1 && operations[0]) entry.kinds.set(undefined, operations[0].operation);
      } catch {}
      kinds.set(query, entry);
    }
    return entry.kinds.get(typeof operationName === 'string' ? operationName : undefined);
  };

  const keyOf = (request: HTTPGraphQLRequest, context: GatewayContext): string | undefined => {
    const { identity } = context;
    const body = request.body as
      | {
          query?: unknown;
          operationName?: unknown;
          extensions?: { persistedQuery?: { sha256Hash?: unknown } };
        }
      | undefined;
    const hash = body?.extensions?.persistedQuery?.sha256Hash;
    const query =
      typeof body?.query === 'string' ? body.query : typeof hash === 'string' ? documentOf(hash) : undefined;
    if (request.method !== 'POST' || !identity || query === undefined) return undefined;
    if (operationKind(query, body?.operationName) !== 'query') return undefined;
    const headers = ANSWER_HEADERS.map((name) => request.headers.get(name) ?? '');
    return [identity.workspaceId, identity.userId, request.search, ...headers, JSON.stringify(body)].join(
      '\n',
    );
  };

  const shared: ApolloServer<GatewayContext> = Object.create(apollo);
  shared.executeHTTPGraphQLRequest = async (args: ExecuteArguments) => {
    let context: GatewayContext;
    try {
      context = await args.context();
    } catch {
      // Refused (e.g. a bad token): Apollo answers it as usual.
      return apollo.executeHTTPGraphQLRequest(args);
    }
    const key = keyOf(args.httpGraphQLRequest, context);
    const own = () => apollo.executeHTTPGraphQLRequest({ ...args, context: async () => context });
    if (key === undefined) return own();
    const { shared: joined, outcome } = inFlight.run(key, own);
    const response = await outcome;
    if (!joined) return response;
    if (!shareable(response)) return own();
    metrics.sharedRequest();
    return response;
  };
  return shared;
}

/** A single JSON answer with no errors (errors may name the request they belong to). */
function shareable(response: HTTPGraphQLResponse): boolean {
  return (
    (response.status ?? 200) === 200 &&
    response.body.kind === 'complete' &&
    !response.body.string.includes('"errors":')
  );
}
