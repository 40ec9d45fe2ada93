import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { freePort } from '@ionflux/kit/server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createUndiciFetcher } from './undici-fetcher.ts';

interface Received {
  method: string | undefined;
  url: string | undefined;
  headers: IncomingMessage['headers'];
  body: string;
}

describe('createUndiciFetcher', () => {
  const fetcher = createUndiciFetcher();
  let server: Server;
  let origin: string;
  let received: Received[] = [];
  let respond: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.end();

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        received.push({
          method: req.method,
          url: req.url,
          headers: req.headers,
          body: Buffer.concat(chunks).toString(),
        });
        respond(req, res);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterEach(() => {
    received = [];
  });
  afterAll(async () => {
    await fetcher.close();
    await new Promise((resolve) => server.close(resolve));
  });

  it('sends the method, headers and JSON body as given and reads the JSON answer', async () => {
    respond = (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ data: { hello: 'world' } }));
    };
    const body = JSON.stringify({ query: '{ hello }', variables: { id: 'ü' } });

    const response = await fetcher(`${origin}/graphql?x=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-ionflux-request-id': 'req-1' },
      body,
    });

    expect(received).toEqual([
      expect.objectContaining({
        method: 'POST',
        url: '/graphql?x=1',
        headers: expect.objectContaining({
          'content-type': 'application/json',
          'x-ionflux-request-id': 'req-1',
          'content-length': String(Buffer.byteLength(body)),
        }),
        body,
      }),
    ]);
    expect(response.status).toBe(200);
    expect(response.ok).toBe(true);
    expect(response.statusText).toBe('OK');
    expect(response.url).toBe(`${origin}/graphql?x=1`);
    expect(response.bodyUsed).toBe(false);
    expect(await response.json()).toEqual({ data: { hello: 'world' } });
    expect(response.bodyUsed).toBe(true);
    await expect(response.text()).rejects.toThrow(TypeError);
  });

  it('reads response headers case-insensitively, and the body as text', async () => {
    respond = (_req, res) => {
      res.setHeader('Cache-Control', 'max-age=30, private');
      res.setHeader('X-Many', ['a', 'b']);
      res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end('upstream broke');
    };

    const response = await fetcher(`${origin}/`, { method: 'POST', body: '{}' });

    expect(response.status).toBe(500);
    expect(response.ok).toBe(false);
    expect(response.statusText).toBe('Internal Server Error');
    expect(response.headers.get('Content-Type')).toBe('text/plain');
    expect(response.headers.get('content-type')).toBe('text/plain');
    expect(response.headers.get('CACHE-CONTROL')).toBe('max-age=30, private');
    expect(response.headers.get('x-many')).toBe('a, b');
    expect(response.headers.has('X-Missing')).toBe(false);
    expect(response.headers.get('X-Missing')).toBeNull();
    expect(Object.fromEntries(response.headers)).toMatchObject({ 'content-type': 'text/plain' });
    expect(await response.clone().text()).toBe('upstream broke');
    expect(await response.text()).toBe('upstream broke');
  });

  it('returns a redirect without following it', async () => {
    respond = (req, res) => {
      if (req.url === '/moved') {
        res.writeHead(307, { Location: '/elsewhere' });
        res.end();
      } else {
        res.end('should not be reached');
      }
    };

    const response = await fetcher(`${origin}/moved`, { method: 'POST', body: '{}' });

    expect(response.status).toBe(307);
    expect(response.redirected).toBe(false);
    expect(response.headers.get('location')).toBe('/elsewhere');
    expect(received.map((request) => request.url)).toEqual(['/moved']);
  });

  it('rejects with the signal reason when aborted', async () => {
    respond = () => {}; // never answers
    const controller = new AbortController();
    const pending = fetcher(`${origin}/slow`, { method: 'POST', body: '{}', signal: controller.signal });
    const reason = new Error('caller gave up');
    setTimeout(() => controller.abort(reason), 20);

    await expect(pending).rejects.toBe(reason);
  });

  it('rejects, as fetch does, when the connection is refused', async () => {
    const port = await freePort();

    const error = await fetcher(`http://127.0.0.1:${port}/graphql`, { method: 'POST', body: '{}' }).then(
      () => undefined,
      (failure: unknown) => failure,
    );

    expect(error).toBeInstanceOf(TypeError);
    expect(error).toMatchObject({ message: 'fetch failed', cause: { code: 'ECONNREFUSED' } });
  });
});
