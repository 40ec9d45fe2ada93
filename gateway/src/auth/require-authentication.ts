import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode } from '@ionflux/kit/errors';
import { type FragmentDefinitionNode, GraphQLError, Kind, type SelectionSetNode } from 'graphql';
import type { GatewayContext } from '../gateway-context.ts';

/**
 * Refuses any operation from a caller without a valid JWT, except pure introspection (so the playground
 * can show the schema before a token is pasted). Introspection itself is off in production.
 */
export function requireAuthentication(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation, document }) {
          if (contextValue.identity) return;
          const fragments = new Map(
            document.definitions
              .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
              .map((d) => [d.name.value, d]),
          );
          if (operation?.operation === 'query' && onlyIntrospection(operation.selectionSet, fragments))
            return;
          throw new GraphQLError('Authentication required: send Authorization: Bearer <jwt>.', {
            extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } },
          });
        },
      };
    },
  };
}

function onlyIntrospection(set: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>): boolean {
  return set.selections.every((selection) => {
    switch (selection.kind) {
      case Kind.FIELD:
        return selection.name.value.startsWith('__');
      case Kind.INLINE_FRAGMENT:
        return onlyIntrospection(selection.selectionSet, fragments);
      case Kind.FRAGMENT_SPREAD: {
        const fragment = fragments.get(selection.name.value);
        return fragment ? onlyIntrospection(fragment.selectionSet, fragments) : false;
      }
      default: {
        const unreachable: never = selection;
        return unreachable;
      }
    }
  });
}
