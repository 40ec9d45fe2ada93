import { randomBytes, randomUUID } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { createIdentitySigner, IDENTITY_HEADER } from '@ionflux/kit/identity';
import type { RunningSubgraph } from '@ionflux/kit/server';
import { parseLlmConfig, startLlmSubgraph } from '@ionflux/llm';
import { postGraphQL } from '@ionflux/testing/http';
import { type LlmSystemUnderTest, ledgerSettled, startLlmSystem } from '@ionflux/testing/system';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Every call is sent only after its opening statement (key, quota and budget reserved, `pending` row)
// has committed, and that statement decides it: a key or quota set on another instance is seen by the
// next call here, a slow opening holds the call, a failed one means no call.

const masterKey = `ktest:${randomBytes(32).toString('base64')}`;
let system: LlmSystemUnderTest;
let other: RunningSubgraph;
let sql: postgres.Sql;
beforeAll(async () => {
  // Without a platform budget a central-key call with neither quota nor key holds nothing, and still
  // waits for its opening.
  system = await startLlmSystem({ IONFLUX_MASTER_KEY: masterKey, LLM_WORKSPACE_DAILY_BUDGET_USD: 'off' });
  // A second instance of the LLM subgraph on the same database, as another replica would be.
  other = await startLlmSubgraph(
    parseLlmConfig({
      NODE_ENV: 'test',
      DATABASE_URL: system.databaseUrl,
      IONFLUX_INTERNAL_SECRET: system.internalSecret,
      IONFLUX_MASTER_KEY: masterKey,
      LLM_SUBGRAPH_PORT: '0',
      OPENAI_API_KEY: system.centralKeys.openai,
      OPENAI_BASE_URL: system.simulator.openaiBaseUrl,
      LLM_WORKSPACE_DAILY_BUDGET_USD: 'off',
    }),
    { logDestination: new PassThrough() },
  );
  sql = postgres(system.databaseUrl, { max: 3, onnotice: () => {} });
});
afterAll(async () => {
  await sql?.end();
  await other?.close();
  await system?.stop();
});

interface Completion {
  status: string;
  error: { code: string; message: string } | null;
}

const COMPLETE = /* GraphQL */ `
  mutation Complete($input: CompletionInput!) {
    createCompletion(input: $input) { status error { code message } }
  }
`;

/** A workspace with a caller token that has already made one call through the system's LLM subgraph. */
async function knownWorkspace() {
  const workspaceId = randomUUID();
  const token = await system.tokenFor(workspaceId);
  expect((await complete(token)).body.data?.createCompletion.status).toBe('SUCCESS');
  await ledgerSettled(sql, workspaceId);
  return { workspaceId, token };
}

function complete(token: string, requestId: string = randomUUID()) {
  return postGraphQL<{ createCompletion: Completion }>(system.gatewayUrl, COMPLETE, {
    token,
    variables: { input: { prompt: 'Say hello', requestId, parameters: { maxTokens: 8 } } },
  });
}

/** Runs an operation on the other instance as a member of the workspace (signed as the gateway would). */
async function onOtherInstance(workspaceId: string, query: string, variables: Record<string, unknown> = {}) {
  const identity = createIdentitySigner(system.internalSecret).sign(
    { workspaceId, userId: randomUUID() },
    'llm',
  );
  const { body } = await postGraphQL(other.graphqlUrl, query, {
    headers: { [IDENTITY_HEADER]: identity },
    variables,
  });
  expect(body.errors).toBeUndefined();
}

function ledgerRows(requestId: string) {
  return sql<
    {
      status: string;
      error_code: string | null;
      key_source: string;
      total_tokens: number;
      cost_nano_usd: number;
    }[]
  >`
    select status, error_code, key_source, total_tokens, cost_nano_usd::float8 as cost_nano_usd from llm.usage_ledger
    where request_id = ${requestId} order by status::text`;
}

async function quotaOf(workspaceId: string) {
  const [quota] = await sql<{ used_tokens: string; reserved_tokens: string }[]>`
    select used_tokens::text, reserved_tokens::text from llm.workspace_quotas where workspace_id = ${workspaceId}`;
  return quota;
}

/** Holds every insert into the ledger until `release` (a lock that reads, not writes, let through). */
async function lockLedger() {
  const locked = await sql.reserve();
  await locked`begin`;
  await locked`lock table llm.usage_ledger in share row exclusive mode`;
  return async () => {
    await locked`commit`;
    locked.release();
  };
}

