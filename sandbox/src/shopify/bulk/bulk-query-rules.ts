import {
  type FieldNode,
  type GraphQLObjectType,
  type GraphQLSchema,
  getNamedType,
  type OperationDefinitionNode,
  parse,
  validate,
} from 'graphql';

export type BulkQueryCheck =
  | { ok: true; operation: OperationDefinitionNode; root: FieldNode }
  | { ok: false; message: string };

/** Connections nested in a selection, with their depth (the root connection is depth 1). */
function connections(
  schema: GraphQLSchema,
  type: GraphQLObjectType,
  field: FieldNode,
  depth: number,
  out: number[],
): void {
  const definition = type.getFields()[field.name.value];
  if (!definition) return;
  const named = getNamedType(definition.type);
  const isConnection = named.name.endsWith('Connection');
  const nextDepth = isConnection ? depth + 1 : depth;
  if (isConnection) out.push(nextDepth);
  if (!('getFields' in named) || !field.selectionSet) return;
  for (const selection of field.selectionSet.selections) {
    if (selection.kind === 'Field')
      connections(schema, named as GraphQLObjectType, selection, nextDepth, out);
  }
}

/** Shopify's bulk query rules: a valid query with 1–5 connections nested at most 2 deep. */
export function checkBulkQuery(schema: GraphQLSchema, query: string): BulkQueryCheck {
  let operation: OperationDefinitionNode | undefined;
  try {
    const document = parse(query);
    const errors = validate(schema, document);
    if (errors.length > 0) return { ok: false, message: `Invalid bulk query: ${errors[0]?.message ?? ''}` };
    operation = document.definitions.find(
      (d): d is OperationDefinitionNode => d.kind === 'OperationDefinition',
    );
  } catch (error) {
    return {
      ok: false,
      message: `Invalid bulk query: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  if (operation?.operation !== 'query')
    return { ok: false, message: 'Invalid bulk query: only queries are supported' };
  const rootType = schema.getQueryType() as GraphQLObjectType;
  const roots = operation.selectionSet.selections.filter((s): s is FieldNode => s.kind === 'Field');
  const root = roots.find((field) =>
    getNamedType(rootType.getFields()[field.name.value]?.type)?.name.endsWith('Connection'),
  );
  if (!root || roots.length !== 1)
    return { ok: false, message: 'Bulk queries must contain exactly one top-level connection field.' };
  const depths: number[] = [];
  connections(schema, rootType, root, 0, depths);
  if (depths.length > 5)
    return { ok: false, message: 'Bulk queries cannot contain more than 5 connections.' };
  if (Math.max(...depths) > 2)
    return {
      ok: false,
      message: 'Bulk queries cannot contain connections with a nesting depth greater than 2.',
    };
  return { ok: true, operation, root };
}
