import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { conversationDigest } from '../core/conversation.ts';
import { CONTENT_FILTER_TRIGGER } from '../core/reply.ts';
import { type LlmSimulator, startLlmSimulator } from '../llm-simulator.ts';

const KEYS = { openai: 'sk-sandbox-openai', anthropic: 'sk-ant-sandbox', gemini: 'AIza-sandbox' };
let sim: LlmSimulator;
let client: OpenAI;

beforeAll(async () => {
  sim = await startLlmSimulator({ apiKeys: KEYS, now: () => new Date('2026-11-25T10:00:00Z') });
  client = new OpenAI({ apiKey: KEYS.openai, baseURL: sim.openaiBaseUrl, maxRetries: 0 });
});
afterAll(() => sim.close());
beforeEach(() => {
  sim.clearFaults();
  sim.clearRequests();
});

describe('POST /v1/chat/completions through the openai SDK', () => {
  it('answers with a reply derived from the prompt and usage that adds up', async () => {
    const completion = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [
        { role: 'system', content: 'You are terse.' },
        { role: 'user', content: 'Summarise the spring drop' },
      ],
    });
    const digest = conversationDigest({
      system: ['You are terse.'],
      turns: [{ role: 'user', text: 'Summarise the spring drop' }],
    });
    expect(completion.object).toBe('chat.completion');
    expect(completion.created).toBe(Date.parse('2026-11-25T10:00:00Z') / 1000);
    expect(completion.choices[0]?.message.content).toBe(`Sandbox reply ${digest}: Summarise the spring drop`);
    expect(completion.choices[0]?.finish_reason).toBe('stop');
    const usage = completion.usage;
    expect(usage?.prompt_tokens).toBeGreaterThan(0);
    expect((usage?.prompt_tokens ?? 0) + (usage?.completion_tokens ?? 0)).toBe(usage?.total_tokens);
  });

  it('cuts the reply at max_completion_tokens with finish_reason length', async () => {
    const completion = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'a long question with many words in it' }],
      max_completion_tokens: 3,
    });
    expect(completion.choices[0]?.finish_reason).toBe('length');
    expect(completion.usage?.completion_tokens).toBe(3);
  });

  it('stops before a stop sequence and honours the deprecated max_tokens', async () => {
    const completion = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'alpha STOP beta' }],
      stop: ['STOP'],
      max_tokens: 100,
    });
    expect(completion.choices[0]?.message.content).toMatch(/: alpha $/);
    expect(completion.choices[0]?.finish_reason).toBe('stop');
  });

  it('answers content_filter when the prompt holds the trigger word', async () => {
    const completion = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: `please ${CONTENT_FILTER_TRIGGER}` }],
    });
    expect(completion.choices[0]?.finish_reason).toBe('content_filter');
    expect(completion.usage?.completion_tokens).toBe(0);
  });

  it('streams token chunks, then a usage chunk with no choices, then [DONE]', async () => {
    const stream = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'stream this please' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    const finishReasons: string[] = [];
    let usage: OpenAI.CompletionUsage | null | undefined;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      const finish = chunk.choices[0]?.finish_reason;
      if (finish) finishReasons.push(finish);
      if (chunk.usage) {
        expect(chunk.choices).toEqual([]);
        usage = chunk.usage;
      }
    }
    expect(text).toMatch(/^Sandbox reply [0-9a-f]{12}: stream this please$/);
    expect(finishReasons).toEqual(['stop']);
    expect(usage?.completion_tokens).toBeGreaterThan(1);
    expect((usage?.prompt_tokens ?? 0) + (usage?.completion_tokens ?? 0)).toBe(usage?.total_tokens);
  });

  it('ends a stream without [DONE] when a truncation fault is injected', async () => {
    sim.injectFault({ provider: 'openai', truncateStreamAfter: 2 });
    const response = await fetch(`${sim.openaiBaseUrl}/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${KEYS.openai}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        model: 'gpt-4o-mini',
        stream: true,
        messages: [{ role: 'user', content: 'hi there' }],
      }),
    });
    const body = await response.text();
    expect(body).not.toContain('[DONE]');
    expect(body).not.toContain('"finish_reason":"stop"');
  });
});

describe('stream faults and pacing', () => {
  it('raises an APIError from the stream when a mid-stream error is injected', async () => {
    sim.injectFault({ provider: 'openai', streamErrorAfter: 3 });
    const stream = await client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'a reply long enough to break' }],
      stream: true,
    });
    const received: string[] = [];
    const consume = async () => {
      for await (const chunk of stream) received.push(chunk.choices[0]?.delta.content ?? '');
    };
    await expect(consume()).rejects.toBeInstanceOf(OpenAI.APIError);
    expect(received.length).toBe(4);
  });

  it('spaces chunks by the configured delay', async () => {
    sim.setStreamChunkDelay(15);
    try {
      const started = Date.now();
      const stream = await client.chat.completions.create({
        model: 'gpt-4o-mini',
        messages: [{ role: 'user', content: 'slow' }],
        stream: true,
      });
      for await (const _chunk of stream) {
        // drain
      }
      expect(Date.now() - started).toBeGreaterThanOrEqual(15 * 5);
    } finally {
      sim.setStreamChunkDelay(0);
    }
  });
});

describe('POST /v1/embeddings through the openai SDK', () => {
  it('returns deterministic unit vectors (the SDK asks for base64 and decodes it)', async () => {
    const first = await client.embeddings.create({
      model: 'text-embedding-3-small',
      input: ['red dress', 'blue shoes'],
    });
    const again = await client.embeddings.create({ model: 'text-embedding-3-small', input: 'red dress' });
    expect(first.data).toHaveLength(2);
    const vector = first.data[0]?.embedding ?? [];
    expect(vector).toHaveLength(1536);
    expect(again.data[0]?.embedding).toEqual(vector);
    expect(Math.hypot(...vector)).toBeCloseTo(1, 5);
    expect(first.usage.prompt_tokens).toBe(first.usage.total_tokens);
  });

  it('honours dimensions and answers floats when asked', async () => {
    const result = await client.embeddings.create({
      model: 'text-embedding-3-large',
      input: 'hello',
      dimensions: 8,
      encoding_format: 'float',
    });
    expect(result.data[0]?.embedding).toHaveLength(8);
  });

  it('refuses dimensions on text-embedding-ada-002 with a 400', async () => {
    await expect(
      client.embeddings.create({ model: 'text-embedding-ada-002', input: 'x', dimensions: 8 }),
    ).rejects.toBeInstanceOf(OpenAI.BadRequestError);
  });
});

describe('GET /v1/models', () => {
  it('lists the models', async () => {
    const ids: string[] = [];
    for await (const model of client.models.list()) ids.push(model.id);
    expect(ids).toContain('gpt-4o-mini');
  });
});

describe('OpenAI errors', () => {
  it('raises AuthenticationError for an unknown key, with the invalid_api_key body', async () => {
    const bad = new OpenAI({ apiKey: 'sk-wrong-key-1234', baseURL: sim.openaiBaseUrl, maxRetries: 0 });
    const error = await bad.models.list().then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(OpenAI.AuthenticationError);
    expect((error as InstanceType<typeof OpenAI.AuthenticationError>).code).toBe('invalid_api_key');
  });

  it('raises RateLimitError for an injected 429 with retry-after and x-ratelimit headers', async () => {
    sim.injectFault({ provider: 'openai', status: 429, retryAfterSeconds: 7 });
    const error = (await client.chat.completions
      .create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] })
      .catch((caught: unknown) => caught)) as InstanceType<typeof OpenAI.RateLimitError>;
    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    expect(error.code).toBe('rate_limit_exceeded');
    expect(error.headers?.get('retry-after')).toBe('7');
    expect(error.headers?.get('x-ratelimit-remaining-requests')).toBe('0');
    expect(error.headers?.get('x-ratelimit-reset-requests')).toBe('7s');
  });

  it('raises insufficient_quota for an out-of-quota key, and the SDK does not retry it', async () => {
    sim.addKey('openai', 'sk-workspace-broke', { quotaExhausted: true });
    const retrying = new OpenAI({ apiKey: 'sk-workspace-broke', baseURL: sim.openaiBaseUrl, maxRetries: 2 });
    const error = (await retrying.chat.completions
      .create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] })
      .catch((caught: unknown) => caught)) as InstanceType<typeof OpenAI.RateLimitError>;
    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    expect(error.type).toBe('insufficient_quota');
    expect(error.code).toBe('insufficient_quota');
    expect(sim.requests()).toHaveLength(1);
  });

  it('raises InternalServerError for injected 500 and 503, and the SDK retries them', async () => {
    sim.injectFault({ provider: 'openai', status: 500 });
    sim.injectFault({ provider: 'openai', status: 503, retryAfterSeconds: 0 });
    const retrying = new OpenAI({ apiKey: KEYS.openai, baseURL: sim.openaiBaseUrl, maxRetries: 2 });
    const completion = await retrying.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'hi' }],
    });
    expect(completion.choices[0]?.finish_reason).toBe('stop');
    expect(sim.requests().map((request) => request.status)).toEqual([500, 503, 200]);
  });

  it('answers 404 model_not_found for a model outside OpenAI naming', async () => {
    await expect(
      client.chat.completions.create({ model: 'llama-3', messages: [{ role: 'user', content: 'hi' }] }),
    ).rejects.toBeInstanceOf(OpenAI.NotFoundError);
  });

  it('surfaces a dropped connection as APIConnectionError', async () => {
    sim.injectFault({ provider: 'openai', drop: true });
    await expect(client.models.list()).rejects.toBeInstanceOf(OpenAI.APIConnectionError);
  });
});
