import { randomUUID } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { createIdentitySigner, IDENTITY_HEADER } from '@ionflux/kit/identity';
import { parseLlmConfig, startLlmSubgraph } from '@ionflux/llm';
import { postGraphQL } from '@ionflux/testing/http';
import { type LlmSystemUnderTest, ledgerSettled, startLlmSystem } from '@ionflux/testing/system';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let system: LlmSystemUnderTest;
let sql: postgres.Sql;
beforeAll(async () => {
  // 200 concurrent completions from one workspace: above the gateway's default per-workspace burst and
  // in-flight limits, which this test is not about.
  system = await startLlmSystem({ GATEWAY_WORKSPACE_BURST: '1000', GATEWAY_WORKSPACE_MAX_IN_FLIGHT: '1000' });
  sql = postgres(system.databaseUrl, { max: 2, onnotice: () => {} });
});
afterAll(async () => {
  await sql?.end();
  await system?.stop();
});

interface Completion {
  status: string;
  requestId: string;
  providerResponse: { usage: { promptTokens: number; completionTokens: number; totalTokens: number } } | null;
  error: { code: string; message: string } | null;
}

const COMPLETE = /* GraphQL */ `
  mutation Complete($input: CompletionInput!) {
    createCompletion(input: $input) {
      status requestId
      providerResponse { usage { promptTokens completionTokens totalTokens } }
      error { code message }
    }
  }
`;

async function complete(token: string, input: Record<string, unknown>): Promise<Completion> {
  const { body } = await postGraphQL<{ createCompletion: Completion }>(system.gatewayUrl, COMPLETE, {
    token,
    variables: { input },
  });
  if (!body.data?.createCompletion) throw new Error(JSON.stringify(body.errors));
  return body.data.createCompletion;
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

describe('usage ledger', () => {
  it('serves 200 concurrent completions without an error, and the ledger adds up', async () => {
    const workspace = randomUUID();
    const users = [randomUUID(), randomUUID()];
    const tokens = await Promise.all(users.map((user) => system.tokenFor(workspace, user)));
    const providers = ['OPENAI', 'CLAUDE', 'GEMINI'];
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        complete(tokens[i % 2] ?? '', {
          provider: providers[i % 3],
          prompt: `Concurrent request number ${i}`,
          parameters: { maxTokens: 40 },
          requestId: `burst-${i}`,
        }),
      ),
    );
    expect(results.filter((result) => result.status !== 'SUCCESS')).toEqual([]);
    expect(new Set(results.map((result) => result.requestId)).size).toBe(200);
    await ledgerSettled(sql, workspace);

    const rows = await sql<{ request_id: string; total_tokens: number; user_id: string; status: string }[]>`
      select request_id, total_tokens, user_id, status from llm.usage_ledger where workspace_id = ${workspace}`;
    expect(rows).toHaveLength(200);
    expect(rows.every((row) => row.status === 'success')).toBe(true);
    const reported = sum(results.map((result) => result.providerResponse?.usage.totalTokens ?? 0));
    expect(sum(rows.map((row) => row.total_tokens))).toBe(reported);
    for (const result of results) {
      const row = rows.find((r) => r.request_id === result.requestId);
      expect(row?.total_tokens).toBe(result.providerResponse?.usage.totalTokens);
    }

    const { body } = await postGraphQL<{
      llmUsage: {
        requests: number;
        totalTokens: number;
        estimatedCostUsd: number;
        groups: Record<string, unknown>[];
      };
    }>(
      system.gatewayUrl,
      `query($from: DateTime!, $to: DateTime!) { llmUsage(from: $from, to: $to) {
        requests totalTokens estimatedCostUsd
        groups { provider model userId requests errors totalTokens estimatedCostUsd } } }`,
      {
        token: tokens[0] ?? '',
        variables: {
          from: new Date(Date.now() - 3600_000).toISOString(),
          to: new Date(Date.now() + 60_000).toISOString(),
        },
      },
    );
    const usage = body.data?.llmUsage;
    expect(usage?.requests).toBe(200);
    expect(usage?.totalTokens).toBe(reported);
    expect(usage?.estimatedCostUsd).toBeGreaterThan(0);
    // 3 providers (one model each) x 2 users.
    expect(usage?.groups).toHaveLength(6);
    expect(sum((usage?.groups ?? []).map((group) => group['requests'] as number))).toBe(200);
    expect(new Set(usage?.groups.map((group) => group['userId']))).toEqual(new Set(users));
  });

  it('shows a workspace only its own usage', async () => {
    const token = await system.tokenFor(randomUUID());
    const { body } = await postGraphQL<{ llmUsage: { requests: number } }>(
      system.gatewayUrl,
      'query($from: DateTime!, $to: DateTime!) { llmUsage(from: $from, to: $to) { requests } }',
      {
        token,
        variables: {
          from: new Date(Date.now() - 86_400_000).toISOString(),
          to: new Date(Date.now() + 60_000).toISOString(),
        },
      },
    );
    expect(body.data?.llmUsage.requests).toBe(0);
  });
});

