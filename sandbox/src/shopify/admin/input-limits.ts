import { type DocumentNode, GraphQLError, valueFromASTUntyped, visit } from 'graphql';
import { MAX_PAGE_SIZE } from './connection.ts';

export const MAX_INPUT_ARRAY = 250;

/**
 * Shopify's size limits, checked before execution: input arrays (e.g. `nodes(ids:)`) hold at most 250
 * items, and `first`/`last` ask for at most 250.
 */
export function inputLimitErrors(document: DocumentNode, variables: Record<string, unknown>): GraphQLError[] {
  const errors: GraphQLError[] = [];
  visit(document, {
    Field(field) {
      for (const arg of field.arguments ?? []) {
        const value = valueFromASTUntyped(arg.value, variables);
        const path = [field.alias?.value ?? field.name.value, arg.name.value];
        if (Array.isArray(value) && value.length > MAX_INPUT_ARRAY) {
          errors.push(
            new GraphQLError(
              `The input array size of ${value.length} is greater than the maximum allowed of ${MAX_INPUT_ARRAY}.`,
              { nodes: [arg], path, extensions: { code: 'MAX_INPUT_SIZE_EXCEEDED' } },
            ),
          );
        }
        if (
          (arg.name.value === 'first' || arg.name.value === 'last') &&
          typeof value === 'number' &&
          value > MAX_PAGE_SIZE
        ) {
          // Wording unverified against a captured response; the limit itself is documented.
          errors.push(
            new GraphQLError(
              `The ${arg.name.value} argument must be less than or equal to ${MAX_PAGE_SIZE}.`,
              {
                nodes: [arg],
                path,
                extensions: { code: 'MAX_PAGE_SIZE_EXCEEDED' },
              },
            ),
          );
        }
      }
    },
  });
  return errors;
}
