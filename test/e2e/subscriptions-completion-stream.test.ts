import { composeReply } from '@ionflux/sandbox/llm';
import {
  connectWs,
  eventually,
  type Subscription,
  subscribeSse,
  subscribeWs,
} from '@ionflux/testing/subscriptions';
import { type LlmSystemUnderTest, startLlmSystem } from '@ionflux/testing/system';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let system: LlmSystemUnderTest;
beforeAll(async () => {
  system = await startLlmSystem();
});
afterAll(async () => {
  await system?.stop();
});

const STREAM = /* GraphQL */ `
  subscription Stream($input: CompletionInput!) {
    completionStream(input: $input) {
      requestId provider delta done finishReason
      usage { promptTokens completionTokens totalTokens }
      error { code message }
    }
  }
`;

interface Chunk {
  requestId: string;
  delta: string;
  done: boolean;
  finishReason: string | null;
  usage: { promptTokens: number; completionTokens: number; totalTokens: number } | null;
  error: unknown;
}

async function chunksOf(subscription: Subscription): Promise<Chunk[]> {
  const ended = await subscription.ended;
  if (ended !== undefined) throw new Error(`the stream failed: ${JSON.stringify(ended)}`);
  return subscription.results.map((result) => {
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return (result.data as { completionStream: Chunk }).completionStream;
  });
}

function expectDeltasThenUsage(chunks: Chunk[], requestId: string, prompt: string) {
  const expected = composeReply({ system: [], turns: [{ role: 'user', text: prompt }] }, { maxTokens: 40 });
  const deltas = chunks.filter((chunk) => !chunk.done);
  expect(deltas.length).toBeGreaterThan(1);
  expect(deltas.map((chunk) => chunk.delta).join('')).toBe(expected.text);
  expect(chunks.at(-1)).toMatchObject({
    requestId,
    done: true,
    finishReason: 'stop',
    error: null,
    usage: {
      promptTokens: expected.promptTokens,
      completionTokens: expected.completionTokens,
      totalTokens: expected.promptTokens + expected.completionTokens,
    },
  });
}

describe('completionStream through the gateway', () => {
  it('streams deltas and a final usage chunk over graphql-ws', async () => {
    const client = connectWs(system.gatewayUrl, system.token);
    try {
      const prompt = 'Stream me a reply through the gateway';
      const requestId = 'gateway-ws-stream';
      const subscription = subscribeWs(client, STREAM, {
        input: { provider: 'OPENAI', prompt, parameters: { maxTokens: 40 }, requestId },
      });
      expectDeltasThenUsage(await chunksOf(subscription), requestId, prompt);
    } finally {
      await client.dispose();
    }
  });

  it('never shares a per-call stream: two identical calls each get their whole completion', async () => {
    const prompt = 'The same prompt twice at once';
    const input = { provider: 'GEMINI', prompt, parameters: { maxTokens: 40 }, requestId: 'same-call' };
    system.simulator.setStreamChunkDelay(30);
    const clients = [
      connectWs(system.gatewayUrl, system.token),
      connectWs(system.gatewayUrl, await system.tokenFor(system.workspaceId)),
    ];
    try {
      const [first, second] = clients.map((client) => subscribeWs(client, STREAM, { input })) as [
        Subscription,
        Subscription,
      ];
      await eventually(
        () => system.gateway.subscriptions.stats().subscribers === 2,
        5000,
        'both subscribers',
      );
      expect(system.gateway.subscriptions.stats().upstreamSubscriptions).toBe(2);
      expectDeltasThenUsage(await chunksOf(first), 'same-call', prompt);
      expectDeltasThenUsage(await chunksOf(second), 'same-call', prompt);
    } finally {
      system.simulator.setStreamChunkDelay(0);
      await Promise.all(clients.map((client) => client.dispose()));
    }
  });

  it('streams deltas and a final usage chunk over SSE', async () => {
    const prompt = 'Stream me a reply over server-sent events';
    const requestId = 'gateway-sse-stream';
    const subscription = subscribeSse(system.gatewayUrl, system.token, STREAM, {
      input: { provider: 'CLAUDE', prompt, parameters: { maxTokens: 40 }, requestId },
    });
    expectDeltasThenUsage(await chunksOf(subscription), requestId, prompt);
  });
});
