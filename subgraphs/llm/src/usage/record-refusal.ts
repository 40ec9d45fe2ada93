import type { Sql } from '@ionflux/kit/db';
import type { LedgerCall } from './ledger-call.ts';

/** A request refused before any provider call, and why. */
export interface RefusedUsage extends LedgerCall {
  /** The error code the caller was answered with. */
  errorCode: string;
  latencyMs: number;
}

/**
 * Writes the finished row of a request refused before any provider call (its input, the quota, the
 * platform budget, a model outside the catalog): status `error`, no tokens, nothing charged. Calls that
 * go ahead are ledgered by `beginUsage` and `finishUsage`.
 */
export async function recordRefusal(sql: Sql, entry: RefusedUsage): Promise<void> {
  await sql`
    insert into llm.usage_ledger
      (request_id, workspace_id, user_id, provider, model, operation, status, error_code, key_source,
       prompt_tokens, completion_tokens, total_tokens, cost_nano_usd, latency_ms, finished_at)
    values
      (${entry.requestId}, ${entry.workspaceId}, ${entry.userId}, ${entry.provider}, ${entry.model},
       ${entry.operation}, 'error', ${entry.errorCode}, 'central', 0, 0, 0, 0, ${Math.round(entry.latencyMs)},
       now())`;
}
