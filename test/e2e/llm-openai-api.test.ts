import { randomUUID } from 'node:crypto';
import { type Conversation, composeReply, embeddingVector } from '@ionflux/sandbox/llm';
import { postGraphQL } from '@ionflux/testing/http';
import { type LlmSystemUnderTest, ledgerSettled, startLlmSystem } from '@ionflux/testing/system';
import OpenAI from 'openai';
import postgres from 'postgres';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

// The official `openai` SDK, unchanged but for its base URL and key: the key is the caller's IONFLUX JWT.
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

const clientFor = (token: string) =>
  new OpenAI({ apiKey: token, baseURL: `${system.gatewayUrl}/llm/openai/v1` });

const conversation: Conversation = {
  system: ['You are terse.'],
  turns: [
    { role: 'user', text: 'Name a colour.' },
    { role: 'assistant', text: 'Teal.' },
    { role: 'user', text: 'Another one, please.' },
  ],
};
const messages: OpenAI.ChatCompletionMessageParam[] = [
  { role: 'system', content: 'You are terse.' },
  { role: 'user', content: 'Name a colour.' },
  { role: 'assistant', content: 'Teal.' },
  { role: 'user', content: 'Another one, please.' },
];

const MODELS = [
  ['gpt-4o-mini', 'openai'],
  ['claude-sonnet-4-5', 'anthropic'],
  ['gemini-2.5-flash', 'gemini'],
] as const;

/** The workspace's ledger rows, settled. */
async function ledgerOf(workspaceId: string) {
  await ledgerSettled(sql, workspaceId);
  return sql<
    {
      request_id: string;
      provider: string;
      model: string;
      operation: string;
      status: string;
      error_code: string | null;
      prompt_tokens: number;
      completion_tokens: number;
      total_tokens: number;
    }[]
  >`select request_id, provider, model, operation, status, error_code, prompt_tokens, completion_tokens, total_tokens
    from llm.usage_ledger where workspace_id = ${workspaceId} order by created_at`;
}

