import type { GatewayGraphQLRequestContext } from '@apollo/server-gateway-interface';
import type { SendFetch } from '../execution/index.ts';
import type { GatewayContext } from '../gateway-context.ts';
import { createInFlight } from './in-flight.ts';
import type { SharingMetrics } from './sharing-metrics.ts';

type Answer = Awaited<ReturnType<SendFetch>>;

/**
 * Sends a fetch once when an identical one is in flight: same subgraph, same operation and variables
 * (the body), same caller (workspace and user: the identity the subgraph is sent). Fetches of a
 * mutation's plan are never shared (nor are those of a request without a verified caller). A shared
 * answer carries the first request's `x-request-id` to the subgraph. Each caller gets its own copy of
 * the answer's data and errors.
 */
export function shareIdenticalFetches(metrics: SharingMetrics) {
  // Only what the executor reads is copied (the data source's answer also holds the HTTP response).
  const inFlight = createInFlight<Answer>((answer) =>
    structuredClone({
      ...(answer.data !== undefined ? { data: answer.data } : {}),
      ...(answer.errors !== undefined ? { errors: answer.errors } : {}),
    }),
  );
  return (requestContext: GatewayGraphQLRequestContext, send: SendFetch): SendFetch => {
    const identity = (requestContext.context as Partial<GatewayContext>).identity;
    if (!identity || requestContext.operation.operation !== 'query') return send;
    const scope = `${identity.workspaceId}\n${identity.userId}`;
    return (fetch, variables, path) => {
      const key = `${fetch.serviceName}\n${scope}\n${fetch.operation}\n${JSON.stringify(variables)}`;
      const { shared, outcome } = inFlight.run(key, () => send(fetch, variables, path));
      if (shared) metrics.sharedFetch(fetch.serviceName);
      return outcome;
    };
  };
}
