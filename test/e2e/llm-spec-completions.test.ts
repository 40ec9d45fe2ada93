import { randomBytes, randomUUID } from 'node:crypto';
import { type Conversation, composeReply } from '@ionflux/sandbox/llm';
import { postGraphQL } from '@ionflux/testing/http';
import { type LlmSystemUnderTest, ledgerSettled, startLlmSystem } from '@ionflux/testing/system';
import OpenAI from 'openai';
import postgres from 'postgres';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

// Spec 1.3's JSON contract at POST /llm/v1/completions, through the gateway.
let system: LlmSystemUnderTest;
let sql: postgres.Sql;
beforeAll(async () => {
  // Two attempts and a high breaker threshold keep the failure paths quick and independent.
  system = await startLlmSystem({ LLM_MAX_ATTEMPTS: '2', LLM_BREAKER_FAILURES: '100' });
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

const url = () => `${system.gatewayUrl}/llm/v1/completions`;

async function post(
  body: unknown,
  options: { token?: string | null; headers?: Record<string, string> } = {},
): Promise<{
  status: number;
  headers: Headers;
  json: Record<string, unknown> & { error?: { code: string } };
}> {
  const token = options.token === undefined ? system.token : options.token;
  const response = await fetch(url(), {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token === null ? {} : { authorization: `Bearer ${token}` }),
      ...options.headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, json: (await response.json()) as never };
}

/** The events of an SSE body: `event` (or `message`) and parsed `data`. */
function eventsOf(text: string): { event: string; data: Record<string, unknown> }[] {
  return text
    .split('\n\n')
    .filter((block) => block.trim() !== '')
    .map((block) => {
      const lines = block.split('\n');
      const event = lines.find((line) => line.startsWith('event: '))?.slice(7) ?? 'message';
      const data = lines.find((line) => line.startsWith('data: '))?.slice(6) ?? '';
      return { event, data: JSON.parse(data) as Record<string, unknown> };
    });
}

const conversation: Conversation = {
  system: ['You are terse.'],
  turns: [
    { role: 'user', text: 'Name a colour.' },
    { role: 'assistant', text: 'Teal.' },
    { role: 'user', text: 'Another one, please.' },
  ],
};
const request = {
  model: 'gpt-4o-mini',
  prompt: 'Another one, please.',
  system_prompt: 'You are terse.',
  history: [
    { role: 'user', content: 'Name a colour.' },
    { role: 'assistant', content: 'Teal.' },
  ],
  parameters: { max_tokens: 64, temperature: 0.5, top_p: 0.9, stop_sequences: ['\n\n\n'] },
};

describe('POST /llm/v1/completions (spec 1.3)', () => {
  it('answers the spec’s success envelope, field for field, with provider defaulting to openai', async () => {
    const { status, json } = await post({
      ...request,
      user_id: system.userId,
      workspace_id: system.workspaceId.toUpperCase(),
      request_id: 'spec-req-1',
    });
    const expected = composeReply(conversation, { maxTokens: 64 });
    expect(status).toBe(200);
    expect(Object.keys(json)).toEqual(['status', 'request_id', 'provider_response']);
    expect(json).toEqual({
      status: 'success',
      request_id: 'spec-req-1',
      provider_response: {
        id: expect.any(String),
        choices: [{ index: 0, text: expected.text, finish_reason: 'stop', provider_finish_reason: 'stop' }],
        usage: {
          prompt_tokens: expected.promptTokens,
          completion_tokens: expected.completionTokens,
          total_tokens: expected.promptTokens + expected.completionTokens,
        },
        model: 'gpt-4o-mini',
        provider: 'openai',
        fallback_used: false,
      },
    });
    const [sent] = system.simulator.requests();
    expect(sent?.provider).toBe('openai');
    expect(sent?.body).toMatchObject({
      max_completion_tokens: 64,
      temperature: 0.5,
      top_p: 0.9,
      stop: ['\n\n\n'],
    });
  });

  it('mirrors x-request-id when the body names no request_id, and passes provider-specific parameters', async () => {
    const { json } = await post(
      { provider: 'claude', model: 'claude-haiku-4-5', prompt: 'hi', parameters: { top_k: 40 } },
      { headers: { 'x-request-id': 'from-header-1' } },
    );
    expect(json).toMatchObject({ status: 'success', request_id: 'from-header-1' });
    // No max_tokens: Claude takes the model's default from the catalog instead of being refused.
    expect(system.simulator.requests()[0]?.body).toMatchObject({ top_k: 40, max_tokens: 1024 });
  });

  it.each([
    ['claude', 'claude-sonnet-4-5', 'anthropic', 'end_turn'],
    ['gemini', 'gemini-2.5-flash', 'gemini', 'STOP'],
  ])(
    'streams %s as server-sent events: deltas, then the envelope',
    async (provider, model, stored, providerFinish) => {
      const response = await fetch(url(), {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${system.token}` },
        // Claude takes temperature or top_p, not both.
        body: JSON.stringify({
          ...request,
          parameters: { max_tokens: 64, temperature: 0.5 },
          provider,
          model,
          stream: true,
          request_id: `stream-${provider}`,
        }),
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
      const events = eventsOf(await response.text());
      const deltas = events.filter((event) => event.event === 'delta');
      const results = events.filter((event) => event.event === 'result');
      const expected = composeReply(conversation, { maxTokens: 64 });
      expect(deltas.length).toBeGreaterThan(1);
      expect(deltas.map((event) => event.data['text']).join('')).toBe(expected.text);
      expect(results).toHaveLength(1);
      expect(events.at(-1)?.event).toBe('result');
      expect(results[0]?.data).toEqual({
        status: 'success',
        request_id: `stream-${provider}`,
        provider_response: {
          id: expect.any(String),
          choices: [
            { index: 0, text: expected.text, finish_reason: 'stop', provider_finish_reason: providerFinish },
          ],
          usage: {
            prompt_tokens: expected.promptTokens,
            completion_tokens: expected.completionTokens,
            total_tokens: expected.promptTokens + expected.completionTokens,
          },
          model,
          provider,
          fallback_used: false,
        },
      });
      expect(system.simulator.requests()[0]?.provider).toBe(stored);
    },
  );

  describe('the error envelope, for each error code', () => {
    const expectError = (
      answer: Awaited<ReturnType<typeof post>>,
      status: number,
      code: string,
      message: RegExp = /./,
    ) => {
      expect(answer.status).toBe(status);
      expect(answer.json).toMatchObject({ status: 'error', request_id: expect.any(String), error: { code } });
      expect(Object.keys(answer.json)).toEqual(['status', 'request_id', 'error']);
      expect(answer.json.error).toMatchObject({ message: expect.stringMatching(message) });
    };

    it('INVALID_REQUEST (400) for a request the spec does not allow, before any provider call', async () => {
      expectError(await post({ model: 'gpt-4o-mini' }), 400, 'INVALID_REQUEST', /prompt/);
      expectError(await post({ prompt: 'hi', provider: 'mistral' }), 400, 'INVALID_REQUEST', /provider/);
      expectError(await post({ prompt: 'hi', sytem_prompt: 'typo' }), 400, 'INVALID_REQUEST', /sytem_prompt/);
      expectError(await post('{"prompt": "hi"'), 400, 'INVALID_REQUEST', /not valid JSON/);
      expectError(
        await post({ provider: 'claude', prompt: 'hi', parameters: { temperature: 1.5 } }),
        400,
        'INVALID_REQUEST',
        /between 0 and 1/,
      );
      expect(system.simulator.requests()).toEqual([]);
    });

    it('UNAUTHENTICATED (401) without a valid JWT', async () => {
      expectError(await post(request, { token: null }), 401, 'UNAUTHENTICATED');
      expectError(await post(request, { token: 'not-a-jwt' }), 401, 'UNAUTHENTICATED');
    });

    it('FORBIDDEN (403) when the body names another user or workspace than the JWT, nothing sent', async () => {
      expectError(await post({ ...request, workspace_id: randomUUID() }), 403, 'FORBIDDEN', /workspace_id/);
      expectError(await post({ ...request, user_id: randomUUID() }), 403, 'FORBIDDEN', /user_id/);
      expect(system.simulator.requests()).toEqual([]);
    });

    it('NOT_FOUND (404) for a path or method that is not a route', async () => {
      const response = await fetch(`${system.gatewayUrl}/llm/v1/completion`, {
        method: 'POST',
        headers: { authorization: `Bearer ${system.token}` },
      });
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ status: 'error', error: { code: 'NOT_FOUND' } });
      const get = await fetch(url(), { headers: { authorization: `Bearer ${system.token}` } });
      expect(get.status).toBe(404);
    });

    it('RATE_LIMITED (429, Retry-After) when the provider asks for longer than the gateway waits', async () => {
      system.simulator.injectFault({ provider: 'openai', status: 429, retryAfterSeconds: 60 });
      const answer = await post(request);
      expectError(answer, 429, 'RATE_LIMITED');
      expect(answer.headers.get('retry-after')).toBe('60');
      expect(answer.json.error).toMatchObject({
        retry_after_seconds: 60,
        provider_error: { provider: 'openai', status: 429 },
      });
    });

    it('QUOTA_EXCEEDED (429) when the workspace quota cannot hold the call', async () => {
      const token = await system.tokenFor(randomUUID());
      await postGraphQL(
        system.gatewayUrl,
        'mutation { setLlmQuota(input: { period: DAY, maxTokens: 10 }) { maxTokens } }',
        {
          token,
        },
      );
      expectError(await post(request, { token }), 429, 'QUOTA_EXCEEDED');
    });

    it('PROVIDER_API_ERROR (502) when the provider keeps failing', async () => {
      system.simulator.injectFault({ provider: 'openai', status: 500, times: 2 });
      const answer = await post(request);
      expectError(answer, 502, 'PROVIDER_API_ERROR');
      expect(answer.json.error).toMatchObject({ provider_error: { provider: 'openai', status: 500 } });
    });

    it('PROVIDER_UNAVAILABLE (503) when the provider is overloaded', async () => {
      system.simulator.injectFault({ provider: 'anthropic', status: 529, times: 2 });
      expectError(
        await post({
          ...request,
          provider: 'claude',
          model: 'claude-haiku-4-5',
          parameters: { max_tokens: 8 },
        }),
        503,
        'PROVIDER_UNAVAILABLE',
      );
    });

    it('INTERNAL (500) when the workspace’s own key cannot be opened', async () => {
      const workspaceKey = `sk-proj-spec-${randomBytes(12).toString('hex')}`;
      system.simulator.addKey('openai', workspaceKey);
      const owner = randomUUID();
      await postGraphQL(
        system.gatewayUrl,
        'mutation { setWorkspaceProviderKey(provider: OPENAI, apiKey: "' + workspaceKey + '") { lastFour } }',
        { token: await system.tokenFor(owner) },
      );
      // The ciphertext copied into another workspace's row: bound to its owner, it does not open there.
      const other = randomUUID();
      await sql`insert into llm.workspace_provider_keys (workspace_id, provider, ciphertext, key_id, last_four, created_by)
        select ${other}, provider, ciphertext, key_id, last_four, created_by from llm.workspace_provider_keys
        where workspace_id = ${owner}`;
      expectError(
        await post(request, { token: await system.tokenFor(other) }),
        500,
        'INTERNAL',
        /cannot be decrypted/,
      );
    });

    it('a streamed request refused before the provider answers is a plain error envelope, not a stream', async () => {
      const answer = await post({ ...request, stream: true, provider: 'gemini', parameters: { top_p: 3 } });
      expectError(answer, 400, 'INVALID_REQUEST', /topP/);
      expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
    });
  });
});

describe('both doors in llmUsage and the ledger, like GraphQL', () => {
  it('reports every call of the spec door, the OpenAI door and GraphQL with the tokens each answered', async () => {
    const workspaceId = randomUUID();
    const userId = randomUUID();
    const token = await system.tokenFor(workspaceId, userId);
    const from = new Date(Date.now() - 60_000).toISOString();
    const openai = new OpenAI({ apiKey: token, baseURL: `${system.gatewayUrl}/llm/openai/v1` });
    const used: { provider: string; model: string; prompt: number; completion: number }[] = [];
    const usageOf = (json: Record<string, unknown>) =>
      (json['provider_response'] as { usage: { prompt_tokens: number; completion_tokens: number } }).usage;

    const spec = await post({ prompt: 'Spec door, plain', parameters: { max_tokens: 20 } }, { token });
    used.push({
      provider: 'OPENAI',
      model: 'gpt-4o-mini',
      prompt: usageOf(spec.json).prompt_tokens,
      completion: usageOf(spec.json).completion_tokens,
    });
    const streamed = await fetch(url(), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ provider: 'gemini', prompt: 'Spec door, streamed', stream: true }),
    });
    const result = eventsOf(await streamed.text()).find((event) => event.event === 'result');
    used.push({
      provider: 'GEMINI',
      model: 'gemini-2.5-flash',
      prompt: usageOf(result?.data ?? {}).prompt_tokens,
      completion: usageOf(result?.data ?? {}).completion_tokens,
    });
    const chat = await openai.chat.completions.create({
      model: 'claude-haiku-4-5',
      messages: [{ role: 'user', content: 'OpenAI door, plain' }],
    });
    used.push({
      provider: 'CLAUDE',
      model: 'claude-haiku-4-5',
      prompt: chat.usage?.prompt_tokens ?? -1,
      completion: chat.usage?.completion_tokens ?? -1,
    });
    const stream = await openai.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'OpenAI door, streamed' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    let streamUsage: OpenAI.CompletionUsage | undefined;
    for await (const chunk of stream) streamUsage = chunk.usage ?? streamUsage;
    used.push({
      provider: 'OPENAI',
      model: 'gpt-4o-mini',
      prompt: streamUsage?.prompt_tokens ?? -1,
      completion: streamUsage?.completion_tokens ?? -1,
    });
    const embedding = await openai.embeddings.create({
      model: 'text-embedding-3-small',
      input: 'OpenAI door, embedded',
    });
    used.push({
      provider: 'OPENAI',
      model: 'text-embedding-3-small',
      prompt: embedding.usage.prompt_tokens,
      completion: 0,
    });
    const graphql = await postGraphQL<{
      createCompletion: { providerResponse: { usage: { promptTokens: number; completionTokens: number } } };
    }>(
      system.gatewayUrl,
      'mutation { createCompletion(input: { prompt: "GraphQL door" }) { providerResponse { usage { promptTokens completionTokens } } } }',
      { token },
    );
    const graphqlUsage = graphql.body.data?.createCompletion.providerResponse.usage;
    used.push({
      provider: 'OPENAI',
      model: 'gpt-4o-mini',
      prompt: graphqlUsage?.promptTokens ?? -1,
      completion: graphqlUsage?.completionTokens ?? -1,
    });

    await ledgerSettled(sql, workspaceId);
    const report = await postGraphQL<{
      llmUsage: {
        requests: number;
        totalTokens: number;
        groups: {
          provider: string;
          model: string;
          userId: string;
          requests: number;
          errors: number;
          promptTokens: number;
          completionTokens: number;
        }[];
      };
    }>(
      system.gatewayUrl,
      'query ($from: DateTime!, $to: DateTime!) { llmUsage(from: $from, to: $to) { requests totalTokens groups { provider model userId requests errors promptTokens completionTokens } } }',
      { token, variables: { from, to: new Date(Date.now() + 60_000).toISOString() } },
    );
    const expectedGroups = new Map<string, { requests: number; prompt: number; completion: number }>();
    for (const call of used) {
      const key = `${call.provider}/${call.model}`;
      const group = expectedGroups.get(key) ?? { requests: 0, prompt: 0, completion: 0 };
      expectedGroups.set(key, {
        requests: group.requests + 1,
        prompt: group.prompt + call.prompt,
        completion: group.completion + call.completion,
      });
    }
    const usage = report.body.data?.llmUsage;
    expect(usage?.requests).toBe(6);
    expect(usage?.totalTokens).toBe(used.reduce((sum, call) => sum + call.prompt + call.completion, 0));
    expect(
      Object.fromEntries((usage?.groups ?? []).map((group) => [`${group.provider}/${group.model}`, group])),
    ).toEqual(
      Object.fromEntries(
        [...expectedGroups].map(([key, group]) => [
          key,
          {
            provider: key.split('/')[0],
            model: key.split('/')[1],
            userId,
            requests: group.requests,
            errors: 0,
            promptTokens: group.prompt,
            completionTokens: group.completion,
          },
        ]),
      ),
    );
    for (const call of used) expect(call.prompt).toBeGreaterThan(0);
  });
});
