import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IntegrationError } from '../errors/index.ts';
import { beginBrowserAuthorization } from './begin-browser-authorization.ts';
import { completeAuthorization } from './complete-authorization.ts';
import type { ConnectionRow } from './connection-row.ts';
import { createGrantTicket } from './grant-ticket.ts';
import { requireScopes } from './require-scopes.ts';
import { startAuthorization } from './start-authorization.ts';
import { type OAuthTestContext, startOAuthTestContext } from './testing/oauth-test-context.ts';

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
  let t: OAuthTestContext;
  let connection: ConnectionRow;
  const workspaceId = randomUUID();
  const userId = randomUUID();
  beforeAll(async () => {
    t = await startOAuthTestContext();
    const start = await startAuthorization(t.deps, {
      provider: 'tiktok',
      workspaceId,
      userId,
      owner: { type: 'creator', id: randomUUID() },
      scopes: ['user.info.basic'],
      redirectUri: t.callbackUrl('tiktok'),
      startUrl: t.startUrl('tiktok'),
    });
    const result = await t.complete(start);
    if (!result.ok) throw new Error(result.message);
    connection = result.connection;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('passes when every scope is granted', async () => {
    await expect(
      requireScopes(t.deps, { connection, required: ['user.info.basic'] }),
    ).resolves.toBeUndefined();
  });

  it('throws SCOPE_REQUIRED with the missing scopes and a grant URL on the app’s scope flow', async () => {
    const error = await scopeError(
      requireScopes(t.deps, {
        connection,
        required: ['user.info.basic', 'video.list'],
        startUrl: 'https://app.ionflux.test/oauth/tiktok/scopes',
      }),
    );
    expect(error.code).toBe('SCOPE_REQUIRED');
    expect(error.message).toMatch(/video\.list scope/);
    expect(error.details['missingScopes']).toEqual(['video.list']);
    const grantUrl = new URL(String(error.details['grantUrl']));
    expect(grantUrl.origin + grantUrl.pathname).toBe('https://app.ionflux.test/oauth/tiktok/scopes');
    expect(grantUrl.searchParams.get('connection_id')).toBe(connection.id);
    expect(grantUrl.searchParams.get('scope')).toBe('video.list');
  });

  const grantError = (required: string[], options: { ttlMs?: number; now?: () => Date } = {}) =>
    scopeError(
      requireScopes(options.now ? { ...t.deps, now: options.now } : t.deps, {
        connection,
        required,
        grantTicket: { startUrl: t.startUrl('tiktok'), userId, key: t.keys.tiktok, ttlMs: options.ttlMs },
      }),
    );
  const stateCount = async () =>
    (await t.sql<{ n: number }[]>`select count(*)::int as n from kit.oauth_states`)[0]?.n ?? 0;
  const open = (grantUrl: string) =>
    beginBrowserAuthorization(t.deps, {
      key: t.keys.tiktok,
      query: Object.fromEntries(new URL(grantUrl).searchParams),
      cookie: { path: '/oauth/tiktok', secure: false },
      redirectUri: t.callbackUrl('tiktok'),
      startUrl: t.startUrl('tiktok'),
    });

  it('answers SCOPE_REQUIRED with a signed grant URL on the start route and stores nothing, however often', async () => {
    const before = await stateCount();
    for (let i = 0; i < 25; i++) {
      const error = await grantError(['video.list']);
      expect(error.code).toBe('SCOPE_REQUIRED');
      const grantUrl = new URL(String(error.details['grantUrl']));
      expect(grantUrl.origin + grantUrl.pathname).toBe(t.startUrl('tiktok'));
      expect(grantUrl.searchParams.get('ticket')).toMatch(/^[\w-]+\.[\w-]+$/);
    }
    expect(await stateCount()).toBe(before);
  });

  it('following the grant URL binds the browser and asks for granted ∪ missing; approving widens the same connection', async () => {
    const grantUrl = String((await grantError(['video.list'])).details['grantUrl']);
    const before = await stateCount();
    const browser = t.browser();
    const authorizationUrl = await browser.open(grantUrl, t.callbackUrl('tiktok'));
    expect(await stateCount()).toBe(before + 1);
    expect(new URL(authorizationUrl).searchParams.get('scope')?.split(',').sort()).toEqual([
      'user.info.basic',
      'video.list',
    ]);
    const result = await completeAuthorization(t.deps, await t.approve(authorizationUrl), {
      key: t.keys.tiktok,
      cookieHeader: browser.cookieHeader(),
    });
    if (!result.ok) throw new Error(result.message);
    expect(result.created).toBe(false);
    expect(result.connection.id).toBe(connection.id);
    expect(result.connection.connected_by).toBe(userId);
    expect(result.connection.scopes.sort()).toEqual(['user.info.basic', 'video.list']);
    await expect(
      requireScopes(t.deps, { connection: result.connection, required: ['video.list'] }),
    ).resolves.toBeUndefined();
    connection = result.connection;
  });

  it('refuses a tampered, expired or other provider’s grant ticket with INVALID_REQUEST, storing nothing', async () => {
    const grantUrl = new URL(String((await grantError(['user.info.stats'])).details['grantUrl']));
    const ticket = grantUrl.searchParams.get('ticket') ?? '';
    const [payload = '', signature = ''] = ticket.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    const widened = Buffer.from(
      JSON.stringify({ ...claims, s: ['user.info.stats', 'video.publish'] }),
    ).toString('base64url');
    const flipped = `${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`;
    const expired = new URL(
      String(
        (await grantError(['user.info.stats'], { now: () => new Date(Date.now() - 2 * 24 * 3600_000) }))
          .details['grantUrl'],
      ),
    ).searchParams.get('ticket');
    const shopifySigned = createGrantTicket(t.keys.shopify, {
      workspaceId,
      userId,
      connectionId: connection.id,
      scopes: ['user.info.stats'],
      expiresAt: new Date(Date.now() + 60_000),
    });
    const before = await stateCount();
    for (const [value, reason] of [
      [`${widened}.${signature}`, 'ticket_invalid'],
      [`${payload}.${flipped}`, 'ticket_invalid'],
      [payload, 'ticket_invalid'],
      ['x'.repeat(5000), 'ticket_invalid'],
      [expired ?? '', 'ticket_expired'],
      [shopifySigned, 'ticket_invalid'],
    ] as const) {
      const url = new URL(grantUrl);
      url.searchParams.set('ticket', value);
      expect(await open(url.toString())).toMatchObject({ ok: false, reason, code: 'INVALID_REQUEST' });
    }
    expect(await stateCount()).toBe(before);
    expect((await open(grantUrl.toString())).ok).toBe(true);
  });

  it('refuses a grant ticket whose connection is gone with NOT_FOUND', async () => {
    const ticket = createGrantTicket(t.keys.tiktok, {
      workspaceId,
      userId,
      connectionId: randomUUID(),
      scopes: ['video.list'],
      expiresAt: new Date(Date.now() + 60_000),
    });
    expect(await open(`${t.startUrl('tiktok')}?ticket=${ticket}`)).toMatchObject({
      ok: false,
      reason: 'connection_unknown',
      code: 'NOT_FOUND',
    });
  });

  it('refuses an incremental grant that comes back for a different account', async () => {
    t.tiktok.addCreator('someone_else', 0);
    const start = await startAuthorization(t.deps, {
      provider: 'tiktok',
      workspaceId,
      userId,
      connectionId: connection.id,
      scopes: ['user.info.stats'],
      redirectUri: t.callbackUrl('tiktok'),
      startUrl: t.startUrl('tiktok'),
    });
    const result = await t.complete(start, { fields: { username: 'someone_else' } });
    expect(result).toMatchObject({ ok: false, reason: 'account_mismatch' });
  });

  it('knows that Shopify write_x implies read_x', async () => {
    const shopConnection = { ...connection, provider: 'shopify' as const, scopes: ['write_products'] };
    await expect(
      requireScopes(t.deps, { connection: shopConnection, required: ['read_products'] }),
    ).resolves.toBeUndefined();
    const error = await scopeError(
      requireScopes(t.deps, { connection: shopConnection, required: ['read_customers'] }),
    );
    expect(error.details['missingScopes']).toEqual(['read_customers']);
  });
});
