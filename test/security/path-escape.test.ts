import { randomUUID } from 'node:crypto';
import { postGraphQL } from '@ionflux/testing/http';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foreignEvidence } from './support/foreign-evidence.ts';
import { forgeIdentity } from './support/forge-identity.ts';
import { absoluteFormProbes, originFormProbes, type PathProbe } from './support/path-probes.ts';
import { rawRequest } from './support/raw-http.ts';
import {
  type InternalPortName,
  startTargetSystem,
  type TargetSystem,
} from './support/start-target-system.ts';

let target: TargetSystem;
const workspaceA = randomUUID();
const workspaceB = randomUUID();
const shopA = `victim-${randomUUID().slice(0, 8)}.myshopify.com`;
const shopB = `attacker-${randomUUID().slice(0, 8)}.myshopify.com`;

beforeAll(async () => {
  target = await startTargetSystem();
  const sql = postgres(target.system.databaseUrl, { max: 1, onnotice: () => {} });
  try {
    for (const [workspace, shop] of [
      [workspaceA, shopA],
      [workspaceB, shopB],
    ] as const) {
      const [row] = await sql`
        insert into kit.integration_connections (workspace_id, provider, owner_type, owner_id, account_id, status, scopes)
        values (${workspace}, 'shopify', 'brand', ${randomUUID()}, ${shop}, 'CONNECTED', ${['read_products']})
        returning id`;
      await sql`insert into shopify.shops (connection_id, workspace_id, shop_domain, name, currency)
        values (${row?.['id']}, ${workspace}, ${shop}, ${shop}, 'USD')`;
    }
  } finally {
    await sql.end();
  }
  const quota = await postGraphQL(
    target.system.gatewayUrl,
    'mutation { setLlmQuota(input: { period: MONTH, maxTokens: 7654321 }) { maxTokens } }',
    { token: await target.system.tokenFor(workspaceA) },
  );
  expect(quota.body.errors).toBeUndefined();
}, 90_000);

afterAll(async () => {
  await target?.stop();
});

const portOf = (name: InternalPortName | 'gateway') =>
  name === 'gateway' ? target.gatewayPort : target.internalPorts[name];

/** Sends a probe with a forged identity and forwarding headers riding along, and judges the answer. */
async function sendProbe(probe: PathProbe) {
  const sent = probe.target(portOf);
  const answer = await rawRequest({
    port: target.gatewayPort,
    method: probe.method,
    target: sent,
    headers: [
      ['Content-Type', 'application/json'],
      ['X-Ionflux-Identity', forgeIdentity({ workspaceId: workspaceA, userId: randomUUID() })],
      ['X-Forwarded-Host', 'evil.example'],
    ],
    ...(probe.body === undefined ? {} : { body: probe.body }),
  });
  const problems = foreignEvidence(answer, sent);
  if (!probe.refusal.includes(answer.status))
    problems.unshift(`status ${answer.status}, expected ${probe.refusal.join(' or ')}`);
  return { sent, answer, problems };
}

describe('path escapes through the gateway’s provider routes (raw sockets)', () => {
  it.each(originFormProbes().map((probe) => [probe.name, probe] as const))(
    'refuses %s, showing nothing of another service',
    async (_name, probe) => {
      const { sent, answer, problems } = await sendProbe(probe);
      expect(problems, `${probe.method} ${sent}\n${answer.text.slice(0, 600)}`).toEqual([]);
    },
  );
});

describe('absolute-form request targets naming each port of the system (raw sockets)', () => {
  it.each(absoluteFormProbes().map((probe) => [probe.name, probe] as const))(
    'refuses %s with 400',
    async (_name, probe) => {
      const { sent, answer, problems } = await sendProbe(probe);
      expect(problems, `${probe.method} ${sent}\n${answer.text.slice(0, 600)}`).toEqual([]);
    },
  );
});

