import { postGraphQL } from '@ionflux/testing/http';
import { type LlmSystemUnderTest, ledgerSettled, startLlmSystem } from '@ionflux/testing/system';
import postgres from 'postgres';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

let system: LlmSystemUnderTest;
const responses: string[] = [];
beforeAll(async () => {
  // Short timeouts and two attempts keep the failure paths quick; a high breaker threshold keeps the
  // injected failures of one test from opening the breaker for the next.
  system = await startLlmSystem({
    LLM_TIMEOUT_MS: '700',
    LLM_MAX_ATTEMPTS: '2',
    LLM_BREAKER_FAILURES: '100',
  });
});
afterAll(async () => {
  await system?.stop();
});
beforeEach(() => {
  system.simulator.clearRequests();
  system.simulator.clearFaults();
});

const COMPLETE = /* GraphQL */ `
  mutation Complete($input: CompletionInput!) {
    createCompletion(input: $input) {
      status requestId
      providerResponse { id }
      error { code message retryAfterSeconds providerError { provider status type code message raw } }
    }
  }
`;

interface Failure {
  code: string;
  message: string;
  retryAfterSeconds: number | null;
  providerError: {
    provider: string;
    status: number;
    type: string;
    code: string;
    message: string;
    raw: string;
  } | null;
}

async function complete(
  provider: string,
  requestId: string,
): Promise<{ status: string; error: Failure | null }> {
  const { body } = await postGraphQL<{ createCompletion: { status: string; error: Failure | null } }>(
    system.gatewayUrl,
    COMPLETE,
    {
      token: system.token,
      variables: { input: { provider, prompt: 'hello', parameters: { maxTokens: 16 }, requestId } },
    },
  );
  responses.push(JSON.stringify(body));
  expect(body.errors).toBeUndefined();
  const result = body.data?.createCompletion;
  if (!result) throw new Error('no result');
  return result;
}

const storedName = { OPENAI: 'openai', CLAUDE: 'anthropic', GEMINI: 'gemini' } as const;

