import { CONTENT_FILTER_TRIGGER, type Conversation, composeReply } from '@ionflux/sandbox/llm';
import { postGraphQL } from '@ionflux/testing/http';
import { type LlmSystemUnderTest, ledgerSettled, startLlmSystem } from '@ionflux/testing/system';
import postgres from 'postgres';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

let system: LlmSystemUnderTest;
beforeAll(async () => {
  system = await startLlmSystem();
});
afterAll(async () => {
  await system?.stop();
});
beforeEach(() => {
  system.simulator.clearRequests();
});

const COMPLETE = /* GraphQL */ `
  mutation Complete($input: CompletionInput!) {
    createCompletion(input: $input) {
      status requestId provider model fallbackUsed
      providerResponse {
        id model
        choices { index text finishReason providerFinishReason }
        usage { promptTokens completionTokens totalTokens }
      }
      error { code message retryAfterSeconds providerError { provider status type code message raw } }
    }
  }
`;

interface Result {
  status: string;
  requestId: string;
  provider: string;
  model: string;
  providerResponse: {
    id: string;
    choices: { text: string; finishReason: string; providerFinishReason: string }[];
    usage: { promptTokens: number; completionTokens: number; totalTokens: number };
  } | null;
  error: { code: string; message: string } | null;
}

async function complete(input: Record<string, unknown>, token = system.token): Promise<Result> {
  const { body } = await postGraphQL<{ createCompletion: Result }>(system.gatewayUrl, COMPLETE, {
    token,
    variables: { input },
  });
  expect(body.errors).toBeUndefined();
  const result = body.data?.createCompletion;
  if (!result) throw new Error('no createCompletion in the response');
  return result;
}

const conversation: Conversation = {
  system: ['You are terse.'],
  turns: [
    { role: 'user', text: 'Name a colour.' },
    { role: 'assistant', text: 'Teal.' },
    { role: 'user', text: 'Another one, please.' },
  ],
};
const input = {
  systemPrompt: 'You are terse.',
  history: [
    { role: 'USER', content: 'Name a colour.' },
    { role: 'ASSISTANT', content: 'Teal.' },
  ],
  prompt: 'Another one, please.',
  parameters: { maxTokens: 64, temperature: 0.5, topP: 0.9 },
};

