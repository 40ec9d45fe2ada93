import { randomUUID } from 'node:crypto';
import { type IncomingMessage, request } from 'node:http';
import { sampleValue } from '@ionflux/testing/metrics';
import {
  connectWs,
  eventually,
  ORDER_PLACED,
  openRawWs,
  type SubscriptionSystem,
  startSubscriptionSystem,
  subscribeSse,
  subscribeWs,
} from '@ionflux/testing/subscriptions';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const LIMITS = { maxPerConnection: 3, maxPerWorkspace: 6, maxQueuedPerSubscriber: 16 };

let system: SubscriptionSystem;
beforeAll(async () => {
  system = await startSubscriptionSystem({ subscriptionLimits: LIMITS });
});
afterAll(async () => {
  await system?.stop();
});

const gatewayUrl = () => system.gateways[0]?.url ?? '';
const orders = () => {
  const instance = system.orders[0];
  if (!instance) throw new Error('no orders subgraph');
  return instance;
};
const activeUpstream = (count: number) =>
  eventually(() => orders().subscriptions().active === count, 5000, `${count} upstream subscriptions`);

describe('subscriptions over graphql-ws through the gateway', () => {
  it('delivers each event of the owning subgraph with fields another subgraph resolves for it', async () => {
    const workspaceId = randomUUID();
    const brandId = randomUUID();
    const client = connectWs(gatewayUrl(), await system.tokenFor(workspaceId));
    try {
      const subscription = subscribeWs(client, ORDER_PLACED, { brandId });
      await activeUpstream(1);
      const first = await orders().publish(workspaceId, brandId, { total: 10 });
      const second = await orders().publish(workspaceId, brandId, { total: 20 });
      const results = await subscription.waitForResults(2);
      expect(results).toEqual([
        {
          data: {
            orderPlaced: {
              id: first.id,
              total: 10,
              workspaceId,
              publishedAt: first.publishedAt,
              brandName: `Brand of order ${first.id.slice(0, 8)}`,
              catalogWorkspaceId: workspaceId,
            },
          },
        },
        {
          data: {
            orderPlaced: expect.objectContaining({
              id: second.id,
              total: 20,
              catalogWorkspaceId: workspaceId,
            }),
          },
        },
      ]);
      subscription.unsubscribe();
      await activeUpstream(0);
    } finally {
      await client.dispose();
    }
  });

  it('keeps aliases and __typename, and never delivers another workspace’s events', async () => {
    const [mine, theirs] = [randomUUID(), randomUUID()];
    const brandId = randomUUID();
    const client = connectWs(gatewayUrl(), await system.tokenFor(mine));
    try {
      const subscription = subscribeWs(
        client,
        /* GraphQL */ `subscription ($brandId: ID!) { order: orderPlaced(brandId: $brandId) { __typename ref: id name: brandName } }`,
        { brandId },
      );
      await activeUpstream(1);
      await orders().publish(theirs, brandId);
      const event = await orders().publish(mine, brandId);
      const [result] = await subscription.waitForResults(1);
      expect(result).toEqual({
        data: {
          order: { __typename: 'Order', ref: event.id, name: `Brand of order ${event.id.slice(0, 8)}` },
        },
      });
      subscription.unsubscribe();
      await activeUpstream(0);
      expect(subscription.results).toHaveLength(1);
    } finally {
      await client.dispose();
    }
  });

  it('shares one upstream subscription and one entity fetch per event among subscribers of one scope', async () => {
    const workspaceId = randomUUID();
    const brandId = randomUUID();
    const before = orders().subscriptions().total;
    const clients = await Promise.all(
      Array.from({ length: 5 }, async () => connectWs(gatewayUrl(), await system.tokenFor(workspaceId))),
    );
    try {
      const subscriptions = clients.map((client) => subscribeWs(client, ORDER_PLACED, { brandId }));
      await eventually(
        () => system.gateways[0]?.subscriptions.stats().subscribers === 5,
        5000,
        '5 subscribers',
      );
      await activeUpstream(1);
      expect(orders().subscriptions().total - before).toBe(1);
      expect(system.gateways[0]?.subscriptions.stats().upstreamSubscriptions).toBe(1);
      const metrics = await (await fetch(`${gatewayUrl()}/metrics`)).text();
      expect(metrics).toMatch(/^ionflux_subscriptions_open\{[^}]*\} 5$/m);
      expect(metrics).toMatch(/^ionflux_subscriptions_upstream\{[^}]*\} 1$/m);

      const entitiesBefore = system.catalog.resolvedEntities();
      const event = await orders().publish(workspaceId, brandId);
      for (const subscription of subscriptions) {
        const [result] = await subscription.waitForResults(1);
        expect(result?.data).toEqual({
          orderPlaced: expect.objectContaining({ id: event.id, catalogWorkspaceId: workspaceId }),
        });
      }
      expect(system.catalog.resolvedEntities() - entitiesBefore).toBe(1);

      // The last one out closes the upstream subscription; until then it stays.
      for (const subscription of subscriptions.slice(0, 4)) subscription.unsubscribe();
      await eventually(
        () => system.gateways[0]?.subscriptions.stats().subscribers === 1,
        5000,
        'one subscriber left',
      );
      expect(orders().subscriptions().active).toBe(1);
      subscriptions[4]?.unsubscribe();
      await activeUpstream(0);
    } finally {
      await Promise.all(clients.map((client) => client.dispose()));
    }
  });

  it('does not share between workspaces', async () => {
    const brandId = randomUUID();
    const a = connectWs(gatewayUrl(), await system.tokenFor(randomUUID()));
    const b = connectWs(gatewayUrl(), await system.tokenFor(randomUUID()));
    try {
      subscribeWs(a, ORDER_PLACED, { brandId });
      subscribeWs(b, ORDER_PLACED, { brandId });
      await activeUpstream(2);
    } finally {
      await Promise.all([a.dispose(), b.dispose()]);
    }
    await activeUpstream(0);
  });

  it('ends a slow consumer’s subscription with RATE_LIMITED / SLOW_CONSUMER once its bounded queue is full', async () => {
    const workspaceId = randomUUID();
    const brandId = randomUUID();
    const raw = await openRawWs(gatewayUrl(), await system.tokenFor(workspaceId));
    try {
      raw.send({
        id: 'slow',
        type: 'subscribe',
        payload: {
          query: 'subscription ($brandId: ID!) { orderPlaced(brandId: $brandId) { id padding brandName } }',
          variables: { brandId },
        },
      });
      await activeUpstream(1);
      raw.pause();
      const padding = 'x'.repeat(64 * 1024);
      let maxQueued = 0;
      const published = 400;
      for (let i = 0; i < published; i++) {
        await orders().publish(workspaceId, brandId, { padding });
        maxQueued = Math.max(maxQueued, system.gateways[0]?.subscriptions.stats().queuedResults ?? 0);
      }
      // The gateway dropped the subscription (and its upstream) without waiting for the client to read.
      await activeUpstream(0);
      expect(maxQueued).toBeLessThanOrEqual(LIMITS.maxQueuedPerSubscriber);
      expect(system.gateways[0]?.subscriptions.stats().queuedResults).toBeLessThanOrEqual(1);

      raw.resume();
      await raw.waitFor((m) => m.type === 'complete' && m.id === 'slow', 20_000);
      const nexts = raw.messages.filter((m) => m.type === 'next');
      expect(nexts.length).toBeLessThan(published);
      const last = nexts.at(-1)?.payload as { errors?: { extensions?: Record<string, unknown> }[] };
      expect(last.errors?.[0]?.extensions).toEqual({ code: 'RATE_LIMITED', reason: 'SLOW_CONSUMER' });
      // Counted for operators: the event the full queue could not take.
      const scrape = await (await fetch(`${gatewayUrl()}/metrics`)).text();
      expect(
        sampleValue(scrape, 'ionflux_subscriptions_dropped_events_total', { reason: 'slow_consumer' }),
      ).toBeGreaterThanOrEqual(1);
    } finally {
      raw.close();
    }
  }, 60_000);

  it('applies the same operation limits as queries (aliases)', async () => {
    const client = connectWs(gatewayUrl(), await system.tokenFor(randomUUID()));
    try {
      const aliases = Array.from({ length: 20 }, (_, i) => `a${i}: id`).join(' ');
      const subscription = subscribeWs(client, `subscription { orderPlaced(brandId: "b") { ${aliases} } }`);
      const errors = (await subscription.ended) as {
        message: string;
        extensions?: Record<string, unknown>;
      }[];
      expect(errors[0]?.extensions?.['code']).toBe('INVALID_REQUEST');
      expect(errors[0]?.message).toMatch(/alias/i);
    } finally {
      await client.dispose();
    }
  });

  it('limits subscriptions per connection and per workspace with QUOTA_EXCEEDED', async () => {
    const workspaceId = randomUUID();
    const clients = await Promise.all(
      [0, 1, 2].map(async () => connectWs(gatewayUrl(), await system.tokenFor(workspaceId))),
    );
    try {
      const [first, second, third] = clients as [
        ReturnType<typeof connectWs>,
        ReturnType<typeof connectWs>,
        ReturnType<typeof connectWs>,
      ];
      const onFirst = [1, 2, 3, 4].map(() => subscribeWs(first, ORDER_PLACED, { brandId: randomUUID() }));
      const refused = (await onFirst[3]?.ended) as { extensions?: Record<string, unknown> }[];
      expect(refused[0]?.extensions).toMatchObject({ code: 'QUOTA_EXCEEDED', reason: 'SUBSCRIPTION_LIMIT' });
      [1, 2, 3].map(() => subscribeWs(second, ORDER_PLACED, { brandId: randomUUID() }));
      await eventually(
        () => system.gateways[0]?.subscriptions.stats().subscribers === 6,
        5000,
        '6 subscribers',
      );
      const seventh = subscribeWs(third, ORDER_PLACED, { brandId: randomUUID() });
      const overWorkspace = (await seventh.ended) as {
        message: string;
        extensions?: Record<string, unknown>;
      }[];
      expect(overWorkspace[0]?.extensions).toMatchObject({ code: 'QUOTA_EXCEEDED' });
      expect(overWorkspace[0]?.message).toMatch(/workspace/);
    } finally {
      await Promise.all(clients.map((client) => client.dispose()));
    }
    await activeUpstream(0);
  });

  it('only serves subscriptions; queries go to POST /graphql', async () => {
    const client = connectWs(gatewayUrl(), await system.tokenFor(randomUUID()));
    try {
      const errors = (await subscribeWs(client, '{ ordersReady }').ended) as { message: string }[];
      expect(errors[0]?.message).toMatch(/POST \/graphql/);
    } finally {
      await client.dispose();
    }
  });
});

