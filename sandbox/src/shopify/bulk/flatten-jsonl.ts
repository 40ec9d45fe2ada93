/**
 * Bulk results put every object on its own line; objects from nested connections come after their
 * parent with `__parentId` set to the parent's id, and the connection itself disappears.
 */
type Json = Record<string, unknown>;

function connectionNodes(value: unknown): Json[] | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const record = value as { edges?: unknown; nodes?: unknown };
  if (Array.isArray(record.edges)) return record.edges.map((edge) => (edge as { node: Json }).node);
  if (Array.isArray(record.nodes)) return record.nodes as Json[];
  return undefined;
}

export function flattenNode(node: Json, parentId: string | undefined, out: string[]): void {
  const own: Json = {};
  const children: Json[] = [];
  for (const [key, value] of Object.entries(node)) {
    const nested = connectionNodes(value);
    if (nested) children.push(...nested);
    else own[key] = value;
  }
  if (parentId !== undefined) own['__parentId'] = parentId;
  out.push(JSON.stringify(own));
  const id = typeof node['id'] === 'string' ? node['id'] : undefined;
  for (const child of children) flattenNode(child, id, out);
}

export function rootNodes(connection: unknown): Json[] {
  return connectionNodes(connection) ?? [];
}
