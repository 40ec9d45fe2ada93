import postgres from 'postgres';

/** A column holding at least one of the secrets, in some form. */
export interface PlaintextHit {
  /** `schema.table` */
  table: string;
  column: string;
}

interface ScannedColumn {
  table_schema: string;
  table_name: string;
  column_name: string;
  kind: 'text' | 'bytes';
}

/**
 * Scans every text-like (text, varchar, char, json, jsonb, arrays of them) and bytea column of every table
 * of a database for the given secrets and says which columns hold one. A secret counts as found in its raw
 * form, JSON-escaped, base64, base64url or hex, since an encoding is not encryption (base64 inside a larger
 * base64 blob is found only when aligned). Plain SQL, so it works on any server version (pg_dump refuses a
 * newer server).
 */
export async function findPlaintext(
  databaseUrl: string,
  secrets: readonly string[],
): Promise<PlaintextHit[]> {
  const needles = [...new Set(secrets.filter((s) => s !== '').flatMap(formsOf))];
  if (needles.length === 0) return [];
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const columns = await sql<ScannedColumn[]>`
      select c.table_schema, c.table_name, c.column_name,
             case when c.udt_name = 'bytea' then 'bytes' else 'text' end as kind
      from information_schema.columns c
      join information_schema.tables t
        on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
      where c.table_schema not in ('pg_catalog', 'information_schema')
        and c.table_schema not like 'pg\\_%'
        and c.udt_name in ('text', 'varchar', 'bpchar', 'json', 'jsonb', 'bytea',
                           '_text', '_varchar', '_bpchar', '_json', '_jsonb', '_bytea')
      order by 1, 2, 3`;
    const hits: PlaintextHit[] = [];
    for (const column of columns) {
      const target = sql`${sql(column.table_schema)}.${sql(column.table_name)}`;
      const name = sql(column.column_name);
      // Arrays are scanned through their text form (a bytea array's is hex, which the hex form finds).
      const rows =
        column.kind === 'bytes'
          ? await sql`
              select 1 from ${target}, unnest(${needles}::text[]) as n(needle)
              where position(convert_to(n.needle, 'UTF8') in ${name}::bytea) > 0
                 or position(n.needle in ${name}::text) > 0
              limit 1`
          : await sql`
              select 1 from ${target}, unnest(${needles}::text[]) as n(needle)
              where position(n.needle in ${name}::text) > 0
              limit 1`;
      if (rows.length > 0)
        hits.push({ table: `${column.table_schema}.${column.table_name}`, column: column.column_name });
    }
    return hits;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** The forms a secret may take when stored without encryption. */
function formsOf(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  return [
    secret,
    JSON.stringify(secret).slice(1, -1),
    bytes.toString('base64').replace(/=+$/, ''),
    bytes.toString('base64url'),
    bytes.toString('hex'),
  ];
}
