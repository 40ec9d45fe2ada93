import type { OAuthDeps, OAuthProvider, OAuthSigningKey } from '@ionflux/kit/oauth';
import { beginBrowserAuthorization } from '@ionflux/kit/oauth';

/**
 * What a browser does with our start route, without HTTP: opening a start link runs the route's kit
 * call and keeps the cookie it sets; the callback then sends them back in a `Cookie` header.
 */
export class TestBrowser {
  readonly #cookies = new Map<string, string>();
  readonly #deps: OAuthDeps;
  readonly #keys: Readonly<Record<OAuthProvider, OAuthSigningKey>>;

  constructor(deps: OAuthDeps, keys: Readonly<Record<OAuthProvider, OAuthSigningKey>>) {
    this.#deps = deps;
    this.#keys = keys;
  }

  /** Opens `…/oauth/{provider}/start?state=…` (or `?ticket=…`); resolves the provider URL it redirects to. */
  async open(startUrl: string, redirectUri = 'http://127.0.0.1/callback'): Promise<string> {
    const url = new URL(startUrl);
    const provider = /^\/oauth\/([a-z0-9_]+)\/start$/.exec(url.pathname)?.[1];
    const key = provider === undefined ? undefined : this.#keys[provider];
    if (!provider || !key) throw new Error(`not a start URL: ${startUrl}`);
    const result = await beginBrowserAuthorization(this.#deps, {
      key,
      query: Object.fromEntries(url.searchParams),
      cookie: { path: `/oauth/${provider}`, secure: false },
      redirectUri,
      startUrl: `${url.origin}${url.pathname}`,
    });
    if (!result.ok) throw new Error(`start refused: ${result.reason} ${result.message}`);
    const [pair] = result.setCookie.split(';');
    const index = pair?.indexOf('=') ?? -1;
    if (!pair || index < 0) throw new Error('no cookie set');
    this.#cookies.set(pair.slice(0, index), pair.slice(index + 1));
    return result.authorizationUrl;
  }

  /** The `Cookie` header this browser sends to our OAuth routes. */
  cookieHeader(): string {
    return [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}