describe('authentication of streams', () => {
  it('closes a connection without a token with 4401', async () => {
    const client = connectWs(gatewayUrl(), undefined);
    const ended = (await subscribeWs(client, ORDER_PLACED, { brandId: 'b' }).ended) as { code?: number };
    expect(ended.code).toBe(4401);
    await client.dispose();
  });

  it('closes a connection whose token is forged or expired with 4401', async () => {
    for (const token of [
      await new SignJWT({ workspace_id: randomUUID() })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(randomUUID())
        .setExpirationTime('1h')
        .sign(new TextEncoder().encode('another-secret-that-is-long-enough-000000')),
      await system.tokenFor(randomUUID(), { expiresIn: '-1m' }),
    ]) {
      const client = connectWs(gatewayUrl(), token);
      const ended = (await subscribeWs(client, ORDER_PLACED, { brandId: 'b' }).ended) as { code?: number };
      expect(ended.code).toBe(4401);
      await client.dispose();
    }
  });

  it('closes a connection whose token names no IONFLUX workspace with 4403', async () => {
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(randomUUID())
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(system.jwtSecret));
    const client = connectWs(gatewayUrl(), token);
    const ended = (await subscribeWs(client, ORDER_PLACED, { brandId: 'b' }).ended) as { code?: number };
    expect(ended.code).toBe(4403);
    await client.dispose();
  });

  it('refuses an SSE subscription without a valid token with 401', async () => {
    for (const authorization of [undefined, 'Bearer not-a-jwt']) {
      const response = await fetch(`${gatewayUrl()}/graphql`, {
        method: 'POST',
        headers: {
          accept: 'text/event-stream',
          'content-type': 'application/json',
          ...(authorization ? { authorization } : {}),
        },
        body: JSON.stringify({ query: ORDER_PLACED, variables: { brandId: 'b' } }),
      });
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] });
    }
  });

  it('closes the connection with 4401 when the token expires', async () => {
    const client = connectWs(gatewayUrl(), await system.tokenFor(randomUUID(), { expiresIn: '2s' }));
    const subscription = subscribeWs(client, ORDER_PLACED, { brandId: randomUUID() });
    await activeUpstream(1);
    const ended = (await subscription.ended) as { code?: number };
    expect(ended.code).toBe(4401);
    await activeUpstream(0);
    await client.dispose();
  });
});

