import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './create-logger.ts';

describe('createLogger', () => {
  it('blanks credentials wherever they sit in a log line', async () => {
    const out = new PassThrough();
    let text = '';
    out.on('data', (chunk: Buffer) => {
      text += chunk.toString();
    });
    const logger = createLogger({ service: 'test', level: 'info', destination: out });
    logger.info(
      {
        req: { headers: { authorization: 'Bearer eyJ.secret.jwt', 'x-ionflux-identity': 'signed-identity' } },
        token: { access_token: 'shpat_123', refresh_token: 'rt_456' },
        connection: { apiKey: 'sk-live-789', accessToken: 'at-000' },
      },
      'calling provider',
    );
    await new Promise((resolve) => setImmediate(resolve));
    for (const secret of [
      'eyJ.secret.jwt',
      'signed-identity',
      'shpat_123',
      'rt_456',
      'sk-live-789',
      'at-000',
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('[redacted]');
    expect(text).toContain('"service":"test"');
  });

  it('also blanks the paths a service adds for its providers’ own credential headers', async () => {
    const out = new PassThrough();
    let text = '';
    out.on('data', (chunk: Buffer) => {
      text += chunk.toString();
    });
    const logger = createLogger({
      service: 'test',
      level: 'info',
      destination: out,
      redactPaths: ['req.headers["x-example-access-token"]'],
    });
    logger.info({ req: { headers: { 'x-example-access-token': 'tok_secret', accept: 'json' } } }, 'sent');
    await new Promise((resolve) => setImmediate(resolve));
    expect(text).not.toContain('tok_secret');
    expect(text).toContain('"accept":"json"');
  });
});
