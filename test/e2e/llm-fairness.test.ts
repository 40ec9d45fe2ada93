import { randomBytes, randomUUID } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { createIdentitySigner, IDENTITY_HEADER } from '@ionflux/kit/identity';
import type { RunningSubgraph } from '@ionflux/kit/server';
import { parseLlmConfig, startLlmSubgraph } from '@ionflux/llm';
import { postGraphQL } from '@ionflux/testing/http';
import { type LlmSystemUnderTest, ledgerSettled, startLlmSystem } from '@ionflux/testing/system';
import postgres from 'postgres';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

// Fairness between workspaces in the LLM subgraph: the platform budget on IONFLUX's keys, models
// outside the catalog, what a central-key provider error shows, and breakers one workspace cannot open
// for the others.

interface Completion {
  status: string;
  requestId: string;
  providerResponse: { usage: { totalTokens: number } } | null;
  error: {
    code: string;
    message: string;
    retryAfterSeconds: number | null;
    providerError: {
      status: number | null;
      type: string | null;
      code: string | null;
      message: string | null;
      raw: string | null;
    } | null;
  } | null;
}

const COMPLETE = /* GraphQL */ `
  mutation Complete($input: CompletionInput!) {
    createCompletion(input: $input) {
      status requestId
      providerResponse { usage { totalTokens } }
      error { code message retryAfterSeconds providerError { status type code message raw } }
    }
  }
`;

async function complete(system: LlmSystemUnderTest, token: string, input: Record<string, unknown>) {
  const { body } = await postGraphQL<{ createCompletion: Completion }>(system.gatewayUrl, COMPLETE, {
    token,
    variables: { input },
  });
  if (!body.data?.createCompletion) throw new Error(JSON.stringify(body.errors));
  return body.data.createCompletion;
}

async function gql<Data = Record<string, unknown>>(
  system: LlmSystemUnderTest,
  token: string,
  query: string,
  variables: Record<string, unknown> = {},
) {
  const { body } = await postGraphQL<Data>(system.gatewayUrl, query, { token, variables });
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data as Data;
}

const SET_KEY = /* GraphQL */ `
  mutation Set($provider: LlmProviderId!, $apiKey: String!) {
    setWorkspaceProviderKey(provider: $provider, apiKey: $apiKey) { lastFour }
  }
`;

/** A workspace with its own OpenAI key, which the simulator accepts. */
async function workspaceWithOwnKey(system: LlmSystemUnderTest, options: { quotaExhausted?: boolean } = {}) {
  const workspaceId = randomUUID();
  const token = await system.tokenFor(workspaceId);
  const key = `sk-proj-own-${randomBytes(12).toString('hex')}`;
  system.simulator.addKey('openai', key);
  await gql(system, token, SET_KEY, { provider: 'OPENAI', apiKey: key });
  if (options.quotaExhausted) system.simulator.addKey('openai', key, { quotaExhausted: true });
  return { workspaceId, token, key };
}

