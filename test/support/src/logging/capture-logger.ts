import { Writable } from 'node:stream';
import { createLogger, type Logger } from '@ionflux/kit/logging';

/** A kit logger (with its redaction) whose lines are kept in memory, for grepping in tests. */
export function captureLogger(): { logger: Logger; text: () => string } {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return {
    logger: createLogger({ service: 'oauth-test', level: 'debug', destination }),
    text: () => lines.join(''),
  };
}
