/** Where a process's events fan out, as `IONFLUX_EVENT_BUS` names it. */
export type EventBusTarget =
  | { kind: 'postgres' }
  | {
      kind: 'nats';
      /** `nats://host:port` of each server given, without credentials. */
      servers: string[];
      /** From the URLs' user info: `user:password@` or a lone `token@`. */
      credentials?: { user: string; pass: string } | { token: string };
    };

export type ParsedEventBusUrl = { ok: true; target: EventBusTarget } | { ok: false; reason: string };

const USAGE =
  'IONFLUX_EVENT_BUS must be unset or `postgres` (Postgres LISTEN/NOTIFY), or one or more nats:// URLs ' +
  'separated by commas (NATS JetStream), e.g. nats://nats-0:4222,nats://nats-1:4222';

/**
 * Reads `IONFLUX_EVENT_BUS`. The reason of a refusal never repeats the value, which may hold a password.
 */
export function parseEventBusUrl(value: string | undefined): ParsedEventBusUrl {
  const trimmed = value?.trim() ?? '';
  if (trimmed === '' || trimmed === 'postgres') return { ok: true, target: { kind: 'postgres' } };
  const servers: string[] = [];
  let credentials: { user: string; pass: string } | { token: string } | undefined;
  for (const [index, entry] of trimmed.split(',').entries()) {
    let url: URL;
    try {
      url = new URL(entry.trim());
    } catch {
      return { ok: false, reason: `${USAGE} (entry ${index + 1} is not a URL)` };
    }
    if (url.protocol !== 'nats:')
      return { ok: false, reason: `${USAGE} (entry ${index + 1} is not nats://)` };
    if (url.hostname === '' || (url.pathname !== '' && url.pathname !== '/') || url.search || url.hash) {
      return {
        ok: false,
        reason: `${USAGE} (entry ${index + 1} must be nats://[user:password@]host[:port])`,
      };
    }
    servers.push(`nats://${url.host}`);
    const found = credentialsOf(url);
    if (!found) continue;
    if (credentials && JSON.stringify(credentials) !== JSON.stringify(found)) {
      return { ok: false, reason: `${USAGE} (the URLs carry different credentials; give one set)` };
    }
    credentials = found;
  }
  return { ok: true, target: { kind: 'nats', servers, ...(credentials ? { credentials } : {}) } };
}

function credentialsOf(url: URL): { user: string; pass: string } | { token: string } | undefined {
  const user = decodeURIComponent(url.username);
  const pass = decodeURIComponent(url.password);
  if (user === '' && pass === '') return undefined;
  return pass === '' ? { token: user } : { user, pass };
}
