import { randomBytes, randomUUID } from 'node:crypto';
import { findPlaintext } from '@ionflux/testing/database';
import { postGraphQL } from '@ionflux/testing/http';
import { type LlmSystemUnderTest, ledgerSettled, startLlmSystem } from '@ionflux/testing/system';
import postgres from 'postgres';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

let system: LlmSystemUnderTest;
const workspaceKey = `sk-proj-workspace-${randomBytes(16).toString('hex')}`;
const responses: string[] = [];
beforeAll(async () => {
  system = await startLlmSystem();
  system.simulator.addKey('openai', workspaceKey);
});
afterAll(async () => {
  await system?.stop();
});
beforeEach(() => {
  system.simulator.clearRequests();
});

async function gql<Data>(query: string, variables: Record<string, unknown> = {}, token = system.token) {
  const response = await postGraphQL<Data>(system.gatewayUrl, query, { token, variables });
  responses.push(JSON.stringify(response.body));
  return response.body;
}

const SET_KEY = /* GraphQL */ `
  mutation Set($provider: LlmProviderId!, $apiKey: String!) {
    setWorkspaceProviderKey(provider: $provider, apiKey: $apiKey) { provider lastFour updatedAt }
  }
`;
const COMPLETE = /* GraphQL */ `
  mutation { createCompletion(input: { prompt: "hi", parameters: { maxTokens: 8 } }) { status } }
`;

describe('workspace provider keys', () => {
  it('checks a key with the provider, stores it and returns only its last four characters', async () => {
    const body = await gql<{ setWorkspaceProviderKey: Record<string, unknown> }>(SET_KEY, {
      provider: 'OPENAI',
      apiKey: workspaceKey,
    });
    expect(body.errors).toBeUndefined();
    expect(body.data?.setWorkspaceProviderKey).toEqual({
      provider: 'OPENAI',
      lastFour: workspaceKey.slice(-4),
      updatedAt: expect.any(String),
    });
    const [check] = system.simulator.requests();
    expect(check).toMatchObject({ method: 'GET', path: '/v1/models', keyLast4: workspaceKey.slice(-4) });
  });

  it('sends the workspace key instead of the central key for that workspace only', async () => {
    await gql(COMPLETE);
    const other = await system.tokenFor(randomUUID());
    await gql(COMPLETE, {}, other);
    expect(system.simulator.requests().map((request) => request.keyLast4)).toEqual([
      workspaceKey.slice(-4),
      system.centralKeys.openai.slice(-4),
    ]);
  });

  it('lists the key as the workspace’s, by its last four characters', async () => {
    const body = await gql<{ llmProviders: { id: string; usable: boolean; workspaceKey: unknown }[] }>(
      '{ llmProviders { id usable workspaceKey { provider lastFour } } }',
    );
    expect(body.data?.llmProviders.find((provider) => provider.id === 'OPENAI')).toEqual({
      id: 'OPENAI',
      usable: true,
      workspaceKey: { provider: 'OPENAI', lastFour: workspaceKey.slice(-4) },
    });
  });

  it('refuses a key the provider rejects and keeps the one stored', async () => {
    const body = await gql(SET_KEY, {
      provider: 'OPENAI',
      apiKey: `sk-wrong-${randomBytes(8).toString('hex')}`,
    });
    expect(body.errors?.[0]?.extensions?.['code']).toBe('INTEGRATION_AUTH_INVALID');
    await gql(COMPLETE);
    expect(system.simulator.requests().at(-1)?.keyLast4).toBe(workspaceKey.slice(-4));
  });

  it('keeps the key only as ciphertext bound to its row: no column of any table holds it', async () => {
    expect(await findPlaintext(system.databaseUrl, [workspaceKey])).toEqual([]);
    const sql = postgres(system.databaseUrl, { max: 1, onnotice: () => {} });
    try {
      const rows = await sql<{ key_id: string; last_four: string; bytes: number }[]>`
        select key_id, last_four, length(ciphertext) as bytes from llm.workspace_provider_keys
        where workspace_id = ${system.workspaceId}`;
      expect(rows).toEqual([
        { key_id: 'ktest', last_four: workspaceKey.slice(-4), bytes: expect.any(Number) },
      ]);
      await ledgerSettled(sql, system.workspaceId);
      const ledger = await sql<{ key_source: string }[]>`
        select key_source from llm.usage_ledger where workspace_id = ${system.workspaceId}`;
      expect(ledger.map((row) => row.key_source)).toContain('workspace');
    } finally {
      await sql.end();
    }
  });

  it('removes the key, after which the central key serves the workspace again', async () => {
    const removed = await gql<{ removeWorkspaceProviderKey: boolean }>(
      'mutation { removeWorkspaceProviderKey(provider: OPENAI) }',
    );
    expect(removed.data?.removeWorkspaceProviderKey).toBe(true);
    await gql(COMPLETE);
    expect(system.simulator.requests().at(-1)?.keyLast4).toBe(system.centralKeys.openai.slice(-4));
    const again = await gql<{ removeWorkspaceProviderKey: boolean }>(
      'mutation { removeWorkspaceProviderKey(provider: OPENAI) }',
    );
    expect(again.data?.removeWorkspaceProviderKey).toBe(false);
  });

  it('does not open a ciphertext copied into another workspace’s row, and never falls back to the central key', async () => {
    await gql(SET_KEY, { provider: 'OPENAI', apiKey: workspaceKey });
    const otherWorkspace = randomUUID();
    const sql = postgres(system.databaseUrl, { max: 1, onnotice: () => {} });
    try {
      await sql`insert into llm.workspace_provider_keys (workspace_id, provider, ciphertext, key_id, last_four, created_by)
        select ${otherWorkspace}, provider, ciphertext, key_id, last_four, created_by from llm.workspace_provider_keys
        where workspace_id = ${system.workspaceId}`;
    } finally {
      await sql.end();
    }
    system.simulator.clearRequests();
    const body = await gql<{
      createCompletion: { status: string; error: { code: string; message: string } };
    }>(
      'mutation { createCompletion(input: { prompt: "hi", parameters: { maxTokens: 8 } }) { status error { code message } } }',
      {},
      await system.tokenFor(otherWorkspace),
    );
    expect(body.data?.createCompletion).toEqual({
      status: 'ERROR',
      error: { code: 'INTERNAL', message: expect.stringMatching(/cannot be decrypted/) },
    });
    expect(system.simulator.requests()).toEqual([]);
  });

  it('never returns or logs the key', () => {
    const everything = responses.join('\n') + system.logs();
    expect(everything).not.toContain(workspaceKey);
    expect(everything).not.toContain(system.centralKeys.openai);
  });
});