describe('createCompletion through the gateway', () => {
  it.each([
    ['OPENAI', 'gpt-4o-mini', 'stop'],
    ['CLAUDE', 'claude-haiku-4-5', 'end_turn'],
    ['GEMINI', 'gemini-2.5-flash', 'STOP'],
  ])('answers with %s, with the usage the provider reported', async (provider, model, providerFinish) => {
    const parameters = provider === 'CLAUDE' ? { maxTokens: 64, temperature: 0.5 } : input.parameters;
    const result = await complete({ ...input, parameters, provider, model, requestId: `req-${provider}` });
    const expected = composeReply(conversation, { maxTokens: 64 });
    expect(result).toMatchObject({
      status: 'SUCCESS',
      requestId: `req-${provider}`,
      provider,
      model,
      error: null,
    });
    expect(result.providerResponse?.choices).toEqual([
      { index: 0, text: expected.text, finishReason: 'stop', providerFinishReason: providerFinish },
    ]);
    expect(result.providerResponse?.usage).toEqual({
      promptTokens: expected.promptTokens,
      completionTokens: expected.completionTokens,
      totalTokens: expected.promptTokens + expected.completionTokens,
    });
    const [sent] = system.simulator.requests();
    expect(sent?.keyLast4).toBe(
      system.centralKeys[
        provider === 'OPENAI' ? 'openai' : provider === 'CLAUDE' ? 'anthropic' : 'gemini'
      ].slice(-4),
    );
  });

  it('maps parameters and roles into each provider’s own fields', async () => {
    const stopSequences = ['\n\n'];
    await complete({ ...input, provider: 'OPENAI', parameters: { ...input.parameters, stopSequences } });
    await complete({
      ...input,
      provider: 'CLAUDE',
      parameters: { maxTokens: 64, temperature: 0.5, stopSequences },
    });
    await complete({ ...input, provider: 'GEMINI', parameters: { ...input.parameters, stopSequences } });
    const [openai, anthropic, gemini] = system.simulator.requests().map((request) => request.body);
    expect(openai).toMatchObject({
      model: 'gpt-4o-mini',
      messages: [
        { role: 'system', content: 'You are terse.' },
        { role: 'user', content: 'Name a colour.' },
        { role: 'assistant', content: 'Teal.' },
        { role: 'user', content: 'Another one, please.' },
      ],
      max_completion_tokens: 64,
      temperature: 0.5,
      top_p: 0.9,
      stop: stopSequences,
    });
    expect(anthropic).toMatchObject({
      system: 'You are terse.',
      max_tokens: 64,
      temperature: 0.5,
      stop_sequences: stopSequences,
      messages: [
        { role: 'user', content: 'Name a colour.' },
        { role: 'assistant', content: 'Teal.' },
        { role: 'user', content: 'Another one, please.' },
      ],
    });
    expect(gemini).toMatchObject({
      systemInstruction: { parts: [{ text: 'You are terse.' }] },
      contents: [
        { role: 'user', parts: [{ text: 'Name a colour.' }] },
        { role: 'model', parts: [{ text: 'Teal.' }] },
        { role: 'user', parts: [{ text: 'Another one, please.' }] },
      ],
      generationConfig: { maxOutputTokens: 64, temperature: 0.5, topP: 0.9, stopSequences },
    });
  });

  it.each([
    ['OPENAI', 'length', 'length'],
    ['CLAUDE', 'length', 'max_tokens'],
    ['GEMINI', 'length', 'MAX_TOKENS'],
  ])('maps %s stopping at maxTokens to %s', async (provider, finish, providerFinish) => {
    const result = await complete({
      provider,
      prompt: 'A long answer, please',
      parameters: { maxTokens: 3 },
    });
    expect(result.providerResponse?.choices[0]).toMatchObject({
      finishReason: finish,
      providerFinishReason: providerFinish,
    });
    expect(result.providerResponse?.usage.completionTokens).toBe(3);
  });

  it.each([
    ['OPENAI', 'content_filter'],
    ['CLAUDE', 'refusal'],
    ['GEMINI', 'SAFETY'],
  ])('maps a %s content filter verdict to content_filter', async (provider, providerFinish) => {
    const result = await complete({
      provider,
      prompt: `Tell me ${CONTENT_FILTER_TRIGGER}`,
      parameters: { maxTokens: 20 },
    });
    expect(result.providerResponse?.choices[0]).toMatchObject({
      finishReason: 'content_filter',
      providerFinishReason: providerFinish,
    });
  });

  it('passes allowed provider-specific parameters through', async () => {
    await complete({
      provider: 'CLAUDE',
      prompt: 'hi',
      parameters: { maxTokens: 10, extra: [{ name: 'top_k', value: '40' }] },
    });
    expect(system.simulator.requests()[0]?.body).toMatchObject({ top_k: 40 });
  });

  it.each([
    ['CLAUDE', 'claude-sonnet-4-5', 'max_tokens'],
    ['OPENAI', 'gpt-4o-mini', 'max_completion_tokens'],
    ['GEMINI', 'gemini-2.5-flash', 'maxOutputTokens'],
  ])(
    'sends %s without maxTokens the model’s default output limit from the catalog (issue 16)',
    async (provider, model, field) => {
      const result = await complete({ provider, model, prompt: 'hi' });
      expect(result.status).toBe('SUCCESS');
      const body = system.simulator.requests()[0]?.body as Record<string, unknown> & {
        generationConfig?: Record<string, unknown>;
      };
      // LLM_DEFAULT_MAX_TOKENS (1024), below each of these models' own cap.
      expect(provider === 'GEMINI' ? body.generationConfig?.[field] : body[field]).toBe(1024);
    },
  );

  it.each([
    [
      'OpenAI with five stop sequences',
      { provider: 'OPENAI', prompt: 'hi', parameters: { stopSequences: ['a', 'b', 'c', 'd', 'e'] } },
      /at most 4 stop sequences/,
    ],
    [
      'Claude with temperature 1.5',
      { provider: 'CLAUDE', prompt: 'hi', parameters: { maxTokens: 5, temperature: 1.5 } },
      /between 0 and 1/,
    ],
    [
      'a temperature above 2',
      { provider: 'OPENAI', prompt: 'hi', parameters: { temperature: 2.5 } },
      /between 0 and 2/,
    ],
    [
      'topP above 1',
      { provider: 'GEMINI', prompt: 'hi', parameters: { topP: 1.5 } },
      /topP must be between 0 and 1/,
    ],
    ['an empty prompt', { provider: 'OPENAI', prompt: '  ' }, /prompt must not be empty/],
    [
      'an extra that would override the model',
      { provider: 'OPENAI', prompt: 'hi', parameters: { extra: [{ name: 'model', value: '"gpt-4o"' }] } },
      /does not accept "model"/,
    ],
  ])('refuses %s with INVALID_REQUEST before any provider call', async (_name, bad, message) => {
    const result = await complete(bad);
    expect(result.status).toBe('ERROR');
    expect(result.error?.code).toBe('INVALID_REQUEST');
    expect(result.error?.message).toMatch(message);
    expect(system.simulator.requests()).toEqual([]);
  });

  it('maps a model the provider does not serve (404) to INVALID_REQUEST with the provider’s error', async () => {
    const result = await complete({ provider: 'OPENAI', model: 'not-a-model', prompt: 'hi' });
    expect(result.error).toMatchObject({ code: 'INVALID_REQUEST' });
  });
});

