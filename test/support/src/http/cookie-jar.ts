interface StoredCookie {
  name: string;
  value: string;
  host: string;
  path: string;
  expiresAt: number;
}

/**
 * A browser's cookie store, as much of it as the OAuth routes need: host-only cookies (the port does not
 * count, as in browsers), `Path` matching, `Max-Age` expiry and deletion. `fetch` sends the matching
 * cookies and keeps what the answer sets, without following redirects.
 */
export class CookieJar {
  readonly #cookies = new Map<string, StoredCookie>();

  /** Keeps the `Set-Cookie` values of an answer from `url`. */
  store(url: string | URL, setCookies: readonly string[]): void {
    const { hostname } = new URL(url);
    for (const header of setCookies) {
      const [pair = '', ...attributes] = header.split(';').map((part) => part.trim());
      const index = pair.indexOf('=');
      if (index <= 0) continue;
      const cookie: StoredCookie = {
        name: pair.slice(0, index),
        value: pair.slice(index + 1),
        host: hostname,
        path: '/',
        expiresAt: Number.POSITIVE_INFINITY,
      };
      for (const attribute of attributes) {
        const [key = '', value = ''] = attribute.split('=');
        if (key.toLowerCase() === 'path') cookie.path = value;
        if (key.toLowerCase() === 'max-age') cookie.expiresAt = Date.now() + Number(value) * 1000;
      }
      const id = `${cookie.host} ${cookie.path} ${cookie.name}`;
      if (cookie.expiresAt <= Date.now()) this.#cookies.delete(id);
      else this.#cookies.set(id, cookie);
    }
  }

  /** The `Cookie` header a browser sends to `url` (longest path first), or undefined. */
  header(url: string | URL): string | undefined {
    const { hostname, pathname } = new URL(url);
    const matching = [...this.#cookies.values()]
      .filter(
        (cookie) =>
          cookie.host === hostname &&
          cookie.expiresAt > Date.now() &&
          (pathname === cookie.path ||
            pathname.startsWith(cookie.path.endsWith('/') ? cookie.path : `${cookie.path}/`)),
      )
      .sort((a, b) => b.path.length - a.path.length);
    return matching.length === 0 ? undefined : matching.map((c) => `${c.name}=${c.value}`).join('; ');
  }

  /** The names of the cookies held now. */
  names(): string[] {
    return [...this.#cookies.values()].filter((c) => c.expiresAt > Date.now()).map((c) => c.name);
  }

  /** fetch with this jar's cookies; keeps the answer's `Set-Cookie`; never follows redirects. */
  async fetch(url: string | URL, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    const cookie = this.header(url);
    if (cookie) headers.set('cookie', cookie);
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    this.store(url, response.headers.getSetCookie());
    return response;
  }
}
