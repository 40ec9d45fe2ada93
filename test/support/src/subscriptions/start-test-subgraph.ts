import { buildSubgraphSchema, type GraphQLResolverMap } from '@apollo/subgraph';
import { createIdentityVerifier, type Identity, parseIdentityPublicKey } from '@ionflux/kit/identity';
import { createLogger } from '@ionflux/kit/logging';
import { createMetrics } from '@ionflux/kit/metrics';
import { createServiceApp, createServiceServer, listen, mountSubgraph } from '@ionflux/kit/server';
import { mountSubgraphSubscriptions } from '@ionflux/kit/subscriptions';
import { parse } from 'graphql';

export interface TestSubgraphContext {
  identity: Identity;
}

export interface TestSubgraphOptions {
  /** Runs after the subgraph has stopped. */
  onClose?: () => Promise<void>;
  /** Where log lines go; tests capture them. @default stdout */
  logDestination?: NodeJS.WritableStream;
}

export interface RunningTestSubgraph {
  name: string;
  sdl: string;
  graphqlUrl: string;
  /** Open graphql-ws connections from gateways. */
  connectionCount(): number;
  close(): Promise<void>;
}

/**
 * A small federated subgraph the way a real one is served: HTTP GraphQL behind the gateway-identity
 * check (the kit's `mountSubgraph`) and subscriptions over graphql-ws (`mountSubgraphSubscriptions`).
 */
export async function startTestSubgraph(
  name: string,
  sdl: string,
  resolvers: GraphQLResolverMap<TestSubgraphContext>,
  identityPublicKey: string,
  { onClose = async () => {}, logDestination }: TestSubgraphOptions = {},
): Promise<RunningTestSubgraph> {
  const logger = createLogger({
    service: name,
    level: 'warn',
    ...(logDestination ? { destination: logDestination } : {}),
  });
  const publicKey = parseIdentityPublicKey(identityPublicKey);
  if (!publicKey.ok) throw new Error(`identityPublicKey ${publicKey.reason}`);
  // As a production subgraph: the gateway's public key only, tokens addressed to this subgraph's name.
  const identityVerifier = createIdentityVerifier({ audience: name, publicKeys: [publicKey.key] });
  const schema = buildSubgraphSchema([
    { typeDefs: parse(sdl), resolvers: resolvers as GraphQLResolverMap<unknown> },
  ]);
  const metrics = createMetrics(name);
  const app = createServiceApp({ logger, metrics, readinessChecks: [] });
  const server = createServiceServer(app, { logger, metrics });
  const { httpServer } = server;
  const apollo = await mountSubgraph<TestSubgraphContext>(app, {
    schema,
    identityVerifier,
    logger,
    server,
    introspection: false,
    createContext: (identity) => ({ identity }),
  });
  const subscriptions = mountSubgraphSubscriptions(httpServer, {
    schema,
    identityVerifier,
    logger,
    createContext: (identity): TestSubgraphContext => ({ identity }),
  });
  let closing: Promise<void> | undefined;
  const { url } = await listen(httpServer, { host: '127.0.0.1', port: 0, portVar: 'PORT' });
  return {
    name,
    sdl,
    graphqlUrl: `${url}/graphql`,
    connectionCount: () => subscriptions.connectionCount(),
    close() {
      // Idempotent: a test may stop an instance before the system stops everything.
      closing ??= (async () => {
        await subscriptions.close();
        await apollo.stop();
        await onClose();
      })();
      return closing;
    },
  };
}
