import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { IntegrationError } from './integration-error.ts';
import { formatGraphQLError, INTERNAL_ERROR_MESSAGE, toGraphQLError } from './to-graphql-error.ts';

describe('formatGraphQLError', () => {
  it('keeps the code, message and client-safe details of an IntegrationError', () => {
    const error = toGraphQLError(
      new IntegrationError('SCOPE_REQUIRED', 'Grant read_orders to see orders.', {
        details: { grantUrl: 'https://x/grant' },
        cause: new Error('provider said 403 with token abc'),
      }),
    );
    expect(formatGraphQLError({ message: error.message, extensions: error.extensions }, error)).toEqual({
      message: 'Grant read_orders to see orders.',
      extensions: { code: 'SCOPE_REQUIRED', grantUrl: 'https://x/grant' },
    });
  });

  it('masks an unexpected error as INTERNAL with no stack or message leak', () => {
    const error = new GraphQLError('relation "kit.secret_table" does not exist', {
      originalError: new Error('relation "kit.secret_table" does not exist'),
    });
    const formatted = formatGraphQLError(
      { message: error.message, extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x'] } },
      error,
    );
    expect(formatted.extensions).toEqual({ code: 'INTERNAL' });
    expect(JSON.stringify(formatted)).not.toContain('secret_table');
  });

  it('replaces the message of an IntegrationError coded INTERNAL, dropping its details', () => {
    const error = toGraphQLError(
      new IntegrationError('INTERNAL', 'Vault read of secret/data/ionflux/master-keys failed (key id k-7)', {
        details: { table: 'kit.connection_credentials' },
      }),
    );
    const formatted = formatGraphQLError(
      { message: error.message, path: ['llmProviders'], extensions: error.extensions },
      error,
    );
    expect(formatted).toEqual({
      message: INTERNAL_ERROR_MESSAGE,
      path: ['llmProviders'],
      extensions: { code: 'INTERNAL' },
    });
  });

  it('replaces the message of an error that already carries code INTERNAL (relayed from a subgraph)', () => {
    const relayed = new GraphQLError('relation "kit.secret_table" failed for key id k-7', {
      extensions: { code: 'INTERNAL', serviceName: 'llm', table: 'kit.secret_table' },
    });
    const formatted = formatGraphQLError(relayed.toJSON(), relayed);
    expect(formatted).toEqual({ message: INTERNAL_ERROR_MESSAGE, extensions: { code: 'INTERNAL' } });
  });

  it('maps framework codes to INVALID_REQUEST, keeping the original as the reason', () => {
    const formatted = formatGraphQLError(
      {
        message: 'Cannot query field "nope" on type "Query".',
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      },
      new GraphQLError('x'),
    );
    expect(formatted.extensions).toEqual({ code: 'INVALID_REQUEST', reason: 'GRAPHQL_VALIDATION_FAILED' });
  });

  it('passes through an error a subgraph already coded, dropping transport details', () => {
    const formatted = formatGraphQLError(
      { message: 'Authentication required', extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } },
      new GraphQLError('Authentication required'),
    );
    expect(formatted.extensions).toEqual({ code: 'UNAUTHENTICATED' });
  });
});
