import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { migrationSet } from '@ionflux/drizzle/migrations';
import { issueToken } from '@ionflux/gateway';
import { generateMasterKey } from '@ionflux/kit/crypto';
import { migrateDatabase } from '@ionflux/kit/db';
import { startEmbeddedPostgres } from '@ionflux/kit/embedded-postgres';
import { identityPublicKeyFor } from '@ionflux/kit/identity';
import { rebuildRollups } from '@ionflux/shopify/mirror';
import { SHOPIFY_SUBGRAPH_NODE_FLAGS } from '@ionflux/shopify/node-flags';
import { postGraphQL } from '@ionflux/testing/http';
import { docExampleText, seedMirrorOrders } from '@ionflux/testing/shopify';
import postgres from 'postgres';
import { forkBenchChild } from './bench-child.ts';
import { printTable, summarise, writeResults } from './bench-report.ts';
import { machineBusyMs, ownCpuMs, parentPid, treeCpuMs } from './federation/machine.ts';
import { RawHttpPool, serialiseRequest } from './raw-http-client.ts';

// `npm run bench -- shopify-events`: (1) webhook ingest under a burst — verified (HMAC), stored and
// enqueued in one committed transaction before each 200 — through the gateway and straight to the
// Shopify subgraph; (2) how fast the job worker then applies them; (3) revenueSummary latency on a
// store of 1,000,000 mirrored orders seeded in SQL. Every service is a process of its own.

const BURST = Number(process.env['BENCH_BURST'] ?? 20_000);
/**
 * Deliveries in flight during a burst, one burst each: acknowledgement latency is about in flight ÷ rate
 * (Little's law), so the table shows what a sender holding fewer open sees as well as the ceiling.
 */
const CONCURRENCIES = (process.env['BENCH_CONCURRENCY'] ?? '64,32').split(',').map(Number);
const WARM_UP_CONCURRENCY = 64;
/** The paced phase's offered rate: the target's 2,000 deliveries a second. */
const RATE = Number(process.env['BENCH_RATE'] ?? 2000);
/** Connections the paced phase may open: a backlog beyond them waits (and counts) in the client. */
const PACED_CONNECTIONS = 256;
const ORDERS = Number(process.env['BENCH_ORDERS'] ?? 1_000_000);
const ITERATIONS = Number(process.env['BENCH_ITERATIONS'] ?? 200);
const DRAIN = Number(process.env['BENCH_DRAIN'] ?? 10_000);
const SHOP = 'bench-events.myshopify.com';
/**
 * A PostgreSQL server to run on instead of the embedded one (a superuser's URL; the bench creates and
 * drops its own database there), e.g. one built with LZ4 as the official images are.
 */
const SERVER_URL = process.env['BENCH_POSTGRES_URL'];
/** Deliveries sent through each path before the phases. */
const WARM_UP = 5000;
/** WAL segments the ingest phases write (about 5 KB a delivery, BENCH_BURST on each path a phase), and more. */
const WAL_WARM_SEGMENTS = Math.ceil(
  (2 * (CONCURRENCIES.length + 1) * BURST * 5000 * 1.5) / (16 * 1024 * 1024),
);

/**
 * Shopify's documented orders/create example as Shopify sends it (compact JSON, about 10.7 KB), one
 * distinct live order per delivery, each signed and serialised as the HTTP request to `url` (a buffer,
 * off the JavaScript heap: the burst's 200 MB would otherwise slow this process's GC). The docs' fake
 * 18-digit ids become 13-digit ones like real stores' (so the parse takes the path real traffic takes).
 */
function deliveries(url: string, count: number, secret: string, offset: number): Buffer[] {
  return Array.from({ length: count }, (_, index) => {
    const body = orderBody(offset + index);
    return serialiseRequest(
      new URL(url),
      {
        'content-type': 'application/json',
        'x-shopify-topic': 'orders/create',
        'x-shopify-shop-domain': SHOP,
        'x-shopify-api-version': '2026-04',
        'x-shopify-webhook-id': randomUUID(),
        'x-shopify-event-id': randomUUID(),
        'x-shopify-triggered-at': new Date().toISOString(),
        'x-shopify-hmac-sha256': createHmac('sha256', secret).update(body).digest('base64'),
      },
      body,
    );
  });
}

