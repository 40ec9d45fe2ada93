import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApolloServerPlugin, BaseContext, GraphQLServerListener } from '@apollo/server';
import { afterEach, describe, expect, it } from 'vitest';
import { drainHttpServer } from './drain-http-server.ts';

let server: Server | undefined;
afterEach(() => {
  server?.closeAllConnections();
  server?.close();
});

async function listening(
  handler: Parameters<typeof createServer>[1],
): Promise<{ server: Server; port: number }> {
  const started = createServer(handler);
  await new Promise<void>((resolve) => started.listen(0, '127.0.0.1', resolve));
  server = started;
  return { server: started, port: (started.address() as AddressInfo).port };
}

async function drainOf(plugin: ApolloServerPlugin<BaseContext>): Promise<() => Promise<void>> {
  const listener = (await plugin.serverWillStart?.({} as never)) as GraphQLServerListener;
  return () => listener.drainServer?.() ?? Promise.resolve();
}

/** A GET whose answer is read as it comes; resolves the status and the whole body (or the error). */
function get(port: number, path: string): Promise<{ status: number; body: string } | { error: string }> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => {
        body += chunk.toString();
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.on('error', (error) => resolve({ error: error.message }));
    });
    req.on('error', (error) => resolve({ error: error.message }));
    req.end();
  });
}

describe('drainHttpServer', () => {
  it('lets a request in flight finish, then ends; idle keep-alive connections do not hold it up', async () => {
    const { server: http, port } = await listening((req, res) => {
      if (req.url === '/slow') setTimeout(() => res.end('done'), 200);
      else res.end('quick');
    });
    await get(port, '/quick');
    const slow = get(port, '/slow');
    await new Promise((resolve) => setTimeout(resolve, 20));
    const started = Date.now();
    await (await drainOf(drainHttpServer(http, { graceMs: 5_000 })))();
    expect(await slow).toEqual({ status: 200, body: 'done' });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('ends within the grace period when clients went away mid-response and a stream never ends', async () => {
    // The case that made Apollo's own drain plugin throw on a null socket and never finish: responses
    // whose client left before they finished, beside a stream that would run forever.
    const { server: http, port } = await listening((req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(':\n\n');
      if (req.url === '/left') setTimeout(() => res.end('event: complete\n\n'), 50);
    });
    for (let i = 0; i < 20; i++) {
      const req = request({ host: '127.0.0.1', port, path: '/left' }, (res) => {
        res.once('data', () => req.destroy());
      });
      req.on('error', () => {});
      req.end();
    }
    const forever = get(port, '/forever');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    await (await drainOf(drainHttpServer(http, { graceMs: 300 })))();
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(await forever).toMatchObject({ error: expect.any(String) });
    expect(http.listening).toBe(false);
  });
});
