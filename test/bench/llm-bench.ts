// `npm run bench -- llm`: orchestration overhead of `createCompletion`, and what the HTTP doors
// (`POST /llm/v1/completions`, `/llm/openai/v1/chat/completions`) add over it. By default five processes, as in
// production: this one (only the clients: the `openai` SDK, the fetch-based subgraph and gateway clients,
// the identity signer), the LLM simulator, the LLM subgraph, the gateway (each forked from
// llm-bench-service.ts), and PostgreSQL (embedded, or a database created on DATABASE_URL). Each service's
// CPU is its own, and the direct path talks to the same simulator process the subgraph calls.
// BENCH_LAYOUT=single runs the services in this process instead.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createUndiciFetcher, issueToken } from '@ionflux/gateway';
import { startEmbeddedPostgres } from '@ionflux/kit/embedded-postgres';
import { createIdentitySigner, IDENTITY_HEADER, REQUEST_ID_HEADER } from '@ionflux/kit/identity';
import OpenAI from 'openai';
import postgres from 'postgres';
import { forkBenchChild } from './bench-child.ts';
import { type LatencySummary, printTable, summarise, writeResults } from './bench-report.ts';
import { type LlmBenchService, startBenchService } from './llm-bench-service.ts';

const ITERATIONS = Number(process.env['BENCH_ITERATIONS'] ?? 1000);
const WARMUP = Math.min(200, Math.ceil(ITERATIONS / 5));
const CONCURRENCY = Number(process.env['BENCH_CONCURRENCY'] ?? 32);
const THROUGHPUT_REQUESTS = Number(process.env['BENCH_THROUGHPUT_REQUESTS'] ?? 2000);
// `processes` (default): each service in a process of its own, as in production. `single`: every service
// in this process, as the earlier runs of this benchmark did; on these 2-vCPU VMs each cross-process hop
// also pays the hypervisor's wake-up of an idle vCPU, which this layout leaves out.
const LAYOUT = process.env['BENCH_LAYOUT'] === 'single' ? 'single' : 'processes';
const PROCESSES =
  LAYOUT === 'single'
    ? ['bench clients + simulator + llm subgraph + gateway', 'postgres']
    : ['bench clients', 'simulator', 'llm subgraph', 'gateway', 'postgres'];
const PROMPT = 'Summarise the benefits of a unified LLM gateway in one line.';
// `LLM_*` variables set for the bench reach the LLM subgraph (e.g. LLM_WORKSPACE_DAILY_BUDGET_USD=off to
// measure without the platform budget); anything else of the subgraph's config is fixed below.
const SUBGRAPH_ENV = Object.fromEntries(
  Object.entries(process.env).filter(
    (entry): entry is [string, string] => entry[0].startsWith('LLM_') && entry[1] !== undefined,
  ),
);

const QUERY = /* GraphQL */ `
  mutation Bench($input: CompletionInput!) {
    createCompletion(input: $input) {
      status
      providerResponse { choices { text finishReason } usage { totalTokens } }
      error { code }
    }
  }
`;

/**
 * Orchestration overhead of `createCompletion`: the same completion sent, side by side in one run and
 * in shuffled order each round, (1) straight to the sandbox's OpenAI server with the official `openai`
 * SDK, (2) to the LLM subgraph with a gateway-signed identity and the gateway's HTTP client, (3) through
 * the gateway with a JWT and fetch, (4) through the gateway's spec 1.3 door and (5) its OpenAI-compatible
 * door, both with a JWT and fetch. The differences of the medians are what the subgraph, the gateway and
 * each door (vs `createCompletion` through the gateway) add; `{ __typename }` on the subgraph (`subgraph-floor`) shows how much of that is HTTP, the identity
 * check and Apollo alone.
 */
