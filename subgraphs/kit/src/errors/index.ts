export { ErrorCode, httpStatusOf, isErrorCode } from './error-code.ts';
export type { ErrorDetails, IntegrationErrorOptions } from './integration-error.ts';
export { IntegrationError, isIntegrationError } from './integration-error.ts';
export { formatGraphQLError, INTERNAL_ERROR_MESSAGE, toGraphQLError } from './to-graphql-error.ts';
