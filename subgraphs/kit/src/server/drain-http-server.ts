import type { Server } from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';

export interface DrainHttpServerOptions {
  /** How long requests in flight may take to finish before their connections are cut. @default 10_000 */
  graceMs?: number;
}

/**
 * Apollo Server's drain step on Node's own connection tracking: stop listening, close idle keep-alive
 * connections at once and each other one as soon as its response has ended, and after `graceMs` cut
 * whatever is left. Upgraded sockets (WebSockets) are not HTTP connections: their server closes them first.
 *
 * In place of `ApolloServerPluginDrainHttpServer`, whose socket map keeps a socket whose `close` came
 * before its response's `finish` forever, and whose drain throws on the `null` socket such a response can
 * leave in it, so `stop()` never ends (apollographql/apollo-server#8222; seen here when SSE clients went
 * away mid-response).
 */
export function drainHttpServer(
  httpServer: Server,
  options: DrainHttpServerOptions = {},
): ApolloServerPlugin {
  const graceMs = options.graceMs ?? 10_000;
  return {
    async serverWillStart() {
      return {
        async drainServer() {
          if (!httpServer.listening) return;
          const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
          // A keep-alive connection whose response ends now would otherwise idle until its timeout.
          httpServer.closeIdleConnections();
          const idle = setInterval(() => httpServer.closeIdleConnections(), 50);
          const cut = setTimeout(() => httpServer.closeAllConnections(), graceMs);
          try {
            await closed;
          } finally {
            clearInterval(idle);
            clearTimeout(cut);
          }
        },
      };
    },
  };
}
