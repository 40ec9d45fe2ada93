import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type OAuthAccount, OAuthGrants } from './oauth-grants.ts';

export interface StandardOAuthServerOptions {
  clientId: string;
  clientSecret: string;
  /** Starts every code and token this server issues (e.g. `ex.`), so a test can tell whose a secret is. */
  tokenPrefix: string;
  /** @default 86400 (24 h) */
  accessTokenSeconds?: number;
}

/** One request the server answered, for tests that count provider calls. */
export interface OAuthServerRequest {
  seq: number;
  method: string;
  path: string;
  status: number;
  /** The form fields of a POST; empty for a GET. */
  body: Record<string, string>;
}

/** A scripted misbehaviour: the next `times` requests to `path` wait `latencyMs`, then answer `status`. */
export interface OAuthServerFault {
  path: string;
  status?: number;
  latencyMs?: number;
  /** @default 1 */
  times?: number;
}

export interface StandardOAuthServer {
  /** `http://127.0.0.1:<port>`: `/authorize`, `/token`, `/revoke`, `/userinfo`. */
  url: string;
  /** An account that can approve on the consent page (`username` field). */
  addAccount(username: string): OAuthAccount;
  /** The accounts, the seeded `example_user` first. */
  accounts(): OAuthAccount[];
  /** The account withdraws the app's access: its refresh tokens answer `invalid_grant`, its access tokens 401. */
  revokeGrant(accountId: string): void;
  injectFault(fault: OAuthServerFault): void;
  clearFaults(): void;
  /** Requests answered after `since` (a `seq`), oldest first. */
  requests(since?: number): OAuthServerRequest[];
  clearRequests(): void;
  close(): Promise<void>;
}

const SEED_USERNAME = 'example_user';

/**
 * A standard OAuth 2.0 authorization server on a free port, the provider behind the kit's tests: the
 * authorization-code grant (RFC 6749 §4.1) with a consent page, PKCE S256 (RFC 7636), rotating refresh
 * tokens (§6), revocation (RFC 7009) and a userinfo endpoint naming the account. Client authentication
 * is `client_secret_post`. With `login_hint` on the authorize URL the account is the one named there
 * (created on first use, as a store is) and the callback says which account approved (`account`).
 */
