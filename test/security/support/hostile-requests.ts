import { randomUUID } from 'node:crypto';
import { signBody, signQuery } from '@ionflux/sandbox/shopify';
import { webhookSignature } from '@ionflux/sandbox/tiktok';
import fc from 'fast-check';
import { hostileString, SPECIAL_STRINGS } from './hostile-values.ts';

/** Headers that frame the message or steer Node's parser itself; a random value there tests Node, not us. */
const FRAMING_HEADERS = new Set([
  'content-length',
  'transfer-encoding',
  'host',
  'connection',
  'expect',
  'upgrade',
  'te',
  'trailer',
  'keep-alive',
]);

const TOKEN_CHARS = "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** A header name: any RFC 9110 token but the framing ones. */
export function headerName(): fc.Arbitrary<string> {
  return fc
    .string({ unit: fc.constantFrom(...TOKEN_CHARS), minLength: 1, maxLength: 24 })
    .filter((name) => !FRAMING_HEADERS.has(name.toLowerCase()));
}

/** A header value as it may travel on the wire: visible ASCII, spaces, tabs and obs-text bytes. */
export function headerValue(): fc.Arbitrary<string> {
  const visible = fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code));
  const obsText = fc.integer({ min: 0x80, max: 0xff }).map((code) => String.fromCharCode(code));
  const char = fc.oneof(
    { weight: 12, arbitrary: visible },
    { weight: 1, arbitrary: fc.constant('\t') },
    { weight: 1, arbitrary: obsText },
  );
  return fc.oneof(
    { weight: 8, arbitrary: fc.string({ unit: char, maxLength: 60 }) },
    // Long values, within Node's 16 KiB limit on the whole header section.
    { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 6_000 }).map((n) => 'v'.repeat(n)) },
  );
}

/** A request body: JSON of any shape, bytes, a plausible Shopify payload, nothing, or too much. */
function body(): fc.Arbitrary<Buffer> {
  return fc.oneof(
    {
      weight: 4,
      arbitrary: fc.jsonValue({ maxDepth: 4 }).map((value) => Buffer.from(JSON.stringify(value) ?? 'null')),
    },
    { weight: 3, arbitrary: fc.uint8Array({ maxLength: 2_000 }).map((bytes) => Buffer.from(bytes)) },
    {
      weight: 3,
      arbitrary: fc
        .record({
          id: fc.oneof(fc.integer(), hostileString()),
          domain: hostileString(),
          note: hostileString(),
        })
        .map((payload) => Buffer.from(JSON.stringify(payload))),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(Buffer.alloc(0), Buffer.from('{"a":"\\u0000"}'), Buffer.from('{"a":1')),
    },
    // Over the 1 MiB the webhook routes accept.
    { weight: 1, arbitrary: fc.constant(Buffer.alloc(1_100_000, 0x61)) },
  );
}

/** A webhook delivery as an attacker (or a confused sender) posts it. */
export interface HostileDelivery {
  headers: [string, string][];
  body: Buffer;
  /** Whether it carries one valid signature of its body (the only case a 2xx may answer). */
  signed: boolean;
}

type SignatureMode = 'valid' | 'invalid' | 'missing' | 'garbage' | 'duplicated';

/**
 * Webhook deliveries to `/webhooks/{provider}`: random bodies, the provider's headers with valid and
 * invalid values, signatures valid, wrong, missing, malformed or sent twice, random extra headers
 * (long, duplicated, odd bytes) and content types and encodings.
 */
