import fc from 'fast-check';
import {
  type GraphQLInputType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';

/** Strings attackers and broken clients send: control bytes, lone surrogates, traversal, injections, URLs. */
export const SPECIAL_STRINGS: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '\u202e',
  '💥',
  '\r\nX-Injected: 1',
  '../../etc/passwd',
  '%2e%2e%2f%2e%2e%2f',
  "'; drop table kit.events; --",
  '" or 1=1 --',
  '<script>alert(1)</script>',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection payload, sent literally
  '{{7*7}}${7*7}',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a log4shell-style payload, sent literally
  '${jndi:ldap://127.0.0.1/x}',
  'gid://shopify/Order/1',
  'gid://shopify/Product/-1',
  'gid://shopify/Order/99999999999999999999999',
  '00000000-0000-0000-0000-000000000000',
  'NaN',
  '-0',
  '1e309',
  'null',
  '__proto__',
  'constructor',
  'evil.com',
  'x.myshopify.com',
  'x.myshopify.com.evil.com',
  'https://evil.com/x.myshopify.com',
  'http://169.254.169.254/latest/meta-data/',
  'file:///etc/passwd',
  'javascript:alert(1)',
  '0x7fffffff',
];

/** A hostile string: random text of any code points, a special one, or a long one. */
export function hostileString(): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.string({ maxLength: 40 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    { weight: 3, arbitrary: fc.constantFrom(...SPECIAL_STRINGS) },
    { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 120_000 }).map((n) => 'x'.repeat(n)) },
  );
}

/** An ID: a UUID (existing nowhere), a Shopify gid, or any hostile string. */
function hostileId(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.uuid(),
    fc.nat().map((n) => `gid://shopify/Order/${n}`),
    fc.nat().map((n) => `gid://shopify/Product/${n}`),
    hostileString(),
  );
}

const INT_EDGES = [0, -1, 1, 2 ** 31 - 1, -(2 ** 31)] as const;
const WILD_NUMBERS = [2 ** 31, 2 ** 53, -(2 ** 53), 1.5, 1e308] as const;

/**
 * How values are drawn: `typed` values have the argument's type everywhere (never null where the type
 * forbids it, enums from their values, Ints in 32 bits) with hostile content in strings, IDs and
 * numbers, so they pass coercion and reach resolvers; `wild` values break the type anywhere (wrong
 * shapes, arbitrary JSON, nulls, unknown fields, numbers out of range), which coercion must refuse.
 */
export type ValueMode = 'typed' | 'wild';

/** Variables for a field's arguments: typed three times in four, wild otherwise. */
export function graphqlVariables(
  args: readonly { name: string; type: GraphQLInputType }[],
): fc.Arbitrary<Record<string, unknown>> {
  const record = (mode: ValueMode) =>
    fc.record(Object.fromEntries(args.map((arg) => [arg.name, graphqlValue(arg.type, mode)])), {
      requiredKeys: args.filter((arg) => isNonNullType(arg.type)).map((arg) => arg.name),
    });
  return fc.oneof({ weight: 3, arbitrary: record('typed') }, { weight: 1, arbitrary: record('wild') });
}

/** A value for a GraphQL input type, in the given mode (see {@link ValueMode}). */
export function graphqlValue(type: GraphQLInputType, mode: ValueMode, depth = 0): fc.Arbitrary<unknown> {
  if (mode === 'typed') return typedValue(type, depth);
  return fc.oneof(
    { weight: 6, arbitrary: wildValue(type, depth) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  );
}

function typedValue(type: GraphQLInputType, depth: number): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return shapeOf(type.ofType, 'typed', depth);
  return fc.option(shapeOf(type, 'typed', depth), { nil: null, freq: 4 });
}

function wildValue(type: GraphQLInputType, depth: number): fc.Arbitrary<unknown> {
  const inner = isNonNullType(type) ? shapeOf(type.ofType, 'wild', depth) : shapeOf(type, 'wild', depth);
  return fc.oneof({ weight: 5, arbitrary: inner }, { weight: 1, arbitrary: fc.constant(null) });
}

