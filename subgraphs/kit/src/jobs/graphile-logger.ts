import { Logger as GraphileLogger, type LogLevel } from 'graphile-worker';
import type { Logger } from '../logging/index.ts';

/**
 * graphile-worker's logger, writing into ours. Its `info` lines (every job completion) go to `debug`:
 * our task wrapper already logs what matters about a job, and a busy queue would drown the log.
 */
export function toGraphileLogger(logger: Logger): GraphileLogger {
  return new GraphileLogger((scope) => {
    const scoped = logger.child({ component: 'graphile-worker', ...scope });
    return (level: LogLevel, message: string, meta?: unknown) => {
      const fields = meta && typeof meta === 'object' ? { meta } : {};
      switch (level) {
        case 'error':
          scoped.error(fields, message);
          return;
        case 'warning':
          scoped.warn(fields, message);
          return;
        case 'info':
        case 'debug':
          scoped.debug(fields, message);
          return;
        default: {
          const unknownLevel: never = level;
          scoped.info(fields, `${String(unknownLevel)}: ${message}`);
        }
      }
    };
  });
}
