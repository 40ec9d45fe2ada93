import type postgres from 'postgres';

/** Every row of a workspace, table by table (`schema.table` → rows as sorted JSON text). */
export type WorkspaceRows = Record<string, string[]>;

/**
 * Reads every row that belongs to a workspace from every table of every schema of the database (a new
 * table is covered without listing it): rows whose `workspace_id` is the workspace's or whose
 * `connection_id` is one of its connections, and in tables with neither column (events, deliveries,
 * job queues), rows whose content names the workspace, one of its connections or one of its webhook
 * deliveries (a delivery's row names only the provider's account; a job enqueued to apply it names it).
 */
export async function snapshotWorkspaceRows(
  sql: postgres.Sql,
  owner: { workspaceId: string; connectionIds: readonly string[]; deliveryIds?: readonly string[] },
): Promise<WorkspaceRows> {
  const tables = await sql<{ schema: string; name: string; columns: string[] }[]>`
    select t.table_schema as schema, t.table_name as name, array_agg(c.column_name::text) as columns
    from information_schema.tables t
    join information_schema.columns c on c.table_schema = t.table_schema and c.table_name = t.table_name
    where t.table_type = 'BASE TABLE'
      and t.table_schema not in ('pg_catalog', 'information_schema', 'pg_toast')
    group by t.table_schema, t.table_name
    order by 1, 2`;
  const ids = [owner.workspaceId, ...owner.connectionIds, ...(owner.deliveryIds ?? [])];
  const snapshot: WorkspaceRows = {};
  for (const table of tables) {
    const qualified = `${quote(table.schema)}.${quote(table.name)}`;
    const conditions: string[] = [];
    const parameters: (string | string[])[] = [];
    const parameter = (value: string | string[]) => `$${parameters.push(value)}`;
    if (table.columns.includes('workspace_id'))
      conditions.push(`t.workspace_id::text = ${parameter(owner.workspaceId)}::text`);
    if (table.columns.includes('connection_id'))
      conditions.push(`t.connection_id::text = any(${parameter([...owner.connectionIds])}::text[])`);
    if (conditions.length === 0) {
      conditions.push(
        `exists (select 1 from unnest(${parameter(ids)}::text[]) id where to_jsonb(t)::text like '%' || id || '%')`,
      );
    }
    const rows = await sql.unsafe<{ row: string }[]>(
      `select to_jsonb(t)::text as row from ${qualified} t where ${conditions.join(' or ')}`,
      parameters,
    );
    if (rows.length > 0) snapshot[`${table.schema}.${table.name}`] = rows.map((r) => r.row).sort();
  }
  return snapshot;
}

/** What changed between two snapshots, table by table (rows gone, rows new). */
export function rowChanges(before: WorkspaceRows, after: WorkspaceRows): string[] {
  const changes: string[] = [];
  for (const table of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const was = new Set(before[table] ?? []);
    const is = new Set(after[table] ?? []);
    for (const row of was) if (!is.has(row)) changes.push(`${table}: row gone or changed: ${row}`);
    for (const row of is) if (!was.has(row)) changes.push(`${table}: row new or changed: ${row}`);
  }
  return changes;
}

function quote(identifier: string): string {
  return `"${identifier.replaceAll('"', '""')}"`;
}
