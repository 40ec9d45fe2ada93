import { describe, expect, it } from 'vitest';
import { createLogger } from '../logging/index.ts';
import { createTracing } from './create-tracing.ts';
import { contextFromTraceHeaders, traceHeaders } from './trace-context.ts';

const logger = createLogger({ service: 'test', level: 'silent' });

describe('createTracing', () => {
  it('is off without an endpoint: spans record nothing and no trace context is propagated', async () => {
    const tracing = createTracing({ service: 'test', endpoint: undefined, logger });
    expect(tracing.enabled).toBe(false);
    const seen = await tracing.inSpan('work', {}, async (span) => {
      expect(span.isRecording()).toBe(false);
      return traceHeaders();
    });
    expect(seen).toEqual({});
    await tracing.close();
  });

  it('reads a W3C traceparent and ignores a malformed one', () => {
    const traceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    expect(traceHeaders(contextFromTraceHeaders({ traceparent }))).toEqual({ traceparent });
    expect(traceHeaders(contextFromTraceHeaders({ traceparent: '00-zz-nothex-01' }))).toEqual({});
  });
});