describe('createCompletion error paths', () => {
  it.each([
    ['OPENAI', 401, 'invalid_request_error'],
    ['CLAUDE', 401, 'authentication_error'],
    ['GEMINI', 400, 'INVALID_ARGUMENT'],
  ] as const)(
    'maps %s rejecting IONFLUX’s key (%i) to PROVIDER_API_ERROR with its status and type, not its message or body',
    async (provider, status, type) => {
      const stored = storedName[provider];
      system.simulator.removeKey(stored, system.centralKeys[stored]);
      try {
        const result = await complete(provider, `bad-key-${provider}`);
        expect(result.status).toBe('ERROR');
        expect(result.error).toMatchObject({
          code: 'PROVIDER_API_ERROR',
          providerError: { provider, status, type },
        });
        // A central-key call: the provider's own words describe IONFLUX's account, not the tenant's.
        expect(result.error?.providerError).toMatchObject({ message: null, raw: null });
        expect(system.simulator.requests()).toHaveLength(1);
      } finally {
        system.simulator.addKey(stored, system.centralKeys[stored]);
      }
    },
  );

  it('maps a 429 asking for longer than we wait to RATE_LIMITED with its Retry-After, after one attempt', async () => {
    system.simulator.injectFault({ provider: 'openai', status: 429, retryAfterSeconds: 60 });
    const result = await complete('OPENAI', 'rate-limited');
    expect(result.error).toMatchObject({
      code: 'RATE_LIMITED',
      retryAfterSeconds: 60,
      providerError: { provider: 'OPENAI', status: 429 },
    });
    expect(system.simulator.requests()).toHaveLength(1);
  });

  it('waits out a short Retry-After and succeeds on the retry', async () => {
    system.simulator.injectFault({ provider: 'anthropic', status: 429, retryAfterSeconds: 1 });
    const started = Date.now();
    const result = await complete('CLAUDE', 'retry-after');
    expect(result.status).toBe('SUCCESS');
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(system.simulator.requests().map((r) => r.status)).toEqual([429, 200]);
  });

  it.each([
    ['OPENAI', 'insufficient_quota'],
    ['GEMINI', 'RESOURCE_EXHAUSTED'],
  ] as const)('maps %s insufficient quota to QUOTA_EXCEEDED without retrying', async (provider, type) => {
    const stored = storedName[provider];
    system.simulator.removeKey(stored, system.centralKeys[stored]);
    system.simulator.addKey(stored, system.centralKeys[stored], { quotaExhausted: true });
    try {
      const result = await complete(provider, `quota-${provider}`);
      expect(result.error).toMatchObject({ code: 'QUOTA_EXCEEDED', providerError: { status: 429, type } });
      expect(system.simulator.requests()).toHaveLength(1);
    } finally {
      system.simulator.removeKey(stored, system.centralKeys[stored]);
      system.simulator.addKey(stored, system.centralKeys[stored]);
    }
  });

  it('retries a 500 and then maps it to PROVIDER_API_ERROR with the provider’s body', async () => {
    system.simulator.injectFault({ provider: 'openai', status: 500, times: 2 });
    const result = await complete('OPENAI', 'server-error');
    expect(result.error).toMatchObject({
      code: 'PROVIDER_API_ERROR',
      providerError: { status: 500, type: 'server_error' },
    });
    expect(system.simulator.requests()).toHaveLength(2);
  });

  it('maps Anthropic’s 529 overloaded to PROVIDER_UNAVAILABLE', async () => {
    system.simulator.injectFault({ provider: 'anthropic', status: 529, times: 2 });
    const result = await complete('CLAUDE', 'overloaded');
    expect(result.error).toMatchObject({
      code: 'PROVIDER_UNAVAILABLE',
      providerError: { status: 529, type: 'overloaded_error' },
    });
  });

  it('recovers from one 503 by retrying', async () => {
    system.simulator.injectFault({ provider: 'gemini', status: 503 });
    const result = await complete('GEMINI', 'one-503');
    expect(result.status).toBe('SUCCESS');
    expect(system.simulator.requests().map((r) => r.status)).toEqual([503, 200]);
  });

  it('maps a provider that does not answer in time to PROVIDER_UNAVAILABLE', async () => {
    system.simulator.injectFault({ provider: 'openai', latencyMs: 1500, times: 2 });
    const started = Date.now();
    const result = await complete('OPENAI', 'timeout');
    expect(result.error).toMatchObject({
      code: 'PROVIDER_UNAVAILABLE',
      message: expect.stringMatching(/in time/),
    });
    expect(Date.now() - started).toBeLessThan(1500 * 2);
  });

  it('maps a dropped connection to PROVIDER_UNAVAILABLE', async () => {
    system.simulator.injectFault({ provider: 'gemini', drop: true, times: 2 });
    const result = await complete('GEMINI', 'dropped');
    expect(result.error?.code).toBe('PROVIDER_UNAVAILABLE');
  });

  it('ledgers every failure with its code', async () => {
    const sql = postgres(system.databaseUrl, { max: 1, onnotice: () => {} });
    try {
      await ledgerSettled(sql, system.workspaceId);
      const rows = await sql<{ request_id: string; status: string; error_code: string | null }[]>`
        select request_id, status, error_code from llm.usage_ledger where workspace_id = ${system.workspaceId}`;
      const codeOf = (id: string) => rows.find((row) => row.request_id === id)?.error_code;
      expect(codeOf('rate-limited')).toBe('RATE_LIMITED');
      expect(codeOf('quota-OPENAI')).toBe('QUOTA_EXCEEDED');
      expect(codeOf('server-error')).toBe('PROVIDER_API_ERROR');
      expect(codeOf('timeout')).toBe('PROVIDER_UNAVAILABLE');
      expect(rows.find((row) => row.request_id === 'retry-after')?.status).toBe('success');
    } finally {
      await sql.end();
    }
  });

  it('never puts a key in a response or a log line', () => {
    const everything = responses.join('\n') + system.logs();
    expect(everything.length).toBeGreaterThan(1000);
    for (const key of Object.values(system.centralKeys)) expect(everything).not.toContain(key);
  });
});
