import type { Server } from 'node:http';

export interface Listening {
  port: number;
  url: string;
}

/**
 * Starts listening; a port already taken fails with a message naming the port and the env var that
 * moves it, instead of an unhandled EADDRINUSE.
 */
export async function listen(
  server: Server,
  { host, port, portVar }: { host: string; port: number; portVar: string },
): Promise<Listening> {
  // Longer than the usual 60 s pool keep-alive of clients, so an idle client socket is never cut mid-request.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(`port ${port} on ${host} is already in use: stop what runs there or set ${portVar}`)
          : error,
      );
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
  const address = server.address();
  const actualPort = address && typeof address === 'object' ? address.port : port;
  return { port: actualPort, url: `http://${host}:${actualPort}` };
}
