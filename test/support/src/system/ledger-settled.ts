import type postgres from 'postgres';

/**
 * Resolves once every ledger row of the workspace is finished. The LLM subgraph writes a call's row
 * before the provider call and finishes it just after answering, so a test that reads the ledger right
 * after its responses waits here first; it fails if a row stays pending past `timeoutMs`.
 */
export async function ledgerSettled(sql: postgres.Sql, workspaceId: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await sql<{ pending: number }[]>`
      select count(*)::int as pending from llm.usage_ledger
      where workspace_id = ${workspaceId} and finished_at is null`;
    if (row?.pending === 0) return;
    if (Date.now() > deadline)
      throw new Error(`${row?.pending} ledger rows still pending after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
