import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode } from '@ionflux/kit/errors';

/**
 * A request refused before execution (syntax, limits, validation) answers 400 whichever rule refused it;
 * some of Armor's rules throw from hooks that would otherwise make Apollo answer 500.
 */
export function invalidRequestStatus(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          // Only request errors (no `data` at all): an execution error answers 200 with data null, as
          // GraphQL over HTTP says for application/json.
          if (
            data === undefined &&
            errors?.length &&
            errors.every((e) => e.extensions?.['code'] === ErrorCode.INVALID_REQUEST) &&
            // APQ's "send the document" answer stays 200, as APQ clients expect.
            !errors.some((e) => e.extensions?.['reason'] === 'PERSISTED_QUERY_NOT_FOUND')
          ) {
            response.http.status = 400;
          }
        },
      };
    },
  };
}
