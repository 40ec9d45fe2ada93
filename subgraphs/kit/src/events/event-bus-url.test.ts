import { describe, expect, it } from 'vitest';
import { parseEventBusUrl } from './event-bus-url.ts';

describe('parseEventBusUrl (IONFLUX_EVENT_BUS)', () => {
  it('keeps Postgres when unset, empty or `postgres`', () => {
    for (const value of [undefined, '', '  ', 'postgres']) {
      expect(parseEventBusUrl(value)).toEqual({ ok: true, target: { kind: 'postgres' } });
    }
  });

  it('reads one or more nats:// servers, default port left to the client', () => {
    expect(parseEventBusUrl('nats://nats-0:4222, nats://nats-1:4223,nats://nats-2')).toEqual({
      ok: true,
      target: { kind: 'nats', servers: ['nats://nats-0:4222', 'nats://nats-1:4223', 'nats://nats-2'] },
    });
  });

  it('takes user and password, or a token, out of the URLs', () => {
    expect(parseEventBusUrl('nats://ionflux:p%40ss@nats-0:4222,nats://ionflux:p%40ss@nats-1:4222')).toEqual({
      ok: true,
      target: {
        kind: 'nats',
        servers: ['nats://nats-0:4222', 'nats://nats-1:4222'],
        credentials: { user: 'ionflux', pass: 'p@ss' },
      },
    });
    expect(parseEventBusUrl('nats://s3cr3t-token@nats-0:4222')).toMatchObject({
      target: { credentials: { token: 's3cr3t-token' } },
    });
  });

  it('refuses other schemes, paths, queries and mixed credentials without repeating the value', () => {
    const refused = [
      'redis://user:hunter2@cache:6379',
      'nats://user:hunter2@nats-0:4222/events',
      'nats://user:hunter2@nats-0:4222?stream=x',
      'nats://user:hunter2@nats-0:4222,nats://user:other-hunter2@nats-1:4222',
      'nats://user:hunter2@',
      'not a url hunter2',
      'nats://user:hunter2@nats-0:4222,',
    ];
    for (const value of refused) {
      const parsed = parseEventBusUrl(value);
      expect(parsed.ok, value).toBe(false);
      if (parsed.ok) continue;
      expect(parsed.reason).toMatch(/^IONFLUX_EVENT_BUS must be unset or `postgres`/);
      expect(parsed.reason).not.toContain('hunter2');
    }
  });
});
