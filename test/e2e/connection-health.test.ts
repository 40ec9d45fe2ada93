import { postGraphQL } from '@ionflux/testing/http';
import { sampleValue } from '@ionflux/testing/metrics';
import { type ShopifySystem, startShopifySystem } from '@ionflux/testing/shopify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// Spec 4.E through the gateway: a connected store's Admin API starts failing (the simulator answers 503
// to every Admin call), its connection turns DEGRADED with the reason and the workspace is told once;
// the store answers again, the connection is HEALTHY and the workspace is told it recovered.

let shopify: ShopifySystem;
let connectionId: string;

interface ConnectionHealthView {
  id: string;
  status: string;
  health: string;
  healthReason: string | null;
  lastSuccessfulCallAt: string | null;
  lastFailedCallAt: string | null;
  recentCallCount: number;
  recentErrorRate: number | null;
  recentErrorCodes: string[];
  lastSyncedAt: string | null;
}

const gql = <Data>(text: string, variables: Record<string, unknown> = {}) =>
  postGraphQL<Data>(shopify.system.gatewayUrl, text, { token: shopify.system.token, variables });

async function connection(): Promise<ConnectionHealthView> {
  const { body } = await gql<{ integrationConnections: ConnectionHealthView[] }>(/* GraphQL */ `
    {
      integrationConnections {
        id status health healthReason lastSuccessfulCallAt lastFailedCallAt
        recentCallCount recentErrorRate recentErrorCodes lastSyncedAt
      }
    }
  `);
  expect(body.errors).toBeUndefined();
  const found = body.data?.integrationConnections.find((c) => c.id === connectionId);
  if (!found) throw new Error('the connection is not listed');
  return found;
}

async function notifications(): Promise<{ kind: string; message: string; connectionId: string }[]> {
  const { body } = await gql<{
    workspaceNotifications: { kind: string; message: string; connectionId: string }[];
  }>('{ workspaceNotifications(first: 50) { kind message connectionId } }');
  return body.data?.workspaceNotifications ?? [];
}

const readShop = () =>
  gql<{ shopifyShop: { name: string } | null }>(
    'query ($c: ID!) { shopifyShop(connectionId: $c) { name } }',
    { c: connectionId },
  );

async function healthMetric(health: string): Promise<number | undefined> {
  const text = await (await fetch(`${shopify.system.subgraphs.shopify.adminUrl}/metrics`)).text();
  return sampleValue(text, 'ionflux_integration_connections', { provider: 'shopify', health });
}

beforeAll(async () => {
  shopify = await startShopifySystem({
    // The breaker the failures open tries the store again after 300 ms (30 s by default).
    env: { ADMIN_PORT: '0', SHOPIFY_BREAKER_HALF_OPEN_MS: '300' },
  });
  ({ connectionId } = await shopify.connect({ shop: shopify.simulator.demoShop }));
  await shopify.settled(connectionId);
}, 120_000);

afterAll(async () => {
  await shopify?.stop();
});

describe('connection health (spec 4.E)', () => {
  it('is HEALTHY after the connection and its first sync, with the calls that made them', async () => {
    await vi.waitFor(async () => expect((await connection()).recentCallCount).toBeGreaterThan(0), {
      timeout: 10_000,
      interval: 200,
    });
    const view = await connection();
    expect(view).toMatchObject({
      status: 'CONNECTED',
      health: 'HEALTHY',
      healthReason: null,
      recentErrorCodes: [],
    });
    expect(view.recentErrorRate).toBe(0);
    expect(view.lastSuccessfulCallAt).not.toBeNull();
    expect(view.lastSyncedAt).not.toBeNull();
    expect(await healthMetric('HEALTHY')).toBe(1);
  });

  it('turns DEGRADED with the reason and notifies once when the store’s Admin API fails', async () => {
    shopify.simulator.addFault({ kind: 'status', status: 503, path: 'graphql\\.json$' });
    let view = await connection();
    // Failures must outweigh the sync's successful calls in the window: read until they do.
    for (let reads = 0; view.health !== 'DEGRADED' && reads < 60; reads++) {
      const { body } = await readShop();
      expect(body.errors?.[0]?.extensions?.['code']).toBe('PROVIDER_UNAVAILABLE');
      // Calls are written and judged within half a second.
      await new Promise((resolve) => setTimeout(resolve, 700));
      view = await connection();
    }
    expect(view.health).toBe('DEGRADED');
    expect(view.status).toBe('CONNECTED');
    expect(view.healthReason).toMatch(
      /^\d+ of the last \d+ calls in 15 min failed \(PROVIDER_UNAVAILABLE\)$/,
    );
    expect(view.recentErrorCodes).toEqual(['PROVIDER_UNAVAILABLE']);
    expect(view.recentErrorRate).toBeGreaterThanOrEqual(0.5);
    expect(view.lastFailedCallAt).not.toBeNull();
    expect(Date.parse(view.lastFailedCallAt ?? '')).toBeGreaterThan(
      Date.parse(view.lastSuccessfulCallAt ?? ''),
    );

    // More failures change nothing more: one notification for the change.
    await readShop();
    await new Promise((resolve) => setTimeout(resolve, 800));
    const degraded = (await notifications()).filter((n) => n.kind === 'CONNECTION_DEGRADED');
    expect(degraded).toHaveLength(1);
    expect(degraded[0]?.connectionId).toBe(connectionId);
    expect(degraded[0]?.message).toContain('PROVIDER_UNAVAILABLE');
    expect(await healthMetric('DEGRADED')).toBe(1);
    expect(await healthMetric('HEALTHY')).toBeUndefined();
  }, 120_000);

  it('is HEALTHY again, and says it recovered, once the store answers', async () => {
    shopify.simulator.clearFaults();
    // Past the breaker's half-open pause, every read succeeds again.
    await new Promise((resolve) => setTimeout(resolve, 400));
    let view = await connection();
    for (let reads = 0; view.health !== 'HEALTHY' && reads < 20; reads++) {
      const { body } = await readShop();
      expect(body.errors).toBeUndefined();
      await new Promise((resolve) => setTimeout(resolve, 700));
      view = await connection();
    }
    expect(view).toMatchObject({ status: 'CONNECTED', health: 'HEALTHY', healthReason: null });
    expect(Date.parse(view.lastSuccessfulCallAt ?? '')).toBeGreaterThan(
      Date.parse(view.lastFailedCallAt ?? ''),
    );
    // The failures are still in the window; the last calls succeeding is what brought it back.
    expect(view.recentErrorCodes).toEqual(['PROVIDER_UNAVAILABLE']);
    const kinds = (await notifications()).map((n) => n.kind);
    expect(kinds.filter((kind) => kind === 'CONNECTION_RECOVERED')).toHaveLength(1);
    expect(kinds.filter((kind) => kind === 'CONNECTION_DEGRADED')).toHaveLength(1);
    expect(await healthMetric('HEALTHY')).toBe(1);
    expect(await healthMetric('DEGRADED')).toBeUndefined();
  }, 60_000);

  it('is NEEDS_REAUTH once the store refuses the token, then DISCONNECTED, whatever its calls did', async () => {
    shopify.simulator.addFault({ kind: 'status', status: 401, path: 'graphql\\.json$', count: 1 });
    const { body } = await readShop();
    expect(body.errors?.[0]?.extensions?.['code']).toBe('INTEGRATION_AUTH_INVALID');
    await new Promise((resolve) => setTimeout(resolve, 800));
    const view = await connection();
    expect(view).toMatchObject({ status: 'NEEDS_REAUTH', health: 'NEEDS_REAUTH' });
    expect(view.recentErrorCodes).toContain('INTEGRATION_AUTH_INVALID');
    expect(await healthMetric('NEEDS_REAUTH')).toBe(1);
    // Not a call-health change: no DEGRADED or RECOVERED notification for it.
    const kinds = (await notifications()).map((n) => n.kind);
    expect(
      kinds.filter((kind) => kind === 'CONNECTION_DEGRADED' || kind === 'CONNECTION_RECOVERED'),
    ).toHaveLength(2);

    const disconnected = await gql<{ disconnectShopifyConnection: { status: string; health: string } }>(
      'mutation ($c: ID!) { disconnectShopifyConnection(connectionId: $c) { status health } }',
      { c: connectionId },
    );
    expect(disconnected.body.data?.disconnectShopifyConnection).toEqual({
      status: 'DISCONNECTED',
      health: 'DISCONNECTED',
    });
    expect((await connection()).health).toBe('DISCONNECTED');
    expect(await healthMetric('DISCONNECTED')).toBe(1);
  }, 60_000);
});
