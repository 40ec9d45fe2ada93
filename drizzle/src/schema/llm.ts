import { pgSchema, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { bytea } from './kit/kit-schema.ts';

/** Tables of the LLM Orchestration subgraph. */
export const llm = pgSchema('llm');

export const llmProvider = llm.enum('llm_provider', ['openai', 'anthropic', 'gemini']);

/**
 * A workspace's own API key for a provider (spec 1.2), overriding the central key for that workspace.
 * Only ciphertext is stored; `last_four` is all that is ever shown back.
 */
export const workspaceProviderKeys = llm.table(
  'workspace_provider_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id').notNull(),
    provider: llmProvider('provider').notNull(),
    ciphertext: bytea('ciphertext').notNull(),
    keyId: text('key_id').notNull(),
    lastFour: text('last_four').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('workspace_provider_keys_unique').on(t.workspaceId, t.provider)],
);

export type WorkspaceProviderKeyRow = typeof workspaceProviderKeys.$inferSelect;