describe('the OpenAI-compatible API at /llm/openai/v1, through the official openai SDK', () => {
  it.each(MODELS)('creates a chat completion with %s (no max_tokens given)', async (model, provider) => {
    const workspaceId = randomUUID();
    const openai = clientFor(await system.tokenFor(workspaceId));
    const completion = await openai.chat.completions.create({ model, messages, temperature: 0.5 });
    // Without max_tokens the model's default from the catalog is sent (1024), Claude included.
    const expected = composeReply(conversation, { maxTokens: 1024 });
    expect(completion).toMatchObject({
      object: 'chat.completion',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: expected.text },
          finish_reason: 'stop',
          logprobs: null,
        },
      ],
      usage: {
        prompt_tokens: expected.promptTokens,
        completion_tokens: expected.completionTokens,
        total_tokens: expected.promptTokens + expected.completionTokens,
      },
    });
    expect(completion.id).toEqual(expect.any(String));
    const [sent] = system.simulator.requests();
    expect(sent?.provider).toBe(provider);
    expect(sent?.keyLast4).toBe(system.centralKeys[provider].slice(-4));
    const rows = await ledgerOf(workspaceId);
    expect(rows).toMatchObject([
      {
        provider,
        model,
        operation: 'completion',
        status: 'success',
        prompt_tokens: expected.promptTokens,
        completion_tokens: expected.completionTokens,
      },
    ]);
  });

  it.each(MODELS)(
    'streams %s as OpenAI does: deltas, one finish reason, one final usage chunk, [DONE]',
    async (model, provider) => {
      const workspaceId = randomUUID();
      const openai = clientFor(await system.tokenFor(workspaceId));
      const stream = await openai.chat.completions.create({
        model,
        messages,
        max_tokens: 64,
        stream: true,
        stream_options: { include_usage: true },
      });
      const chunks: OpenAI.ChatCompletionChunk[] = [];
      for await (const chunk of stream) chunks.push(chunk);
      const expected = composeReply(conversation, { maxTokens: 64 });
      const text = chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('');
      expect(text).toBe(expected.text);
      expect(
        chunks.filter((chunk) => chunk.choices.some((choice) => choice.delta.content)).length,
      ).toBeGreaterThan(1);
      expect(chunks[0]?.choices[0]?.delta.role).toBe('assistant');
      const finishes = chunks.flatMap((chunk) =>
        chunk.choices.map((choice) => choice.finish_reason).filter(Boolean),
      );
      expect(finishes).toEqual(['stop']);
      const withUsage = chunks.filter((chunk) => chunk.usage);
      expect(withUsage).toHaveLength(1);
      expect(withUsage[0]).toBe(chunks.at(-1));
      expect(withUsage[0]?.choices).toEqual([]);
      expect(withUsage[0]?.usage).toEqual({
        prompt_tokens: expected.promptTokens,
        completion_tokens: expected.completionTokens,
        total_tokens: expected.promptTokens + expected.completionTokens,
      });
      expect(new Set(chunks.map((chunk) => chunk.id)).size).toBe(1);
      expect(chunks.every((chunk) => chunk.object === 'chat.completion.chunk')).toBe(true);
      const rows = await ledgerOf(workspaceId);
      expect(rows).toMatchObject([
        {
          provider,
          model,
          operation: 'stream',
          status: 'success',
          completion_tokens: expected.completionTokens,
        },
      ]);
    },
  );

  it('lists the models the workspace can use, of every provider', async () => {
    const openai = clientFor(system.token);
    const ids: string[] = [];
    for await (const model of openai.models.list()) {
      expect(model.object).toBe('model');
      ids.push(model.id);
    }
    expect(ids).toEqual(
      expect.arrayContaining([
        'gpt-4o-mini',
        'text-embedding-3-small',
        'claude-sonnet-4-5',
        'gemini-2.5-flash',
        'gemini-embedding-001',
      ]),
    );
  });

  it.each([
    ['text-embedding-3-small', 'openai', 1536],
    ['gemini-embedding-001', 'gemini', 3072],
  ] as const)(
    'embeds with %s, in float and in base64 (the SDK’s default)',
    async (model, provider, dimensions) => {
      const workspaceId = randomUUID();
      const openai = clientFor(await system.tokenFor(workspaceId));
      const input = ['red shoes', 'blue hat'];
      const floats = await openai.embeddings.create({ model, input, encoding_format: 'float' });
      // Without encoding_format the SDK asks for base64 and decodes it.
      const decoded = await openai.embeddings.create({ model, input });
      for (const result of [floats, decoded]) {
        expect(result.object).toBe('list');
        expect(result.data.map((item) => item.index)).toEqual([0, 1]);
        result.data.forEach((item, index) => {
          expect(item.embedding).toHaveLength(dimensions);
          expect(item.embedding).toEqual(embeddingVector(input[index] ?? '', dimensions));
        });
        expect(result.usage.prompt_tokens).toBeGreaterThan(0);
      }
      const sent = system.simulator.requests();
      expect(sent.every((request) => request.provider === provider)).toBe(true);
      const rows = await ledgerOf(workspaceId);
      expect(rows.map((row) => [row.operation, row.status])).toEqual([
        ['embedding', 'success'],
        ['embedding', 'success'],
      ]);
      expect(rows[0]?.prompt_tokens).toBe(floats.usage.prompt_tokens);
    },
  );

  it('refuses embeddings with a Claude model: INVALID_REQUEST (Anthropic has no embeddings API), nothing sent', async () => {
    const openai = clientFor(system.token);
    const error = await openai.embeddings
      .create({ model: 'claude-sonnet-4-5', input: 'hi' })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect((error as InstanceType<typeof OpenAI.APIError>).error).toMatchObject({
      type: 'invalid_request_error',
      code: 'INVALID_REQUEST',
      message: expect.stringMatching(/no embeddings API/),
    });
    expect(system.simulator.requests()).toEqual([]);
  });

  it('addresses a model as provider/model', async () => {
    const openai = clientFor(system.token);
    const completion = await openai.chat.completions.create({
      model: 'anthropic/claude-haiku-4-5',
      messages: [{ role: 'user', content: 'hi' }],
      max_completion_tokens: 8,
    });
    expect(completion.choices[0]?.message.content).toEqual(expect.any(String));
    expect(system.simulator.requests()[0]).toMatchObject({ provider: 'anthropic' });
    expect(system.simulator.requests()[0]?.body).toMatchObject({ model: 'claude-haiku-4-5', max_tokens: 8 });
  });

  describe('errors, in OpenAI’s shape with the unified code', () => {
    const failure = async (call: Promise<unknown>) => {
      const error = await call.catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(OpenAI.APIError);
      return error as InstanceType<typeof OpenAI.APIError>;
    };

    it('401 UNAUTHENTICATED for a key that is not a valid IONFLUX JWT', async () => {
      const error = await failure(
        clientFor('sk-not-a-jwt').chat.completions.create({ model: 'gpt-4o-mini', messages }),
      );
      expect(error.status).toBe(401);
      expect(error.error).toMatchObject({
        type: 'authentication_error',
        code: 'UNAUTHENTICATED',
        param: null,
      });
    });

    it('400 INVALID_REQUEST for an unknown model, naming the param', async () => {
      const error = await failure(
        clientFor(system.token).chat.completions.create({ model: 'mystery-model', messages }),
      );
      expect(error.status).toBe(400);
      expect(error.error).toMatchObject({ code: 'INVALID_REQUEST', param: 'model' });
      expect(system.simulator.requests()).toEqual([]);
    });

    it('400 INVALID_REQUEST for tools (not supported), before any provider call', async () => {
      const error = await failure(
        clientFor(system.token).chat.completions.create({
          model: 'claude-haiku-4-5',
          messages,
          tools: [{ type: 'function', function: { name: 'f', parameters: {} } }],
        }),
      );
      expect(error.status).toBe(400);
      expect(error.error).toMatchObject({ code: 'INVALID_REQUEST', message: expect.stringMatching(/tools/) });
      expect(system.simulator.requests()).toEqual([]);
    });

    it('429 RATE_LIMITED with Retry-After when the provider asks for longer than the gateway waits', async () => {
      system.simulator.injectFault({ provider: 'openai', status: 429, retryAfterSeconds: 60 });
      const error = await failure(
        clientFor(system.token).chat.completions.create(
          { model: 'gpt-4o-mini', messages },
          { maxRetries: 0 },
        ),
      );
      expect(error.status).toBe(429);
      expect(error.headers?.get('retry-after')).toBe('60');
      expect(error.error).toMatchObject({ type: 'rate_limit_error', code: 'RATE_LIMITED' });
    });

    it('502 PROVIDER_API_ERROR, not retried by the SDK (x-should-retry: false)', async () => {
      system.simulator.injectFault({ provider: 'gemini', status: 500, times: 3 });
      const error = await failure(
        clientFor(system.token).chat.completions.create({ model: 'gemini-2.5-flash', messages }),
      );
      expect(error.status).toBe(502);
      expect(error.error).toMatchObject({ type: 'api_error', code: 'PROVIDER_API_ERROR' });
      // The orchestration's own attempts only (LLM_MAX_ATTEMPTS, 3): the SDK did not send it again.
      expect(system.simulator.requests()).toHaveLength(3);
    });

    it('a stream that fails after its first chunk ends with an error event the SDK raises', async () => {
      system.simulator.injectFault({ provider: 'anthropic', streamErrorAfter: 2 });
      const stream = await clientFor(system.token).chat.completions.create({
        model: 'claude-haiku-4-5',
        messages,
        stream: true,
      });
      const error = await (async () => {
        for await (const _chunk of stream) {
          // consumed until the error
        }
      })().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(OpenAI.APIError);
      expect((error as InstanceType<typeof OpenAI.APIError>).error).toMatchObject({
        code: 'PROVIDER_UNAVAILABLE',
      });
    });
  });

  it('reserves the model’s default output limit for a call without max_tokens: a 600-token quota refuses it, and holds it with max_tokens 100', async () => {
    const workspaceId = randomUUID();
    const token = await system.tokenFor(workspaceId);
    const { body } = await postGraphQL(
      system.gatewayUrl,
      'mutation { setLlmQuota(input: { period: DAY, maxTokens: 600 }) { maxTokens } }',
      { token },
    );
    expect(body.errors).toBeUndefined();
    const openai = clientFor(token);
    const short = [{ role: 'user' as const, content: 'hi' }];
    // Worst case: the prompt's estimate plus 1024 (the default sent), over the 600 the quota holds.
    const refused = await openai.chat.completions
      .create({ model: 'claude-haiku-4-5', messages: short })
      .catch((error: unknown) => error as InstanceType<typeof OpenAI.APIError>);
    expect(refused).toBeInstanceOf(OpenAI.APIError);
    expect((refused as InstanceType<typeof OpenAI.APIError>).error).toMatchObject({ code: 'QUOTA_EXCEEDED' });
    expect(system.simulator.requests()).toEqual([]);
    const held = await openai.chat.completions.create({
      model: 'claude-haiku-4-5',
      messages: short,
      max_tokens: 100,
    });
    expect(held.choices[0]?.finish_reason).toBe('stop');
    expect(system.simulator.requests()[0]?.body).toMatchObject({ max_tokens: 100 });
  });

  it('cancels the provider call when the caller goes away: the ledger row is finished as cancelled', async () => {
    const workspaceId = randomUUID();
    const openai = clientFor(await system.tokenFor(workspaceId));
    system.simulator.injectFault({ provider: 'openai', latencyMs: 3000 });
    const controller = new AbortController();
    const call = openai.chat.completions.create(
      { model: 'gpt-4o-mini', messages, max_tokens: 16 },
      { signal: controller.signal },
    );
    setTimeout(() => controller.abort(), 300);
    await expect(call).rejects.toThrow();
    const started = Date.now();
    await ledgerSettled(sql, workspaceId, 2500);
    expect(Date.now() - started).toBeLessThan(2500);
    const rows = await ledgerOf(workspaceId);
    expect(rows.map((row) => row.status)).toEqual(['cancelled']);
  });

  it('counts against the workspace quota like GraphQL: a quota crossed here refuses the next createCompletion', async () => {
    const workspaceId = randomUUID();
    const token = await system.tokenFor(workspaceId);
    const { body } = await postGraphQL<{ setLlmQuota: { maxTokens: number } }>(
      system.gatewayUrl,
      'mutation { setLlmQuota(input: { period: DAY, maxTokens: 300 }) { maxTokens } }',
      { token },
    );
    expect(body.errors).toBeUndefined();
    const openai = clientFor(token);
    // Each reserves its prompt plus 100 output tokens and is charged what it used; each waits for the
    // last one's charge to be settled, so the refusal is the quota's, not a reservation still held.
    const prompt = 'A long answer, please';
    let refused: InstanceType<typeof OpenAI.APIError> | undefined;
    for (let i = 0; i < 20 && !refused; i++) {
      await ledgerSettled(sql, workspaceId);
      await openai.chat.completions
        .create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: prompt }], max_tokens: 100 })
        .catch((error: unknown) => {
          refused = error as InstanceType<typeof OpenAI.APIError>;
        });
    }
    expect(refused?.status).toBe(429);
    expect(refused?.error).toMatchObject({ type: 'insufficient_quota', code: 'QUOTA_EXCEEDED' });
    await ledgerSettled(sql, workspaceId);
    const graphql = await postGraphQL<{
      createCompletion: { status: string; error: { code: string } | null };
    }>(
      system.gatewayUrl,
      `mutation { createCompletion(input: { prompt: "${prompt}", parameters: { maxTokens: 100 } }) { status error { code } } }`,
      { token },
    );
    expect(graphql.body.data?.createCompletion).toEqual({
      status: 'ERROR',
      error: { code: 'QUOTA_EXCEEDED' },
    });
  });
});