describe('workspace quota', () => {
  it('is never exceeded when crossed by concurrent requests by two subgraph instances (separate pools)', async () => {
    const workspaceId = randomUUID();
    const token = await system.tokenFor(workspaceId);
    // A second instance of the LLM subgraph on the same database, called directly with a signed identity.
    const second = await startLlmSubgraph(
      parseLlmConfig({
        NODE_ENV: 'test',
        DATABASE_URL: system.databaseUrl,
        IONFLUX_INTERNAL_SECRET: system.internalSecret,
        LLM_SUBGRAPH_PORT: '0',
        OPENAI_API_KEY: system.centralKeys.openai,
        OPENAI_BASE_URL: system.simulator.openaiBaseUrl,
      }),
      { logDestination: new PassThrough() },
    );
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
    const maxTokens = 600;
    const set = await postGraphQL(
      system.gatewayUrl,
      `mutation { setLlmQuota(input: { period: DAY, maxTokens: ${maxTokens} }) { maxTokens usedTokens } }`,
      { token },
    );
    expect(set.body.errors).toBeUndefined();

    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) => {
        const input = { prompt: `Quota test ${i} please`, parameters: { maxTokens: 20 } };
        return i % 2 === 0 ? complete(token, input) : direct(input);
      }),
    ).finally(() => second.close());
    const succeeded = results.filter((result) => result.status === 'SUCCESS');
    const refused = results.filter((result) => result.error?.code === 'QUOTA_EXCEEDED');
    expect(succeeded.length).toBeGreaterThan(5);
    expect(refused.length).toBeGreaterThan(0);
    expect(succeeded.length + refused.length).toBe(60);
    await ledgerSettled(sql, workspaceId);

    const { body } = await postGraphQL<{
      llmQuota: { usedTokens: number; reservedTokens: number; maxTokens: number };
    }>(system.gatewayUrl, '{ llmQuota { usedTokens reservedTokens maxTokens } }', { token });
    const quota = body.data?.llmQuota;
    const charged = sum(succeeded.map((result) => result.providerResponse?.usage.totalTokens ?? 0));
    // The largest reservation one of these requests makes: its prompt estimate plus maxTokens.
    const oneReservation = 40;
    expect(quota?.usedTokens).toBe(charged);
    expect(charged).toBeLessThanOrEqual(maxTokens + oneReservation);
    // Reservations cover the worst case, so here the limit itself holds.
    expect(charged).toBeLessThanOrEqual(maxTokens);
    expect(quota?.reservedTokens).toBe(0);

    const next = await complete(token, { prompt: 'One more', parameters: { maxTokens: maxTokens } });
    expect(next.error?.code).toBe('QUOTA_EXCEEDED');
    expect(next.error?.message).toMatch(/quota/);
  });

  it('starts a new period empty, dropping a reservation a dead process left behind', async () => {
    const workspaceId = randomUUID();
    const token = await system.tokenFor(workspaceId);
    await postGraphQL(
      system.gatewayUrl,
      'mutation { setLlmQuota(input: { period: DAY, maxTokens: 100 }) { period } }',
      {
        token,
      },
    );
    await sql`update llm.workspace_quotas set used_tokens = 100, reserved_tokens = 50,
      period_start = date_trunc('day', now()) - interval '1 day' where workspace_id = ${workspaceId}`;
    const result = await complete(token, { prompt: 'A new day', parameters: { maxTokens: 10 } });
    expect(result.status).toBe('SUCCESS');
    await ledgerSettled(sql, workspaceId);
    const { body } = await postGraphQL<{ llmQuota: { usedTokens: number; reservedTokens: number } }>(
      system.gatewayUrl,
      '{ llmQuota { usedTokens reservedTokens } }',
      { token },
    );
    expect(body.data?.llmQuota).toEqual({
      usedTokens: result.providerResponse?.usage.totalTokens,
      reservedTokens: 0,
    });
  });
});
