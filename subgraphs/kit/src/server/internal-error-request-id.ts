import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import { ErrorCode } from '../errors/index.ts';

/**
 * Adds `extensions.requestId` to every INTERNAL error of a response, so the client can report the one
 * id its masked error was logged under (the message itself is fixed by `formatGraphQLError`).
 */
export function internalErrorRequestId<Context extends BaseContext>(
  requestIdOf: (context: Context) => string | undefined,
): ApolloServerPlugin<Context> {
  const withRequestId = (errors: readonly GraphQLFormattedError[], requestId: string) =>
    errors.map((error) =>
      error.extensions?.['code'] === ErrorCode.INTERNAL
        ? { ...error, extensions: { ...error.extensions, requestId } }
        : error,
    );
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          const requestId = requestIdOf(contextValue);
          if (requestId === undefined) return;
          const { body } = response;
          if (body.kind === 'single' && body.singleResult.errors) {
            body.singleResult.errors = withRequestId(body.singleResult.errors, requestId);
          } else if (body.kind === 'incremental' && body.initialResult.errors) {
            body.initialResult.errors = withRequestId(body.initialResult.errors, requestId);
          }
        },
      };
    },
  };
}
