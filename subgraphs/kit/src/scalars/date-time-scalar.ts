import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

function parseDateTime(value: unknown): Date {
  const date = typeof value === 'string' ? new Date(value) : undefined;
  if (!date || Number.isNaN(date.getTime()) || !/^\d{4}-\d{2}-\d{2}T/.test(String(value))) {
    throw new GraphQLError('DateTime must be an ISO-8601 string such as 2026-11-25T09:44:38Z', {
      extensions: { code: 'INVALID_REQUEST' },
    });
  }
  return date;
}

/** `DateTime`: ISO-8601 strings on the wire, `Date` in resolvers. */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'An ISO-8601 date-time with offset, e.g. 2026-11-25T09:44:38.000Z.',
  serialize(value) {
    if (value instanceof Date) return value.toISOString();
    return parseDateTime(value).toISOString();
  },
  parseValue: parseDateTime,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('DateTime literals must be strings');
    return parseDateTime(ast.value);
  },
});