export async function run(): Promise<void> {
  const env = await startEnvironment();
  try {
    const paths: Record<
      'direct' | 'subgraph-floor' | 'subgraph' | 'gateway' | 'spec-door' | 'openai-door',
      () => Promise<void>
    > = {
      direct: env.direct,
      'subgraph-floor': env.subgraphFloor,
      subgraph: env.subgraph,
      gateway: env.gateway,
      'spec-door': env.specDoor,
      'openai-door': env.openaiDoor,
    };
    // BENCH_PATHS=direct,subgraph measures only those paths (for profiling one of them).
    const only = process.env['BENCH_PATHS']?.split(',');
    const names = (Object.keys(paths) as (keyof typeof paths)[]).filter(
      (name) => !only || only.includes(name),
    );
    for (let i = 0; i < WARMUP; i++) for (const name of names) await paths[name]();
    const samples: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]));
    for (let i = 0; i < ITERATIONS; i++) {
      for (const name of shuffle(names)) {
        const started = performance.now();
        await paths[name]();
        samples[name]?.push(performance.now() - started);
      }
    }
    const latency = names.map((name) => summarise(name, samples[name] ?? []));
    const throughput = [];
    for (const name of names) {
      if (name !== 'subgraph-floor') throughput.push({ name, ...(await measureThroughput(paths[name])) });
    }

    const byName = Object.fromEntries(latency.map((row) => [row.name, row])) as Record<
      string,
      LatencySummary
    >;
    const added = (name: string, q: 'p50' | 'p99') => (byName[name]?.[q] ?? 0) - (byName['direct']?.[q] ?? 0);
    const overhead = {
      subgraphP50: added('subgraph', 'p50'),
      subgraphP99: added('subgraph', 'p99'),
      gatewayP50: added('gateway', 'p50'),
      gatewayP99: added('gateway', 'p99'),
      subgraphFloorP50: byName['subgraph-floor']?.p50 ?? 0,
      // What each HTTP door adds over createCompletion through the gateway (same completion, same
      // orchestration): the door's parsing and mapping, the gateway's proxying of the body.
      specDoorVsCreateCompletionP50: (byName['spec-door']?.p50 ?? 0) - (byName['gateway']?.p50 ?? 0),
      specDoorVsCreateCompletionP99: (byName['spec-door']?.p99 ?? 0) - (byName['gateway']?.p99 ?? 0),
      openaiDoorVsCreateCompletionP50: (byName['openai-door']?.p50 ?? 0) - (byName['gateway']?.p50 ?? 0),
      openaiDoorVsCreateCompletionP99: (byName['openai-door']?.p99 ?? 0) - (byName['gateway']?.p99 ?? 0),
    };
    console.log(
      `\nllm benchmark (${LAYOUT} layout): ${ITERATIONS} rounds (after ${WARMUP} warm-up), one completion per path per round${Object.keys(SUBGRAPH_ENV).length > 0 ? `; subgraph env ${JSON.stringify(SUBGRAPH_ENV)}` : ''}\n`,
    );
    printTable(
      latency.map((row) => ({
        path: row.name,
        samples: row.samples,
        'p50 ms': row.p50,
        'p90 ms': row.p90,
        'p99 ms': row.p99,
        'mean ms': row.mean,
      })),
    );
    console.log('');
    printTable([
      {
        added: 'by the subgraph',
        'p50 ms': overhead.subgraphP50,
        'p99 ms': overhead.subgraphP99,
        target: '< 1 ms p50',
      },
      {
        added: 'through the gateway',
        'p50 ms': overhead.gatewayP50,
        'p99 ms': overhead.gatewayP99,
        target: '< 3 ms p50',
      },
      {
        added: 'spec door vs createCompletion',
        'p50 ms': overhead.specDoorVsCreateCompletionP50,
        'p99 ms': overhead.specDoorVsCreateCompletionP99,
        target: '< 1 ms p50',
      },
      {
        added: 'OpenAI door vs createCompletion',
        'p50 ms': overhead.openaiDoorVsCreateCompletionP50,
        'p99 ms': overhead.openaiDoorVsCreateCompletionP99,
        target: '< 1 ms p50',
      },
    ]);
    console.log('');
    printTable(
      throughput.map((row) => ({
        path: row.name,
        concurrency: CONCURRENCY,
        requests: row.requests,
        'req/s': row.perSecond,
        errors: row.errors,
      })),
    );
    const file = await writeResults('llm', {
      at: new Date().toISOString(),
      node: process.version,
      iterations: ITERATIONS,
      warmup: WARMUP,
      layout: LAYOUT,
      processes: PROCESSES,
      subgraphEnv: SUBGRAPH_ENV,
      latency,
      overheadMs: overhead,
      throughput: throughput.map((row) => ({ ...row, concurrency: CONCURRENCY })),
    });
    console.log(`\nwrote ${path.relative(process.cwd(), file)}`);
  } finally {
    await env.stop();
  }
}

