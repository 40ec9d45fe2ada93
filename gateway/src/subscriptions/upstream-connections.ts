import { IDENTITY_HEADER, type Identity, type IdentitySigner } from '@ionflux/kit/identity';
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';

export interface UpstreamConnection {
  client: Client;
  /** Gives the connection back; the socket closes when its last user has. */
  release(): void;
}

export interface UpstreamConnections {
  /**
   * A graphql-ws client to the subgraph `subgraph` (its supergraph name, the identity's audience) at
   * `graphqlUrl`, authenticated as `identity`, shared by everyone in `scopeKey`.
   */
  acquire(
    subgraph: { name: string; graphqlUrl: string },
    scopeKey: string,
    identity: Identity,
  ): UpstreamConnection;
  /** Open upstream sockets (one per subgraph and identity scope). */
  size(): number;
  close(): Promise<void>;
}

export interface UpstreamConnectionOptions {
  signer: IdentitySigner;
  /**
   * Client-side pings to each subgraph; a subgraph that stops answering ends its subscriptions with
   * SUBGRAPH_UNAVAILABLE instead of leaving them silent.
   * @default 10000
   */
  keepAliveMs?: number;
}

/**
 * One graphql-ws connection per (subgraph, identity scope), multiplexing that scope's subscriptions.
 * The identity travels in `connectionParams`, signed afresh on each connect, because the signature is
 * short-lived and a WebSocket has no per-message headers. No retries: a lost subgraph ends its streams
 * with a clear code and the client resubscribes (possibly reaching another instance).
 */
export function createUpstreamConnections(options: UpstreamConnectionOptions): UpstreamConnections {
  const entries = new Map<string, { client: Client; users: number }>();
  const keepAlive = options.keepAliveMs ?? 10_000;

  return {
    acquire({ name, graphqlUrl }, scopeKey, identity) {
      const key = `${name}\n${graphqlUrl}\n${scopeKey}`;
      let entry = entries.get(key);
      if (!entry) {
        const url = new URL(graphqlUrl);
        url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
        let activeSocket: WebSocket | undefined;
        let pongTimeout: NodeJS.Timeout | undefined;
        entry = {
          users: 0,
          client: createClient({
            url: url.toString(),
            webSocketImpl: WebSocket,
            lazy: true,
            lazyCloseTimeout: 0,
            retryAttempts: 0,
            keepAlive,
            // graphql-ws pings but never gives up on a silent peer by itself: close when no pong comes.
            on: {
              ping: (received) => {
                if (!received)
                  pongTimeout = setTimeout(() => activeSocket?.close(4408, 'Pong timeout'), keepAlive);
              },
              pong: (received) => {
                if (received) clearTimeout(pongTimeout);
              },
              opened: (socket) => {
                activeSocket = socket as WebSocket;
              },
              closed: () => clearTimeout(pongTimeout),
            },
            connectionParams: () => ({ [IDENTITY_HEADER]: options.signer.sign(identity, name) }),
          }),
        };
        entries.set(key, entry);
      }
      entry.users++;
      const owned = entry;
      let released = false;
      return {
        client: owned.client,
        release() {
          if (released) return;
          released = true;
          owned.users--;
          if (owned.users === 0 && entries.get(key) === owned) {
            entries.delete(key);
            void owned.client.dispose();
          }
        },
      };
    },
    size: () => entries.size,
    async close() {
      const clients = [...entries.values()].map((entry) => entry.client);
      entries.clear();
      await Promise.all(clients.map((client) => client.dispose()));
    },
  };
}
