import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IntegrationError } from '../errors/index.ts';
import { completeAuthorization } from './complete-authorization.ts';
import type { ConnectionRow } from './connection-row.ts';
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
    });
    const result = await completeAuthorization(t.deps, await t.approve(start.authorizationUrl));
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

  it('can precompute the provider URL for the union of scopes; approving it widens the same connection', async () => {
    const error = await scopeError(
      requireScopes(t.deps, {
        connection,
        required: ['video.list'],
        authorize: { userId, redirectUri: t.callbackUrl('tiktok') },
      }),
    );
    const grantUrl = String(error.details['grantUrl']);
    expect(new URL(grantUrl).searchParams.get('scope')?.split(',').sort()).toEqual([
      'user.info.basic',
      'video.list',
    ]);
    const result = await completeAuthorization(t.deps, await t.approve(grantUrl));
    if (!result.ok) throw new Error(result.message);
    expect(result.created).toBe(false);
    expect(result.connection.id).toBe(connection.id);
    expect(result.connection.scopes.sort()).toEqual(['user.info.basic', 'video.list']);
    await expect(
      requireScopes(t.deps, { connection: result.connection, required: ['video.list'] }),
    ).resolves.toBeUndefined();
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
    });
    const result = await completeAuthorization(
      t.deps,
      await t.approve(start.authorizationUrl, { username: 'someone_else' }),
    );
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
