import Anthropic from '@anthropic-ai/sdk';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { conversationDigest } from '../core/conversation.ts';
import { type LlmSimulator, startLlmSimulator } from '../llm-simulator.ts';

const KEYS = { openai: 'sk-sandbox-openai', anthropic: 'sk-ant-sandbox', gemini: 'AIza-sandbox' };
let sim: LlmSimulator;
let client: Anthropic;

beforeAll(async () => {
  sim = await startLlmSimulator({ apiKeys: KEYS });
  client = new Anthropic({ apiKey: KEYS.anthropic, baseURL: sim.anthropicBaseUrl, maxRetries: 0 });
});
afterAll(() => sim.close());
beforeEach(() => {
  sim.clearFaults();
  sim.clearRequests();
});

describe('POST /v1/messages through @anthropic-ai/sdk', () => {
  it('answers a Message whose text is derived from the prompt', async () => {
    const message = await client.messages.create({
      model: 'claude-sonnet-4-6',
      max_tokens: 256,
      system: 'You are terse.',
      messages: [{ role: 'user', content: 'Hi there' }],
    });
    const digest = conversationDigest({
      system: ['You are terse.'],
      turns: [{ role: 'user', text: 'Hi there' }],
    });
    expect(message.content).toEqual([{ type: 'text', text: `Sandbox reply ${digest}: Hi there` }]);
    expect(message.stop_reason).toBe('end_turn');
    expect(message.stop_sequence).toBeNull();
    expect(message.usage.input_tokens).toBeGreaterThan(0);
    expect(message.usage.output_tokens).toBe(8);
  });

  it('reports stop_sequence and max_tokens', async () => {
    const stopped = await client.messages.create({
      model: 'claude-sonnet-4-6',
      max_tokens: 256,
      stop_sequences: ['END'],
      messages: [{ role: 'user', content: 'one two END three' }],
    });
    expect(stopped.stop_reason).toBe('stop_sequence');
    expect(stopped.stop_sequence).toBe('END');
    const cut = await client.messages.create({
      model: 'claude-sonnet-4-6',
      max_tokens: 2,
      messages: [{ role: 'user', content: 'one two three' }],
    });
    expect(cut.stop_reason).toBe('max_tokens');
    expect(cut.usage.output_tokens).toBe(2);
  });

  it('streams message_start, the content block, message_delta and message_stop in order', async () => {
    const response = await fetch(`${sim.anthropicBaseUrl}/v1/messages`, {
      method: 'POST',
      headers: {
        'x-api-key': KEYS.anthropic,
        'anthropic-version': '2023-06-01',
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        model: 'claude-haiku-4-5',
        max_tokens: 64,
        stream: true,
        messages: [{ role: 'user', content: 'Hi' }],
      }),
    });
    const events = [...(await response.text()).matchAll(/^event: (\w+)$/gm)].map((match) => match[1]);
    const distinct = events.filter((event, index) => event !== events[index - 1]);
    expect(distinct).toEqual([
      'message_start',
      'content_block_start',
      'ping',
      'content_block_delta',
      'content_block_stop',
      'message_delta',
      'message_stop',
    ]);
  });

  it('lets the SDK stream and assemble the final message with cumulative usage', async () => {
    const stream = client.messages.stream({
      model: 'claude-sonnet-4-6',
      max_tokens: 64,
      messages: [{ role: 'user', content: 'stream me' }],
    });
    let text = '';
    stream.on('text', (delta) => {
      text += delta;
    });
    const final = await stream.finalMessage();
    expect(text).toMatch(/: stream me$/);
    expect(final.content[0]).toEqual({ type: 'text', text });
    expect(final.stop_reason).toBe('end_turn');
    expect(final.usage.output_tokens).toBeGreaterThan(1);
  });
});

describe('count_tokens and models', () => {
  it('counts the input tokens a message would bill, equal to its usage.input_tokens', async () => {
    const request = {
      model: 'claude-sonnet-4-6',
      messages: [{ role: 'user' as const, content: 'count me in' }],
    };
    const counted = await client.messages.countTokens(request);
    const message = await client.messages.create({ ...request, max_tokens: 16 });
    expect(counted.input_tokens).toBe(message.usage.input_tokens);
    const ids: string[] = [];
    for await (const model of client.models.list()) ids.push(model.id);
    expect(ids).toContain('claude-sonnet-4-6');
  });
});