function shapeOf(type: GraphQLInputType, mode: ValueMode, depth: number): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return shapeOf(type.ofType, mode, depth);
  if (isListType(type)) {
    const item = depth > 3 ? fc.constant(null) : graphqlValue(type.ofType, mode, depth + 1);
    return fc.oneof(
      { weight: 8, arbitrary: fc.array(item, { maxLength: 4 }) },
      // Past the documented limits (e.g. 500 ids): the limit must refuse, not time out.
      {
        weight: 1,
        arbitrary: fc
          .tuple(fc.integer({ min: 400, max: 1_200 }), item)
          .map(([n, one]) => Array.from({ length: n }, () => one)),
      },
    );
  }
  if (isInputObjectType(type)) {
    if (depth > 3) return fc.constant({});
    const fields = Object.values(type.getFields());
    const model: Record<string, fc.Arbitrary<unknown>> = {};
    for (const field of fields) model[field.name] = graphqlValue(field.type, mode, depth + 1);
    const required = fields.filter((field) => isNonNullType(field.type)).map((field) => field.name);
    const record = fc.record(model, { requiredKeys: required });
    if (mode === 'typed') return record;
    return fc.oneof(
      { weight: 8, arbitrary: record },
      {
        weight: 1,
        arbitrary: fc
          .tuple(record, fc.string({ minLength: 1, maxLength: 12 }))
          .map(([value, extra]) => ({ ...value, [extra]: 'unknown field' })),
      },
    );
  }
  if (isEnumType(type)) {
    const values = fc.constantFrom(...type.getValues().map((value) => value.name));
    return mode === 'typed'
      ? values
      : fc.oneof({ weight: 4, arbitrary: values }, { weight: 1, arbitrary: hostileString() });
  }
  if (isScalarType(type)) return scalarValue(type.name, mode);
  return fc.jsonValue({ maxDepth: 2 });
}

function scalarValue(scalar: string, mode: ValueMode): fc.Arbitrary<unknown> {
  const wild = mode === 'wild';
  switch (scalar) {
    case 'String':
      return hostileString();
    case 'ID':
      return hostileId();
    case 'Int': {
      const ints = fc.oneof(
        fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
        fc.integer({ min: -10, max: 200 }),
        fc.constantFrom(...INT_EDGES),
      );
      return wild ? fc.oneof(ints, fc.constantFrom(...WILD_NUMBERS), fc.double()) : ints;
    }
    case 'Float':
      return fc.oneof(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.double({ min: -5, max: 150, noNaN: true }),
        fc.constantFrom(0, -0, 1e308, -1e308, 5e-324),
      );
    case 'Boolean':
      return wild ? fc.oneof(fc.boolean(), fc.constantFrom('true', 0, 1)) : fc.boolean();
    case 'DateTime': {
      const dates = fc.oneof(
        fc
          .date({
            min: new Date('0001-01-01T00:00:00Z'),
            max: new Date('9999-12-31T23:59:59Z'),
            noInvalidDate: true,
          })
          .map((date) => date.toISOString()),
        fc.constantFrom('1970-01-01T00:00:00Z', '2026-11-25T09:44:38.000+14:00'),
      );
      return wild
        ? fc.oneof(
            dates,
            fc.constantFrom('2026-13-45T99:99:99Z', '0000-00-00', '+275760-09-13T00:00:00.000Z'),
            hostileString(),
          )
        : dates;
    }
    case 'Decimal': {
      const decimals = fc.oneof(
        fc.integer({ min: -1_000_000, max: 1_000_000 }).map((cents) => (cents / 100).toFixed(2)),
        fc.constantFrom('0', '0.00', '1e3', '99999999999999999999.99', '-0.01', '1.005'),
      );
      return wild ? fc.oneof(decimals, fc.double(), hostileString()) : decimals;
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}
