import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { createIdentitySigner, IDENTITY_HEADER } from '@ionflux/kit/identity';
import { parseLlmConfig, startLlmSubgraph } from '@ionflux/llm';
import { postGraphQL } from '@ionflux/testing/http';
import { type LlmSystemUnderTest, ledgerSettled, startLlmSystem } from '@ionflux/testing/system';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

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

const COMPLETE = /* GraphQL */ `
  mutation Complete($input: CompletionInput!) {
    createCompletion(input: $input) { status providerResponse { usage { totalTokens } } error { code } }
  }
`;

interface LedgerRow {
  status: string;
  total_tokens: number;
  reserved_tokens: number;
  holds_quota: boolean;
  finished: boolean;
}

async function rowOf(requestId: string): Promise<LedgerRow | undefined> {
  const [row] = await sql<LedgerRow[]>`
    select status, total_tokens, reserved_tokens, holds_quota, finished_at is not null as finished
    from llm.usage_ledger where request_id = ${requestId}`;
  return row;
}

async function eventually<T>(read: () => Promise<T | undefined>, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`not there after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the ledger row of a call in flight', () => {
  it('is written as pending, with its worst case, before the provider answers, and finished after', async () => {
    const workspaceId = randomUUID();
    const token = await system.tokenFor(workspaceId);
    system.simulator.injectFault({ provider: 'openai', latencyMs: 1500, times: 1 });
    const answer = postGraphQL<{
      createCompletion: { status: string; providerResponse: { usage: { totalTokens: number } } };
    }>(system.gatewayUrl, COMPLETE, {
      token,
      variables: {
        input: { prompt: 'A slow answer', requestId: 'in-flight-1', parameters: { maxTokens: 30 } },
      },
    });
    const pending = await eventually(() => rowOf('in-flight-1'));
    expect(pending).toMatchObject({
      status: 'pending',
      total_tokens: 0,
      holds_quota: false,
      finished: false,
    });
    expect(pending.reserved_tokens).toBeGreaterThanOrEqual(30);

    const { body } = await answer;
    expect(body.data?.createCompletion.status).toBe('SUCCESS');
    await ledgerSettled(sql, workspaceId);
    expect(await rowOf('in-flight-1')).toMatchObject({
      status: 'success',
      total_tokens: body.data?.createCompletion.providerResponse.usage.totalTokens,
      finished: true,
    });
  });

  it('survives the SIGKILL of its process: another instance closes it as interrupted and charges its worst case to the quota', async () => {
    const workspaceId = randomUUID();
    const token = await system.tokenFor(workspaceId);
    const quota = await postGraphQL(
      system.gatewayUrl,
      'mutation { setLlmQuota(input: { period: DAY, maxTokens: 10000 }) { maxTokens } }',
      { token },
    );
    expect(quota.body.errors).toBeUndefined();

    const env = subgraphEnv('test');
    const doomed = await startChildSubgraph(env);
    try {
      system.simulator.injectFault({ provider: 'openai', latencyMs: 10_000, times: 1 });
      const identity = createIdentitySigner(system.internalSecret).sign(
        {
          workspaceId,
          userId: randomUUID(),
          requestId: 'killed-mid-call',
        },
        'llm',
      );
      const call = postGraphQL(doomed.graphqlUrl, COMPLETE, {
        headers: { [IDENTITY_HEADER]: identity },
        variables: { input: { prompt: 'Never answered', parameters: { maxTokens: 50 } } },
      }).catch(() => undefined);
      const pending = await eventually(() => rowOf('killed-mid-call'));
      expect(pending).toMatchObject({ status: 'pending', holds_quota: true });
      doomed.child.kill('SIGKILL');
      await doomed.exited;
      await call;
      // Still there, still holding its reservation: nobody finished it.
      expect(await rowOf('killed-mid-call')).toMatchObject({ status: 'pending', finished: false });
      const [held] = await sql<{ reserved_tokens: number }[]>`
        select reserved_tokens::int from llm.workspace_quotas where workspace_id = ${workspaceId}`;
      expect(held?.reserved_tokens).toBe(pending.reserved_tokens);

      // A live instance sweeping with a short staleness bound closes it (at start, then on its timer).
      const sweeper = await startLlmSubgraph(
        parseLlmConfig({ ...env, LLM_LEDGER_STALE_AFTER_MS: '1', LLM_LEDGER_SWEEP_MS: '50' }),
        { logDestination: new PassThrough() },
      );
      try {
        const closed = await eventually(async () => {
          const row = await rowOf('killed-mid-call');
          return row?.finished ? row : undefined;
        });
        expect(closed).toMatchObject({ status: 'interrupted', total_tokens: pending.reserved_tokens });
        const [after] = await sql<{ reserved_tokens: number; used_tokens: number }[]>`
          select reserved_tokens::int, used_tokens::int from llm.workspace_quotas where workspace_id = ${workspaceId}`;
        expect(after).toEqual({ reserved_tokens: 0, used_tokens: pending.reserved_tokens });
        const [errorCode] = await sql<{ error_code: string }[]>`
          select error_code from llm.usage_ledger where request_id = 'killed-mid-call'`;
        expect(errorCode?.error_code).toBe('INTERNAL');
      } finally {
        await sweeper.close();
      }
    } finally {
      system.simulator.clearFaults();
      if (doomed.child.exitCode === null && doomed.child.signalCode === null) {
        doomed.child.kill('SIGKILL');
        await doomed.exited;
      }
    }
  });
});

describe('an LLM subgraph process stopped with SIGTERM (production mode)', () => {
  it('answers the call in flight, finishes its ledger row, and exits 0', async () => {
    const workspaceId = randomUUID();
    const service = await startChildSubgraph(subgraphEnv('production'));
    let exitCode: number | null = null;
    service.child.once('exit', (code) => {
      exitCode = code;
    });
    try {
      system.simulator.injectFault({ provider: 'openai', latencyMs: 1000, times: 1 });
      const identity = createIdentitySigner(system.internalSecret).sign(
        {
          workspaceId,
          userId: randomUUID(),
          requestId: 'answered-while-stopping',
        },
        'llm',
      );
      const call = postGraphQL<{ createCompletion: { status: string } }>(service.graphqlUrl, COMPLETE, {
        headers: { [IDENTITY_HEADER]: identity },
        variables: { input: { prompt: 'Finish me', parameters: { maxTokens: 20 } } },
      });
      await eventually(() => rowOf('answered-while-stopping'));
      service.child.kill('SIGTERM');
      const { body } = await call;
      expect(body.data?.createCompletion.status).toBe('SUCCESS');
      await service.exited;
      expect(exitCode).toBe(0);
      expect(await rowOf('answered-while-stopping')).toMatchObject({ status: 'success', finished: true });
    } finally {
      system.simulator.clearFaults();
      if (service.child.exitCode === null && service.child.signalCode === null) {
        service.child.kill('SIGKILL');
        await service.exited;
      }
    }
  });
});

/** The env of another LLM subgraph instance on the system's database and simulator. */
function subgraphEnv(nodeEnv: 'test' | 'production'): Record<string, string> {
  return {
    PATH: process.env['PATH'] ?? '',
    NODE_ENV: nodeEnv,
    DATABASE_URL: system.databaseUrl,
    IONFLUX_INTERNAL_SECRET: system.internalSecret,
    LLM_SUBGRAPH_PORT: '0',
    HOST: '127.0.0.1',
    OPENAI_API_KEY: system.centralKeys.openai,
    OPENAI_BASE_URL: system.simulator.openaiBaseUrl,
  };
}

/** The LLM subgraph as its own process (`subgraphs/llm/src/main.ts`), as production runs it. */
async function startChildSubgraph(
  env: Record<string, string>,
): Promise<{ child: ChildProcess; graphqlUrl: string; exited: Promise<void> }> {
  const child = spawn(process.execPath, ['subgraphs/llm/src/main.ts'], {
    cwd: root,
    env: { ...env, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`llm subgraph did not start:\n${output}`)), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /"url":"(http:\/\/[^"]+)"[^\n]*llm subgraph listening/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', () => {
      clearTimeout(timer);
      reject(new Error(`llm subgraph exited:\n${output}`));
    });
  });
  return { child, graphqlUrl: `${url}/graphql`, exited };
}
