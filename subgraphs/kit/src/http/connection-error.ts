/** Socket-level error codes worth another attempt: the provider or the path to it failed, not the request. */
const transientCodes = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'EAI_AGAIN',
]);

/**
 * The code of a transient connection failure somewhere in `error`'s cause chain (fetch wraps undici's
 * socket error in `TypeError: fetch failed`), or `undefined` when the error is something else.
 * Matches the codes above, every undici `UND_ERR_*` code (socket closed, headers/body timeout…) and
 * Node's "socket hang up" / undici's "other side closed" messages.
 */
export function connectionErrorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Object; depth++) {
    const code = 'code' in current ? current.code : undefined;
    if (typeof code === 'string' && (transientCodes.has(code) || code.startsWith('UND_ERR_'))) return code;
    const message = current instanceof Error ? current.message : '';
    if (/socket hang up|other side closed/i.test(message)) return 'ECONNRESET';
    current = current instanceof Error ? current.cause : undefined;
  }
  return undefined;
}

/**
 * Whether the connection was refused, so the request provably never reached the provider and may be sent
 * again even when it is not idempotent.
 */
export function isConnectionRefused(code: string | undefined): boolean {
  return code === 'ECONNREFUSED' || code === 'UND_ERR_CONNECT_TIMEOUT';
}
