import { type Context, contextFromTraceHeaders, traceHeaders } from '../tracing/index.ts';

/**
 * Where a job's payload carries the W3C trace context of whoever enqueued it (`traceparent`,
 * `tracestate`), so the job's span continues that trace. Tasks with a `payloadSchema` never see it (zod
 * drops unknown keys).
 */
export const JOB_TRACE_FIELD = '_trace';

/** The payload with the active trace context added, when there is one and the payload is an object. */
export function withJobTraceContext(payload: unknown, from?: Context): unknown {
  const headers = traceHeaders(from);
  if (!('traceparent' in headers)) return payload;
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return payload;
  return { ...payload, [JOB_TRACE_FIELD]: headers };
}

/** The context a job's payload names; the root context (a new trace) when it names none or a bad one. */
export function jobTraceContext(payload: unknown): Context {
  const carried =
    typeof payload === 'object' && payload !== null
      ? (payload as Record<string, unknown>)[JOB_TRACE_FIELD]
      : undefined;
  const carrier: Record<string, string> = {};
  if (typeof carried === 'object' && carried !== null) {
    for (const name of ['traceparent', 'tracestate']) {
      const value = (carried as Record<string, unknown>)[name];
      if (typeof value === 'string') carrier[name] = value;
    }
  }
  return contextFromTraceHeaders(carrier);
}