describe('the platform budget on IONFLUX’s keys (LLM_WORKSPACE_DAILY_BUDGET_USD)', () => {
  const BUDGET_NANO_USD = 200_000; // $0.0002: about 18 short gpt-4o-mini calls at their worst case
  let system: LlmSystemUnderTest;
  let second: RunningSubgraph;
  let sql: postgres.Sql;
  beforeAll(async () => {
    system = await startLlmSystem({
      LLM_WORKSPACE_DAILY_BUDGET_USD: '0.0002',
      GATEWAY_WORKSPACE_BURST: '1000',
      GATEWAY_WORKSPACE_MAX_IN_FLIGHT: '1000',
    });
    // A second instance of the LLM subgraph on the same database (its own pools), as a replica would be.
    second = await startLlmSubgraph(
      parseLlmConfig({
        NODE_ENV: 'test',
        DATABASE_URL: system.databaseUrl,
        IONFLUX_INTERNAL_SECRET: system.internalSecret,
        LLM_SUBGRAPH_PORT: '0',
        OPENAI_API_KEY: system.centralKeys.openai,
        OPENAI_BASE_URL: system.simulator.openaiBaseUrl,
        LLM_WORKSPACE_DAILY_BUDGET_USD: '0.0002',
      }),
      { logDestination: new PassThrough() },
    );
    sql = postgres(system.databaseUrl, { max: 2, onnotice: () => {} });
  });
  afterAll(async () => {
    await sql?.end();
    await second?.close();
    await system?.stop();
  });

  const spendOf = async (workspaceId: string) => {
    const [row] = await sql<{ used: number; reserved: number }[]>`
      select used_cost_nano_usd::float8 as used, reserved_cost_nano_usd::float8 as reserved
      from llm.platform_spend where workspace_id = ${workspaceId}`;
    return row;
  };

  it('refuses the calls that would cross it, across two instances, with QUOTA_EXCEEDED naming the budget and its reset; never spends past it', async () => {
    const workspaceId = randomUUID();
    const token = await system.tokenFor(workspaceId);
    const signer = createIdentitySigner(system.internalSecret);
    const direct = async (input: Record<string, unknown>): Promise<Completion> => {
      const identity = signer.sign({ workspaceId, userId: randomUUID(), requestId: randomUUID() }, 'llm');
      const { body } = await postGraphQL<{ createCompletion: Completion }>(second.graphqlUrl, COMPLETE, {
        headers: { [IDENTITY_HEADER]: identity },
        variables: { input },
      });
      if (!body.data?.createCompletion) throw new Error(JSON.stringify(body.errors));
      return body.data.createCompletion;
    };
    system.simulator.clearRequests();
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => {
        const input = { prompt: `Budget test ${i}`, parameters: { maxTokens: 16 } };
        return i % 2 === 0 ? complete(system, token, input) : direct(input);
      }),
    );
    const succeeded = results.filter((result) => result.status === 'SUCCESS');
    const refused = results.filter((result) => result.error?.code === 'QUOTA_EXCEEDED');
    expect(succeeded.length).toBeGreaterThan(5);
    expect(refused.length).toBeGreaterThan(0);
    expect(succeeded.length + refused.length).toBe(40);
    const [refusal] = refused;
    expect(refusal?.error?.message).toMatch(
      /IONFLUX's platform budget for calls on IONFLUX's own provider keys, \$0\.00020 per day; it resets at \d{4}-\d\d-\d\dT00:00:00\.000Z \(midnight UTC\)/,
    );
    expect(refusal?.error?.retryAfterSeconds).toBeGreaterThan(0);
    expect(refusal?.error?.retryAfterSeconds).toBeLessThanOrEqual(86_400);
    // Refused before any provider call: the provider saw only the calls that were served.
    expect(system.simulator.requests()).toHaveLength(succeeded.length);

    await ledgerSettled(sql, workspaceId);
    const rows = await sql<{ status: string; cost: number; holds_budget: boolean }[]>`
      select status, cost_nano_usd::float8 as cost, holds_budget from llm.usage_ledger
      where workspace_id = ${workspaceId}`;
    const spent = rows.filter((row) => row.status === 'success').reduce((sum, row) => sum + row.cost, 0);
    expect(spent).toBeGreaterThan(0);
    expect(spent).toBeLessThanOrEqual(BUDGET_NANO_USD);
    expect(await spendOf(workspaceId)).toEqual({ used: spent, reserved: 0 });
  });

  it('cannot be lifted through the API: setting or removing the workspace quota leaves it in force', async () => {
    const workspaceId = randomUUID();
    const token = await system.tokenFor(workspaceId);
    let last: Completion | undefined;
    // The same call each time, each after the last is settled (its worst case released, its cost
    // charged), so the one refused would be refused again unless the budget were lifted.
    const call = { prompt: 'Spend it', parameters: { maxTokens: 16 } };
    for (let i = 0; i < 40 && last?.status !== 'ERROR'; i++) {
      await ledgerSettled(sql, workspaceId);
      last = await complete(system, token, call);
    }
    expect(last?.error?.code).toBe('QUOTA_EXCEEDED');

    await gql(system, token, 'mutation { setLlmQuota(input: { period: DAY, maxCostUsd: 1000 }) { period } }');
    const withQuota = await complete(system, token, call);
    expect(withQuota.error).toMatchObject({
      code: 'QUOTA_EXCEEDED',
      message: expect.stringMatching(/platform budget/),
    });

    expect(await gql(system, token, 'mutation { removeLlmQuota }')).toEqual({ removeLlmQuota: true });
    const withoutQuota = await complete(system, token, call);
    expect(withoutQuota.error).toMatchObject({
      code: 'QUOTA_EXCEEDED',
      message: expect.stringMatching(/platform budget/),
    });
  });

  it('does not count calls with the workspace’s own key', async () => {
    const { workspaceId, token, key } = await workspaceWithOwnKey(system);
    system.simulator.clearRequests();
    for (let i = 0; i < 25; i++) {
      const result = await complete(system, token, { prompt: `Own key ${i}`, parameters: { maxTokens: 16 } });
      expect(result.status).toBe('SUCCESS');
    }
    expect(new Set(system.simulator.requests().map((request) => request.keyLast4))).toEqual(
      new Set([key.slice(-4)]),
    );
    await ledgerSettled(sql, workspaceId);
    expect(await spendOf(workspaceId)).toBeUndefined();
  });
});

