import type { Logger, LoggerOptions } from 'pino';
import { pino } from 'pino';

export type { Logger } from 'pino';

/**
 * Paths pino blanks before a log line is written. Credentials must never reach logs: authorization
 * headers, the forwarded identity, OAuth tokens, API keys, secrets, wherever they are nested. A service
 * adds the credential headers of the providers it speaks to (`LoggerConfig.redactPaths`).
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-ionflux-identity"]',
  'req.headers["x-api-key"]',
  'headers.authorization',
  'headers["x-ionflux-identity"]',
  'authorization',
  '*.authorization',
  'token',
  '*.token',
  'accessToken',
  '*.accessToken',
  'access_token',
  '*.access_token',
  'refreshToken',
  '*.refreshToken',
  'refresh_token',
  '*.refresh_token',
  'apiKey',
  '*.apiKey',
  'api_key',
  '*.api_key',
  'secret',
  '*.secret',
  'client_secret',
  '*.client_secret',
  'password',
  '*.password',
  'connectionString',
  '*.connectionString',
];

export interface LoggerConfig {
  service: string;
  level: string;
  /** Where lines go; tests pass a stream to capture them. @default stdout */
  destination?: NodeJS.WritableStream;
  /**
   * More paths to blank besides {@link REDACTED_PATHS}, e.g. `req.headers["x-<provider>-access-token"]`
   * for a provider's own credential header. @default []
   */
  redactPaths?: readonly string[];
}

export function createLogger({ service, level, destination, redactPaths = [] }: LoggerConfig): Logger {
  const options: LoggerOptions = {
    name: service,
    level,
    redact: { paths: [...REDACTED_PATHS, ...redactPaths], censor: '[redacted]' },
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return destination ? pino(options, destination) : pino(options);
}
