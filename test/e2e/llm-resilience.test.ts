import { randomUUID } from 'node:crypto';
import { createIdentitySigner, IDENTITY_HEADER } from '@ionflux/kit/identity';
import { postGraphQL } from '@ionflux/testing/http';
import { type LlmSystemUnderTest, ledgerSettled, startLlmSystem } from '@ionflux/testing/system';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let system: LlmSystemUnderTest;
beforeAll(async () => {
  system = await startLlmSystem({
    LLM_MAX_ATTEMPTS: '2',
    LLM_BREAKER_FAILURES: '2',
    LLM_BREAKER_HALF_OPEN_MS: '1000',
  });
});
afterAll(async () => {
  await system?.stop();
});

const COMPLETE = /* GraphQL */ `
  mutation Complete($input: CompletionInput!) {
    createCompletion(input: $input) {
      status provider model fallbackUsed
      providerResponse { choices { text } }
      error { code message providerError { status } }
    }
  }
`;

interface Result {
  status: string;
  provider: string;
  model: string;
  fallbackUsed: boolean;
  error: { code: string; message: string } | null;
}

async function complete(token: string, requestId: string): Promise<Result> {
  const { body } = await postGraphQL<{ createCompletion: Result }>(system.gatewayUrl, COMPLETE, {
    token,
    variables: {
      input: { provider: 'OPENAI', prompt: 'Hello there', parameters: { maxTokens: 16 }, requestId },
    },
  });
  if (!body.data?.createCompletion) throw new Error(JSON.stringify(body.errors));
  return body.data.createCompletion;
}

const openaiCalls = () =>
  system.simulator.requests().filter((request) => request.provider === 'openai').length;

describe('resilience: circuit breaker and workspace fallback', () => {
  it('falls back to the workspace’s fallback provider when OpenAI fails, and the breaker then stops calling OpenAI', async () => {
    const set = await postGraphQL<{ setLlmFallback: unknown }>(
      system.gatewayUrl,
      'mutation { setLlmFallback(provider: CLAUDE, model: "claude-haiku-4-5") { provider model } }',
      { token: system.token },
    );
    expect(set.body.data?.setLlmFallback).toEqual({ provider: 'CLAUDE', model: 'claude-haiku-4-5' });
    system.simulator.injectFault({ provider: 'openai', status: 500, times: 100 });

    const first = await complete(system.token, 'fallback-1');
    expect(first).toMatchObject({
      status: 'SUCCESS',
      provider: 'CLAUDE',
      model: 'claude-haiku-4-5',
      fallbackUsed: true,
    });
    expect(openaiCalls()).toBe(2);

    // Two failed attempts in a row opened OpenAI's breaker: the next request does not reach OpenAI.
    const second = await complete(system.token, 'fallback-2');
    expect(second).toMatchObject({ status: 'SUCCESS', provider: 'CLAUDE', fallbackUsed: true });
    expect(openaiCalls()).toBe(2);

    const sql = postgres(system.databaseUrl, { max: 1, onnotice: () => {} });
    try {
      await ledgerSettled(sql, system.workspaceId);
      const rows = await sql<
        {
          request_id: string;
          provider: string;
          status: string;
          error_code: string | null;
          fallback_from: string | null;
        }[]
      >`
        select request_id, provider, status, error_code, fallback_from from llm.usage_ledger
        where request_id in ('fallback-1', 'fallback-2') order by created_at`;
      expect(rows).toEqual([
        {
          request_id: 'fallback-1',
          provider: 'openai',
          status: 'error',
          error_code: 'PROVIDER_API_ERROR',
          fallback_from: null,
        },
        {
          request_id: 'fallback-1',
          provider: 'anthropic',
          status: 'success',
          error_code: null,
          fallback_from: 'openai',
        },
        {
          request_id: 'fallback-2',
          provider: 'openai',
          status: 'error',
          error_code: 'PROVIDER_UNAVAILABLE',
          fallback_from: null,
        },
        {
          request_id: 'fallback-2',
          provider: 'anthropic',
          status: 'success',
          error_code: null,
          fallback_from: 'openai',
        },
      ]);
    } finally {
      await sql.end();
    }
  });

  it('answers PROVIDER_UNAVAILABLE at once while the breaker is open, for a workspace without a fallback', async () => {
    const other = await system.tokenFor(randomUUID());
    const result = await complete(other, 'breaker-open');
    expect(result).toMatchObject({
      status: 'ERROR',
      fallbackUsed: false,
      error: { code: 'PROVIDER_UNAVAILABLE' },
    });
    expect(result.error?.message).toMatch(/unavailable/);
    expect(openaiCalls()).toBe(2);
  });

  it('lets a call through again after the half-open pause, and closes when it succeeds', async () => {
    system.simulator.clearFaults();
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const other = await system.tokenFor(randomUUID());
    const result = await complete(other, 'breaker-closed');
    expect(result).toMatchObject({ status: 'SUCCESS', provider: 'OPENAI', fallbackUsed: false });
  });

  it('does not fall back for a request the provider refuses as invalid', async () => {
    const { body } = await postGraphQL<{ createCompletion: Result }>(system.gatewayUrl, COMPLETE, {
      token: system.token,
      variables: { input: { provider: 'OPENAI', model: 'no-such-model', prompt: 'hi' } },
    });
    expect(body.data?.createCompletion).toMatchObject({
      status: 'ERROR',
      fallbackUsed: false,
      error: { code: 'INVALID_REQUEST' },
    });
  });

  it('cancels the provider call when the caller goes away, and ledgers it as cancelled', async () => {
    system.simulator.clearFaults();
    system.simulator.injectFault({ provider: 'anthropic', latencyMs: 3000 });
    const identity = createIdentitySigner(system.internalSecret).sign(
      {
        workspaceId: system.workspaceId,
        userId: system.userId,
        requestId: 'walked-away-http',
      },
      'llm',
    );
    const controller = new AbortController();
    const request = fetch(system.subgraphs.llm.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [IDENTITY_HEADER]: identity },
      body: JSON.stringify({
        query:
          'mutation { createCompletion(input: { provider: CLAUDE, prompt: "slow", parameters: { maxTokens: 8 } }) { status } }',
      }),
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 300);
    await expect(request).rejects.toThrow();
    const sql = postgres(system.databaseUrl, { max: 1, onnotice: () => {} });
    try {
      let row: { status: string } | undefined;
      for (let i = 0; i < 40 && !row; i++) {
        [row] = await sql<
          { status: string }[]
        >`select status from llm.usage_ledger where request_id = 'walked-away-http' and finished_at is not null`;
        if (!row) await new Promise((resolve) => setTimeout(resolve, 50));
      }
      // Recorded well before the provider's 3 s answer would have come.
      expect(row).toEqual({ status: 'cancelled' });
    } finally {
      await sql.end();
    }
  });
});
