import { randomBytes, randomUUID } from 'node:crypto';
import { PassThrough } from 'node:stream';
import type { SupergraphSdlHook } from '@apollo/gateway';
import {
  issueToken,
  parseGatewayConfig,
  type RunningGateway,
  type StartGatewayOptions,
  startGateway,
} from '@ionflux/gateway';
import { identityPublicKeyFor } from '@ionflux/kit/identity';
import { type RunningCatalogSubgraph, startCatalogSubgraph } from './catalog-subgraph.ts';
import { composeTestSupergraph } from './compose-test-supergraph.ts';
import { createBusFanout, createMemoryFanout, type EventFanout } from './event-fanout.ts';
import { type RunningOrdersSubgraph, startOrdersSubgraph } from './orders-subgraph.ts';

export interface SubscriptionSystemOptions {
  /** Gateway processes (in this process); gateway i routes `orders` to instance i mod instances. @default 1 */
  gateways?: number;
  /** Instances of the orders subgraph. @default 1 */
  ordersInstances?: number;
  /** Postgres URL: instances fan events out through the kit's EventBus; without it, in memory (one instance). */
  databaseUrl?: string;
  /** With `databaseUrl`, the bus as `IONFLUX_EVENT_BUS` names it: unset → Postgres, `nats://…` → NATS. */
  eventBus?: string;
  subscriptionLimits?: StartGatewayOptions['subscriptionLimits'];
  /** Lets a test swap the supergraph later (schema reload). */
  reloadable?: boolean;
}

export interface SubscriptionSystem {
  gateways: RunningGateway[];
  orders: RunningOrdersSubgraph[];
  catalog: RunningCatalogSubgraph;
  supergraphSdl: string;
  /** Pushes a supergraph to the gateways (only with `reloadable`). */
  reload(supergraphSdl: string): void;
  tokenFor(workspaceId: string, options?: { userId?: string; expiresIn?: string }): Promise<string>;
  jwtSecret: string;
  logs(): string;
  stop(): Promise<void>;
}

/**
 * Gateways over two tiny federated subgraphs: `orders` owns `Subscription.orderPlaced`, `catalog`
 * resolves extra `Order` fields by `@key`. All on port 0, in this process.
 */
export async function startSubscriptionSystem(
  options: SubscriptionSystemOptions = {},
): Promise<SubscriptionSystem> {
  const internalSecret = randomBytes(32).toString('base64url');
  const jwtSecret = randomBytes(32).toString('base64url');
  const instances = options.ordersInstances ?? 1;
  const fanouts: EventFanout[] = [];
  if (options.databaseUrl) {
    for (let i = 0; i < instances; i++) {
      fanouts.push(await createBusFanout(options.databaseUrl, options.eventBus));
    }
  } else {
    const shared = createMemoryFanout();
    for (let i = 0; i < instances; i++) fanouts.push(shared);
  }
  // The subgraphs get only the public half of the gateway's identity key, as in production.
  const identityPublicKey = identityPublicKeyFor(internalSecret);
  const orders = await Promise.all(fanouts.map((fanout) => startOrdersSubgraph(identityPublicKey, fanout)));
  const catalog = await startCatalogSubgraph(identityPublicKey);
  const first = orders[0] as RunningOrdersSubgraph;
  const supergraphSdl = composeTestSupergraph([first, catalog]);

  const updates: ((sdl: string) => void)[] = [];
  const hook: SupergraphSdlHook = async ({ update }) => {
    updates.push(update);
    return { supergraphSdl };
  };
  const captured: string[] = [];
  const logDestination = new PassThrough();
  logDestination.on('data', (chunk: Buffer) => captured.push(chunk.toString('utf8')));

  const gateways: RunningGateway[] = [];
  for (let i = 0; i < (options.gateways ?? 1); i++) {
    const ordersInstance = orders[i % orders.length] as RunningOrdersSubgraph;
    gateways.push(
      await startGateway(
        parseGatewayConfig({
          NODE_ENV: 'test',
          LOG_LEVEL: 'warn',
          PORT: '0',
          IONFLUX_JWT_SECRET: jwtSecret,
          IONFLUX_INTERNAL_SECRET: internalSecret,
        }),
        {
          logDestination,
          supergraphSdl: options.reloadable ? hook : supergraphSdl,
          subgraphUrls: { orders: ordersInstance.graphqlUrl, catalog: catalog.graphqlUrl },
          ...(options.subscriptionLimits ? { subscriptionLimits: options.subscriptionLimits } : {}),
        },
      ),
    );
  }

  return {
    gateways,
    orders,
    catalog,
    supergraphSdl,
    reload(sdl) {
      for (const update of updates) update(sdl);
    },
    tokenFor: (workspaceId, { userId = randomUUID(), expiresIn } = {}) =>
      issueToken({ secret: jwtSecret, workspaceId, userId, ...(expiresIn ? { expiresIn } : {}) }),
    jwtSecret,
    logs: () => captured.join(''),
    async stop() {
      await Promise.all(gateways.map((gateway) => gateway.close()));
      await Promise.all([...orders.map((o) => o.close()), catalog.close()]);
    },
  };
}
