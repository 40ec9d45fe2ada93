export type { Logger, LoggerConfig } from './create-logger.ts';
export { createLogger, REDACTED_PATHS } from './create-logger.ts';
