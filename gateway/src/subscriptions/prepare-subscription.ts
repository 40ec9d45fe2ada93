import {
  type DocumentNode,
  GraphQLError,
  type GraphQLSchema,
  getOperationAST,
  getVariableValues,
  type OperationDefinitionNode,
  parse,
  specifiedRules,
  type ValidationRule,
  validate,
} from 'graphql';
import { nulCharacterPath } from '../limits/nul-characters.ts';
import { invalidSubscription } from './subscription-error.ts';

/** What a client sends to subscribe, over graphql-ws or SSE. */
export interface SubscriptionRequest {
  query: string;
  operationName?: string | null | undefined;
  variables?: Record<string, unknown> | null | undefined;
}

export interface PreparedSubscription {
  document: DocumentNode;
  operation: OperationDefinitionNode;
  variables: Record<string, unknown>;
  /** Plan cache key: the text as sent plus the operation picked. */
  planKey: string;
}

export interface PrepareOptions {
  /** The gateway's Armor rules (depth, aliases, cost, directives), run like they are for queries. */
  validationRules: readonly ValidationRule[];
  /** Token limit of the parser, as for queries. */
  maxTokens: number;
}

/**
 * Parses, validates (graphql-js rules + the same operation limits as queries) and coerces variables,
 * before anything is planned or sent upstream. Only subscriptions are taken: queries and mutations go to
 * `POST /graphql`, where Apollo Server runs them.
 */
export function prepareSubscription(
  schema: GraphQLSchema,
  request: SubscriptionRequest,
  options: PrepareOptions,
): PreparedSubscription | readonly GraphQLError[] {
  if (typeof request.query !== 'string' || request.query.length === 0) {
    return [invalidSubscription('The request has no query.')];
  }
  let document: DocumentNode;
  try {
    document = parse(request.query, { maxTokens: options.maxTokens });
  } catch (error) {
    return [
      invalidSubscription(error instanceof GraphQLError ? error.message : 'The query could not be parsed.'),
    ];
  }
  const errors = validate(schema, document, [...specifiedRules, ...options.validationRules]);
  if (errors.length > 0) return errors.map((error) => invalidSubscription(error.message));
  const operation = getOperationAST(document, request.operationName ?? undefined);
  if (!operation) return [invalidSubscription('Name the operation to run with operationName.')];
  if (operation.operation !== 'subscription') {
    return [
      invalidSubscription('Only subscriptions are served here; send queries and mutations to POST /graphql.'),
    ];
  }
  const nulAt = nulCharacterPath(request.variables ?? {});
  if (nulAt !== undefined) {
    return [invalidSubscription(`Strings may not contain the NUL character (U+0000): found in $${nulAt}.`)];
  }
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {});
  if (coerced.errors) return coerced.errors.map((error) => invalidSubscription(error.message));
  return {
    document,
    operation,
    variables: coerced.coerced,
    planKey: `${request.operationName ?? ''}\n${request.query}`,
  };
}
