export type { Context, Span } from '@opentelemetry/api';
export { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
export type { Tracing, TracingOptions } from './create-tracing.ts';
export { createTracing } from './create-tracing.ts';
export { contextFromTraceHeaders, traceHeaders } from './trace-context.ts';
export { traceServerRequests } from './trace-server-requests.ts';
