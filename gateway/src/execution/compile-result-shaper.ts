import {
  assert,
  ERRORS,
  type FieldSelection,
  isCompositeType,
  isCustomScalarType,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  isSubtype,
  type NamedType,
  type Operation,
  type Schema,
  type SelectionSet,
  type Type,
  Variable,
} from '@apollo/federation-internals';
import type { GraphQLError } from 'graphql';

// The answer's shaping, compiled once per operation: what `computeResponse` of @apollo/gateway
// (resultShaping.js, 2.14.4) does on every request, walking the operation's selection sets through
// federation-internals getters (directives looked up, response names and types recomputed, subtyping
// tested per object), here decided once and kept in plain objects. The walk below follows Apollo's
// step for step (same order of keys, same null propagation, same errors and messages), so answers stay
// byte-identical; test/e2e/federation-correctness.test.ts checks the answers against Apollo's.

/** Why an operation cannot be shaped here; the caller then runs Apollo's own executor. */
export class NotCompilable extends Error {}

type Variables = Record<string, unknown>;
/** True when the selection is skipped (`@skip(if: true)` or `@include(if: false)`). */
type SkipTest = (variables: Variables) => boolean;

type CompiledType =
  | { kind: 'nonNull'; ofType: CompiledType; inner: string }
  | { kind: 'list'; ofType: CompiledType; display: string }
  | { kind: 'composite'; display: string }
  | { kind: 'leaf'; valid: (value: unknown) => boolean; display: string };

interface CompiledField {
  field: true;
  responseName: string;
  skip: SkipTest | undefined;
  /** A `__typename` selection (maybe aliased). */
  typename: boolean;
  type: CompiledType | undefined;
  selections: CompiledSelection[] | undefined;
}

interface CompiledFragment {
  field: false;
  skip: SkipTest | undefined;
  /** The type condition, or undefined when the fragment has none. */
  condition: NamedType | undefined;
  /** Names of the types the condition applies to (`isSubtype(condition, type)`). */
  appliesTo: Set<string> | undefined;
  selections: CompiledSelection[];
}

type CompiledSelection = CompiledField | CompiledFragment;

const OK = 0;
const NULL_BUBBLE_UP = 1;

interface Run {
  variables: Variables;
  errors: GraphQLError[];
  path: (string | number)[];
  /**
   * What Apollo's `updateOutputValue` returns beside the value (`isInvalid`, `hasErrors`), set by the
   * last `updateOutputValue` call and read right after it: one flag pair per run instead of one result
   * object per value shaped (the largest share of the shaping's garbage).
   */
  isInvalid: boolean;
  hasErrors: boolean;
}

export interface ResultShaper {
  /** `computeResponse({ operation, variables, input })` of @apollo/gateway. */
  shape(
    input: Record<string, unknown>,
    variables: Variables | undefined,
  ): { data: Record<string, unknown> | null; errors: GraphQLError[] };
}

