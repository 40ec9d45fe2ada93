import { describe, expect, it } from 'vitest';
import type { BusEvent } from './event-bus.ts';
import {
  copyEventTrace,
  eventTraceOf,
  splitEventTrace,
  tagWithEventTrace,
  withEventTrace,
} from './event-trace.ts';

const traceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
const event = (payload: unknown): BusEvent => ({ id: 1, topic: 't', payload, createdAt: new Date(0) });

describe('the trace context an event carries', () => {
  it('adds nothing to a payload when no span is active (tracing off)', () => {
    expect(withEventTrace({ a: 1 })).toEqual({ a: 1 });
  });

  it('moves a carried trace context out of the payload on delivery', () => {
    expect(splitEventTrace(event({ a: 1, _trace: { traceparent, other: 'x' } }))).toEqual({
      ...event({ a: 1 }),
      trace: { traceparent },
    });
  });

  it('drops a malformed carrier and leaves payloads without one untouched', () => {
    expect(splitEventTrace(event({ a: 1, _trace: 'forged' }))).toEqual(event({ a: 1 }));
    const plain = event([1, 2]);
    expect(splitEventTrace(plain)).toBe(plain);
  });

  it('tags what a subscription yields, invisibly, and a wrapper made from it', () => {
    const value = tagWithEventTrace({ id: 'e1' }, { ...event({}), trace: { traceparent } });
    expect(JSON.stringify(value)).toBe('{"id":"e1"}');
    expect(eventTraceOf(value)).toEqual({ traceparent });
    expect(eventTraceOf(copyEventTrace(value, { field: value }))).toEqual({ traceparent });
    expect(
      eventTraceOf(tagWithEventTrace(Object.freeze({ id: 'e2' }), { ...event({}), trace: { traceparent } })),
    ).toBeUndefined();
  });
});
