import type { ServerResponse } from 'node:http';
import { type ErrorCode, httpStatusOf } from '../errors/index.ts';

/**
 * Ends a plain HTTP request with `{error: {code, message}}`: routes that are not GraphQL answer in this
 * shape, with the status of the code unless one is given (413, 504).
 */
export function sendRouteError(
  res: ServerResponse,
  code: ErrorCode,
  message: string,
  options: { status?: number; close?: boolean } = {},
): void {
  const body = JSON.stringify({ error: { code, message } });
  res.statusCode = options.status ?? httpStatusOf(code);
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('content-length', Buffer.byteLength(body));
  res.setHeader('cache-control', 'no-store');
  if (options.close) res.setHeader('connection', 'close');
  res.end(body);
}
