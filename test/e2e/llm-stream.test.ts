import { randomUUID } from 'node:crypto';
import { createIdentitySigner, IDENTITY_HEADER } from '@ionflux/kit/identity';
import { composeReply } from '@ionflux/sandbox/llm';
import { type LlmSystemUnderTest, startLlmSystem } from '@ionflux/testing/system';
import { type Client, createClient } from 'graphql-ws';
import postgres from 'postgres';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';

let system: LlmSystemUnderTest;
let sql: postgres.Sql;
const workspaceId = randomUUID();
beforeAll(async () => {
  system = await startLlmSystem();
  sql = postgres(system.databaseUrl, { max: 1, onnotice: () => {} });
});
afterAll(async () => {
  await sql?.end();
  await system?.stop();
});
beforeEach(() => {
  system.simulator.clearFaults();
  system.simulator.setStreamChunkDelay(0);
});

const STREAM = /* GraphQL */ `
  subscription Stream($input: CompletionInput!) {
    completionStream(input: $input) {
      requestId provider model delta done finishReason
      usage { promptTokens completionTokens totalTokens }
      error { code message providerError { status type } }
    }
  }
`;

interface Chunk {
  requestId: string;
  delta: string;
  done: boolean;
  finishReason: string | null;
  usage: { promptTokens: number; completionTokens: number; totalTokens: number } | null;
  error: { code: string; message: string } | null;
}

/** A graphql-ws client straight to the subgraph, carrying an identity signed as the gateway signs it. */
async function connect(identity?: string): Promise<Client> {
  const signed =
    identity ??
    createIdentitySigner(system.internalSecret).sign(
      {
        workspaceId,
        userId: randomUUID(),
        requestId: randomUUID(),
      },
      'llm',
    );
  return createClient({
    url: system.subgraphs.llm.graphqlUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: { [IDENTITY_HEADER]: signed },
    retryAttempts: 0,
    lazy: true,
  });
}

async function collect(client: Client, input: Record<string, unknown>): Promise<Chunk[]> {
  const chunks: Chunk[] = [];
  await new Promise<void>((resolve, reject) => {
    client.subscribe<{ completionStream: Chunk }>(
      { query: STREAM, variables: { input } },
      {
        next: (result) => {
          if (result.errors) reject(new Error(JSON.stringify(result.errors)));
          else if (result.data) chunks.push(result.data.completionStream);
        },
        error: reject,
        complete: resolve,
      },
    );
  });
  return chunks;
}

async function ledgerRow(requestId: string) {
  for (let i = 0; i < 50; i++) {
    const [row] = await sql<
      { status: string; operation: string; total_tokens: number; error_code: string | null }[]
    >`
      select status, operation, total_tokens, error_code from llm.usage_ledger
      where request_id = ${requestId} and finished_at is not null`;
    if (row) return row;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return undefined;
}

describe('completionStream over graphql-ws on the subgraph', () => {
  it.each(['OPENAI', 'CLAUDE', 'GEMINI'])(
    'streams %s deltas, then a final chunk with finish reason and usage',
    async (provider) => {
      const client = await connect();
      try {
        const requestId = `stream-${provider}`;
        const chunks = await collect(client, {
          provider,
          prompt: 'Stream me a reply',
          parameters: { maxTokens: 40 },
          requestId,
        });
        const expected = composeReply(
          { system: [], turns: [{ role: 'user', text: 'Stream me a reply' }] },
          { maxTokens: 40 },
        );
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
        expect(await ledgerRow(requestId)).toEqual({
          status: 'success',
          operation: 'stream',
          total_tokens: expected.promptTokens + expected.completionTokens,
          error_code: null,
        });
      } finally {
        await client.dispose();
      }
    },
  );

  it('ends a stream the provider cut off with a PROVIDER_API_ERROR chunk, not a short success', async () => {
    system.simulator.injectFault({ provider: 'openai', truncateStreamAfter: 2 });
    const client = await connect();
    try {
      const chunks = await collect(client, {
        prompt: 'Cut me off',
        parameters: { maxTokens: 40 },
        requestId: 'cut-off',
      });
      expect(chunks.at(-1)).toMatchObject({ done: true, error: { code: 'PROVIDER_API_ERROR' } });
      expect((await ledgerRow('cut-off'))?.error_code).toBe('PROVIDER_API_ERROR');
    } finally {
      await client.dispose();
    }
  });

  it('passes on an error the provider sends mid-stream', async () => {
    system.simulator.injectFault({ provider: 'anthropic', streamErrorAfter: 2 });
    const client = await connect();
    try {
      const chunks = await collect(client, {
        provider: 'CLAUDE',
        prompt: 'Fail midway',
        parameters: { maxTokens: 40 },
      });
      expect(chunks.at(-1)?.done).toBe(true);
      expect(chunks.at(-1)?.error?.code).toMatch(/PROVIDER_(API_ERROR|UNAVAILABLE)/);
    } finally {
      await client.dispose();
    }
  });

  it('cancels the provider stream when the subscriber leaves, and ledgers it as cancelled', async () => {
    system.simulator.setStreamChunkDelay(100);
    const client = await connect();
    try {
      const started = Date.now();
      await new Promise<void>((resolve, reject) => {
        const unsubscribe = client.subscribe<{ completionStream: Chunk }>(
          {
            query: STREAM,
            variables: {
              input: { prompt: 'A slow stream', parameters: { maxTokens: 40 }, requestId: 'walked-away' },
            },
          },
          {
            next: () => {
              unsubscribe();
              resolve();
            },
            error: reject,
            complete: () => {},
          },
        );
      });
      const row = await ledgerRow('walked-away');
      expect(row).toMatchObject({ status: 'cancelled', operation: 'stream' });
      // The full stream would take about 40 x 100 ms.
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      await client.dispose();
    }
  });

  it('refuses a connection without the gateway-signed identity', async () => {
    const client = await connect('not-a-signed-identity');
    try {
      await expect(collect(client, { prompt: 'hi' })).rejects.toBeDefined();
    } finally {
      await client.dispose();
    }
  });

  it('refuses invalid input with an INVALID_REQUEST chunk before any call', async () => {
    const client = await connect();
    try {
      // Claude without maxTokens is no longer invalid (it takes the model's default, issue 16).
      const chunks = await collect(client, {
        provider: 'CLAUDE',
        prompt: 'too hot',
        parameters: { maxTokens: 8, temperature: 1.5 },
      });
      expect(chunks).toHaveLength(1);
      expect(chunks[0]).toMatchObject({ done: true, error: { code: 'INVALID_REQUEST' } });
    } finally {
      await client.dispose();
    }
  });
});
