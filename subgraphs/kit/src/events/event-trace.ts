import { traceHeaders } from '../tracing/index.ts';
import type { BusEvent } from './event-bus.ts';

/**
 * Where a published object payload carries the W3C trace context of its publisher (`traceparent`,
 * `tracestate`), with tracing on: through `kit.events`, NOTIFY and NATS alike. Subscribers never see the
 * field: delivery moves it to {@link BusEvent.trace}.
 */
export const EVENT_TRACE_FIELD = '_trace';

/** Marks a value a subscription iterator made from an event with that event's trace context. */
const EVENT_TRACE = Symbol.for('ionflux.eventTrace');

/** The payload to publish: with the active trace context added when there is one and it is an object. */
export function withEventTrace(payload: unknown): unknown {
  const headers = traceHeaders();
  if (!('traceparent' in headers) || !isPlainObject(payload)) return payload;
  return { ...payload, [EVENT_TRACE_FIELD]: headers };
}

/** The event as subscribers get it: a carried trace context moved out of the payload into `trace`. */
export function splitEventTrace(event: BusEvent): BusEvent {
  if (!isPlainObject(event.payload) || !(EVENT_TRACE_FIELD in event.payload)) return event;
  const { [EVENT_TRACE_FIELD]: carried, ...payload } = event.payload;
  const trace: Record<string, string> = {};
  if (isPlainObject(carried)) {
    for (const name of ['traceparent', 'tracestate']) {
      const value = carried[name];
      if (typeof value === 'string') trace[name] = value;
    }
  }
  return { ...event, payload, ...('traceparent' in trace ? { trace } : {}) };
}

/**
 * Tags `value` (what a subscription iterator yields for an event) with the event's trace context, so the
 * subscription's execution of it can continue the trace. Values that are not objects, or cannot take a
 * property, stay untagged.
 */
export function tagWithEventTrace<T>(value: T, event: BusEvent): T {
  if (!event.trace || typeof value !== 'object' || value === null) return value;
  try {
    Object.defineProperty(value, EVENT_TRACE, { value: event.trace, enumerable: false, configurable: true });
  } catch {
    // A frozen value: the trace stops here.
  }
  return value;
}

/**
 * `to`, tagged with the trace context `from` carries: for a resolver that wraps what the iterator gave
 * it (`{ field: value }`) before yielding.
 */
export function copyEventTrace<T>(from: unknown, to: T): T {
  const trace = eventTraceOf(from);
  if (!trace || typeof to !== 'object' || to === null) return to;
  try {
    Object.defineProperty(to, EVENT_TRACE, { value: trace, enumerable: false, configurable: true });
  } catch {
    // A frozen value: the trace stops here.
  }
  return to;
}

/** The trace context a subscription value was tagged with (see {@link tagWithEventTrace}). */
export function eventTraceOf(value: unknown): Readonly<Record<string, string>> | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  return (value as Record<symbol, Record<string, string> | undefined>)[EVENT_TRACE];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
