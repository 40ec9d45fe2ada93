import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { isDecimal } from '../mirror/index.ts';

function invalid(): GraphQLError {
  return new GraphQLError(
    'Decimal must be a decimal number such as "250.00" (at most 12 decimals, no exponent).',
    {
      extensions: { code: 'INVALID_REQUEST' },
    },
  );
}

function parseDecimal(value: unknown): string {
  const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
  if (typeof text !== 'string' || !isDecimal(text)) throw invalid();
  return text;
}

/**
 * `Decimal`: exact amounts as strings. A literal `250.5` is read as the text it was written as, so no
 * float ever rounds it; a JSON number in variables is taken as JavaScript prints it.
 */
export const DecimalScalar = new GraphQLScalarType<string, string>({
  name: 'Decimal',
  description: 'An exact decimal amount as a string, e.g. "250.00".',
  serialize: (value) => parseDecimal(value),
  parseValue: parseDecimal,
  parseLiteral(ast) {
    if (ast.kind === Kind.STRING || ast.kind === Kind.INT || ast.kind === Kind.FLOAT)
      return parseDecimal(ast.value);
    throw invalid();
  },
});
