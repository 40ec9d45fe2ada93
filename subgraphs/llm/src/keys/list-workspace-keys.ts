import { workspaceProviderKeys } from '@ionflux/drizzle/llm';
import type { Database } from '@ionflux/kit/db';
import { eq } from 'drizzle-orm';
import type { StoredProvider } from '../providers/stored-provider.ts';

export interface WorkspaceKeySummary {
  provider: StoredProvider;
  lastFour: string;
  updatedAt: Date;
}

/** Which providers the workspace has its own key for; never reads or returns the ciphertext. */
export async function listWorkspaceKeys(db: Database, workspaceId: string): Promise<WorkspaceKeySummary[]> {
  return db
    .select({
      provider: workspaceProviderKeys.provider,
      lastFour: workspaceProviderKeys.lastFour,
      updatedAt: workspaceProviderKeys.updatedAt,
    })
    .from(workspaceProviderKeys)
    .where(eq(workspaceProviderKeys.workspaceId, workspaceId));
}