describe('with the default configuration', () => {
  let system: LlmSystemUnderTest;
  let sql: postgres.Sql;
  beforeAll(async () => {
    system = await startLlmSystem();
    sql = postgres(system.databaseUrl, { max: 2, onnotice: () => {} });
  });
  afterAll(async () => {
    await sql?.end();
    await system?.stop();
  });
  beforeEach(() => {
    system.simulator.clearRequests();
    system.simulator.clearFaults();
  });

  it('bounds a call on IONFLUX’s key that names no output limit (the platform budget holds it): the default cap reserved is the cap sent', async () => {
    const result = await complete(system, await system.tokenFor(randomUUID()), { prompt: 'No limit given' });
    expect(result.status).toBe('SUCCESS');
    expect(system.simulator.requests()[0]?.body).toMatchObject({ max_completion_tokens: 1024 });
  });

  describe('models outside the catalog', () => {
    it('are refused on IONFLUX’s key with INVALID_REQUEST naming the known ones, before any call, charging nothing', async () => {
      const workspaceId = randomUUID();
      const token = await system.tokenFor(workspaceId);
      const requestId = `unknown-${randomUUID()}`;
      const result = await complete(system, token, {
        provider: 'OPENAI',
        model: 'gpt-9-preview',
        prompt: 'hi',
        parameters: { maxTokens: 16 },
        requestId,
      });
      expect(result.status).toBe('ERROR');
      expect(result.error?.code).toBe('INVALID_REQUEST');
      expect(result.error?.message).toMatch(
        /gpt-9-preview is not a openai chat model IONFLUX serves with its own key.*Known openai models: gpt-4o-mini, gpt-4o, gpt-4\.1, gpt-4\.1-mini\. Or set the workspace's own openai key \(setWorkspaceProviderKey\)/,
      );
      const embedding = await gql<{
        createEmbedding: { status: string; error: { code: string; message: string } };
      }>(
        system,
        token,
        'mutation { createEmbedding(input: { model: "text-embedding-9", input: ["hi"] }) { status error { code message } } }',
      );
      expect(embedding.createEmbedding.error).toEqual({
        code: 'INVALID_REQUEST',
        message: expect.stringMatching(
          /Known openai models: text-embedding-3-small, text-embedding-3-large\./,
        ),
      });
      expect(system.simulator.requests()).toEqual([]);

      await ledgerSettled(sql, workspaceId);
      const rows = await sql`
      select status, error_code, cost_nano_usd::float8 as cost, holds_budget, holds_quota
      from llm.usage_ledger where request_id = ${requestId}`;
      expect(rows).toEqual([
        { status: 'error', error_code: 'INVALID_REQUEST', cost: 0, holds_budget: false, holds_quota: false },
      ]);
      expect(await sql`select 1 from llm.platform_spend where workspace_id = ${workspaceId}`).toHaveLength(0);
    });

    it('are served with the workspace’s own key, their cost recorded as unknown (NULL) and shown so in llmUsage', async () => {
      const { workspaceId, token, key } = await workspaceWithOwnKey(system);
      const unknown = await complete(system, token, {
        model: 'gpt-9-preview',
        prompt: 'hi',
        parameters: { maxTokens: 16 },
      });
      expect(unknown.status).toBe('SUCCESS');
      const known = await complete(system, token, { prompt: 'hi', parameters: { maxTokens: 16 } });
      expect(known.status).toBe('SUCCESS');
      const completions = system.simulator
        .requests()
        .filter((request) => request.path.endsWith('/completions'));
      expect(completions.map((request) => [request.model, request.keyLast4])).toEqual([
        ['gpt-9-preview', key.slice(-4)],
        ['gpt-4o-mini', key.slice(-4)],
      ]);
      await ledgerSettled(sql, workspaceId);
      const rows = await sql`
      select model, key_source, cost_nano_usd::float8 as cost, reserved_cost_nano_usd::float8 as reserved
      from llm.usage_ledger where workspace_id = ${workspaceId} order by created_at`;
      expect(rows).toEqual([
        { model: 'gpt-9-preview', key_source: 'workspace', cost: null, reserved: null },
        {
          model: 'gpt-4o-mini',
          key_source: 'workspace',
          cost: expect.any(Number),
          reserved: expect.any(Number),
        },
      ]);
      const knownCost = (rows[1]?.['cost'] as number) / 1e9;
      expect(knownCost).toBeGreaterThan(0);

      const usage = await gql<{
        llmUsage: {
          requests: number;
          estimatedCostUsd: number;
          unpricedRequests: number;
          groups: { model: string; estimatedCostUsd: number | null; unpricedRequests: number }[];
        };
      }>(
        system,
        token,
        'query($from: DateTime!, $to: DateTime!) { llmUsage(from: $from, to: $to) { requests estimatedCostUsd unpricedRequests groups { model estimatedCostUsd unpricedRequests } } }',
        {
          from: new Date(Date.now() - 3_600_000).toISOString(),
          to: new Date(Date.now() + 60_000).toISOString(),
        },
      );
      expect(usage.llmUsage).toEqual({
        requests: 2,
        estimatedCostUsd: knownCost,
        unpricedRequests: 1,
        groups: [
          { model: 'gpt-4o-mini', estimatedCostUsd: knownCost, unpricedRequests: 0 },
          { model: 'gpt-9-preview', estimatedCostUsd: null, unpricedRequests: 1 },
        ],
      });
    });

    it('are refused when the workspace’s quota limits cost, which an unknown price cannot be held to; a token limit holds them', async () => {
      const { token } = await workspaceWithOwnKey(system);
      system.simulator.clearRequests();
      await gql(system, token, 'mutation { setLlmQuota(input: { period: DAY, maxCostUsd: 5 }) { period } }');
      const refused = await complete(system, token, {
        model: 'gpt-9-preview',
        prompt: 'hi',
        parameters: { maxTokens: 16 },
      });
      expect(refused.error).toMatchObject({
        code: 'INVALID_REQUEST',
        message: expect.stringMatching(/gpt-9-preview has no list price, so the workspace's spending quota/),
      });
      expect(system.simulator.requests()).toEqual([]);

      await gql(
        system,
        token,
        'mutation { setLlmQuota(input: { period: DAY, maxTokens: 100000 }) { period } }',
      );
      const served = await complete(system, token, {
        model: 'gpt-9-preview',
        prompt: 'hi',
        parameters: { maxTokens: 16 },
      });
      expect(served.status).toBe('SUCCESS');
    });
  });

  describe('provider errors', () => {
    it('of a call on IONFLUX’s key keep only status, type and code: nothing of IONFLUX’s account reaches the tenant', async () => {
      system.simulator.injectFault({ provider: 'openai', status: 429, retryAfterSeconds: 60 });
      const { body } = await postGraphQL(system.gatewayUrl, COMPLETE, {
        token: await system.tokenFor(randomUUID()),
        variables: { input: { prompt: 'hi', parameters: { maxTokens: 16 } } },
      });
      const result = (body.data as { createCompletion: Completion }).createCompletion;
      expect(result.error).toEqual({
        code: 'RATE_LIMITED',
        message: 'openai is rate limiting requests; retry later.',
        retryAfterSeconds: 60,
        providerError: {
          status: 429,
          type: 'requests',
          code: 'rate_limit_exceeded',
          message: null,
          raw: null,
        },
      });
      expect(JSON.stringify(body)).not.toMatch(/org-sandbox|Limit \d/);
    });

    it('of a call on the workspace’s own key keep the provider’s message and raw body, the key cut out', async () => {
      const { token, key } = await workspaceWithOwnKey(system);
      system.simulator.injectFault({ provider: 'openai', status: 429, retryAfterSeconds: 60 });
      const result = await complete(system, token, { prompt: 'hi', parameters: { maxTokens: 16 } });
      expect(result.error).toMatchObject({
        code: 'RATE_LIMITED',
        providerError: {
          status: 429,
          type: 'requests',
          message: expect.stringMatching(/organization org-sandbox/),
          raw: expect.stringMatching(/"error".*org-sandbox/),
        },
      });
      expect(JSON.stringify(result)).not.toContain(key);
    });
  });
});

describe('circuit breakers one workspace cannot open for the others', () => {
  let system: LlmSystemUnderTest;
  beforeAll(async () => {
    // One attempt per call and a 300 ms timeout: each timed-out or failed call is one breaker count.
    system = await startLlmSystem({
      LLM_TIMEOUT_MS: '300',
      LLM_MAX_ATTEMPTS: '1',
      LLM_BREAKER_FAILURES: '3',
      LLM_BREAKER_HALF_OPEN_MS: '60000',
    });
  });
  afterAll(async () => {
    await system?.stop();
  });
  beforeEach(() => {
    system.simulator.clearRequests();
    system.simulator.clearFaults();
  });

  const openaiCalls = () => system.simulator.requests().filter((request) => request.provider === 'openai');

  it('do not count a workspace’s long generations that time out against IONFLUX’s key: another workspace’s short calls go on', async () => {
    const slow = await system.tokenFor(randomUUID());
    system.simulator.injectFault({ provider: 'openai', latencyMs: 1500, times: 3 });
    for (let i = 0; i < 3; i++) {
      const result = await complete(system, slow, {
        prompt: 'Write a long essay',
        parameters: { maxTokens: 4000 },
      });
      expect(result.error).toMatchObject({
        code: 'PROVIDER_UNAVAILABLE',
        message: expect.stringMatching(/in time/),
      });
    }
    expect(openaiCalls()).toHaveLength(3);
    // The workspace whose calls timed out is paused, without a call...
    const paused = await complete(system, slow, { prompt: 'Again', parameters: { maxTokens: 4000 } });
    expect(paused.error).toMatchObject({
      code: 'PROVIDER_UNAVAILABLE',
      message: expect.stringMatching(/calls from this caller are paused: too many of them timed out/),
    });
    expect(openaiCalls()).toHaveLength(3);
    // ...while every other workspace's calls on IONFLUX's key are served.
    for (let i = 0; i < 3; i++) {
      const other = await complete(system, await system.tokenFor(randomUUID()), {
        prompt: 'Short',
        parameters: { maxTokens: 8 },
      });
      expect(other.status).toBe('SUCCESS');
    }
    expect(openaiCalls()).toHaveLength(6);
  });

  it('keep a workspace’s own key apart: its provider failures do not open IONFLUX’s key for others', async () => {
    const { token } = await workspaceWithOwnKey(system);
    system.simulator.clearRequests();
    system.simulator.injectFault({ provider: 'openai', status: 500, times: 3 });
    for (let i = 0; i < 3; i++) {
      expect((await complete(system, token, { prompt: 'hi', parameters: { maxTokens: 8 } })).status).toBe(
        'ERROR',
      );
    }
    const ownPaused = await complete(system, token, { prompt: 'hi', parameters: { maxTokens: 8 } });
    expect(ownPaused.error).toMatchObject({
      code: 'PROVIDER_UNAVAILABLE',
      message: expect.stringMatching(/too many recent failures/),
    });
    expect(openaiCalls()).toHaveLength(3);
    const other = await complete(system, await system.tokenFor(randomUUID()), {
      prompt: 'hi',
      parameters: { maxTokens: 8 },
    });
    expect(other.status).toBe('SUCCESS');
  });

  it('still open IONFLUX’s key for every workspace on a real outage: 5xx, 529, dropped connections', async () => {
    system.simulator.injectFault({ provider: 'anthropic', status: 529, times: 2 });
    system.simulator.injectFault({ provider: 'anthropic', drop: true, times: 1 });
    const claude = { provider: 'CLAUDE', prompt: 'hi', parameters: { maxTokens: 8 } };
    for (let i = 0; i < 3; i++) {
      const failed = await complete(system, await system.tokenFor(randomUUID()), claude);
      expect(failed.error?.code).toBe('PROVIDER_UNAVAILABLE');
    }
    const cutOff = await complete(system, await system.tokenFor(randomUUID()), claude);
    expect(cutOff.error).toMatchObject({
      code: 'PROVIDER_UNAVAILABLE',
      message: expect.stringMatching(/anthropic is unavailable: too many recent failures/),
    });
    expect(system.simulator.requests()).toHaveLength(3);
    // A workspace with its own key is not behind IONFLUX's breaker.
    const anthropicKey = `sk-ant-own-${randomBytes(12).toString('hex')}`;
    system.simulator.addKey('anthropic', anthropicKey);
    const own = await system.tokenFor(randomUUID());
    await gql(system, own, SET_KEY, { provider: 'CLAUDE', apiKey: anthropicKey });
    expect((await complete(system, own, claude)).status).toBe('SUCCESS');
  });
});