describe('subscriptions over SSE (graphql-sse) through the gateway', () => {
  it('streams events with fields of both subgraphs', async () => {
    const workspaceId = randomUUID();
    const brandId = randomUUID();
    const subscription = subscribeSse(gatewayUrl(), await system.tokenFor(workspaceId), ORDER_PLACED, {
      brandId,
    });
    try {
      await activeUpstream(1);
      const event = await orders().publish(workspaceId, brandId, { total: 7 });
      const [result] = await subscription.waitForResults(1);
      expect(result).toEqual({
        data: {
          orderPlaced: expect.objectContaining({
            id: event.id,
            total: 7,
            brandName: `Brand of order ${event.id.slice(0, 8)}`,
            catalogWorkspaceId: workspaceId,
          }),
        },
      });
    } finally {
      subscription.unsubscribe();
    }
    await activeUpstream(0);
  });

  it('bounds a slow SSE reader too: its stream ends with RATE_LIMITED / SLOW_CONSUMER', async () => {
    const workspaceId = randomUUID();
    const brandId = randomUUID();
    const token = await system.tokenFor(workspaceId);
    const chunks: string[] = [];
    const response = await new Promise<IncomingMessage>((resolve, reject) => {
      const req = request(
        `${gatewayUrl()}/graphql`,
        {
          method: 'POST',
          headers: {
            accept: 'text/event-stream',
            'content-type': 'application/json',
            authorization: `Bearer ${token}`,
          },
        },
        resolve,
      );
      req.on('error', reject);
      req.end(
        JSON.stringify({
          query: 'subscription ($b: ID!) { orderPlaced(brandId: $b) { id padding } }',
          variables: { b: brandId },
        }),
      );
    });
    response.pause();
    await activeUpstream(1);
    const padding = 'x'.repeat(64 * 1024);
    for (let i = 0; i < 400; i++) await orders().publish(workspaceId, brandId, { padding });
    await activeUpstream(0);
    expect(system.gateways[0]?.subscriptions.stats().queuedResults).toBeLessThanOrEqual(1);
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => chunks.push(chunk));
    response.resume();
    await new Promise((resolve) => response.on('end', resolve));
    const events = chunks
      .join('')
      .split('\n\n')
      .filter((e) => e.startsWith('event:'));
    expect(events.at(-1)).toMatch(/^event: complete/);
    const last = JSON.parse(events.at(-2)?.replace(/^event: next\ndata: /, '') ?? '{}') as {
      errors?: { extensions?: unknown }[];
    };
    expect(last.errors?.[0]?.extensions).toEqual({ code: 'RATE_LIMITED', reason: 'SLOW_CONSUMER' });
    expect(events.length).toBeLessThan(400);
  }, 60_000);

  it('ends the stream with UNAUTHENTICATED / TOKEN_EXPIRED when the token expires', async () => {
    const subscription = subscribeSse(
      gatewayUrl(),
      await system.tokenFor(randomUUID(), { expiresIn: '2s' }),
      ORDER_PLACED,
      { brandId: randomUUID() },
    );
    const [result] = await subscription.waitForResults(1, 10_000);
    expect(result?.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED', reason: 'TOKEN_EXPIRED' });
    await subscription.ended;
    await activeUpstream(0);
  });
});