async function startEnvironment() {
  // Undone in reverse order by `stop`, also when starting fails half-way.
  const cleanups: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) {
      await cleanup().catch((error: unknown) => console.error('llm bench: cleanup failed', error));
    }
  };
  const startService = async (service: LlmBenchService, config: Record<string, string>) => {
    if (LAYOUT === 'single') {
      const started = await startBenchService(service, config);
      cleanups.push(() => started.close());
      return started.url;
    }
    const child = forkBenchChild('llm-bench-service.ts', {
      args: [service],
      env: { BENCH_SERVICE_CONFIG: JSON.stringify(config) },
    });
    cleanups.push(() => child.stop());
    return (await child.ready)['url'] as string;
  };
  try {
    const apiKeys = {
      openai: `sk-bench-${randomBytes(8).toString('hex')}`,
      anthropic: 'sk-ant-bench',
      gemini: 'AIzaBench',
    };
    // Both awaited before failing, so that a half-started one is still undone.
    const [database, simulator] = await Promise.allSettled([
      (async () => {
        if (process.env['DATABASE_URL']) return createDatabase(process.env['DATABASE_URL']);
        const dataDir = await mkdtemp(path.join(tmpdir(), 'ionflux-bench-pg-'));
        cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
        const embedded = await startEmbeddedPostgres({ dataDir });
        cleanups.push(() => embedded.stop());
        return embedded.url;
      })(),
      startService('simulator', apiKeys),
    ]);
    if (database.status === 'rejected') throw database.reason;
    if (simulator.status === 'rejected') throw simulator.reason;
    const databaseUrl = database.value;
    const openaiBaseUrl = simulator.value;
    const internalSecret = randomBytes(32).toString('base64url');
    const jwtSecret = randomBytes(32).toString('base64url');
    const base = {
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
      DATABASE_URL: databaseUrl,
      IONFLUX_INTERNAL_SECRET: internalSecret,
    };
    const subgraphUrl = await startService('subgraph', {
      ...SUBGRAPH_ENV,
      ...base,
      LLM_SUBGRAPH_PORT: '0',
      OPENAI_API_KEY: apiKeys.openai,
      OPENAI_BASE_URL: openaiBaseUrl,
      IONFLUX_MASTER_KEY: `kbench:${randomBytes(32).toString('base64')}`,
    });
    const gatewayUrl = await startService('gateway', {
      ...base,
      PORT: '0',
      IONFLUX_JWT_SECRET: jwtSecret,
      LLM_SUBGRAPH_URL: subgraphUrl,
      // Only the LLM subgraph is queried; the others are never planned into these operations.
      SHOPIFY_SUBGRAPH_URL: 'http://127.0.0.1:9/graphql',
      TIKTOK_SUBGRAPH_URL: 'http://127.0.0.1:9/graphql',
      // One workspace sends every request: the per-workspace limits are not what is measured.
      GATEWAY_WORKSPACE_RATE_PER_SECOND: '1000000',
      GATEWAY_WORKSPACE_BURST: '1000000',
      GATEWAY_WORKSPACE_MAX_IN_FLIGHT: '100000',
    });
    const workspaceId = randomUUID();
    const userId = randomUUID();
    const token = await issueToken({ secret: jwtSecret, workspaceId, userId });
    const identity = createIdentitySigner(internalSecret).sign({ workspaceId, userId }, 'llm');
    const subgraphHeaders = () => ({ [IDENTITY_HEADER]: identity, [REQUEST_ID_HEADER]: randomUUID() });
    const openai = new OpenAI({ apiKey: apiKeys.openai, baseURL: openaiBaseUrl, maxRetries: 0 });
    const body = JSON.stringify({
      query: QUERY,
      variables: { input: { prompt: PROMPT, parameters: { maxTokens: 16 } } },
    });
    const floorBody = JSON.stringify({ query: '{ __typename }' });
    // The same completion through the HTTP doors: spec 1.3's JSON and OpenAI's chat completions.
    const gatewayOrigin = new URL(gatewayUrl).origin;
    const specBody = JSON.stringify({ prompt: PROMPT, parameters: { max_tokens: 16 } });
    const openaiBody = JSON.stringify({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: PROMPT }],
      max_tokens: 16,
    });
    const door = async (path: string, doorBody: string, ok: (json: Record<string, unknown>) => boolean) => {
      const response = await fetch(`${gatewayOrigin}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: doorBody,
      });
      const json = (await response.json()) as Record<string, unknown>;
      if (!ok(json)) throw new Error(`bench request failed: ${JSON.stringify(json)}`);
    };
    // The subgraph is called as the gateway calls it, with the gateway's own HTTP client (undici's
    // request on a keep-alive pool); callers of the gateway, like the direct path, use fetch.
    const gatewayFetcher = createUndiciFetcher();
    cleanups.push(() => gatewayFetcher.close());
    const post = async (
      url: string,
      headers: Record<string, string>,
      client: typeof fetch | typeof gatewayFetcher,
    ) => {
      const response = await client(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body,
      });
      const json = (await response.json()) as { data?: { createCompletion?: { status?: string } } };
      if (json.data?.createCompletion?.status !== 'SUCCESS')
        throw new Error(`bench request failed: ${JSON.stringify(json)}`);
    };
    return {
      direct: async () => {
        await openai.chat.completions.create({
          model: 'gpt-4o-mini',
          messages: [{ role: 'user', content: PROMPT }],
          max_completion_tokens: 16,
        });
      },
      // As the gateway calls a subgraph: the caller's identity signed once and reused (the gateway
      // re-signs every 20 s), a fresh request id in x-request-id.
      subgraph: () => post(subgraphUrl, subgraphHeaders(), gatewayFetcher),
      gateway: () => post(gatewayUrl, { authorization: `Bearer ${token}` }, fetch),
      specDoor: () => door('/llm/v1/completions', specBody, (json) => json['status'] === 'success'),
      openaiDoor: () =>
        door('/llm/openai/v1/chat/completions', openaiBody, (json) => json['object'] === 'chat.completion'),
      subgraphFloor: async () => {
        const response = await gatewayFetcher(subgraphUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...subgraphHeaders() },
          body: floorBody,
        });
        await response.text();
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function measureThroughput(send: () => Promise<void>) {
  let next = 0;
  let errors = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < THROUGHPUT_REQUESTS) {
        next++;
        await send().catch(() => errors++);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { requests: THROUGHPUT_REQUESTS, perSecond: THROUGHPUT_REQUESTS / seconds, errors };
}

async function createDatabase(adminUrl: string): Promise<string> {
  const name = `ionflux_bench_${randomBytes(4).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

function shuffle<T>(items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}
