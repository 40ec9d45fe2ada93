import type { Logger, LoggerOptions } from 'pino';
import { pino } from 'pino';

export type { Logger } from 'pino';

/**
 * Paths pino blanks before a log line is written. Credentials must never reach logs: authorization
 * headers, the forwarded identity, OAuth tokens, API keys, secrets, wherever they are nested.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-ionflux-identity"]',
  'req.headers["x-shopify-access-token"]',
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
}

export function createLogger({ service, level, destination }: LoggerConfig): Logger {
  const options: LoggerOptions = {
    name: service,
    level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return destination ? pino(options, destination) : pino(options);
}
