import { DrizzleQueryError } from 'drizzle-orm';
import { ErrorCode } from './error-code.ts';
import { IntegrationError } from './integration-error.ts';

/** postgres.js's own codes for a connection that could not be made or was lost. */
const CLIENT_CODES = new Set([
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
]);
/** Node's socket errors of a server that is down, restarting or unreachable. */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
/**
 * PostgreSQL's SQLSTATEs of a server going away or not yet serving: 57P01 admin_shutdown, 57P02
 * crash_shutdown, 57P03 cannot_connect_now (starting up, recovering); class 08 is "connection exception".
 */
const SERVER_CODES = new Set(['57P01', '57P02', '57P03']);

/**
 * Whether `error`, or an error it wraps (`cause`), says the database could not be reached, as opposed to
 * a query the database refused: a postgres.js connection error, a PostgreSQL shutdown/startup/connection
 * SQLSTATE, or a socket error under a drizzle query (`DrizzleQueryError`). A bare socket error is not
 * taken for the database's: it may be any other dependency's. Such a failure is the database's state, not
 * the request's fault, and passes when the database is back.
 */
export function isDatabaseUnreachable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let underQuery = false;
  for (let current = error; current instanceof Error && !seen.has(current); current = current.cause) {
    seen.add(current);
    if (current instanceof DrizzleQueryError) underQuery = true;
    const code = (current as { code?: unknown }).code;
    if (typeof code !== 'string') continue;
    if (CLIENT_CODES.has(code)) return true;
    if (current.name === 'PostgresError' && (SERVER_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code)))
      return true;
    if (underQuery && SOCKET_CODES.has(code)) return true;
  }
  return false;
}

/**
 * What a client reads when its request needed the database and the database could not be reached:
 * PROVIDER_UNAVAILABLE (the dependency a client can only wait for), `reason: DATABASE_UNAVAILABLE`, and no
 * address, user or SQL. The original stays in `cause` for the log.
 */
export function databaseUnavailable(cause: unknown): IntegrationError {
  return new IntegrationError(
    ErrorCode.PROVIDER_UNAVAILABLE,
    'The database is unreachable, so this could not be served; retry in a few seconds.',
    { cause, details: { reason: 'DATABASE_UNAVAILABLE' } },
  );
}