const ORDER_TEMPLATE = JSON.stringify(JSON.parse(docExampleText('orders/create')))
  .replace('"test":true', '"test":false')
  .replace(/\d{16,}/g, (digits) => `5${digits.slice(-12)}`);

/** The order numbered `n` (its id, and its line items' ids, made from `n`). */
function orderBody(n: number): Buffer {
  const id = String(7_000_000_000_000 + n);
  return Buffer.from(ORDER_TEMPLATE.replaceAll('5911946154508', id).replaceAll('5911946154500', id));
}

/** Sends a burst with `concurrency` in flight; the acknowledgement latency of each and the elapsed time. */
async function burst(url: string, list: Buffer[], concurrency: number) {
  const pool = new RawHttpPool(new URL(url), concurrency);
  const acks: number[] = [];
  const statuses = new Map<number, number>();
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (;;) {
        const delivery = list[next++];
        if (!delivery) return;
        const sent = performance.now();
        const status = await pool.send(delivery);
        acks.push(performance.now() - sent);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    }),
  );
  const elapsedMs = performance.now() - started;
  pool.close();
  return { acks, elapsedMs, statuses: Object.fromEntries(statuses) };
}

/**
 * Sends `list` at `perSecond`, as a sender with its own schedule does (open loop): each delivery is due
 * at its slot whether or not earlier ones were answered, and its latency counts from that slot, so time
 * spent waiting for a connection or behind a slow answer is counted (no coordinated omission).
 */