describe('llmProviders with the central keys configured', () => {
  it('lists every provider as usable through its central key', async () => {
    const { body } = await postGraphQL<{
      llmProviders: { id: string; usable: boolean; centralKeyConfigured: boolean }[];
    }>(system.gatewayUrl, '{ llmProviders { id usable centralKeyConfigured workspaceKey { lastFour } } }', {
      token: system.token,
    });
    expect(body.data?.llmProviders).toEqual([
      { id: 'OPENAI', usable: true, centralKeyConfigured: true, workspaceKey: null },
      { id: 'CLAUDE', usable: true, centralKeyConfigured: true, workspaceKey: null },
      { id: 'GEMINI', usable: true, centralKeyConfigured: true, workspaceKey: null },
    ]);
  });
});

describe('createEmbedding through the gateway', () => {
  const EMBED = /* GraphQL */ `
    mutation Embed($input: EmbeddingInput!) {
      createEmbedding(input: $input) {
        status requestId provider model
        embeddings { index vector }
        usage { promptTokens totalTokens }
        error { code message }
      }
    }
  `;

  it.each([
    ['OPENAI', 'text-embedding-3-small', 1536],
    ['GEMINI', 'gemini-embedding-001', 3072],
  ])('embeds with %s', async (provider, model, dimensions) => {
    const { body } = await postGraphQL<{ createEmbedding: Record<string, unknown> }>(
      system.gatewayUrl,
      EMBED,
      {
        token: system.token,
        variables: { input: { provider, input: ['red shoes', 'blue hat'] } },
      },
    );
    const result = body.data?.createEmbedding as {
      status: string;
      model: string;
      embeddings: { index: number; vector: number[] }[];
      usage: { totalTokens: number };
    };
    expect(result.status).toBe('SUCCESS');
    expect(result.model).toBe(model);
    expect(result.embeddings.map((e) => [e.index, e.vector.length])).toEqual([
      [0, dimensions],
      [1, dimensions],
    ]);
    expect(result.usage.totalTokens).toBeGreaterThan(0);
  });

  it('ledgers embeddings like completions', async () => {
    const sql = postgres(system.databaseUrl, { max: 1, onnotice: () => {} });
    try {
      await ledgerSettled(sql, system.workspaceId);
      const rows = await sql<{ provider: string; operation: string; status: string; total_tokens: number }[]>`
        select provider, operation, status, total_tokens from llm.usage_ledger
        where workspace_id = ${system.workspaceId} and operation = 'embedding' order by provider::text`;
      expect(rows.map(({ provider, status }) => [provider, status])).toEqual([
        ['gemini', 'success'],
        ['openai', 'success'],
      ]);
      expect(rows.every((row) => row.total_tokens > 0)).toBe(true);
    } finally {
      await sql.end();
    }
  });

  it('refuses Claude, which has no embeddings API', async () => {
    const { body } = await postGraphQL<{ createEmbedding: { error: { code: string } } }>(
      system.gatewayUrl,
      EMBED,
      {
        token: system.token,
        variables: { input: { provider: 'CLAUDE', input: ['x'] } },
      },
    );
    expect(body.data?.createEmbedding.error.code).toBe('INVALID_REQUEST');
  });
});
