import { describe, expect, it } from 'vitest';
import { contextFromTraceHeaders, traceHeaders } from '../tracing/index.ts';
import { jobTraceContext, withJobTraceContext } from './job-trace-context.ts';

const traceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';

describe('the trace context a job carries', () => {
  it('adds the enqueuer’s traceparent to an object payload and reads it back', () => {
    const payload = withJobTraceContext({ deliveryId: 'd' }, contextFromTraceHeaders({ traceparent }));
    expect(payload).toEqual({ deliveryId: 'd', _trace: { traceparent } });
    expect(traceHeaders(jobTraceContext(payload))).toEqual({ traceparent });
  });

  it('leaves the payload alone without an active span (tracing off) or when it is not an object', () => {
    expect(withJobTraceContext({ deliveryId: 'd' })).toEqual({ deliveryId: 'd' });
    expect(withJobTraceContext([1, 2], contextFromTraceHeaders({ traceparent }))).toEqual([1, 2]);
  });

  it('starts a new trace for a payload with none or a forged, malformed one', () => {
    expect(traceHeaders(jobTraceContext({ deliveryId: 'd' }))).toEqual({});
    expect(traceHeaders(jobTraceContext({ _trace: { traceparent: 'nonsense' } }))).toEqual({});
    expect(traceHeaders(jobTraceContext({ _trace: 'nonsense' }))).toEqual({});
  });
});