describe('client-supplied identity and forwarding headers', () => {
  const QUERY = '{ shopifyConnections { shop } integrationConnections { accountId } llmQuota { maxTokens } }';
  const internalSecret = () => (target.system as { internalSecret?: string }).internalSecret;

  async function asB(headers: Record<string, string>) {
    return postGraphQL(target.system.gatewayUrl, QUERY, {
      token: await target.system.tokenFor(workspaceB),
      headers,
    });
  }

  it('a forged x-ionflux-identity for workspace A beside B’s JWT reads only B’s data', async () => {
    const plain = await asB({});
    expect(plain.body.errors).toBeUndefined();
    expect(plain.body.data).toEqual({
      shopifyConnections: [{ shop: shopB }],
      integrationConnections: [{ accountId: shopB }],
      llmQuota: null,
    });
    // Signed with the internal secret where the system still has one: the strongest forgery.
    const secret = internalSecret();
    const forged = forgeIdentity({
      workspaceId: workspaceA,
      userId: randomUUID(),
      ...(secret === undefined ? {} : { secret }),
    });
    const answer = await asB({ 'x-ionflux-identity': forged, 'X-IONFLUX-IDENTITY': forged });
    expect(answer.body).toEqual(plain.body);
    expect(JSON.stringify(answer.body)).not.toContain(shopA);
  });

  it('x-forwarded-* and similar headers change nothing of what B reads', async () => {
    const plain = await asB({});
    const answer = await asB({
      'x-forwarded-for': '10.0.0.1',
      'x-forwarded-host': 'evil.example',
      'x-forwarded-proto': 'https',
      'x-forwarded-prefix': '/oauth/shopify/..',
      forwarded: 'for=10.0.0.1;host=evil.example;proto=https',
      'x-real-ip': '10.0.0.1',
      'x-original-url': '/metrics',
      'x-rewrite-url': '/metrics',
      'x-workspace-id': workspaceA,
    });
    expect(answer.body).toEqual(plain.body);
  });

  it('a forged identity without a JWT authenticates nobody', async () => {
    const secret = internalSecret();
    const answer = await postGraphQL(target.system.gatewayUrl, QUERY, {
      headers: {
        'x-ionflux-identity': forgeIdentity({
          workspaceId: workspaceA,
          userId: randomUUID(),
          ...(secret === undefined ? {} : { secret }),
        }),
      },
    });
    expect(answer.status).toBe(401);
    expect(answer.body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    expect(JSON.stringify(answer.body)).not.toContain(shopA);
  });

  it('rewriting headers sent to the OAuth callback reach no other route and redirect nowhere else', async () => {
    const answer = await rawRequest({
      port: target.gatewayPort,
      target: '/oauth/shopify/callback?shop=x.myshopify.com&state=x&code=x',
      headers: [
        ['Host', 'evil.example'],
        ['X-Forwarded-Host', 'evil.example'],
        ['X-Original-URL', '/metrics'],
        ['X-Rewrite-URL', '/_control/requests'],
        ['X-Forwarded-Prefix', '/../..'],
      ],
    });
    expect(answer.status, answer.text).toBeGreaterThanOrEqual(400);
    expect(answer.status, answer.text).toBeLessThan(500);
    // The callback's own refusal page is the expected answer here; anything else of a service is not.
    expect(
      foreignEvidence(answer, '/oauth/shopify/callback').filter((what) => !what.includes('callback page')),
    ).toEqual([]);
    expect(answer.text).not.toContain('evil.example');
  });
});

describe('after the probes', () => {
  it('every service still answers /healthz', async () => {
    for (const port of [
      target.gatewayPort,
      portOf('llm subgraph'),
      portOf('shopify subgraph'),
      portOf('tiktok subgraph'),
    ]) {
      const answer = await rawRequest({ port, target: '/healthz' });
      expect(answer.status, `:${port} ${answer.text}`).toBe(200);
    }
  });
});

describe('path escapes through the static bundles of the console and the playground (raw sockets)', () => {
  // What would show a file outside the assets folder: the gateway's package.json, a bundle manifest, the
  // machine's passwd file.
  const leaks = ['"@ionflux/gateway"', '"script":', 'root:x:0:0'];
  const escapes = [
    '../manifest.json',
    '../../package.json',
    '%2e%2e/manifest.json',
    '%2e%2e%2f%2e%2e%2fpackage.json',
    '.%2e/.%2e/package.json',
    '%252e%252e/manifest.json',
    '..%5c..%5cpackage.json',
    '..\\..\\package.json',
    '%c0%ae%c0%ae/manifest.json',
    '/etc/passwd',
    '%2fetc%2fpasswd',
    '..%00/manifest.json',
  ];
  const probes = ['/console/assets/', '/playground/assets/'].flatMap((base) =>
    escapes.map((rest) => `${base}${rest}`),
  );

  it.each(probes)('refuses GET %s with 400 or 404, showing no file outside the assets', async (sent) => {
    const answer = await rawRequest({ port: target.gatewayPort, method: 'GET', target: sent });
    expect([400, 404], `${sent}: ${answer.status}\n${answer.text.slice(0, 300)}`).toContain(answer.status);
    for (const leak of leaks) expect(answer.text).not.toContain(leak);
  });
});
