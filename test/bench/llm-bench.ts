import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { issueToken, parseGatewayConfig, startGateway } from '@ionflux/gateway';
import { startEmbeddedPostgres } from '@ionflux/kit/embedded-postgres';
import { createIdentitySigner, IDENTITY_HEADER } from '@ionflux/kit/identity';
import { parseLlmConfig, startLlmSubgraph } from '@ionflux/llm';
import OpenAI from 'openai';
import postgres from 'postgres';
import { startLlmSimulator } from '../../sandbox/src/llm/index.ts';
import { type LatencySummary, printTable, summarise, writeResults } from './bench-report.ts';

const ITERATIONS = Number(process.env['BENCH_ITERATIONS'] ?? 1000);
const WARMUP = Math.min(200, Math.ceil(ITERATIONS / 5));
const CONCURRENCY = Number(process.env['BENCH_CONCURRENCY'] ?? 32);
const THROUGHPUT_REQUESTS = Number(process.env['BENCH_THROUGHPUT_REQUESTS'] ?? 2000);
const PROMPT = 'Summarise the benefits of a unified LLM gateway in one line.';

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
 * SDK, (2) to the LLM subgraph with a gateway-signed identity, (3) through the gateway with a JWT. The
 * differences of the medians are what the subgraph and the gateway add; `{ __typename }` on the subgraph
 * (`subgraph-floor`) shows how much of that is HTTP, the identity check and Apollo alone.
 */
export async function run(): Promise<void> {
  const env = await startEnvironment();
  try {
    const paths: Record<'direct' | 'subgraph-floor' | 'subgraph' | 'gateway', () => Promise<void>> = {
      direct: env.direct,
      'subgraph-floor': env.subgraphFloor,
      subgraph: env.subgraph,
      gateway: env.gateway,
    };
    const names = Object.keys(paths) as (keyof typeof paths)[];
    for (let i = 0; i < WARMUP; i++) for (const name of names) await paths[name]();
    const samples: Record<string, number[]> = { direct: [], 'subgraph-floor': [], subgraph: [], gateway: [] };
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
    };
    console.log(
      `\nllm benchmark: ${ITERATIONS} rounds (after ${WARMUP} warm-up), one completion per path per round\n`,
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
  const dataDir = await mkdtemp(path.join(tmpdir(), 'ionflux-bench-pg-'));
  const database = process.env['DATABASE_URL']
    ? { url: await createDatabase(process.env['DATABASE_URL']), stop: async () => {} }
    : await startEmbeddedPostgres({ dataDir });
  const apiKeys = {
    openai: `sk-bench-${randomBytes(8).toString('hex')}`,
    anthropic: 'sk-ant-bench',
    gemini: 'AIzaBench',
  };
  const simulator = await startLlmSimulator({ apiKeys });
  const internalSecret = randomBytes(32).toString('base64url');
  const jwtSecret = randomBytes(32).toString('base64url');
  // Log lines are written as in production (info), to a sink, so their cost is measured but not shown.
  const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
  const base = {
    NODE_ENV: 'production',
    LOG_LEVEL: 'info',
    DATABASE_URL: database.url,
    IONFLUX_INTERNAL_SECRET: internalSecret,
  };
  const llm = await startLlmSubgraph(
    parseLlmConfig({
      ...base,
      LLM_SUBGRAPH_PORT: '0',
      OPENAI_API_KEY: apiKeys.openai,
      OPENAI_BASE_URL: simulator.openaiBaseUrl,
      IONFLUX_MASTER_KEY: `kbench:${randomBytes(32).toString('base64')}`,
    }),
    { logDestination: sink },
  );
  const gateway = await startGateway(
    parseGatewayConfig({
      ...base,
      PORT: '0',
      IONFLUX_JWT_SECRET: jwtSecret,
      LLM_SUBGRAPH_URL: llm.graphqlUrl,
      // Only the LLM subgraph is queried; the others are never planned into these operations.
      SHOPIFY_SUBGRAPH_URL: 'http://127.0.0.1:9/graphql',
      TIKTOK_SUBGRAPH_URL: 'http://127.0.0.1:9/graphql',
    }),
    { logDestination: sink },
  );
  const workspaceId = randomUUID();
  const userId = randomUUID();
  const token = await issueToken({ secret: jwtSecret, workspaceId, userId });
  const signer = createIdentitySigner(internalSecret);
  const openai = new OpenAI({ apiKey: apiKeys.openai, baseURL: simulator.openaiBaseUrl, maxRetries: 0 });
  const body = JSON.stringify({
    query: QUERY,
    variables: { input: { prompt: PROMPT, parameters: { maxTokens: 16 } } },
  });
  const floorBody = JSON.stringify({ query: '{ __typename }' });
  const post = async (url: string, headers: Record<string, string>) => {
    const response = await fetch(url, {
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
    // The gateway signs a fresh identity per request; so does this path.
    subgraph: async () =>
      post(llm.graphqlUrl, {
        [IDENTITY_HEADER]: signer.sign({ workspaceId, userId, requestId: randomUUID() }),
      }),
    gateway: () => post(`${gateway.url}/graphql`, { authorization: `Bearer ${token}` }),
    subgraphFloor: async () => {
      const identity = signer.sign({ workspaceId, userId, requestId: randomUUID() });
      const response = await fetch(llm.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [IDENTITY_HEADER]: identity },
        body: floorBody,
      });
      await response.text();
    },
    async stop() {
      await gateway.close();
      await llm.close();
      await simulator.close();
      await database.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
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