/** Compiles the shaping of `operation` (of the API schema); throws `NotCompilable` for introspection. */
export function compileResultShaper(operation: Operation): ResultShaper {
  const schema = operation.schema();
  const types = new Map<string, NamedType>();
  for (const { name } of schema.allTypes()) {
    const type = schema.type(name);
    if (type) types.set(name, type);
  }
  const defaulted = operation.collectDefaultedVariableValues();
  const rootType = schema.schemaDefinition.rootType(operation.rootKind);
  assert(rootType, () => `No root type for ${operation.rootKind}`);
  const root = compileSelectionSet(operation.selectionSet, schema, types);

  const typeNamed = (name: string) => types.get(name);

  const applySelections = (
    input: Record<string, unknown>,
    selections: CompiledSelection[],
    output: Record<string, unknown>,
    run: Run,
    parentType: NamedType,
  ): number => {
    for (const selection of selections) {
      if (selection.skip?.(run.variables)) continue;
      if (selection.field) {
        const { responseName } = selection;
        const outputValue = output[responseName];
        let inputValue = Object.hasOwn(input, responseName) ? (input[responseName] ?? null) : null;
        if (selection.typename) {
          if (outputValue === undefined) {
            if (inputValue === null && responseName !== '__typename')
              inputValue = input['__typename'] ?? null;
            const type =
              inputValue !== null && typeof inputValue === 'string'
                ? (typeNamed(inputValue) ?? parentType)
                : parentType;
            if (!isObjectType(type)) return NULL_BUBBLE_UP;
            output[responseName] = type.name;
          }
          continue;
        }
        const type = selection.type as CompiledType;
        // A scalar or enum met for the first time with a valid value: the general step below would only
        // copy it (most values of an answer take this path).
        if (outputValue === undefined && inputValue !== null) {
          const leaf = type.kind === 'leaf' ? type : type.kind === 'nonNull' ? type.ofType : undefined;
          if (leaf?.kind === 'leaf' && leaf.valid(inputValue)) {
            output[responseName] = inputValue;
            continue;
          }
        }
        run.path.push(responseName);
        output[responseName] = updateOutputValue(
          outputValue,
          type,
          inputValue,
          selection.selections,
          run,
          parentType,
        );
        run.path.pop();
        if (run.isInvalid) return NULL_BUBBLE_UP;
      } else {
        const typename = input['__typename'];
        assert(
          !typename || typeof typename === 'string',
          () => `Got unexpected value for __typename: ${typename}`,
        );
        const applies =
          selection.appliesTo === undefined ||
          (typename ? selection.appliesTo.has(typename as string) : selection.appliesTo.has(parentType.name));
        if (applies) {
          const result = applySelections(
            input,
            selection.selections,
            output,
            run,
            selection.condition ?? parentType,
          );
          if (result === NULL_BUBBLE_UP) return NULL_BUBBLE_UP;
        }
      }
    }
    return OK;
  };

  const describeLast = (path: (string | number)[], currentType: string, parentType: NamedType) => {
    const element = path[path.length - 1];
    assert(element !== undefined, 'Should not have been called on an empty path');
    return typeof element === 'string'
      ? `field ${parentType.name}.${element}`
      : `array element of type ${currentType} at index ${element}`;
  };

  /** `updateOutputValue` of resultShaping.js: returns `updated`, leaves `isInvalid` and `hasErrors` in `run`. */
  const updateOutputValue = (
    outputValue: unknown,
    type: CompiledType,
    inputValue: unknown,
    selections: CompiledSelection[] | undefined,
    run: Run,
    parentType: NamedType,
  ): unknown => {
    assert(inputValue !== undefined, 'Should not pass undefined for `inputValue` to this method');
    run.isInvalid = false;
    run.hasErrors = false;
    if (outputValue === null || (outputValue !== undefined && !selections)) return outputValue;
    switch (type.kind) {
      case 'nonNull': {
        const updated = updateOutputValue(outputValue, type.ofType, inputValue, selections, run, parentType);
        if (updated === null) {
          if (!run.hasErrors) {
            run.errors.push(
              ERRORS.INVALID_GRAPHQL.err(
                `Cannot return null for non-nullable ${describeLast(run.path, type.inner, parentType)}.`,
                { path: Array.from(run.path) },
              ),
            );
          }
          run.isInvalid = true;
          run.hasErrors = true;
          return updated;
        }
        run.isInvalid = false;
        run.hasErrors = false;
        return updated;
      }
      case 'list': {
        if (inputValue === null) return null;
        assert(
          Array.isArray(inputValue),
          () => `Invalid non-list value ${inputValue} returned by subgraph for list type ${type.display}`,
        );
        assert(
          outputValue === undefined || Array.isArray(outputValue),
          () => `Invalid non-list value ${outputValue} returned by subgraph for list type ${type.display}`,
        );
        const outputList =
          (outputValue as unknown[] | undefined) ?? new Array(inputValue.length).fill(undefined);
        assert(
          inputValue.length === outputList.length,
          () =>
            `[${inputValue}].length (${inputValue.length}) !== [${outputList}].length (${outputList.length})`,
        );
        let shouldNullify = false;
        let hasErrors = false;
        const updated = new Array(outputList.length);
        for (let index = 0; index < outputList.length; index++) {
          run.path.push(index);
          updated[index] = updateOutputValue(
            outputList[index],
            type.ofType,
            inputValue[index],
            selections,
            run,
            parentType,
          );
          run.path.pop();
          shouldNullify ||= run.isInvalid;
          hasErrors ||= run.hasErrors;
        }
        run.isInvalid = false;
        run.hasErrors = hasErrors;
        return shouldNullify ? null : updated;
      }
      case 'composite': {
        if (inputValue === null) return null;
        assert(selections, () => `Invalid empty selection set for composite type ${type.display}`);
        assert(
          typeof inputValue === 'object',
          () =>
            `Invalid non-object value ${inputValue} returned by subgraph for composite type ${type.display}`,
        );
        assert(
          outputValue === undefined || typeof outputValue === 'object',
          () =>
            `Invalid non-object value ${inputValue} returned by subgraph for composite type ${type.display}`,
        );
        const input = inputValue as Record<string, unknown>;
        const inputTypename = input['__typename'];
        assert(
          inputTypename === undefined || typeof inputTypename === 'string',
          () => `Invalid non-string value ${inputTypename} for __typename at ${run.path}`,
        );
        let objectType = typeNamed(type.display) as NamedType;
        if (inputTypename) {
          const typenameType = typeNamed(inputTypename as string);
          if (!typenameType || !isCompositeType(typenameType)) {
            run.errors.push(
              ERRORS.INVALID_GRAPHQL.err(
                `Invalid __typename found for object at ${describeLast(run.path, type.display, parentType)}.`,
                { path: Array.from(run.path) },
              ),
            );
            run.hasErrors = true;
            return null;
          }
          objectType = typenameType;
        }
        const output = (outputValue as Record<string, unknown> | undefined) ?? Object.create(null);
        const hasErrors = applySelections(input, selections, output, run, objectType) === NULL_BUBBLE_UP;
        run.isInvalid = false;
        run.hasErrors = hasErrors;
        return hasErrors ? null : output;
      }
      case 'leaf': {
        if (inputValue === null) return null;
        assert(
          outputValue === undefined,
          () => `Excepted output to be undefined but got ${type.display} for type ${type.display}`,
        );
        if (type.valid(inputValue)) return inputValue;
        run.errors.push(
          ERRORS.INVALID_GRAPHQL.err(
            `Invalid value found for ${describeLast(run.path, type.display, parentType)}.`,
            { path: Array.from(run.path) },
          ),
        );
        run.hasErrors = true;
        return null;
      }
      default: {
        const unreachable: never = type;
        return unreachable;
      }
    }
  };

  return {
    shape(input, variables) {
      const run: Run = {
        variables: { __proto__: null, ...defaulted, ...variables },
        errors: [],
        path: [],
        isInvalid: false,
        hasErrors: false,
      };
      const data = Object.create(null) as Record<string, unknown>;
      const result = applySelections(input, root, data, run, rootType);
      return { data: result === NULL_BUBBLE_UP ? null : data, errors: run.errors };
    },
  };
}