async function paced(url: string, list: Buffer[], perSecond: number) {
  const pool = new RawHttpPool(new URL(url), PACED_CONNECTIONS);
  const acks: number[] = [];
  const statuses = new Map<number, number>();
  const sending: Promise<void>[] = [];
  const started = performance.now();
  const send = async (delivery: Buffer, due: number) => {
    const status = await pool.send(delivery);
    acks.push(performance.now() - due);
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
  };
  let next = 0;
  while (next < list.length) {
    const now = performance.now();
    for (let due = started + (next * 1000) / perSecond; next < list.length && due <= now; ) {
      sending.push(send(list[next] as Buffer, due));
      next++;
      due = started + (next * 1000) / perSecond;
    }
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  await Promise.all(sending);
  const elapsedMs = performance.now() - started;
  pool.close();
  return { acks, elapsedMs, statuses: Object.fromEntries(statuses) };
}

/**
 * Brings the fresh cluster's write-ahead log to the state of a database in service. A new cluster creates
 * and zero-fills each 16 MB segment the first time it reaches it, which stalls every commit for about
 * 100 ms (every 1.7 s at 2,000 deliveries a second); a database in service renames the segments its
 * checkpoints free for reuse instead. So the bench fills WAL_WARM_SEGMENTS segments and checkpoints:
 * the phases then write into recycled segments, as they would in production.
 */
async function warmWal(sql: postgres.Sql): Promise<void> {
  for (let segment = 0; segment < WAL_WARM_SEGMENTS; segment++)
    await sql`select pg_logical_emit_message(false, 'ionflux-bench', 'warm'), pg_switch_wal()`;
  await sql`checkpoint`;
}

/** Asks a child to close and exit (a CPU profile, when asked for, is written then), else ends it. */
async function stopChild(child: ReturnType<typeof forkBenchChild>): Promise<void> {
  await Promise.race([
    child.request({ kind: 'stop' }).catch(() => {}),
    new Promise((resolve) => setTimeout(resolve, 10_000)),
  ]);
  await child.stop({ graceMs: 2000 });
}

export async function run(): Promise<void> {
  const load = loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
  console.log(`load average at start: ${load}`);
  const dataDir = await mkdtemp(path.join(tmpdir(), 'ionflux-shopify-events-bench-'));
  const pg = SERVER_URL
    ? { url: SERVER_URL, stop: async () => {} }
    : await startEmbeddedPostgres({ dataDir });
  const stops: (() => Promise<void>)[] = [];
  try {
    const admin = postgres(pg.url, { max: 1, onnotice: () => {} });
    await admin.unsafe('drop database if exists ionflux_shopify_events_bench');
    await admin.unsafe('create database ionflux_shopify_events_bench');
    // An outside server's CPU is its postmaster's process tree, when it runs on this machine.
    const [backend] = await admin<{ pid: number }[]>`select pg_backend_pid() as pid`;
    const outsidePostmaster = SERVER_URL ? parentPid(backend?.pid ?? -1) : undefined;
    stops.push(async () => {
      await admin.unsafe('drop database if exists ionflux_shopify_events_bench with (force)');
      await admin.end();
    });
    const url = new URL(pg.url);
    url.pathname = '/ionflux_shopify_events_bench';
    const databaseUrl = url.toString();
    await migrateDatabase(databaseUrl, [migrationSet('kit'), migrationSet('shopify')]);
    const internalSecret = randomBytes(32).toString('base64url');
    const jwtSecret = randomBytes(32).toString('base64url');
    const apiSecret = `bench-secret-${randomUUID()}`;
    const env = {
      NODE_ENV: 'production',
      LOG_LEVEL: 'error',
      DATABASE_URL: databaseUrl,
      IONFLUX_IDENTITY_PUBLIC_KEY: identityPublicKeyFor(internalSecret),
      IONFLUX_INTERNAL_SECRET: internalSecret,
      IONFLUX_JWT_SECRET: jwtSecret,
      IONFLUX_MASTER_KEY: generateMasterKey('bench-1'),
      IONFLUX_PUBLIC_URL: 'https://bench.ionflux.invalid',
      SHOPIFY_API_KEY: 'bench-events-app',
      SHOPIFY_API_SECRET: apiSecret,
      SHOPIFY_ADMIN_ORIGIN: 'http://127.0.0.1:9/store/{shop}',
      SHOPIFY_WORKER_IN_PROCESS: 'false',
      GATEWAY_WORKSPACE_RATE_PER_SECOND: '100000',
      GATEWAY_WORKSPACE_BURST: '100000',
    };
    // The Shopify subgraph in a process of its own, as in production (the one under load, with the Node.js
    // flags it runs with), the other two (idle here, composed by the gateway) in another.
    const subgraphs = forkBenchChild('shopify-events-subgraphs.ts', {
      env,
      args: ['shopify'],
      execArgv: [...SHOPIFY_SUBGRAPH_NODE_FLAGS],
    });
    stops.push(() => stopChild(subgraphs));
    const otherSubgraphs = forkBenchChild('shopify-events-subgraphs.ts', { env, args: ['others'] });
    stops.push(() => stopChild(otherSubgraphs));
    type Started = { urls: Record<string, string>; origins: Record<string, string> };
    const [shopify, others] = (await Promise.all([
      subgraphs.ready,
      otherSubgraphs.ready,
    ])) as unknown as Started[];
    const shopifyOrigin = String(shopify?.origins['shopify']);
    const gateway = forkBenchChild('shopify-events-gateway.ts', {
      env: { ...env, BENCH_SUBGRAPH_URLS: JSON.stringify({ ...others?.urls, ...shopify?.urls }) },
    });
    stops.push(() => stopChild(gateway));
    const gatewayUrl = String((await gateway.ready)['url']);
    const sql = postgres(databaseUrl, { max: 4, onnotice: () => {} });
    stops.push(() => sql.end());
    const [server] = await sql<{ version: string; method: string }[]>`
      select current_setting('server_version') as version,
        case attcompression when 'l' then 'lz4' when 'p' then 'pglz'
          else current_setting('default_toast_compression') end as method
      from pg_attribute where attrelid = 'kit.webhook_deliveries'::regclass and attname = 'payload'`;
    console.log(
      `PostgreSQL ${server?.version} (${SERVER_URL ? 'BENCH_POSTGRES_URL' : 'embedded'}); webhook payloads compressed with ${server?.method}`,
    );

    // A connected store for the deliveries.
    const workspaceId = randomUUID();
    await sql`
      insert into kit.integration_connections (workspace_id, provider, owner_type, owner_id, account_id, status)
      values (${workspaceId}, 'shopify', 'brand', ${randomUUID()}, ${SHOP}, 'CONNECTED')`;

    // CPU time (ms) of each part: the children's process trees, the load generator (this process),
    // PostgreSQL (the rest of this process's tree: the postmaster and its backends), and what the machine
    // spent on processes not ours.
    const readCpu = () => ({
      gateway: treeCpuMs(gateway.process.pid ?? -1),
      subgraph: treeCpuMs(subgraphs.process.pid ?? -1),
      otherSubgraphs: treeCpuMs(otherSubgraphs.process.pid ?? -1),
      load: ownCpuMs(),
      tree: treeCpuMs(process.pid),
      outsidePostgres: outsidePostmaster === undefined ? 0 : treeCpuMs(outsidePostmaster),
      machine: machineBusyMs(),
    });
    const cpuSince = (before: ReturnType<typeof readCpu>) => {
      const now = readCpu();
      const gatewayMs = now.gateway - before.gateway;
      const subgraphMs = now.subgraph - before.subgraph;
      const otherMs = now.otherSubgraphs - before.otherSubgraphs;
      const loadMs = now.load - before.load;
      const treeMs = now.tree - before.tree;
      const outsideMs = now.outsidePostgres - before.outsidePostgres;
      return {
        gateway: gatewayMs,
        subgraph: subgraphMs,
        load: loadMs,
        postgres: SERVER_URL
          ? outsidePostmaster === undefined
            ? Number.NaN
            : outsideMs
          : treeMs - gatewayMs - subgraphMs - otherMs - loadMs,
        foreign: now.machine - before.machine - treeMs - outsideMs,
      };
    };

    // Commits of the bench database (the group commit's batch size shows as deliveries per commit).
    const commits = async () => {
      // A backend reports its counts at most once a second.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const [row] = await sql<{ n: string }[]>`
        select xact_commit::text as n from pg_stat_database where datname = current_database()`;
      return Number(row?.n ?? 0);
    };

    await warmWal(sql);

    // 1. Ingest.
    const viaGateway = `${gatewayUrl}/webhooks/shopify`;
    const direct = `${shopifyOrigin}/webhooks/shopify`;
    // Warm-up through both paths (compiled code, connection pools, the first writes after the WAL
    // warm-up's checkpoint): the phase measured first would otherwise pay for them.
    await burst(viaGateway, deliveries(viaGateway, WARM_UP, apiSecret, 0), WARM_UP_CONCURRENCY);
    await burst(direct, deliveries(direct, WARM_UP, apiSecret, WARM_UP), WARM_UP_CONCURRENCY);
    const ingest = [];
    // As many as the system takes with each number in flight (the largest: its ceiling), then the
    // target's rate offered on a schedule (the latency a sender at that rate sees).
    const phases = [
      ...CONCURRENCIES.map((concurrency) => ({
        load: `${concurrency} in flight`,
        send: (url: string, list: Buffer[]) => burst(url, list, concurrency),
      })),
      { load: `${RATE}/s offered`, send: (url: string, list: Buffer[]) => paced(url, list, RATE) },
    ];
    let offset = 10_000_000;
    for (const phase of phases)
      for (const [name, target] of [
        ['through the gateway', viaGateway],
        ['straight to the subgraph', direct],
      ] as const) {
        const list = deliveries(target, BURST, apiSecret, offset);
        offset += BURST;
        const commitsBefore = await commits();
        const cpuBefore = readCpu();
        const result = await phase.send(target, list);
        const cpu = cpuSince(cpuBefore);
        const commitsDuring = (await commits()) - commitsBefore;
        const latency = summarise(name, result.acks);
        ingest.push({
          path: name,
          deliveries: BURST,
          load: phase.load,
          statuses: JSON.stringify(result.statuses),
          'per second': BURST / (result.elapsedMs / 1000),
          'p50 ms': latency.p50,
          'p99 ms': latency.p99,
          'max ms': Math.max(...result.acks),
          'deliveries per commit': BURST / commitsDuring,
          'CPU µs per delivery: gateway': (cpu.gateway * 1000) / BURST,
          'Shopify subgraph': (cpu.subgraph * 1000) / BURST,
          PostgreSQL: (cpu.postgres * 1000) / BURST,
          'load generator': (cpu.load * 1000) / BURST,
          'foreign CPU %': (100 * cpu.foreign) / result.elapsedMs,
        });
      }
    const [stored] = await sql<{ n: number }[]>`select count(*)::int as n from kit.webhook_deliveries`;
    const [jobs] = await sql<{ n: number }[]>`select count(*)::int as n from graphile_worker.jobs`;
    console.log(
      `\nShopify webhook ingest: a burst of ${BURST} signed orders/create (${orderBody(0).length} bytes each), with ${CONCURRENCIES.join(' and then ')} in flight, then offered at ${RATE}/s (latency from each one's slot); the database's WAL first brought to a running system's state (${WAL_WARM_SEGMENTS} segments written and recycled by a checkpoint)\n`,
    );
    printTable(ingest);
    console.log(
      `\nstored deliveries: ${stored?.n}, queued jobs: ${jobs?.n} (every 200 came after its commit)`,
    );

    // 2. The worker works the queue off.
    const worker = forkBenchChild('shopify-events-worker.ts', {
      env: { ...env, SHOPIFY_WORKER_CONCURRENCY: '8' },
    });
    const drainStarted = performance.now();
    await worker.ready;
    let applied = 0;
    while (applied < DRAIN) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      const [row] = await sql<
        { n: number }[]
      >`select count(*)::int as n from kit.webhook_deliveries where status = 'PROCESSED'`;
      applied = row?.n ?? 0;
    }
    const drainSeconds = (performance.now() - drainStarted) / 1000;
    await stopChild(worker);
    console.log(
      `\njob worker (its own process, concurrency 8): ${applied} deliveries applied to the mirror in ${drainSeconds.toFixed(1)} s = ${(applied / drainSeconds).toFixed(0)}/s (including its start)`,
    );

    // 3. revenueSummary on 1,000,000 mirrored orders.
    const revenueWorkspace = randomUUID();
    const [connection] = await sql<{ id: string }[]>`
      insert into kit.integration_connections (workspace_id, provider, owner_type, owner_id, account_id, status, last_synced_at)
      values (${revenueWorkspace}, 'shopify', 'brand', ${randomUUID()}, 'bench-million.myshopify.com', 'CONNECTED', now())
      returning id`;
    const connectionId = connection?.id ?? '';
    await sql`
      insert into shopify.shops (connection_id, workspace_id, shop_domain, name, currency, iana_timezone, rollup_timezone)
      values (${connectionId}, ${revenueWorkspace}, 'bench-million.myshopify.com', 'Bench Million', 'USD',
        'America/New_York', 'America/New_York')`;
    const seedStarted = performance.now();
    await seedMirrorOrders(
      sql,
      { connectionId, workspaceId: revenueWorkspace },
      { count: ORDERS, days: 365 },
    );
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    const rollupStarted = performance.now();
    await sql.begin((tx) => rebuildRollups(tx, connectionId, 'America/New_York'));
    await sql`analyze shopify.orders`;
    await sql`analyze shopify.order_rollups`;
    await sql`analyze shopify.product_rollups`;
    const rollupSeconds = (performance.now() - rollupStarted) / 1000;
    console.log(
      `\nseeded ${ORDERS} orders in SQL in ${seedSeconds.toFixed(1)} s; rollups built in ${rollupSeconds.toFixed(1)} s`,
    );
    const token = await issueToken({
      secret: jwtSecret,
      workspaceId: revenueWorkspace,
      userId: randomUUID(),
    });
    const QUERY = /* GraphQL */ `
      query ($c: ID!, $from: DateTime!, $to: DateTime!, $i: RevenueInterval!) {
        revenueSummary(connectionId: $c, from: $from, to: $to, interval: $i) {
          orderCount totalSales { amount } grossSales { amount } refunds { amount } averageOrderValue { amount }
          series { start orderCount totalSales { amount } }
          topProducts(limit: 10) { productId title quantity sales { amount } }
        }
      }
    `;
    const day = 86_400_000;
    const now = Date.now();
    const midnight = (() => {
      // Local midnight of America/New_York today, found from the offset Intl reports.
      const parts = new Intl.DateTimeFormat('en-US', {
        timeZone: 'America/New_York',
        timeZoneName: 'longOffset',
      })
        .formatToParts(new Date(now))
        .find((part) => part.type === 'timeZoneName')?.value;
      const offset = /GMT([+-]\d\d):(\d\d)/.exec(parts ?? '');
      const minutes = offset ? Number(offset[1]) * 60 + Math.sign(Number(offset[1])) * Number(offset[2]) : 0;
      const local = new Date(now + minutes * 60_000);
      return Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) - minutes * 60_000;
    })();
    const cases = [
      { name: 'DAY, last 30 whole days', from: midnight - 30 * day, to: midnight, interval: 'DAY' },
      { name: 'DAY, last 90 days to now (partial edges)', from: now - 90 * day, to: now, interval: 'DAY' },
      { name: 'WEEK, last 365 days to now', from: now - 365 * day, to: now, interval: 'WEEK' },
      { name: 'MONTH, last 365 days to now', from: now - 365 * day, to: now, interval: 'MONTH' },
    ];
    const rows = [];
    const all: number[] = [];
    let counted = 0;
    for (const entry of cases) {
      const variables = {
        c: connectionId,
        from: new Date(entry.from).toISOString(),
        to: new Date(entry.to).toISOString(),
        i: entry.interval,
      };
      const samples: number[] = [];
      for (let i = 0; i < ITERATIONS + 10; i++) {
        const started = performance.now();
        const { body } = await postGraphQL<{ revenueSummary: { orderCount: number } }>(gatewayUrl, QUERY, {
          token,
          variables,
        });
        const ms = performance.now() - started;
        if (body.errors) throw new Error(`revenueSummary failed: ${JSON.stringify(body.errors)}`);
        counted = body.data?.revenueSummary.orderCount ?? 0;
        if (i >= 10) samples.push(ms);
      }
      all.push(...samples);
      const latency = summarise(entry.name, samples);
      const p95 = [...samples].sort((a, b) => a - b)[Math.floor(0.95 * samples.length)] ?? Number.NaN;
      rows.push({
        query: entry.name,
        'orders counted': counted,
        queries: samples.length,
        'p50 ms': latency.p50,
        'p95 ms': p95,
        'p99 ms': latency.p99,
      });
    }
    const sortedAll = [...all].sort((a, b) => a - b);
    const p95All = sortedAll[Math.floor(0.95 * sortedAll.length)] ?? Number.NaN;
    console.log(
      `\nrevenueSummary through the gateway on ${ORDERS} mirrored orders (series and top 10 products selected)\n`,
    );
    printTable(rows);
    console.log(`\nall ${all.length} queries: p95 ${p95All.toFixed(1)} ms (target < 50 ms)`);
    const file = await writeResults('shopify-events', {
      loadAverageAtStart: load,
      ingest,
      storedDeliveries: stored?.n,
      drain: { applied, seconds: drainSeconds },
      revenue: { orders: ORDERS, seedSeconds, rollupSeconds, rows, p95All },
    });
    console.log(
      `\nwritten to ${file}; load average at the end: ${loadavg()
        .map((value) => value.toFixed(2))
        .join(' ')}`,
    );
  } finally {
    for (const stop of stops.reverse()) await stop().catch(() => {});
    await pg.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
