import { randomBytes, randomUUID } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { createIdentitySigner, IDENTITY_HEADER } from '@ionflux/kit/identity';
import type { RunningSubgraph } from '@ionflux/kit/server';
import { parseLlmConfig, startLlmSubgraph } from '@ionflux/llm';
import { postGraphQL } from '@ionflux/testing/http';
import { type LlmSystemUnderTest, ledgerSettled, startLlmSystem } from '@ionflux/testing/system';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// A workspace this instance has seen with neither quota nor key of its own has its calls sent beside
// their opening statement (reserve, key, pending row) instead of after it. These tests prove the
// database's answer still decides: a key or quota set on another instance, a slow or failing opening.

const masterKey = `ktest:${randomBytes(32).toString('base64')}`;
let system: LlmSystemUnderTest;
let other: RunningSubgraph;
let sql: postgres.Sql;
beforeAll(async () => {
  // Early sends are for central-key calls that hold nothing; with a platform budget every one holds it.
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

/** A workspace with a caller token, already seen (one completion) by the system's LLM subgraph. */
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

async function earlySends(): Promise<{ confirmed: number; withdrawn: number }> {
  const text = await (await fetch(`${system.subgraphs.llm.url}/metrics`)).text();
  const count = (outcome: string) =>
    Number(
      text.match(
        new RegExp(`^ionflux_llm_early_sends_total\\{outcome="${outcome}"[^}]*\\} (\\d+)`, 'm'),
      )?.[1] ?? 0,
    );
  return { confirmed: count('confirmed'), withdrawn: count('withdrawn') };
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

async function until(condition: () => boolean | Promise<boolean>, what: string) {
  const deadline = Date.now() + 5_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('a call sent beside its opening statement', () => {
  it('is confirmed by the opening for a workspace with neither quota nor key, and ledgered once', async () => {
    const { workspaceId, token } = await knownWorkspace();
    const before = await earlySends();
    const requestId = randomUUID();
    expect((await complete(token, requestId)).body.data?.createCompletion.status).toBe('SUCCESS');
    expect(await earlySends()).toEqual({ confirmed: before.confirmed + 1, withdrawn: before.withdrawn });
    await ledgerSettled(sql, workspaceId);
    expect(await ledgerRows(requestId)).toMatchObject([
      { status: 'success', error_code: null, key_source: 'central' },
    ]);
  });

  it('is answered only once its pending ledger row is written, even when the provider answered first', async () => {
    const { token } = await knownWorkspace();
    system.simulator.clearRequests();
    const release = await lockLedger();
    let answered = false;
    const call = complete(token).finally(() => {
      answered = true;
    });
    try {
      await until(() => system.simulator.requests().length === 1, 'the provider to answer');
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(answered).toBe(false);
    } finally {
      await release();
    }
    expect((await call).body.data?.createCompletion.status).toBe('SUCCESS');
  });

  it('fails, and is ledgered as cancelled, when its opening statement fails', async () => {
    const { workspaceId, token } = await knownWorkspace();
    system.simulator.clearRequests();
    const release = await lockLedger();
    const requestId = randomUUID();
    const call = complete(token, requestId);
    try {
      await until(() => system.simulator.requests().length === 1, 'the provider to answer');
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
    await ledgerSettled(sql, workspaceId);
    expect(await ledgerRows(requestId)).toMatchObject([
      { status: 'cancelled', error_code: null, key_source: 'central' },
    ]);
  });

  it('is withdrawn and sent again with the workspace key another instance has set since', async () => {
    const { workspaceId, token } = await knownWorkspace();
    const workspaceKey = `sk-proj-early-${randomBytes(12).toString('hex')}`;
    system.simulator.addKey('openai', workspaceKey);
    await onOtherInstance(
      workspaceId,
      'mutation($key: String!) { setWorkspaceProviderKey(provider: OPENAI, apiKey: $key) { lastFour } }',
      { key: workspaceKey },
    );
    system.simulator.clearRequests();
    const before = await earlySends();
    const requestId = randomUUID();
    // The opening is held until the early call has been answered, so that answer is the one withdrawn.
    const release = await lockLedger();
    const call = complete(token, requestId);
    try {
      await until(() => system.simulator.requests().length === 1, 'the provider to answer the early call');
    } finally {
      await release();
    }
    expect((await call).body.data?.createCompletion.status).toBe('SUCCESS');

    expect(await earlySends()).toEqual({ confirmed: before.confirmed, withdrawn: before.withdrawn + 1 });
    expect(system.simulator.requests().map((request) => request.keyLast4)).toEqual([
      system.centralKeys.openai.slice(-4),
      workspaceKey.slice(-4),
    ]);
    await ledgerSettled(sql, workspaceId);
    const rows = await ledgerRows(requestId);
    expect(rows).toMatchObject([
      { status: 'cancelled', error_code: null, key_source: 'central' },
      { status: 'success', error_code: null, key_source: 'workspace' },
    ]);
    // The withdrawn call was answered: its tokens and their cost are ledgered, as the provider billed them.
    expect(rows[0]?.total_tokens).toBeGreaterThan(0);
    expect(rows[0]?.total_tokens).toBe(rows[1]?.total_tokens);
    expect(rows[0]?.cost_nano_usd).toBeGreaterThan(0);
  });

  it('is withdrawn and refused with QUOTA_EXCEEDED when another instance has since set a quota it would cross', async () => {
    const { workspaceId, token } = await knownWorkspace();
    await onOtherInstance(
      workspaceId,
      'mutation { setLlmQuota(input: { period: DAY, maxTokens: 5 }) { maxTokens } }',
    );
    const quotaBefore = await quotaOf(workspaceId);
    const before = await earlySends();
    const requestId = randomUUID();
    const { body } = await complete(token, requestId);

    expect(body.data?.createCompletion).toMatchObject({ status: 'ERROR', error: { code: 'QUOTA_EXCEEDED' } });
    expect(await earlySends()).toEqual({ confirmed: before.confirmed, withdrawn: before.withdrawn + 1 });
    await ledgerSettled(sql, workspaceId);
    expect(await ledgerRows(requestId)).toMatchObject([
      { status: 'cancelled', error_code: null, key_source: 'central' },
      { status: 'error', error_code: 'QUOTA_EXCEEDED', key_source: 'central' },
    ]);
    // Nothing charged or held for it: what is used is the earlier call's, counted when the quota was set.
    expect(await quotaOf(workspaceId)).toEqual(quotaBefore);
    expect(quotaBefore?.reserved_tokens).toBe('0');
  });

  it('is not sent early once this instance has seen the workspace with a quota', async () => {
    const { token } = await knownWorkspace();
    await postGraphQL(
      system.gatewayUrl,
      'mutation { setLlmQuota(input: { period: DAY, maxTokens: 100000 }) { maxTokens } }',
      {
        token,
      },
    );
    const before = await earlySends();
    expect((await complete(token)).body.data?.createCompletion.status).toBe('SUCCESS');
    expect((await complete(token)).body.data?.createCompletion.status).toBe('SUCCESS');
    expect(await earlySends()).toEqual(before);
  });
});