describe('schema reload', () => {
  it('completes open subscriptions with PROVIDER_UNAVAILABLE / SUBSCRIPTION_SCHEMA_RELOAD', async () => {
    const reloadable = await startSubscriptionSystem({ reloadable: true });
    try {
      const url = reloadable.gateways[0]?.url ?? '';
      const client = connectWs(url, await reloadable.tokenFor(randomUUID()));
      const subscription = subscribeWs(client, ORDER_PLACED, { brandId: randomUUID() });
      await eventually(() => reloadable.orders[0]?.subscriptions().active === 1, 5000, 'upstream');
      reloadable.reload(`${reloadable.supergraphSdl}\n# reloaded\n`);
      const [result] = await subscription.waitForResults(1);
      expect(result?.errors?.[0]?.extensions).toEqual({
        code: 'PROVIDER_UNAVAILABLE',
        reason: 'SUBSCRIPTION_SCHEMA_RELOAD',
      });
      expect(await subscription.ended).toBeUndefined();
      await eventually(() => reloadable.orders[0]?.subscriptions().active === 0, 5000, 'upstream closed');
      // A new subscription plans against the new schema and works.
      const workspaceId = randomUUID();
      const client2 = connectWs(url, await reloadable.tokenFor(workspaceId));
      const again = subscribeWs(client2, ORDER_PLACED, { brandId: 'b2' });
      await eventually(() => reloadable.orders[0]?.subscriptions().active === 1, 5000, 'new upstream');
      await reloadable.orders[0]?.publish(workspaceId, 'b2');
      await again.waitForResults(1);
      await Promise.all([client.dispose(), client2.dispose()]);
    } finally {
      await reloadable.stop();
    }
  });
});