/** Opening statements of the system's LLM subgraph waiting on a lock. */
async function openingsWaiting(): Promise<number> {
  const [row] = await sql<{ waiting: number }[]>`
    select count(*)::int as waiting from pg_stat_activity
    where application_name = 'ionflux-llm-ledger' and wait_event_type = 'Lock'
      and query like '%with stored as%'`;
  return row?.waiting ?? 0;
}

async function until(condition: () => boolean | Promise<boolean>, what: string) {
  const deadline = Date.now() + 5_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('a provider call and its opening statement', () => {
  it('is neither sent to the provider nor answered until its pending ledger row is written', async () => {
    const { workspaceId, token } = await knownWorkspace();
    system.simulator.clearRequests();
    const release = await lockLedger();
    const requestId = randomUUID();
    let answered = false;
    const call = complete(token, requestId).finally(() => {
      answered = true;
    });
    try {
      await until(async () => (await openingsWaiting()) > 0, 'the opening statement to wait on the lock');
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(system.simulator.requests()).toEqual([]);
      expect(answered).toBe(false);
    } finally {
      await release();
    }
    expect((await call).body.data?.createCompletion.status).toBe('SUCCESS');
    expect(system.simulator.requests()).toHaveLength(1);
    await ledgerSettled(sql, workspaceId);
    expect(await ledgerRows(requestId)).toMatchObject([
      { status: 'success', error_code: null, key_source: 'central' },
    ]);
  });

  it('fails without calling the provider, and ledgers nothing, when its opening statement fails', async () => {
    const { workspaceId, token } = await knownWorkspace();
    system.simulator.clearRequests();
    const release = await lockLedger();
    const requestId = randomUUID();
    const call = complete(token, requestId);
    try {
      // The opening waits on the lock; cancelling it is the database failing the statement.
      await until(async () => {
        const cancelled = await sql`
          select pg_cancel_backend(pid) from pg_stat_activity
          where application_name = 'ionflux-llm-ledger' and wait_event_type = 'Lock'
            and query like '%with stored as%'`;
        return cancelled.length > 0;
      }, 'the opening statement to wait on the lock');
    } finally {
      await release();
    }
    const { body } = await call;
    expect(body.data?.createCompletion ?? null).toBeNull();
    expect(body.errors?.[0]?.extensions?.['code']).toBe('INTERNAL');
    expect(system.simulator.requests()).toEqual([]);
    await ledgerSettled(sql, workspaceId);
    expect(await ledgerRows(requestId)).toEqual([]);
  });

  it('is sent with the workspace key another instance has set since', async () => {
    const { workspaceId, token } = await knownWorkspace();
    const workspaceKey = `sk-proj-opening-${randomBytes(12).toString('hex')}`;
    system.simulator.addKey('openai', workspaceKey);
    await onOtherInstance(
      workspaceId,
      'mutation($key: String!) { setWorkspaceProviderKey(provider: OPENAI, apiKey: $key) { lastFour } }',
      { key: workspaceKey },
    );
    system.simulator.clearRequests();
    const requestId = randomUUID();
    expect((await complete(token, requestId)).body.data?.createCompletion.status).toBe('SUCCESS');

    expect(system.simulator.requests().map((request) => request.keyLast4)).toEqual([workspaceKey.slice(-4)]);
    await ledgerSettled(sql, workspaceId);
    expect(await ledgerRows(requestId)).toMatchObject([
      { status: 'success', error_code: null, key_source: 'workspace' },
    ]);
  });

  it('is refused with QUOTA_EXCEEDED, never sent, when another instance has since set a quota it would cross', async () => {
    const { workspaceId, token } = await knownWorkspace();
    await onOtherInstance(
      workspaceId,
      'mutation { setLlmQuota(input: { period: DAY, maxTokens: 5 }) { maxTokens } }',
    );
    const quotaBefore = await quotaOf(workspaceId);
    system.simulator.clearRequests();
    const requestId = randomUUID();
    const { body } = await complete(token, requestId);

    expect(body.data?.createCompletion).toMatchObject({ status: 'ERROR', error: { code: 'QUOTA_EXCEEDED' } });
    expect(system.simulator.requests()).toEqual([]);
    await ledgerSettled(sql, workspaceId);
    expect(await ledgerRows(requestId)).toMatchObject([
      { status: 'error', error_code: 'QUOTA_EXCEEDED', key_source: 'central' },
    ]);
    // Nothing charged or held for it: what is used is the earlier call's, counted when the quota was set.
    expect(await quotaOf(workspaceId)).toEqual(quotaBefore);
    expect(quotaBefore?.reserved_tokens).toBe('0');
  });
});