export function hostileDelivery(
  provider: 'shopify' | 'tiktok',
  secret: string,
): fc.Arbitrary<HostileDelivery> {
  return fc
    .record({
      body: body(),
      signature: fc.constantFrom<SignatureMode>(
        'valid',
        'valid',
        'invalid',
        'missing',
        'garbage',
        'duplicated',
      ),
      topic: fc.oneof(
        fc.constantFrom(
          'app/uninstalled',
          'orders/create',
          'products/update',
          'shop/redact',
          'video.publish.completed',
        ),
        headerValue(),
      ),
      shop: fc.oneof(
        fc.constant('ionflux-demo.myshopify.com'),
        fc.uuid().map((id) => `${id.slice(0, 8)}.myshopify.com`),
        headerValue(),
      ),
      deliveryId: fc.oneof(fc.uuid(), fc.constant('the-same-delivery-id'), headerValue()),
      contentType: fc.option(
        fc.oneof(
          fc.constantFrom(
            'application/json',
            'application/json; charset=utf-16',
            'text/plain',
            'application/x-www-form-urlencoded',
            'multipart/form-data; boundary=x',
          ),
          headerValue(),
        ),
        { nil: undefined },
      ),
      contentEncoding: fc.option(
        fc.constantFrom('gzip', 'deflate', 'br', 'identity', 'compress', 'x-unknown'),
        {
          nil: undefined,
        },
      ),
      extra: fc.array(fc.tuple(headerName(), headerValue()), { maxLength: 6 }),
      duplicateExtra: fc.boolean(),
      timestamp: fc.oneof(fc.constant(Math.floor(Date.now() / 1000)), fc.integer()),
    })
    .map((d): HostileDelivery => {
      const signatureHeader = provider === 'shopify' ? 'X-Shopify-Hmac-Sha256' : 'TikTok-Signature';
      const valid =
        provider === 'shopify'
          ? signBody(d.body, secret)
          : webhookSignature(secret, d.timestamp, d.body.toString('utf8'));
      const wrong =
        provider === 'shopify'
          ? signBody(d.body, `${secret}x`)
          : webhookSignature(`${secret}x`, d.timestamp, 'x');
      const headers: [string, string][] = [];
      if (d.contentType !== undefined) headers.push(['Content-Type', d.contentType]);
      if (d.contentEncoding !== undefined) headers.push(['Content-Encoding', d.contentEncoding]);
      if (provider === 'shopify') {
        // Each cut to 2,000 characters: with the extra headers below, the header section stays under
        // the 16 KiB Node answers itself (431, before any route).
        headers.push(
          ['X-Shopify-Topic', d.topic.slice(0, 2_000)],
          ['X-Shopify-Shop-Domain', d.shop.slice(0, 2_000)],
          ['X-Shopify-Webhook-Id', d.deliveryId.slice(0, 2_000)],
        );
        headers.push(
          ['X-Shopify-Api-Version', '2026-01'],
          ['X-Shopify-Triggered-At', new Date().toISOString()],
        );
      }
      switch (d.signature) {
        case 'valid':
          headers.push([signatureHeader, valid]);
          break;
        case 'invalid':
          headers.push([signatureHeader, wrong]);
          break;
        case 'missing':
          break;
        case 'garbage':
          headers.push([signatureHeader, '%%%not base64%%%']);
          break;
        case 'duplicated':
          headers.push([signatureHeader, valid], [signatureHeader, wrong]);
          break;
        default: {
          const never: never = d.signature;
          throw new Error(`unknown signature mode ${String(never)}`);
        }
      }
      // Node answers a header section over 16 KiB itself (431, before any route): stay under it here.
      let budget = 13_000 - headers.reduce((sum, [name, value]) => sum + name.length + value.length + 4, 0);
      for (const header of d.extra) {
        const copies = d.duplicateExtra ? 2 : 1;
        budget -= copies * (header[0].length + header[1].length + 4);
        if (budget < 0) break;
        headers.push(header);
        if (d.duplicateExtra) headers.push(header);
      }
      return describedDelivery({ headers, body: d.body, signed: d.signature === 'valid' });
    });
}

/** A delivery that prints its body by size and first bytes (a counterexample of 1 MB stays readable). */
function describedDelivery(delivery: HostileDelivery): HostileDelivery {
  return Object.assign(delivery, {
    [fc.toStringMethod]: () =>
      `{headers: ${JSON.stringify(delivery.headers.map(([n, v]) => [n, v.length > 100 ? `${v.slice(0, 40)}…(${v.length} chars)` : v]))}, body: ${delivery.body.length} bytes ${JSON.stringify(delivery.body.subarray(0, 120).toString('latin1'))}, signed: ${delivery.signed}}`,
  });
}

/** Percent-encodes any string, lone surrogates included (encodeURIComponent throws on those). */
function percentEncode(value: string): string {
  return [...Buffer.from(value, 'utf8')]
    .map((byte) =>
      /[A-Za-z0-9\-_.~]/.test(String.fromCharCode(byte))
        ? String.fromCharCode(byte)
        : `%${byte.toString(16).padStart(2, '0')}`,
    )
    .join('');
}

const OAUTH_KEYS = [
  'shop',
  'hmac',
  'state',
  'code',
  'timestamp',
  'host',
  'scope',
  'scopes',
  'error',
  'error_description',
  'redirect_uri',
  'nonce',
  'brandId',
  'return_to',
];

/** An OAuth start or callback request: its query string and a cookie header, both hostile. */
export interface HostileOAuthRequest {
  query: string;
  headers: [string, string][];
}

