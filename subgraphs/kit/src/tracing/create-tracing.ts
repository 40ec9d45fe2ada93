import {
  type Context,
  context,
  INVALID_SPAN_CONTEXT,
  type Span,
  SpanKind,
  SpanStatusCode,
  type Tracer,
  trace,
} from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import type { Logger } from '../logging/index.ts';

/** A service's tracer and the exporter behind it. */
export interface Tracing {
  /** False when `OTEL_EXPORTER_OTLP_ENDPOINT` is unset: every span is a no-op and nothing is exported. */
  readonly enabled: boolean;
  readonly tracer: Tracer;
  /**
   * Runs `fn` in a span that is a child of `parent` (or of the active span), active while `fn` runs, and
   * ended when it settles: ERROR status and the exception when it throws. Off: `fn` runs alone.
   */
  inSpan<T>(
    name: string,
    options: { kind?: SpanKind; parent?: Context; attributes?: Record<string, string | number | boolean> },
    fn: (span: Span) => Promise<T>,
  ): Promise<T>;
  /** Exports what is buffered now (tests; before a process exits). */
  flush(): Promise<void>;
  /** Flushes and stops exporting. */
  close(): Promise<void>;
}

export interface TracingOptions {
  /** `service.name` of every span. */
  service: string;
  /**
   * `OTEL_EXPORTER_OTLP_ENDPOINT`: the collector's OTLP/HTTP base URL; spans go to `<endpoint>/v1/traces`
   * as OTLP JSON. Unset: tracing is off.
   */
  endpoint: string | undefined;
  logger: Logger;
  /** How long finished spans wait to be exported together. @default 1000 */
  exportDelayMs?: number;
}

const noopTracer = trace.getTracerProvider().getTracer('ionflux-off');
let contextManagerInstalled = false;

/**
 * The tracing of one service: with an endpoint, an OpenTelemetry tracer provider of its own (so several
 * services in one process keep their `service.name`) exporting over OTLP/HTTP in batches, and the
 * process's AsyncLocalStorage context manager (installed once, the first time tracing is on) so spans
 * started in resolvers and clients find their parent. Without an endpoint, a no-op tracer and no
 * context manager: the cost of a disabled span is a function call.
 */
export function createTracing(options: TracingOptions): Tracing {
  if (!options.endpoint) return disabledTracing;
  if (!contextManagerInstalled) {
    contextManagerInstalled = context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  }
  const url = `${options.endpoint.replace(/\/+$/, '')}/v1/traces`;
  const provider = new TracerProvider({
    resource: resourceFromAttributes({ 'service.name': options.service }),
    spanProcessors: [
      new BatchSpanProcessor({
        exporter: new OTLPTraceExporter({ url }),
        scheduledDelayMillis: options.exportDelayMs ?? 1000,
      }),
    ],
  });
  const tracer = provider.getTracer('@ionflux/kit');
  options.logger.info({ url }, 'tracing on: spans are exported over OTLP/HTTP');
  return {
    enabled: true,
    tracer,
    inSpan: (name, spanOptions, fn) => runInSpan(tracer, name, spanOptions, fn),
    flush: () => provider.forceFlush(),
    async close() {
      await provider.forceFlush().catch(() => {});
      await provider.shutdown().catch((error: unknown) => {
        options.logger.warn({ err: error }, 'the span exporter did not shut down cleanly');
      });
    },
  };
}

const disabledTracing: Tracing = {
  enabled: false,
  tracer: noopTracer,
  inSpan: (_name, _options, fn) => fn(trace.wrapSpanContext(INVALID_SPAN_CONTEXT)),
  flush: async () => {},
  close: async () => {},
};

async function runInSpan<T>(
  tracer: Tracer,
  name: string,
  options: { kind?: SpanKind; parent?: Context; attributes?: Record<string, string | number | boolean> },
  fn: (span: Span) => Promise<T>,
): Promise<T> {
  const parent = options.parent ?? context.active();
  const span = tracer.startSpan(
    name,
    {
      kind: options.kind ?? SpanKind.INTERNAL,
      ...(options.attributes ? { attributes: options.attributes } : {}),
    },
    parent,
  );
  try {
    return await context.with(trace.setSpan(parent, span), () => fn(span));
  } catch (error) {
    span.setStatus({
      code: SpanStatusCode.ERROR,
      message: error instanceof Error ? error.message : String(error),
    });
    if (error instanceof Error) span.recordException(error);
    throw error;
  } finally {
    span.end();
  }
}
