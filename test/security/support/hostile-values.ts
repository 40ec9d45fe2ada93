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

const INT_EDGES = [0, -1, 1, 2 ** 31 - 1, -(2 ** 31), 2 ** 31, 2 ** 53, -(2 ** 53), 1.5] as const;

/**
 * Values for a GraphQL input type: mostly of the right shape with hostile leaves (so they pass
 * coercion and reach resolvers), sometimes of the wrong shape or arbitrary JSON (coercion must refuse
 * them with a code), sometimes null where the type forbids it.
 */
export function graphqlValue(type: GraphQLInputType, depth = 0): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 6, arbitrary: shapedValue(type, depth) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  );
}

function shapedValue(type: GraphQLInputType, depth: number): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) {
    return fc.oneof(
      { weight: 12, arbitrary: shapedValue(type.ofType, depth) },
      { weight: 1, arbitrary: fc.constant(null) },
    );
  }
  const inner = nullableValue(type, depth);
  return fc.oneof({ weight: 5, arbitrary: inner }, { weight: 1, arbitrary: fc.constant(null) });
}

function nullableValue(type: GraphQLInputType, depth: number): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return shapedValue(type, depth);
  if (isListType(type)) {
    const item = depth > 3 ? fc.constant(null) : graphqlValue(type.ofType, depth + 1);
    return fc.oneof(
      { weight: 8, arbitrary: fc.array(item, { maxLength: 4 }) },
      // Past the documented limits (e.g. 500 ids): the limit must refuse, not time out.
      {
        weight: 1,
        arbitrary: fc.integer({ min: 400, max: 1_200 }).map((n) => Array.from({ length: n }, () => 'x')),
      },
    );
  }
  if (isInputObjectType(type)) {
    if (depth > 3) return fc.constant({});
    const fields = Object.values(type.getFields());
    const model: Record<string, fc.Arbitrary<unknown>> = {};
    for (const field of fields) model[field.name] = graphqlValue(field.type, depth + 1);
    const required = fields.filter((field) => isNonNullType(field.type)).map((field) => field.name);
    return fc.oneof(
      { weight: 8, arbitrary: fc.record(model, { requiredKeys: required }) },
      {
        weight: 1,
        arbitrary: fc
          .tuple(fc.record(model, { requiredKeys: required }), fc.string({ minLength: 1, maxLength: 12 }))
          .map(([value, extra]) => ({ ...value, [extra]: 'unknown field' })),
      },
    );
  }
  if (isEnumType(type)) {
    return fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...type.getValues().map((value) => value.name)) },
      { weight: 1, arbitrary: hostileString() },
    );
  }
  if (isScalarType(type)) return scalarValue(type.name);
  return fc.jsonValue({ maxDepth: 2 });
}

function scalarValue(scalar: string): fc.Arbitrary<unknown> {
  switch (scalar) {
    case 'String':
      return hostileString();
    case 'ID':
      return hostileId();
    case 'Int':
      return fc.oneof(fc.integer(), fc.integer({ min: -10, max: 200 }), fc.constantFrom(...INT_EDGES));
    case 'Float':
      return fc.oneof(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.double({ min: -5, max: 150, noNaN: true }),
        fc.constantFrom(0, -0, 1e308, -1e308, 5e-324),
      );
    case 'Boolean':
      return fc.oneof(
        { weight: 5, arbitrary: fc.boolean() },
        { weight: 1, arbitrary: fc.constantFrom('true', 0, 1) },
      );
    case 'DateTime':
      return fc.oneof(
        fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
        fc.constantFrom(
          '2026-13-45T99:99:99Z',
          '0000-00-00',
          '1970-01-01T00:00:00Z',
          '+275760-09-13T00:00:00.000Z',
        ),
        hostileString(),
      );
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}
