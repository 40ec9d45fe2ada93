import { workspaceSettings } from '@ionflux/drizzle/llm';
import type { Database } from '@ionflux/kit/db';
import { eq, sql } from 'drizzle-orm';
import type { StoredProvider } from '../providers/stored-provider.ts';

export interface Fallback {
  provider: StoredProvider;
  model: string;
}

export async function getFallback(db: Database, workspaceId: string): Promise<Fallback | undefined> {
  const [row] = await db
    .select({ provider: workspaceSettings.fallbackProvider, model: workspaceSettings.fallbackModel })
    .from(workspaceSettings)
    .where(eq(workspaceSettings.workspaceId, workspaceId));
  return row?.provider && row.model ? { provider: row.provider, model: row.model } : undefined;
}

/** Sets the workspace's fallback, or clears it with `undefined`. */
export async function setFallback(
  db: Database,
  workspaceId: string,
  fallback: Fallback | undefined,
): Promise<void> {
  const values = { fallbackProvider: fallback?.provider ?? null, fallbackModel: fallback?.model ?? null };
  await db
    .insert(workspaceSettings)
    .values({ workspaceId, ...values })
    .onConflictDoUpdate({ target: workspaceSettings.workspaceId, set: { ...values, updatedAt: sql`now()` } });
}
