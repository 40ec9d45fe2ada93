import {
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLFieldMap,
  type GraphQLNamedType,
  type GraphQLSchema,
  getNamedType,
  isAbstractType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  type OperationDefinitionNode,
  type SelectionSetNode,
  valueFromASTUntyped,
} from 'graphql';

/**
 * Shopify's calculated query cost: scalars and enums 0, objects 1, a connection 2 + (first|last) × the
 * cost of one node, an abstract type the most expensive of its possible selections, each mutation 10.
 * With `data` the same walk gives the actual cost, sizing connections and lists by what was returned.
 */
export const MUTATION_COST = 10;

interface Walk {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

type Data = Record<string, unknown> | null | undefined;

function fieldsOf(type: GraphQLNamedType | undefined): GraphQLFieldMap<unknown, unknown> {
  return isObjectType(type) || isInterfaceType(type) ? type.getFields() : {};
}

function namedTypeOf(field: GraphQLField<unknown, unknown> | undefined): GraphQLNamedType | undefined {
  return field ? getNamedType(field.type) : undefined;
}

function argument(walk: Walk, field: FieldNode, name: string): unknown {
  const node = field.arguments?.find((arg) => arg.name.value === name);
  return node ? valueFromASTUntyped(node.value, walk.variables) : undefined;
}

/** Field nodes of a selection set grouped by the type condition they apply under ('' = always). */
function collect(
  walk: Walk,
  set: SelectionSetNode,
  into = new Map<string, FieldNode[]>(),
  condition = '',
): Map<string, FieldNode[]> {
  for (const selection of set.selections) {
    if (selection.kind === 'Field') into.set(condition, [...(into.get(condition) ?? []), selection]);
    else if (selection.kind === 'InlineFragment') {
      collect(walk, selection.selectionSet, into, selection.typeCondition?.name.value ?? condition);
    } else {
      const fragment = walk.fragments[selection.name.value];
      if (fragment) collect(walk, fragment.selectionSet, into, fragment.typeCondition.name.value);
    }
  }
  return into;
}

function selectionCost(walk: Walk, type: GraphQLCompositeType, set: SelectionSetNode, data: Data): number {
  const groups = collect(walk, set);
  let always = 0;
  let widest = 0;
  for (const [condition, fields] of groups) {
    const on = condition === '' ? type : (walk.schema.getType(condition) as GraphQLCompositeType | undefined);
    if (!on) continue;
    const cost = fields.reduce((sum, field) => sum + fieldCost(walk, on, field, data), 0);
    if (condition === '' || condition === type.name || isAbstractType(on)) always += cost;
    else widest = Math.max(widest, cost);
  }
  return always + widest;
}

function objectCost(walk: Walk, type: GraphQLCompositeType, field: FieldNode, data: Data): number {
  return 1 + (field.selectionSet ? selectionCost(walk, type, field.selectionSet, data) : 0);
}

function connectionNodeCost(
  walk: Walk,
  type: GraphQLCompositeType,
  field: FieldNode,
  data: Data,
  size: number,
): number {
  const fields = fieldsOf(type);
  let cost = 2;
  for (const child of field.selectionSet?.selections ?? []) {
    if (child.kind !== 'Field') continue;
    const key = child.alias?.value ?? child.name.value;
    const value = data?.[key];
    if (child.name.value === 'nodes' || child.name.value === 'edges') {
      const itemType = namedTypeOf(fields[child.name.value]);
      const nodeField =
        child.name.value === 'edges'
          ? child.selectionSet?.selections.find(
              (s): s is FieldNode => s.kind === 'Field' && s.name.value === 'node',
            )
          : child;
      const nodeType = child.name.value === 'edges' ? namedTypeOf(fieldsOf(itemType)['node']) : itemType;
      if (!nodeField || !nodeType || !isCompositeType(nodeType)) continue;
      if (data === undefined) cost += size * objectCost(walk, nodeType, nodeField, undefined);
      else if (Array.isArray(value)) {
        for (const item of value as Data[]) {
          const node =
            child.name.value === 'edges' ? (item?.[nodeField.alias?.value ?? 'node'] as Data) : item;
          cost += objectCost(walk, nodeType, nodeField, node ?? null);
        }
      }
    }
  }
  return cost;
}

function fieldCost(walk: Walk, parent: GraphQLCompositeType, field: FieldNode, data: Data): number {
  const definition = fieldsOf(parent)[field.name.value];
  if (!definition) return 0;
  const named = getNamedType(definition.type);
  if (!isCompositeType(named)) return 0;
  const key = field.alias?.value ?? field.name.value;
  const value = data === undefined ? undefined : (data?.[key] as unknown);
  if (named.name.endsWith('Connection')) {
    const size = Number(argument(walk, field, 'first') ?? argument(walk, field, 'last') ?? 0);
    return connectionNodeCost(
      walk,
      named,
      field,
      data === undefined ? undefined : ((value as Data) ?? null),
      size,
    );
  }
  const unwrapped = isNonNullType(definition.type) ? definition.type.ofType : definition.type;
  if (isListType(unwrapped)) {
    if (data !== undefined) {
      return Array.isArray(value)
        ? (value as Data[]).reduce((sum, item) => sum + objectCost(walk, named, field, item ?? null), 0)
        : 1;
    }
    const ids = argument(walk, field, 'ids');
    const size = Array.isArray(ids) ? ids.length : Number(argument(walk, field, 'first') ?? 1);
    return size * objectCost(walk, named, field, undefined);
  }
  return objectCost(walk, named, field, data === undefined ? undefined : ((value as Data) ?? null));
}

export interface CostInput {
  schema: GraphQLSchema;
  operation: OperationDefinitionNode;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

export function queryCost(input: CostInput, data?: Record<string, unknown> | null): number {
  const walk: Walk = { schema: input.schema, fragments: input.fragments, variables: input.variables };
  if (input.operation.operation === 'mutation') {
    return (
      input.operation.selectionSet.selections.filter(
        (s) => s.kind === 'Field' && !s.name.value.startsWith('__'),
      ).length * MUTATION_COST
    );
  }
  const root = input.schema.getQueryType();
  if (!root) return 0;
  return selectionCost(
    walk,
    root,
    input.operation.selectionSet,
    data === undefined ? undefined : (data ?? null),
  );
}
