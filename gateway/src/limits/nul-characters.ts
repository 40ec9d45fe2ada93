import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode } from '@ionflux/kit/errors';
import { GraphQLError, type ValidationRule } from 'graphql';

const NUL = '\u0000';
const MESSAGE = 'Strings may not contain the NUL character (U+0000); remove it and send the request again.';

/**
 * Where a NUL character hides in a request's variables (`input.model`), or undefined. PostgreSQL's text
 * cannot hold one, so such a string would otherwise fail deep in a subgraph as an INTERNAL error.
 */
export function nulCharacterPath(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return value.includes(NUL) ? path || '(the value)' : undefined;
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [key, item] of Object.entries(value)) {
    const found = nulCharacterPath(item, path ? `${path}.${key}` : key);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** The refusal of a request whose variables hold a NUL character. */
export function nulCharacterError(path: string): GraphQLError {
  return new GraphQLError(`${MESSAGE} Found in $${path}.`, {
    extensions: { code: ErrorCode.INVALID_REQUEST, http: { status: 400 } },
  });
}

/** Refuses a string literal with a NUL character in the operation's text (queries and subscriptions). */
export const refuseNulStringLiterals: ValidationRule = (context) => ({
  StringValue(node) {
    if (node.value.includes(NUL)) context.reportError(new GraphQLError(MESSAGE, { nodes: node }));
  },
});

/** Refuses, before any subgraph is called, a query or mutation whose variables hold a NUL character. */
export function refuseNulVariables(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request }) {
          const path = nulCharacterPath(request.variables ?? {});
          if (path !== undefined) throw nulCharacterError(path);
        },
      };
    },
  };
}