/**
 * Query strings for `/oauth/{provider}/{start,callback}`: the parameters providers and the app use,
 * and random ones, with hostile values, repeated keys and broken percent-encoding; for Shopify's
 * callback, sometimes signed with the app secret and a fresh timestamp so that the HMAC check passes
 * and the state check is what refuses. Random cookies ride along (the browser-binding cookie included).
 */
export function hostileOAuthRequest(shopifySecret?: string): fc.Arbitrary<HostileOAuthRequest> {
  const value = fc.oneof(hostileString(), fc.uuid(), fc.constantFrom(...SPECIAL_STRINGS));
  return fc
    .record({
      pairs: fc.array(
        fc.tuple(
          fc.oneof(
            { weight: 4, arbitrary: fc.constantFrom(...OAUTH_KEYS) },
            { weight: 1, arbitrary: hostileString() },
          ),
          value,
        ),
        {
          maxLength: 8,
        },
      ),
      signed: fc.boolean(),
      brokenEncoding: fc.constantFrom('', '', '', '&%', '&a=%zz', '&%00=%00', '&&&=', '&a=%e2%82'),
      cookie: fc.option(
        fc.array(
          fc.tuple(
            fc.oneof(
              headerName(),
              fc.constantFrom('ionflux_oauth', 'ionflux_oauth_shopify', '__Host-ionflux-oauth'),
            ),
            headerValue(),
          ),
          {
            minLength: 1,
            maxLength: 4,
          },
        ),
        { nil: undefined },
      ),
    })
    .map((r): HostileOAuthRequest => {
      // Node answers a request line and headers over 16 KiB itself (431, before any route): the
      // encoded parameters are cut at 8,000 characters (a cut %-sequence is one more broken encoding),
      // the cookies at 3,000.
      const pairs = r.pairs.map(([key, v]): [string, string] => [key.slice(0, 300), v.slice(0, 2_000)]);
      let query: string;
      if (r.signed && shopifySecret) {
        const signed = new URLSearchParams({
          code: randomUUID(),
          shop: `${randomUUID().slice(0, 8)}.myshopify.com`,
          state: randomUUID(),
          timestamp: String(Math.floor(Date.now() / 1000)),
        });
        for (const [key, v] of pairs) if (key !== 'hmac') signed.append(key, v);
        signed.set('hmac', signQuery(signed, shopifySecret));
        query = [...signed].map(([key, v]) => `${percentEncode(key)}=${percentEncode(v)}`).join('&');
      } else {
        query = pairs.map(([key, v]) => `${percentEncode(key)}=${percentEncode(v)}`).join('&');
      }
      const headers: [string, string][] = [];
      if (r.cookie)
        headers.push([
          'Cookie',
          r.cookie
            .map(([name, v]) => `${name}=${v}`)
            .join('; ')
            .slice(0, 3_000),
        ]);
      return { query: `${query.slice(0, 8_000)}${r.brokenEncoding}`, headers };
    });
}

/** Deliveries that once broke the system (kept as fast-check examples, so they run on every seed). */
export function knownHostileDeliveries(provider: 'shopify' | 'tiktok', secret: string): HostileDelivery[] {
  if (provider !== 'shopify') return [];
  const body = Buffer.from('{"id":1}');
  const base: [string, string][] = [
    ['X-Shopify-Topic', 'app/uninstalled'],
    ['X-Shopify-Shop-Domain', 'ionflux-demo.myshopify.com'],
    ['X-Shopify-Webhook-Id', randomUUID()],
  ];
  const known: HostileDelivery[] = [
    // A Content-Encoding the bytes do not follow: the webhook router answered 500.
    {
      headers: [['Content-Encoding', 'gzip'], ...base, ['X-Shopify-Hmac-Sha256', signBody(body, secret)]],
      body,
      signed: true,
    },
    // A correctly signed JSON `null`: stored into a NOT NULL column, answered 503 on every retry.
    {
      headers: [...base, ['X-Shopify-Hmac-Sha256', signBody(Buffer.from('null'), secret)]],
      body: Buffer.from('null'),
      signed: true,
    },
    // A valid signature and a wrong one in two headers (Node joins them): it was accepted.
    {
      headers: [
        ...base,
        ['X-Shopify-Hmac-Sha256', signBody(body, secret)],
        ['X-Shopify-Hmac-Sha256', signBody(body, 'x')],
      ],
      body,
      signed: false,
    },
  ];
  return known.map(describedDelivery);
}
