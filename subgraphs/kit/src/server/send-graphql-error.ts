import type { ServerResponse } from 'node:http';
import type { ErrorCode } from '../errors/index.ts';

/**
 * Answers, before any operation runs, with one error in GraphQL's shape
 * (`{ errors: [{ message, extensions: { code } }] }`), keeping the headers already set on `res`.
 */
export function sendGraphQLError(
  res: ServerResponse,
  status: number,
  code: ErrorCode,
  message: string,
): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}
