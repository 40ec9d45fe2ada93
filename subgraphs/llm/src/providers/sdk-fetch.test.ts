import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createProviderHttpClient, type ProviderHttpClient } from '@ionflux/kit/http';
import { createLogger } from '@ionflux/kit/logging';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { breakerHeaders } from './breaker-headers.ts';
import { createSdkFetch } from './sdk-fetch.ts';

let server: Server;
let url: string;
let client: ProviderHttpClient;
const received: IncomingHttpHeaders[] = [];

beforeEach(async () => {
  received.length = 0;
  server = createServer((req, res) => {
    received.push(req.headers);
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/chat/completions`;
  client = createProviderHttpClient({
    provider: 'openai',
    logger: createLogger({ service: 'test', level: 'silent' }),
  });
});

afterEach(async () => {
  await client.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('createSdkFetch', () => {
  const headers = {
    authorization: 'Bearer sk-test-123456789',
    ...breakerHeaders({ keySource: 'central', workspaceId: 'a4c1f3c2-0000-4000-8000-000000000001' }),
  };

  it.each([
    ['a unary call (through the kit client and its breakers)', '{"model":"gpt-4o-mini"}'],
    ['a streamed call (straight to the network)', '{"model":"gpt-4o-mini","stream":true}'],
  ])('never sends the breaker-scope headers to the provider: %s', async (_name, body) => {
    const sdkFetch = createSdkFetch(client, { timeoutMs: 5_000 });
    const response = await sdkFetch(url, { method: 'POST', headers, body });
    expect(response.status).toBe(200);
    expect(received).toHaveLength(1);
    expect(received[0]?.['authorization']).toBe('Bearer sk-test-123456789');
    expect(Object.keys(received[0] ?? {}).filter((name) => name.startsWith('x-ionflux'))).toEqual([]);
  });
});
