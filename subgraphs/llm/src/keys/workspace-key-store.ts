import { randomUUID } from 'node:crypto';
import { workspaceProviderKeys, workspaceProviderKeysEncryption } from '@ionflux/drizzle/llm';
import { type CredentialCipher, contextFor } from '@ionflux/kit/crypto';
import type { Database, Sql } from '@ionflux/kit/db';
import { and, eq, sql } from 'drizzle-orm';
import type { StoredProvider } from '../providers/stored-provider.ts';

export interface StoredKeySummary {
  provider: StoredProvider;
  lastFour: string;
  updatedAt: Date;
}

/**
 * Seals and stores a workspace's key (AES-256-GCM, AAD bound to the row and workspace), replacing any
 * earlier one. A replacement gets a new row id, so the old ciphertext cannot be replayed into it.
 */
export async function saveWorkspaceKey(
  db: Database,
  cipher: CredentialCipher,
  input: { workspaceId: string; userId: string; provider: StoredProvider; apiKey: string },
): Promise<StoredKeySummary> {
  const id = randomUUID();
  const sealed = cipher.seal(
    input.apiKey,
    contextFor(workspaceProviderKeysEncryption, 'apiKey', { rowId: id, workspaceId: input.workspaceId }),
  );
  const values = {
    id,
    workspaceId: input.workspaceId,
    provider: input.provider,
    ciphertext: sealed.ciphertext,
    keyId: sealed.keyId,
    lastFour: input.apiKey.slice(-4),
    createdBy: input.userId,
  };
  const [row] = await db
    .insert(workspaceProviderKeys)
    .values(values)
    .onConflictDoUpdate({
      target: [workspaceProviderKeys.workspaceId, workspaceProviderKeys.provider],
      set: { ...values, updatedAt: sql`now()` },
    })
    .returning({ lastFour: workspaceProviderKeys.lastFour, updatedAt: workspaceProviderKeys.updatedAt });
  if (!row) throw new Error('storing the workspace key returned no row');
  return { provider: input.provider, ...row };
}

export async function deleteWorkspaceKey(
  db: Database,
  workspaceId: string,
  provider: StoredProvider,
): Promise<boolean> {
  const deleted = await db
    .delete(workspaceProviderKeys)
    .where(
      and(eq(workspaceProviderKeys.workspaceId, workspaceId), eq(workspaceProviderKeys.provider, provider)),
    )
    .returning({ id: workspaceProviderKeys.id });
  return deleted.length > 0;
}

/**
 * The workspace's key in plaintext, for one request: the caller keeps it in a local and drops it when
 * the call ends. `undefined` when the workspace has none. Plain SQL: it runs on every request.
 */
export async function openWorkspaceKey(
  sql: Sql,
  cipher: CredentialCipher,
  workspaceId: string,
  provider: StoredProvider,
): Promise<string | undefined> {
  const [row] = await sql<{ id: string; ciphertext: Buffer; key_id: string }[]>`
    select id, ciphertext, key_id from llm.workspace_provider_keys
    where workspace_id = ${workspaceId} and provider = ${provider}`;
  if (!row) return undefined;
  return openSealedKey(cipher, workspaceId, { id: row.id, ciphertext: row.ciphertext, keyId: row.key_id });
}

/** Opens a stored key row read elsewhere (the hot path reads it beside the quota reservation). */
export function openSealedKey(
  cipher: CredentialCipher,
  workspaceId: string,
  row: { id: string; ciphertext: Buffer; keyId: string },
): string {
  return cipher.open(
    { ciphertext: row.ciphertext, keyId: row.keyId },
    contextFor(workspaceProviderKeysEncryption, 'apiKey', { rowId: row.id, workspaceId }),
  );
}
