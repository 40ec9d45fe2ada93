import { randomUUID } from 'node:crypto';
import { type ExampleOAuthContext, startExampleOAuthContext } from '@ionflux/testing/oauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IntegrationError } from '../errors/index.ts';
import { beginBrowserAuthorization } from './begin-browser-authorization.ts';
import { completeAuthorization } from './complete-authorization.ts';
import type { ConnectionRow } from './connection-row.ts';
import { createGrantTicket } from './grant-ticket.ts';
import { requireScopes } from './require-scopes.ts';
import { startAuthorization } from './start-authorization.ts';

async function scopeError(promise: Promise<void>): Promise<IntegrationError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof IntegrationError))
    throw new Error(`expected an IntegrationError, got ${String(error)}`);
  return error;
}

describe('requireScopes (incremental authorization)', () => {
  let t: ExampleOAuthContext;
  let connection: ConnectionRow;
  const workspaceId = randomUUID();
  const userId = randomUUID();
  beforeAll(async () => {
    t = await startExampleOAuthContext();
    const start = await startAuthorization(t.deps, {
      provider: 'example',
      workspaceId,
      userId,
      owner: { type: 'creator', id: randomUUID() },
      scopes: ['read:profile'],
      redirectUri: t.callbackUrl('example'),
      startUrl: t.startUrl('example'),
    });
    const result = await t.complete(start);
    if (!result.ok) throw new Error(result.message);
    connection = result.connection;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('passes when every scope is granted', async () => {
    await expect(requireScopes(t.deps, { connection, required: ['read:profile'] })).resolves.toBeUndefined();
  });

  it('throws SCOPE_REQUIRED with the missing scopes and a grant URL on the app’s scope flow', async () => {
    const error = await scopeError(
      requireScopes(t.deps, {
        connection,
        required: ['read:profile', 'read:videos'],
        startUrl: 'https://app.ionflux.test/oauth/example/scopes',
      }),
    );
    expect(error.code).toBe('SCOPE_REQUIRED');
    expect(error.message).toMatch(/read:videos scope/);
    expect(error.details['missingScopes']).toEqual(['read:videos']);
    const grantUrl = new URL(String(error.details['grantUrl']));
    expect(grantUrl.origin + grantUrl.pathname).toBe('https://app.ionflux.test/oauth/example/scopes');
    expect(grantUrl.searchParams.get('connection_id')).toBe(connection.id);
    expect(grantUrl.searchParams.get('scope')).toBe('read:videos');
  });

  const grantError = (required: string[], options: { ttlMs?: number; now?: () => Date } = {}) =>
    scopeError(
      requireScopes(options.now ? { ...t.deps, now: options.now } : t.deps, {
        connection,
        required,
        grantTicket: { startUrl: t.startUrl('example'), userId, key: t.keys.example, ttlMs: options.ttlMs },
      }),
    );
  const stateCount = async () =>
    (await t.sql<{ n: number }[]>`select count(*)::int as n from kit.oauth_states`)[0]?.n ?? 0;
  const open = (grantUrl: string) =>
    beginBrowserAuthorization(t.deps, {
      key: t.keys.example,
      query: Object.fromEntries(new URL(grantUrl).searchParams),
      cookie: { path: '/oauth/example', secure: false },
      redirectUri: t.callbackUrl('example'),
      startUrl: t.startUrl('example'),
    });

  it('answers SCOPE_REQUIRED with a signed grant URL on the start route and stores nothing, however often', async () => {
    const before = await stateCount();
    for (let i = 0; i < 25; i++) {
      const error = await grantError(['read:videos']);
      expect(error.code).toBe('SCOPE_REQUIRED');
      const grantUrl = new URL(String(error.details['grantUrl']));
      expect(grantUrl.origin + grantUrl.pathname).toBe(t.startUrl('example'));
      expect(grantUrl.searchParams.get('ticket')).toMatch(/^[\w-]+\.[\w-]+$/);
    }
    expect(await stateCount()).toBe(before);
  });

  it('following the grant URL binds the browser and asks for granted ∪ missing; approving widens the same connection', async () => {
    const grantUrl = String((await grantError(['read:videos'])).details['grantUrl']);
    const before = await stateCount();
    const browser = t.browser();
    const authorizationUrl = await browser.open(grantUrl, t.callbackUrl('example'));
    expect(await stateCount()).toBe(before + 1);
    expect(new URL(authorizationUrl).searchParams.get('scope')?.split(' ').sort()).toEqual([
      'read:profile',
      'read:videos',
    ]);
    const result = await completeAuthorization(t.deps, await t.approve(authorizationUrl), {
      key: t.keys.example,
      cookieHeader: browser.cookieHeader(),
    });
    if (!result.ok) throw new Error(result.message);
    expect(result.created).toBe(false);
    expect(result.connection.id).toBe(connection.id);
    expect(result.connection.connected_by).toBe(userId);
    expect(result.connection.scopes.sort()).toEqual(['read:profile', 'read:videos']);
    await expect(
      requireScopes(t.deps, { connection: result.connection, required: ['read:videos'] }),
    ).resolves.toBeUndefined();
    connection = result.connection;
  });

  it('refuses a tampered, expired or other provider’s grant ticket with INVALID_REQUEST, storing nothing', async () => {
    const grantUrl = new URL(String((await grantError(['read:stats'])).details['grantUrl']));
    const ticket = grantUrl.searchParams.get('ticket') ?? '';
    const [payload = '', signature = ''] = ticket.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    const widened = Buffer.from(JSON.stringify({ ...claims, s: ['read:stats', 'write:videos'] })).toString(
      'base64url',
    );
    const flipped = `${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`;
    const expired = new URL(
      String(
        (await grantError(['read:stats'], { now: () => new Date(Date.now() - 2 * 24 * 3600_000) })).details[
          'grantUrl'
        ],
      ),
    ).searchParams.get('ticket');
    const otherProviderSigned = createGrantTicket(t.keys.example_store, {
      workspaceId,
      userId,
      connectionId: connection.id,
      scopes: ['read:stats'],
      expiresAt: new Date(Date.now() + 60_000),
    });
    const before = await stateCount();
    for (const [value, reason] of [
      [`${widened}.${signature}`, 'ticket_invalid'],
      [`${payload}.${flipped}`, 'ticket_invalid'],
      [payload, 'ticket_invalid'],
      ['x'.repeat(5000), 'ticket_invalid'],
      [expired ?? '', 'ticket_expired'],
      [otherProviderSigned, 'ticket_invalid'],
    ] as const) {
      const url = new URL(grantUrl);
      url.searchParams.set('ticket', value);
      expect(await open(url.toString())).toMatchObject({ ok: false, reason, code: 'INVALID_REQUEST' });
    }
    expect(await stateCount()).toBe(before);
    expect((await open(grantUrl.toString())).ok).toBe(true);
  });

  it('refuses a grant ticket whose connection is gone with NOT_FOUND', async () => {
    const ticket = createGrantTicket(t.keys.example, {
      workspaceId,
      userId,
      connectionId: randomUUID(),
      scopes: ['read:videos'],
      expiresAt: new Date(Date.now() + 60_000),
    });
    expect(await open(`${t.startUrl('example')}?ticket=${ticket}`)).toMatchObject({
      ok: false,
      reason: 'connection_unknown',
      code: 'NOT_FOUND',
    });
  });

  it('refuses an incremental grant that comes back for a different account', async () => {
    t.example.addAccount('someone_else');
    const start = await startAuthorization(t.deps, {
      provider: 'example',
      workspaceId,
      userId,
      connectionId: connection.id,
      scopes: ['read:stats'],
      redirectUri: t.callbackUrl('example'),
      startUrl: t.startUrl('example'),
    });
    const result = await t.complete(start, { fields: { username: 'someone_else' } });
    expect(result).toMatchObject({ ok: false, reason: 'account_mismatch' });
  });

  it('asks the connection’s provider profile whether a scope is covered (write:x implies read:x)', async () => {
    const storeConnection = { ...connection, provider: 'example_store', scopes: ['write:products'] };
    await expect(
      requireScopes(t.deps, { connection: storeConnection, required: ['read:products'] }),
    ).resolves.toBeUndefined();
    const error = await scopeError(
      requireScopes(t.deps, { connection: storeConnection, required: ['read:customers'] }),
    );
    expect(error.details['missingScopes']).toEqual(['read:customers']);
  });
});