export async function startStandardOAuthServer(
  options: StandardOAuthServerOptions,
): Promise<StandardOAuthServer> {
  const grants = new OAuthGrants(options.tokenPrefix);
  const accessTokenSeconds = options.accessTokenSeconds ?? 86_400;
  const accounts = new Map<string, OAuthAccount>();
  const log: OAuthServerRequest[] = [];
  let faults: Required<OAuthServerFault>[] = [];
  let seq = 0;

  const addAccount = (username: string, id = `acct_${randomBytes(8).toString('hex')}`): OAuthAccount => {
    const account = { id, username, displayName: `@${username}` };
    accounts.set(username, account);
    return account;
  };
  addAccount(SEED_USERNAME);

  const route = (
    method: string,
    path: string,
    fields: Record<string, string>,
    req: IncomingMessage,
  ): Answer => {
    if (path === '/authorize' && method === 'GET') return consentPage(fields);
    if (path === '/authorize' && method === 'POST') return decide(fields);
    if (path === '/token' && method === 'POST') return token(fields);
    if (path === '/revoke' && method === 'POST') return revoke(fields);
    if (path === '/userinfo' && method === 'GET') return userinfo(req.headers.authorization);
    return json(404, { error: 'not_found' });
  };

  /** The parts of an authorize request; undefined when it cannot be answered by a redirect (RFC 6749 §4.1.2.1). */
  const readAuthorize = (fields: Record<string, string>) => {
    const redirectUri = fields['redirect_uri'] ?? '';
    if (fields['client_id'] !== options.clientId || !/^https?:\/\//.test(redirectUri)) return undefined;
    return {
      redirectUri,
      state: fields['state'] ?? '',
      scopes: (fields['scope'] ?? '').split(' ').filter(Boolean),
    };
  };

  const consentPage = (fields: Record<string, string>): Answer => {
    const request = readAuthorize(fields);
    if (!request) return html(400, '<h1>invalid_request</h1><p>Unknown client or redirect_uri.</p>');
    const hidden = [
      'client_id',
      'response_type',
      'redirect_uri',
      'scope',
      'state',
      'code_challenge',
      'code_challenge_method',
      'login_hint',
    ]
      .filter((name) => fields[name] !== undefined)
      .map((name) => `<input type="hidden" name="${name}" value="${escapeHtml(fields[name] ?? '')}">`)
      .join('');
    const who =
      fields['login_hint'] !== undefined
        ? `<p>Continue as <strong>${escapeHtml(fields['login_hint'])}</strong></p>`
        : `<label>Continue as <select name="username">${[...accounts.values()]
            .map((a) => `<option value="${escapeHtml(a.username)}">${escapeHtml(a.displayName)}</option>`)
            .join('')}</select></label>`;
    return html(
      200,
      `<h1>Authorize ${escapeHtml(options.clientId)}</h1><p>Scopes: ${escapeHtml(request.scopes.join(' '))}</p>
<form method="post" action="/authorize">${hidden}${who}
<button type="submit" name="decision" value="approve">Approve</button>
<button type="submit" name="decision" value="deny">Deny</button></form>`,
    );
  };

  const decide = (fields: Record<string, string>): Answer => {
    const request = readAuthorize(fields);
    if (!request) return html(400, '<h1>invalid_request</h1><p>Unknown client or redirect_uri.</p>');
    const back = new URL(request.redirectUri);
    back.searchParams.set('state', request.state);
    const hint = fields['login_hint'];
    const refuse = (error: string, description: string) => {
      back.searchParams.set('error', error);
      back.searchParams.set('error_description', description);
      return redirect(back);
    };
    if (fields['response_type'] !== 'code')
      return refuse('unsupported_response_type', 'Only code is supported.');
    if (request.scopes.length === 0) return refuse('invalid_scope', 'No scope was requested.');
    const challenge = fields['code_challenge'];
    if (challenge !== undefined && fields['code_challenge_method'] !== 'S256') {
      return refuse('invalid_request', 'Only the S256 code challenge method is supported.');
    }
    if (fields['decision'] !== 'approve') return refuse('access_denied', 'The user denied the request.');
    const account =
      hint !== undefined
        ? (accounts.get(hint) ?? addAccount(hint, hint))
        : accounts.get(fields['username'] ?? SEED_USERNAME);
    if (!account) return html(400, '<h1>invalid_request</h1><p>Unknown account.</p>');
    const code = grants.issueCode({
      accountId: account.id,
      scopes: request.scopes,
      redirectUri: request.redirectUri,
      codeChallenge: challenge,
    });
    back.searchParams.set('code', code);
    if (hint !== undefined) back.searchParams.set('account', account.id);
    return redirect(back);
  };

  const token = (fields: Record<string, string>): Answer => {
    if (fields['client_id'] !== options.clientId || fields['client_secret'] !== options.clientSecret) {
      return json(401, { error: 'invalid_client', error_description: 'Client authentication failed.' });
    }
    const grantType = fields['grant_type'];
    const issued =
      grantType === 'authorization_code'
        ? grants.exchangeCode({
            code: fields['code'] ?? '',
            redirectUri: fields['redirect_uri'] ?? '',
            codeVerifier: fields['code_verifier'],
          })
        : grantType === 'refresh_token'
          ? grants.refresh(fields['refresh_token'] ?? '')
          : undefined;
    if (!issued) return json(400, { error: 'unsupported_grant_type', error_description: String(grantType) });
    if (!issued.ok) return json(400, { error: issued.error, error_description: issued.description });
    return json(200, {
      access_token: issued.accessToken,
      token_type: 'Bearer',
      expires_in: accessTokenSeconds,
      refresh_token: issued.refreshToken,
      scope: issued.scopes.join(' '),
      account_id: issued.accountId,
    });
  };

  const revoke = (fields: Record<string, string>): Answer => {
    if (fields['client_id'] !== options.clientId || fields['client_secret'] !== options.clientSecret) {
      return json(401, { error: 'invalid_client', error_description: 'Client authentication failed.' });
    }
    grants.revokeToken(fields['token'] ?? '');
    return json(200, {});
  };

  const userinfo = (authorization: string | undefined): Answer => {
    const grant = grants.grantOfAccessToken(/^Bearer (.+)$/.exec(authorization ?? '')?.[1] ?? '');
    const account = grant && [...accounts.values()].find((a) => a.id === grant.accountId);
    if (!account)
      return json(401, { error: 'invalid_token', error_description: 'The access token is not valid.' });
    return json(200, { sub: account.id, name: account.displayName, preferred_username: account.username });
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const method = req.method ?? 'GET';
      const body =
        method === 'POST' ? Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString())) : {};
      const fields = { ...Object.fromEntries(url.searchParams), ...body };
      void (async () => {
        const fault = faults.find((f) => f.path === url.pathname && f.times > 0);
        if (fault) fault.times -= 1;
        if (fault?.latencyMs) await new Promise((resolve) => setTimeout(resolve, fault.latencyMs));
        const answer =
          fault?.status !== undefined && fault.status > 0
            ? json(fault.status, { error: 'temporarily_unavailable', error_description: 'Injected fault.' })
            : route(method, url.pathname, fields, req);
        log.push({ seq: ++seq, method, path: url.pathname, status: answer.status, body });
        send(res, answer);
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    addAccount: (username) => addAccount(username),
    accounts: () => [...accounts.values()],
    revokeGrant: (accountId) => grants.revokeAccount(accountId),
    injectFault: (fault) => {
      faults.push({ status: 0, latencyMs: 0, times: 1, ...fault });
    },
    clearFaults: () => {
      faults = [];
    },
    requests: (since = 0) => log.filter((entry) => entry.seq > since),
    clearRequests: () => {
      log.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const json = (status: number, body: unknown): Answer => ({
  status,
  headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
  body: JSON.stringify(body),
});
const html = (status: number, body: string): Answer => ({
  status,
  headers: { 'content-type': 'text/html; charset=utf-8' },
  body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Example provider</title></head><body>${body}</body></html>`,
});
const redirect = (location: URL): Answer => ({
  status: 302,
  headers: { location: location.toString() },
  body: '',
});

function send(res: ServerResponse, answer: Answer): void {
  res.writeHead(answer.status, answer.headers).end(answer.body);
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
