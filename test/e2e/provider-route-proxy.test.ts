import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseGatewayConfig, type RunningGateway, startGateway } from '@ionflux/gateway';
import { type ShopifySimulator, startShopifySimulator } from '@ionflux/sandbox';
import { signBody } from '@ionflux/sandbox/shopify';
import { CookieJar, postGraphQL, type RawRequest, type RawResponse, rawRequest } from '@ionflux/testing/http';
import { startSystem } from '@ionflux/testing/system';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const API_KEY = 'proxy-test-client-id';
const API_SECRET = 'proxy-test-client-secret';

/** An HTTP server that records what reaches it and answers as a test asks (`?respond=`). */
interface Recorder {
  url: string;
  port: number;
  received: {
    method: string;
    url: string;
    headers: IncomingMessage['headers'];
    body: Buffer;
    /** The sender's port: one per connection. */
    fromPort: number;
  }[];
  close(): Promise<void>;
}

async function startRecorder(): Promise<Recorder> {
  const received: Recorder['received'] = [];
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      received.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body,
        fromPort: req.socket.remotePort ?? 0,
      });
      const respond = new URL(req.url ?? '/', 'http://x').searchParams.get('respond');
      if (respond === 'hang') return;
      if (respond === 'echo-later') {
        // Its own body back after a while, so that many are in flight at once.
        setTimeout(() => res.end(body), 100);
        return;
      }
      if (respond === 'big') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end(`RECORDER-SECRET-${'x'.repeat(2 * 1024 * 1024)}`);
        return;
      }
      res.setHeader('content-type', 'application/json');
      res.setHeader('set-cookie', [
        'a=1; Path=/oauth/shopify; HttpOnly',
        'b=2; Path=/oauth/shopify; HttpOnly',
      ]);
      res.setHeader('location', 'https://store.example/consent');
      res.setHeader('cache-control', 'no-store');
      res.setHeader('x-internal-secret', 'RECORDER-SECRET');
      res.setHeader('server', 'recorder/1.0');
      res.setHeader('access-control-allow-origin', '*');
      res.end(JSON.stringify({ ok: true }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    received,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

let simulator: ShopifySimulator;
let system: Awaited<ReturnType<typeof startSystem>>;
let sentinel: Recorder;
let gatewayPort: number;

const portOf = (url: string) => Number(new URL(url).port);
/** Lines the Shopify subgraph logged for requests it served. */
const shopifyRequestLines = () =>
  system
    .logs()
    .split('\n')
    .filter((line) => line.includes('"service":"shopify"') && line.includes('"msg":"request"'));

/** What must never appear in an answer of the gateway to a probe: anything of another service. */
function expectNothingOfAnotherService(answer: RawResponse): void {
  for (const marker of ['_control', '"requests"', '# HELP', '# TYPE', '"data"', '__typename']) {
    expect(answer.body).not.toContain(marker);
  }
}

beforeAll(async () => {
  simulator = await startShopifySimulator({ apiKey: API_KEY, apiSecret: API_SECRET });
  sentinel = await startRecorder();
  const probePort = await new Promise<number>((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
  const publicUrl = `http://127.0.0.1:${probePort}`;
  system = await startSystem({
    PORT: String(probePort),
    IONFLUX_PUBLIC_URL: publicUrl,
    SHOPIFY_API_KEY: API_KEY,
    SHOPIFY_API_SECRET: API_SECRET,
    SHOPIFY_ADMIN_ORIGIN: simulator.adminOriginTemplate,
    SHOPIFY_API_VERSION: simulator.apiVersion,
  });
  gatewayPort = system.gateway.port;
}, 60_000);

afterAll(async () => {
  await system?.stop();
  await simulator?.close();
  await sentinel?.close();
});

describe('the gateway’s OAuth and webhook routes under attack (raw sockets)', () => {
  it('refuses absolute-form request targets anywhere, /graphql included, with 400 and contacts nobody', async () => {
    const internal = {
      simulator: portOf(simulator.url),
      sentinel: sentinel.port,
      shopify: portOf(system.subgraphs.shopify.url),
      llm: portOf(system.subgraphs.llm.url),
      tiktok: portOf(system.subgraphs.tiktok.url),
      gateway: gatewayPort,
    };
    const probes: RawRequest[] = [
      { target: `http://127.0.0.1:${internal.simulator}/oauth/shopify/../../_control/requests` },
      { target: `http://127.0.0.1:${internal.simulator}/_control/requests` },
      { target: `HTTP://127.0.0.1:${internal.simulator}/oauth/shopify/callback` },
      { target: `http://127.0.0.1:${internal.sentinel}/oauth/shopify/callback?code=x` },
      { target: `http://127.0.0.1:${internal.sentinel}/webhooks/shopify`, method: 'POST', body: '{}' },
      { target: `http://127.0.0.1:${internal.sentinel}/oauth/shopify/start?state=x` },
      {
        target: `http://127.0.0.1:${internal.sentinel}/graphql`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"query":"{ __typename }"}',
      },
    ];
    for (const port of Object.values(internal)) {
      probes.push(
        { target: `http://127.0.0.1:${port}/metrics` },
        { target: `http://127.0.0.1:${port}/oauth/shopify/callback` },
        { target: `http://127.0.0.1:${port}/graphql?query=%7B__typename%7D` },
        {
          target: `http://127.0.0.1:${port}/graphql`,
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{"query":"{ __typename }"}',
        },
      );
    }
    // WebSocket upgrades (graphql-ws on /graphql reads only the pathname of the target).
    const upgrade = {
      connection: 'Upgrade',
      upgrade: 'websocket',
      'sec-websocket-version': '13',
      'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
      'sec-websocket-protocol': 'graphql-transport-ws',
    };
    probes.push(
      { target: `http://127.0.0.1:${internal.llm}/graphql`, headers: upgrade },
      { target: `http://127.0.0.1:${internal.gateway}/graphql`, headers: upgrade },
      { target: '/oauth/shopify/../../graphql', headers: upgrade },
    );
    const before = shopifyRequestLines().length;
    for (const probe of probes) {
      const answer = await rawRequest(gatewayPort, probe);
      expect(answer.status, `${probe.method ?? 'GET'} ${probe.target}`).toBe(400);
      expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'INVALID_REQUEST' } });
      expectNothingOfAnotherService(answer);
    }
    expect(sentinel.received).toEqual([]);
    expect(shopifyRequestLines().length).toBe(before);
  });

  it('refuses dot segments, encoded dots (any case, double-encoded), backslashes, ";" and "//" with 400', async () => {
    const targets = [
      '/oauth/shopify/../../metrics',
      '/oauth/shopify/../../_control/requests',
      '/oauth/shopify/./callback',
      '/oauth/shopify/callback/..',
      '/webhooks/shopify/..',
      '/oauth/shopify/%2e%2e/%2E%2E/metrics',
      '/oauth/shopify/%2e%2e/%2e%2e/_control/requests',
      '/oauth/shopify/%2E./callback',
      '/oauth/shopify/..%2f..%2fmetrics',
      '/oauth/shopify/%2e%2e%2f%2e%2e%2fgraphql',
      '/oauth/shopify/%252e%252e/%252e%252e/metrics',
      '/oauth/shopify/%25252e%25252e/metrics',
      '/webhooks/shopify%2f..%2f..%2fmetrics',
      '/oauth/shopify/%5c..%5cmetrics',
      '/oauth/shopify/%5C..%5Cmetrics',
      '/oauth/shopify/%255c..%255cmetrics',
      '/oauth/shopify/callback;/../../metrics',
      '/oauth/shopify/callback;jsessionid=1',
      '/webhooks/shopify;x',
      '/oauth/shopify/callback%3b',
      '//oauth/shopify/callback',
      '/oauth//shopify/callback',
      '/webhooks//shopify',
      '/oauth/shopify%2f%2fcallback',
      '/oauth/shopify/%zz',
      '/playground/../metrics',
    ];
    const before = shopifyRequestLines().length;
    for (const target of targets) {
      for (const method of ['GET', 'POST']) {
        const answer = await rawRequest(gatewayPort, {
          method,
          target,
          ...(method === 'POST' ? { body: '{}' } : {}),
        });
        expect(answer.status, `${method} ${target}`).toBe(400);
        expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'INVALID_REQUEST' } });
        expectNothingOfAnotherService(answer);
      }
    }
    // A raw backslash: Node's parser or the guard refuses it, either way a 400 that reaches no route.
    const backslash = await rawRequest(gatewayPort, { target: '/oauth/shopify/..\\..\\metrics' });
    expect(backslash.status).toBe(400);
    expectNothingOfAnotherService(backslash);
    expect(shopifyRequestLines().length).toBe(before);
  });

  it('answers 404 NOT_FOUND for anything else under /oauth and /webhooks, whatever the Host says, without contacting a subgraph', async () => {
    const probes: RawRequest[] = [
      { target: '/oauth/shopify/metrics' },
      { target: '/oauth/shopify/graphql' },
      { target: '/oauth/shopify/_control/requests' },
      { target: '/oauth/shopify' },
      { target: '/oauth/' },
      { target: '/oauth' },
      { target: '/webhooks' },
      { target: '/OAUTH/shopify/callback' },
      { target: '/oauth/Shopify/callback' },
      { target: '/oauth/shopify/callback/' },
      { target: '/oauth/shopify/callback/x' },
      { target: '/oauth/shopify/c%61llback' },
      { target: '/webhooks/shopify/x', method: 'POST', body: '{}' },
      { target: '/webhooks/llm', method: 'POST', body: '{}' },
      { target: '/oauth/llm/callback' },
      { target: '/oauth/shopify/callback', method: 'POST', body: '{}' },
      { target: '/oauth/shopify/start', method: 'DELETE' },
      { target: '/webhooks/shopify' },
      { target: '/webhooks/shopify', method: 'PUT', body: '{}' },
      { target: '/oauth/shopify/metrics', headers: { host: `127.0.0.1:${portOf(simulator.url)}` } },
      { target: '/oauth/shopify/metrics', headers: { host: `127.0.0.1:${sentinel.port}` } },
    ];
    const before = shopifyRequestLines().length;
    for (const probe of probes) {
      const answer = await rawRequest(gatewayPort, probe);
      expect(answer.status, `${probe.method ?? 'GET'} ${probe.target}`).toBe(404);
      expect(JSON.parse(answer.body)).toEqual({
        error: { code: 'NOT_FOUND', message: 'There is no such OAuth or webhook route.' },
      });
    }
    expect(shopifyRequestLines().length).toBe(before);
    expect(sentinel.received).toEqual([]);
  });

  it('still passes a legitimate OAuth flow (start, consent, callback) and a signed webhook', async () => {
    const shop = 'proxy-legit.myshopify.com';
    const started = await postGraphQL<{ startShopifyConnection: { authorizationUrl: string } }>(
      system.gatewayUrl,
      `mutation ($b: ID!, $s: String!) { startShopifyConnection(brandId: $b, shop: $s) { authorizationUrl } }`,
      { token: system.token, variables: { b: randomUUID(), s: shop } },
    );
    const browser = new CookieJar();
    const opened = await browser.fetch(started.body.data?.startShopifyConnection.authorizationUrl ?? '');
    expect(opened.status).toBe(302);
    const consent = await fetch(opened.headers.get('location') ?? '', { method: 'POST', redirect: 'manual' });
    const callback = new URL(consent.headers.get('location') ?? '');
    // Over a raw socket too: the gateway's answer is the subgraph's, cookie cleared, nothing more.
    const answer = await rawRequest(gatewayPort, {
      target: `${callback.pathname}${callback.search}`,
      headers: { cookie: browser.header(callback) ?? '' },
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('Shopify store connected');
    expect(answer.headers['set-cookie']).toContain('Max-Age=0');

    const body = JSON.stringify({ id: 1, myshopify_domain: shop, domain: 'www.legit.example' });
    const webhook = await rawRequest(gatewayPort, {
      method: 'POST',
      target: '/webhooks/shopify',
      headers: {
        'content-type': 'application/json',
        'x-shopify-topic': 'shop/update',
        'x-shopify-shop-domain': shop,
        'x-shopify-webhook-id': randomUUID(),
        'x-shopify-triggered-at': new Date().toISOString(),
        'x-shopify-hmac-sha256': signBody(Buffer.from(body), API_SECRET),
      },
      body,
    });
    expect(webhook.status).toBe(200);
    expect(JSON.parse(webhook.body)).toEqual({ received: true, duplicate: false });
  });
});

