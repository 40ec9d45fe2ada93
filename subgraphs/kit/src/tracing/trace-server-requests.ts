import type { IncomingMessage, ServerResponse } from 'node:http';
import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { Tracing } from './create-tracing.ts';
import { contextFromTraceHeaders } from './trace-context.ts';

type NodeHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/**
 * Wraps an HTTP handler in a SERVER span per request, continuing the caller's W3C trace context
 * (`traceparent`) and active while the handler and what it starts run; ended when the response is
 * finished or the connection closes. The span is named `<METHOD> <route>` (a fixed route, never the
 * request's own target). Off: the handler itself.
 */
export function traceServerRequests(tracing: Tracing, route: string, handler: NodeHandler): NodeHandler {
  if (!tracing.enabled) return handler;
  return (req, res) => {
    const parent = contextFromTraceHeaders(req.headers);
    const span = tracing.tracer.startSpan(
      `${req.method ?? 'GET'} ${route}`,
      {
        kind: SpanKind.SERVER,
        attributes: { 'http.request.method': req.method ?? 'GET', 'http.route': route },
      },
      parent,
    );
    const end = () => {
      span.setAttribute('http.response.status_code', res.statusCode);
      if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    };
    res.once('close', end);
    return context.with(trace.setSpan(parent, span), () => handler(req, res));
  };
}
