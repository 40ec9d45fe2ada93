import {
  type Context,
  context,
  ROOT_CONTEXT,
  type TextMapGetter,
  type TextMapSetter,
} from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';

const propagator = new W3CTraceContextPropagator();

const recordGetter: TextMapGetter<Record<string, string | string[] | undefined>> = {
  keys: (carrier) => Object.keys(carrier),
  get: (carrier, key) => carrier[key],
};
const recordSetter: TextMapSetter<Record<string, string>> = {
  set: (carrier, key, value) => {
    carrier[key] = value;
  },
};

/**
 * The W3C trace context (`traceparent`, `tracestate`) of `from` (the active context by default) as
 * headers or payload fields: empty when no span is recording, so nothing is added with tracing off.
 */
export function traceHeaders(from: Context = context.active()): Record<string, string> {
  const carrier: Record<string, string> = {};
  propagator.inject(from, carrier, recordSetter);
  return carrier;
}

/**
 * The context a W3C `traceparent` (and `tracestate`) in `carrier` names, e.g. an incoming request's
 * headers or a job's payload; the root context when there is none or it is malformed (a caller cannot
 * break anything by sending a bad one: it is ignored).
 */
export function contextFromTraceHeaders(carrier: Record<string, string | string[] | undefined>): Context {
  return propagator.extract(ROOT_CONTEXT, carrier, recordGetter);
}