describe('what the proxy forwards, to an owner that records it', () => {
  let recorder: Recorder;
  let gateway: RunningGateway;
  const gatewayUrl = () => gateway.url;
  beforeAll(async () => {
    recorder = await startRecorder();
    gateway = await startGateway(
      parseGatewayConfig({
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        PORT: '0',
        IONFLUX_JWT_SECRET: randomBytes(32).toString('base64url'),
        IONFLUX_INTERNAL_SECRET: randomBytes(32).toString('base64url'),
      }),
      {
        subgraphUrls: { shopify: `${recorder.url}/graphql`, tiktok: `${recorder.url}/graphql` },
        providerRoutes: { timeoutMs: 1000 },
      },
    );
  });
  afterAll(async () => {
    await gateway?.close();
    await recorder?.close();
  });

  it('forwards only allow-listed request headers and sets x-forwarded-* and x-request-id itself', async () => {
    recorder.received.length = 0;
    const hostile = {
      authorization: 'Bearer stolen',
      'x-ionflux-identity': 'forged.identity.token',
      'x-forwarded-for': '6.6.6.6',
      'x-forwarded-host': 'evil.example',
      'x-forwarded-proto': 'https',
      'x-real-ip': '6.6.6.6',
      forwarded: 'for=6.6.6.6',
      'x-internal-secret': 'guess',
      'proxy-authorization': 'Basic x',
      'x-request-id': 'caller-chosen-id',
    };
    await fetch(`${gatewayUrl()}/oauth/shopify/callback?code=c&state=s`, {
      headers: {
        ...hostile,
        cookie: 'ionflux_oauth_shopify_x=1',
        'x-shopify-hmac-sha256': 'x',
        accept: 'text/html',
      },
    });
    await fetch(`${gatewayUrl()}/webhooks/shopify`, {
      method: 'POST',
      headers: {
        ...hostile,
        cookie: 'session=1',
        'content-type': 'application/json',
        'x-shopify-topic': 'orders/create',
        'x-shopify-hmac-sha256': 'sig',
        'tiktok-signature': 'nope',
      },
      body: '{"a":1}',
    });
    await fetch(`${gatewayUrl()}/webhooks/tiktok`, {
      method: 'POST',
      headers: {
        ...hostile,
        'tiktok-signature': 't=1,s=x',
        'x-shopify-topic': 'nope',
        'content-type': 'application/json',
      },
      body: '{}',
    });
    const [callback, shopifyWebhook, tiktokWebhook] = recorder.received;
    const allowed = new Set(['accept', 'accept-language', 'content-type', 'user-agent', 'x-request-id']);
    const gatewaySet = new Set([
      'x-forwarded-for',
      'x-forwarded-proto',
      'host',
      'connection',
      'content-length',
      'accept-encoding',
      'sec-fetch-mode',
    ]);
    for (const [request, own] of [
      [callback, ['cookie']],
      [shopifyWebhook, ['x-shopify-topic', 'x-shopify-hmac-sha256']],
      [tiktokWebhook, ['tiktok-signature']],
    ] as const) {
      const names = Object.keys(request?.headers ?? {}).filter((name) => !gatewaySet.has(name));
      expect(
        names.every((name) => allowed.has(name) || (own as readonly string[]).includes(name)),
        names.join(),
      ).toBe(true);
      expect(request?.headers['x-forwarded-for']).toBe('127.0.0.1');
      expect(request?.headers['x-forwarded-proto']).toBe('http');
      expect(request?.headers['x-forwarded-host']).toBeUndefined();
      expect(request?.headers['authorization']).toBeUndefined();
      expect(request?.headers['x-ionflux-identity']).toBeUndefined();
      // The gateway's request id (the caller's, when it is sane), the one it logs and returns.
      expect(request?.headers['x-request-id']).toBe('caller-chosen-id');
    }
    expect(callback?.headers['cookie']).toBe('ionflux_oauth_shopify_x=1');
    expect(shopifyWebhook?.headers['cookie']).toBeUndefined();
    expect(shopifyWebhook?.headers['tiktok-signature']).toBeUndefined();
    expect(tiktokWebhook?.headers['x-shopify-topic']).toBeUndefined();
    expect(shopifyWebhook?.body.toString()).toBe('{"a":1}');
  });

  it('builds the upstream URL from the allow-listed path and copies only the query string', async () => {
    recorder.received.length = 0;
    await fetch(`${gatewayUrl()}/oauth/shopify/start?state=a%2Fb&next=http://evil.example/x#frag`);
    await fetch(`${gatewayUrl()}/oauth/tiktok/callback?code=1&code=2`);
    await fetch(`${gatewayUrl()}/webhooks/shopify`, { method: 'POST', body: '{}' });
    expect(recorder.received.map(({ method, url }) => `${method} ${url}`)).toEqual([
      'GET /oauth/shopify/start?state=a%2Fb&next=http://evil.example/x',
      'GET /oauth/tiktok/callback?code=1&code=2',
      'POST /webhooks/shopify',
    ]);
  });

  it('pipelines concurrent webhook deliveries on a few connections, each answered with its own answer; OAuth requests one to a connection', async () => {
    recorder.received.length = 0;
    const bodies = Array.from({ length: 24 }, (_, index) => `{"delivery":${index}}`);
    const answers = await Promise.all(
      bodies.map(async (body) => {
        const answer = await fetch(`${gatewayUrl()}/webhooks/shopify?respond=echo-later`, {
          method: 'POST',
          body,
        });
        return { status: answer.status, text: await answer.text() };
      }),
    );
    expect(answers).toEqual(bodies.map((text) => ({ status: 200, text })));
    expect(recorder.received.map((request) => request.body.toString()).sort()).toEqual([...bodies].sort());
    // Eight to a connection: 24 deliveries in flight on 3 connections, not 24.
    expect(new Set(recorder.received.map((request) => request.fromPort)).size).toBeLessThanOrEqual(3);

    recorder.received.length = 0;
    const callbacks = await Promise.all(
      Array.from({ length: 4 }, () =>
        fetch(`${gatewayUrl()}/oauth/shopify/callback?respond=echo-later`).then((answer) => answer.status),
      ),
    );
    expect(callbacks).toEqual([200, 200, 200, 200]);
    expect(new Set(recorder.received.map((request) => request.fromPort)).size).toBe(4);
  });

  it('copies back only allow-listed response headers, every Set-Cookie kept', async () => {
    const answer = await fetch(`${gatewayUrl()}/oauth/shopify/start?state=x`, { redirect: 'manual' });
    expect(answer.status).toBe(200);
    expect(answer.headers.getSetCookie()).toEqual([
      'a=1; Path=/oauth/shopify; HttpOnly',
      'b=2; Path=/oauth/shopify; HttpOnly',
    ]);
    expect(answer.headers.get('location')).toBe('https://store.example/consent');
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(answer.headers.get('x-internal-secret')).toBeNull();
    expect(answer.headers.get('server')).toBeNull();
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    expect(await answer.json()).toEqual({ ok: true });
  });

  it('refuses a request body over 1 MiB with 413 INVALID_REQUEST and forwards nothing (declared or chunked)', async () => {
    recorder.received.length = 0;
    const big = Buffer.alloc(1024 * 1024 + 1, 'a');
    const port = portOf(gatewayUrl());
    for (const chunked of [false, true]) {
      const answer = await rawRequest(port, {
        method: 'POST',
        target: '/webhooks/shopify',
        headers: { 'content-type': 'application/json' },
        body: big,
        chunked,
      });
      expect(answer.status).toBe(413);
      expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'INVALID_REQUEST' } });
    }
    const exact = await rawRequest(port, {
      method: 'POST',
      target: '/webhooks/shopify',
      body: Buffer.alloc(1024 * 1024, 'a'),
    });
    expect(exact.status).toBe(200);
    expect(recorder.received.map((request) => request.body.length)).toEqual([1024 * 1024]);
  });

  it('answers 502 PROVIDER_UNAVAILABLE for an answer over 1 MiB, relaying none of it', async () => {
    const answer = await fetch(`${gatewayUrl()}/oauth/shopify/callback?respond=big`);
    expect(answer.status).toBe(502);
    const text = await answer.text();
    expect(JSON.parse(text)).toMatchObject({ error: { code: 'PROVIDER_UNAVAILABLE' } });
    expect(text).not.toContain('RECORDER-SECRET');
  });

  it('answers 504 PROVIDER_UNAVAILABLE when the owner does not answer in time, and 502 when it is down', async () => {
    const started = Date.now();
    const slow = await fetch(`${gatewayUrl()}/oauth/shopify/callback?respond=hang`);
    expect(slow.status).toBe(504);
    expect(await slow.json()).toMatchObject({ error: { code: 'PROVIDER_UNAVAILABLE' } });
    expect(Date.now() - started).toBeLessThan(5000);

    const down = await startGateway(
      parseGatewayConfig({
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        PORT: '0',
        IONFLUX_JWT_SECRET: randomBytes(32).toString('base64url'),
        IONFLUX_INTERNAL_SECRET: randomBytes(32).toString('base64url'),
      }),
      { subgraphUrls: { shopify: 'http://127.0.0.1:9/graphql', tiktok: 'http://127.0.0.1:9/graphql' } },
    );
    try {
      const answer = await fetch(`${down.url}/webhooks/shopify`, { method: 'POST', body: '{}' });
      expect(answer.status).toBe(502);
      expect(await answer.json()).toMatchObject({ error: { code: 'PROVIDER_UNAVAILABLE' } });
    } finally {
      await down.close();
    }
  });

  it('refuses absolute-form aimed at the owner itself: it sees nothing', async () => {
    recorder.received.length = 0;
    const answer = await rawRequest(portOf(gatewayUrl()), {
      target: `http://127.0.0.1:${recorder.port}/oauth/shopify/callback?respond=big`,
    });
    expect(answer.status).toBe(400);
    expect(recorder.received).toEqual([]);
  });
});
