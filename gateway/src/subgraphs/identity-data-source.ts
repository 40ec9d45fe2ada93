import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { RemoteGraphQLDataSource } from '@apollo/gateway';
import {
  IDENTITY_HEADER,
  type Identity,
  type IdentitySigner,
  REQUEST_ID_HEADER,
} from '@ionflux/kit/identity';
import type { GatewayContext } from '../gateway-context.ts';

/** Reuse a signature for this long: well inside the signer's 60 s validity. */
const SIGNATURE_REUSE_MS = 20_000;

type Fetcher = ConstructorParameters<typeof RemoteGraphQLDataSource>[0] extends infer Config
  ? Config extends { fetcher?: infer F }
    ? F
    : never
  : never;

/**
 * Sends each subgraph fetch with the caller's identity signed by the gateway, and the request id, so
 * subgraphs scope every read and write to the caller's workspace and log under the same id. Serves both
 * the gateway's query plans and the entity fetches of subscription events.
 *
 * Fetches go through Node's fetch (undici, pooled keep-alive) rather than the data source's default
 * make-fetch-happen, whose per-request cost (cache machinery, stack captures) measured at about a
 * millisecond of gateway CPU per fetch. A signature is made once per identity object and reused for
 * 20 s: every fetch of one request's plan, or of one subscription's events, shares it.
 */
export class IdentityDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  readonly #signer: IdentitySigner;
  readonly #signatures = new WeakMap<Identity, { token: Promise<string>; until: number }>();

  constructor(url: string, signer: IdentitySigner) {
    super({ url, fetcher: fetch as unknown as Fetcher });
    this.#signer = signer;
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>) {
    const headers = request.http?.headers;
    if (!headers || !('requestId' in context)) return;
    headers.set(REQUEST_ID_HEADER, context.requestId);
    if (context.identity) headers.set(IDENTITY_HEADER, await this.#sign(context.identity));
  }

  #sign(identity: Identity): Promise<string> {
    const cached = this.#signatures.get(identity);
    if (cached && cached.until > Date.now()) return cached.token;
    const token = this.#signer.sign(identity);
    this.#signatures.set(identity, { token, until: Date.now() + SIGNATURE_REUSE_MS });
    return token;
  }
}
