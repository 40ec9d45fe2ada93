import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LlmSimulator, startLlmSimulator } from '../llm-simulator.ts';

let sim: LlmSimulator;

beforeAll(async () => {
  sim = await startLlmSimulator({ apiKeys: { openai: 'sk-a', anthropic: 'sk-b', gemini: 'sk-c' } });
});
afterAll(() => sim.close());

async function control(method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${sim.url}/_control${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

function listModels(key: string): Promise<Response> {
  return fetch(`${sim.openaiBaseUrl}/models`, { headers: { authorization: `Bearer ${key}` } });
}

describe('/_control', () => {
  it('registers a workspace key over HTTP, then a quota-exhausted one, then removes it', async () => {
    expect((await listModels('sk-workspace')).status).toBe(401);
    expect((await control('POST', '/keys', { provider: 'openai', key: 'sk-workspace' })).status).toBe(201);
    expect((await listModels('sk-workspace')).status).toBe(200);
    await control('POST', '/keys', { provider: 'openai', key: 'sk-workspace', quotaExhausted: true });
    const refused = await listModels('sk-workspace');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('x-should-retry')).toBe('false');
    await control('DELETE', '/keys', { provider: 'openai', key: 'sk-workspace' });
    expect((await listModels('sk-workspace')).status).toBe(401);
  });

  it('queues faults for the next N requests of one provider, with latency', async () => {
    const queued = await control('POST', '/faults', {
      provider: 'openai',
      status: 500,
      times: 2,
      latencyMs: 20,
    });
    expect(queued.status).toBe(201);
    const started = Date.now();
    expect((await listModels('sk-a')).status).toBe(500);
    expect(Date.now() - started).toBeGreaterThanOrEqual(15);
    expect((await listModels('sk-a')).status).toBe(500);
    expect((await listModels('sk-a')).status).toBe(200);
    expect(await (await control('GET', '/faults')).json()).toEqual({ faults: [] });
  });

  it('accepts any unregistered key when started with acceptAnyKey, but still refuses a missing one', async () => {
    const open = await startLlmSimulator({
      apiKeys: { openai: 'a', anthropic: 'b', gemini: 'c' },
      acceptAnyKey: true,
    });
    try {
      const ok = await fetch(`${open.openaiBaseUrl}/models`, {
        headers: { authorization: 'Bearer sk-anything' },
      });
      expect(ok.status).toBe(200);
      expect((await fetch(`${open.openaiBaseUrl}/models`)).status).toBe(401);
    } finally {
      await open.close();
    }
  });

  it('rejects a malformed fault with 400', async () => {
    expect((await control('POST', '/faults', { provider: 'mistral' })).status).toBe(400);
  });

  it('logs each request with its provider, status, key suffix and body', async () => {
    await control('DELETE', '/requests');
    await fetch(`${sim.openaiBaseUrl}/embeddings`, {
      method: 'POST',
      headers: { authorization: 'Bearer sk-a', 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'text-embedding-3-small', input: 'hi' }),
    });
    const { requests } = (await (await control('GET', '/requests')).json()) as { requests: unknown[] };
    expect(requests).toEqual([
      expect.objectContaining({
        provider: 'openai',
        path: '/v1/embeddings',
        status: 200,
        keyLast4: 'sk-a',
        model: 'text-embedding-3-small',
        stream: false,
        body: { model: 'text-embedding-3-small', input: 'hi' },
      }),
    ]);
  });
});