describe('Anthropic errors', () => {
  it('raises the overloaded error sent as an `error` event after the 200', async () => {
    sim.injectFault({ provider: 'anthropic', streamErrorAfter: 2 });
    const stream = client.messages.stream({
      model: 'claude-sonnet-4-6',
      max_tokens: 64,
      messages: [{ role: 'user', content: 'stream then fail' }],
    });
    const error = await stream.finalMessage().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Anthropic.APIError);
    expect(String(error)).toContain('overloaded_error');
  });

  it('raises AuthenticationError for a bad key', async () => {
    const bad = new Anthropic({ apiKey: 'sk-ant-wrong', baseURL: sim.anthropicBaseUrl, maxRetries: 0 });
    const error = await bad.messages
      .create({ model: 'claude-sonnet-4-6', max_tokens: 8, messages: [{ role: 'user', content: 'x' }] })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Anthropic.AuthenticationError);
    expect((error as InstanceType<typeof Anthropic.AuthenticationError>).type).toBe('authentication_error');
  });

  it('raises an InternalServerError of type overloaded_error for an injected 529', async () => {
    sim.injectFault({ provider: 'anthropic', status: 529 });
    const error = (await client.messages
      .create({ model: 'claude-sonnet-4-6', max_tokens: 8, messages: [{ role: 'user', content: 'x' }] })
      .catch((caught: unknown) => caught)) as InstanceType<typeof Anthropic.InternalServerError>;
    expect(error).toBeInstanceOf(Anthropic.InternalServerError);
    expect(error.status).toBe(529);
    expect(error.type).toBe('overloaded_error');
    expect(error.requestID).toMatch(/^req_/);
  });

  it('raises RateLimitError for an injected 429 with retry-after', async () => {
    sim.injectFault({ provider: 'anthropic', status: 429, retryAfterSeconds: 3 });
    const error = (await client.messages
      .create({ model: 'claude-sonnet-4-6', max_tokens: 8, messages: [{ role: 'user', content: 'x' }] })
      .catch((caught: unknown) => caught)) as InstanceType<typeof Anthropic.RateLimitError>;
    expect(error).toBeInstanceOf(Anthropic.RateLimitError);
    expect(error.headers?.get('retry-after')).toBe('3');
    expect(error.headers?.get('anthropic-ratelimit-requests-remaining')).toBe('0');
  });

  it('refuses a request without anthropic-version or max_tokens with invalid_request_error', async () => {
    const noVersion = await fetch(`${sim.anthropicBaseUrl}/v1/messages`, {
      method: 'POST',
      headers: { 'x-api-key': KEYS.anthropic, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'claude-sonnet-4-6', max_tokens: 8, messages: [] }),
    });
    expect(noVersion.status).toBe(400);
    expect(await noVersion.json()).toMatchObject({ type: 'error', error: { type: 'invalid_request_error' } });
    const noMax = await fetch(`${sim.anthropicBaseUrl}/v1/messages`, {
      method: 'POST',
      headers: { 'x-api-key': KEYS.anthropic, 'anthropic-version': '2023-06-01' },
      body: JSON.stringify({ model: 'claude-sonnet-4-6', messages: [] }),
    });
    expect(await noMax.json()).toMatchObject({ error: { message: 'max_tokens: Field required' } });
  });

  it('refuses an out-of-credit key with the credit balance message', async () => {
    sim.addKey('anthropic', 'sk-ant-broke', { quotaExhausted: true });
    const broke = new Anthropic({ apiKey: 'sk-ant-broke', baseURL: sim.anthropicBaseUrl, maxRetries: 0 });
    const error = await broke.messages
      .create({ model: 'claude-sonnet-4-6', max_tokens: 8, messages: [{ role: 'user', content: 'x' }] })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Anthropic.BadRequestError);
    expect(String(error)).toContain('credit balance is too low');
  });
});