function compileSelectionSet(
  selectionSet: SelectionSet,
  schema: Schema,
  types: Map<string, NamedType>,
): CompiledSelection[] {
  return selectionSet.selections().map((selection): CompiledSelection => {
    const skip = compileSkip(selection.element, schema);
    if (selection.kind === 'FieldSelection') {
      const field = (selection as FieldSelection).element;
      if (field.definition.isSchemaIntrospectionField()) {
        throw new NotCompilable('introspection is answered by Apollo Gateway');
      }
      const typename = field.name === '__typename';
      const sub = selection.selectionSet;
      return {
        field: true,
        responseName: field.responseName(),
        skip,
        typename,
        type: typename ? undefined : compileType(field.definition.type as Type, schema),
        selections: sub ? compileSelectionSet(sub, schema, types) : undefined,
      };
    }
    const condition = selection.element.typeCondition;
    let appliesTo: Set<string> | undefined;
    if (condition) {
      appliesTo = new Set();
      for (const [name, type] of types) if (isSubtype(condition, type)) appliesTo.add(name);
    }
    return {
      field: false,
      skip,
      condition,
      appliesTo,
      selections: compileSelectionSet(selection.selectionSet, schema, types),
    };
  });
}

interface WithDirectives {
  appliedDirectivesOf(
    definition: never,
  ): readonly { arguments(): Record<string, unknown>; toString(): string }[];
}

/** `shouldSkip` of resultShaping.js, with the directives looked up once. */
function compileSkip(element: unknown, schema: Schema): SkipTest | undefined {
  const target = element as WithDirectives;
  const skip = target.appliedDirectivesOf(schema.skipDirective() as never)[0];
  const include = target.appliedDirectivesOf(schema.includeDirective() as never)[0];
  if (!skip && !include) return undefined;
  const ifArgument = (directive: { arguments(): Record<string, unknown>; toString(): string }) => {
    const argument = directive.arguments()['if'];
    if (argument instanceof Variable) {
      const name = argument.name;
      return (variables: Variables) => {
        const value = variables[name];
        assert(
          value !== undefined && typeof value === 'boolean',
          () => `Unexpected value ${value} for variable ${argument} of ${directive}`,
        );
        return value;
      };
    }
    return () => argument as boolean;
  };
  const skipIf = skip ? ifArgument(skip) : undefined;
  const includeIf = include ? ifArgument(include) : undefined;
  return (variables) => !!(skipIf?.(variables) || (includeIf && !includeIf(variables)));
}

function compileType(type: Type, schema: Schema): CompiledType {
  if (isNonNullType(type)) {
    return { kind: 'nonNull', ofType: compileType(type.ofType, schema), inner: String(type.ofType) };
  }
  if (isListType(type))
    return { kind: 'list', ofType: compileType(type.ofType, schema), display: String(type) };
  if (isCompositeType(type)) return { kind: 'composite', display: type.name };
  return { kind: 'leaf', valid: leafValidator(type as NamedType, schema), display: String(type) };
}

const integerString = /^-?(?:0|[1-9][0-9]*)$/;

/** `isValidLeafValue(schema, value, type)` of federation-internals, specialised for one type. */
function leafValidator(type: NamedType, schema: Schema): (value: unknown) => boolean {
  if (isCustomScalarType(type)) return () => true;
  const isBoolean = type === schema.booleanType();
  const isIntOrId = type === schema.intType() || type === schema.idType();
  const isFloat = type === schema.floatType();
  const isInt = type === schema.intType();
  const enumType = isEnumType(type) ? type : undefined;
  return (value) => {
    if (typeof value === 'boolean') return isBoolean;
    if (typeof value === 'number' && Number.isFinite(value)) {
      if (isIntOrId) return integerString.test(String(value));
      return isFloat;
    }
    if (typeof value === 'string') {
      if (enumType) return enumType.value(value) !== undefined;
      return !isBoolean && !isInt && !isFloat;
    }
    return false;
  };
}
