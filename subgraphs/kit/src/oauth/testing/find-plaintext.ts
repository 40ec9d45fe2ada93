import type { Sql } from '../../db/index.ts';

export interface PlaintextHit {
  table: string;
  column: string;
  secretPrefix: string;
}

/**
 * Looks for each secret in every text-like, JSON, array and bytea column of every user table. bytea is
 * searched for the secret's UTF-8 bytes, the rest as text, so a token stored raw anywhere is found.
 */
export async function findPlaintext(sql: Sql, secrets: readonly string[]): Promise<PlaintextHit[]> {
  const columns = await sql<
    { table_schema: string; table_name: string; column_name: string; data_type: string }[]
  >`
    select c.table_schema, c.table_name, c.column_name, c.data_type
    from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where t.table_type = 'BASE TABLE' and c.table_schema not in ('pg_catalog', 'information_schema')
      and c.data_type in ('text', 'character varying', 'character', 'bytea', 'json', 'jsonb', 'ARRAY', 'USER-DEFINED')`;
  const hits: PlaintextHit[] = [];
  for (const column of columns) {
    const name = sql(column.column_name);
    for (const secret of secrets) {
      const rows =
        column.data_type === 'bytea'
          ? await sql`select 1 from ${sql(column.table_schema)}.${sql(column.table_name)}
              where position(convert_to(${secret}, 'UTF8') in ${name}) > 0 limit 1`
          : await sql`select 1 from ${sql(column.table_schema)}.${sql(column.table_name)}
              where strpos(${name}::text, ${secret}) > 0 limit 1`;
      if (rows.length > 0) {
        hits.push({
          table: `${column.table_schema}.${column.table_name}`,
          column: column.column_name,
          secretPrefix: secret.slice(0, 6),
        });
      }
    }
  }
  return hits;
}
