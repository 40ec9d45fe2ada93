import { ApiError, GoogleGenAI } from '@google/genai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { embeddingVector } from '../core/embedding.ts';
import { type LlmSimulator, startLlmSimulator } from '../llm-simulator.ts';

const KEYS = { openai: 'sk-sandbox-openai', anthropic: 'sk-ant-sandbox', gemini: 'AIza-sandbox' };
let sim: LlmSimulator;
let client: GoogleGenAI;

beforeAll(async () => {
  sim = await startLlmSimulator({ apiKeys: KEYS });
  client = new GoogleGenAI({ apiKey: KEYS.gemini, httpOptions: { baseUrl: sim.geminiBaseUrl } });
});
afterAll(() => sim.close());
beforeEach(() => {
  sim.clearFaults();
  sim.clearRequests();
});

describe('models/{model}:generateContent through @google/genai', () => {
  it('answers a candidate derived from the prompt with usage that adds up', async () => {
    const response = await client.models.generateContent({
      model: 'gemini-2.5-flash',
      contents: 'Name three colours',
      config: { systemInstruction: 'You are terse.' },
    });
    expect(response.text).toMatch(/^Sandbox reply [0-9a-f]{12}: Name three colours$/);
    expect(response.candidates?.[0]?.finishReason).toBe('STOP');
    const usage = response.usageMetadata;
    expect((usage?.promptTokenCount ?? 0) + (usage?.candidatesTokenCount ?? 0)).toBe(usage?.totalTokenCount);
    expect(sim.requests()[0]?.path).toBe('/v1/models/gemini-2.5-flash:generateContent');
  });

  it('reports MAX_TOKENS when maxOutputTokens cuts the reply', async () => {
    const response = await client.models.generateContent({
      model: 'gemini-2.5-flash',
      contents: 'one two three four',
      config: { maxOutputTokens: 2 },
    });
    expect(response.candidates?.[0]?.finishReason).toBe('MAX_TOKENS');
    expect(response.usageMetadata?.candidatesTokenCount).toBe(2);
  });

  it('streams chunks over SSE whose text joins into the full reply', async () => {
    const stream = await client.models.generateContentStream({
      model: 'gemini-2.5-flash',
      contents: 'a prompt long enough to need several streamed chunks of text',
    });
    const texts: string[] = [];
    let finishReason: string | undefined;
    for await (const chunk of stream) {
      texts.push(chunk.text ?? '');
      finishReason = chunk.candidates?.[0]?.finishReason ?? finishReason;
    }
    expect(texts.length).toBeGreaterThan(1);
    expect(texts.join('')).toMatch(/: a prompt long enough to need several streamed chunks of text$/);
    expect(finishReason).toBe('STOP');
    expect(sim.requests()[0]?.path).toBe('/v1/models/gemini-2.5-flash:streamGenerateContent');
  });

  it('embeds through :batchEmbedContents with the requested dimensionality', async () => {
    const response = await client.models.embedContent({
      model: 'gemini-embedding-001',
      contents: ['red dress', 'blue shoes'],
      config: { outputDimensionality: 16 },
    });
    expect(response.embeddings).toHaveLength(2);
    expect(response.embeddings?.[0]?.values).toEqual(embeddingVector('red dress', 16));
  });

  it('serves :embedContent with the key as a query parameter', async () => {
    const response = await fetch(
      `${sim.geminiBaseUrl}/v1beta/models/text-embedding-004:embedContent?key=${KEYS.gemini}`,
      {
        method: 'POST',
        body: JSON.stringify({ content: { parts: [{ text: 'hello' }] } }),
      },
    );
    const body = (await response.json()) as { embedding: { values: number[] } };
    expect(body.embedding.values).toHaveLength(768);
  });
});

describe('Gemini errors', () => {
  it('raises an error from the stream when a chunk carries an error', async () => {
    sim.injectFault({ provider: 'gemini', streamErrorAfter: 1 });
    const stream = await client.models.generateContentStream({
      model: 'gemini-2.5-flash',
      contents: 'a prompt long enough to need several streamed chunks of text',
    });
    const consume = async () => {
      for await (const _chunk of stream) {
        // drain
      }
    };
    await expect(consume()).rejects.toThrow(/overloaded/);
  });

  it('raises ApiError 400 API_KEY_INVALID for a bad key', async () => {
    const bad = new GoogleGenAI({ apiKey: 'AIza-wrong', httpOptions: { baseUrl: sim.geminiBaseUrl } });
    const error = await bad.models
      .generateContent({ model: 'gemini-2.5-flash', contents: 'x' })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(400);
    expect((error as ApiError).message).toContain('API_KEY_INVALID');
  });

  it('raises ApiError 429 RESOURCE_EXHAUSTED for an injected rate limit, with Retry-After', async () => {
    sim.injectFault({ provider: 'gemini', status: 429, retryAfterSeconds: 5 });
    const raw = await fetch(`${sim.geminiBaseUrl}/v1beta/models/gemini-2.5-flash:generateContent`, {
      method: 'POST',
      headers: { 'x-goog-api-key': KEYS.gemini },
      body: JSON.stringify({ contents: [{ parts: [{ text: 'x' }] }] }),
    });
    expect(raw.status).toBe(429);
    expect(raw.headers.get('retry-after')).toBe('5');
    expect(await raw.json()).toMatchObject({ error: { code: 429, status: 'RESOURCE_EXHAUSTED' } });
    sim.injectFault({ provider: 'gemini', status: 503 });
    const error = await client.models
      .generateContent({ model: 'gemini-2.5-flash', contents: 'x' })
      .catch((caught: unknown) => caught);
    expect((error as ApiError).status).toBe(503);
  });

  it('answers SAFETY with no content when the prompt holds the trigger word', async () => {
    const response = await client.models.generateContent({
      model: 'gemini-2.5-flash',
      contents: 'SANDBOX_CONTENT_FILTER',
    });
    expect(response.candidates?.[0]?.finishReason).toBe('SAFETY');
    expect(response.text).toBeUndefined();
  });
});
