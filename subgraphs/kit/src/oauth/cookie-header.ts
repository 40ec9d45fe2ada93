/** The attributes of a cookie the OAuth routes set. */
export interface CookieAttributes {
  /** Path the browser sends it to, e.g. `/oauth/{provider}` (both the start route and the callback). */
  path: string;
  /** `Secure`: only over https (set when the public URL is https). */
  secure: boolean;
  /** Lifetime in seconds; 0 deletes the cookie. */
  maxAgeSeconds: number;
}

const COOKIE_NAME = /^[A-Za-z0-9_-]{1,100}$/;
const COOKIE_VALUE = /^[A-Za-z0-9._-]{0,500}$/;

/** A `Set-Cookie` value: HttpOnly and `SameSite=Lax` always (a top-level redirect from the provider carries it). */
export function serializeCookie(name: string, value: string, attributes: CookieAttributes): string {
  if (!COOKIE_NAME.test(name) || !COOKIE_VALUE.test(value)) throw new Error('unsafe cookie name or value');
  if (!attributes.path.startsWith('/') || /[;\s]/.test(attributes.path))
    throw new Error('unsafe cookie path');
  const parts = [
    `${name}=${value}`,
    `Max-Age=${Math.max(0, Math.floor(attributes.maxAgeSeconds))}`,
    `Path=${attributes.path}`,
    'HttpOnly',
    'SameSite=Lax',
  ];
  if (attributes.secure) parts.push('Secure');
  return parts.join('; ');
}

/**
 * The value of one cookie in a `Cookie` request header, or undefined. When the browser sends the name
 * twice (cookies of different paths), the first, most specific one is taken, as browsers order them.
 */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const pair of header.split(';')) {
    const index = pair.indexOf('=');
    if (index < 0) continue;
    if (pair.slice(0, index).trim() === name) return pair.slice(index + 1).trim();
  }
  return undefined;
}
