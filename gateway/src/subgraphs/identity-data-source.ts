import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { RemoteGraphQLDataSource } from '@apollo/gateway';
import { IDENTITY_HEADER, type IdentitySigner, REQUEST_ID_HEADER } from '@ionflux/kit/identity';
import type { GatewayContext } from '../gateway-context.ts';

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
 * millisecond of gateway CPU per fetch. Signing is synchronous HMAC (a few microseconds), so each fetch
 * carries a fresh signature.
 */
export class IdentityDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  readonly #signer: IdentitySigner;

  constructor(url: string, signer: IdentitySigner) {
    super({ url, fetcher: fetch as unknown as Fetcher });
    this.#signer = signer;
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>) {
    const headers = request.http?.headers;
    if (!headers || !('requestId' in context)) return;
    headers.set(REQUEST_ID_HEADER, context.requestId);
    if (context.identity) headers.set(IDENTITY_HEADER, this.#signer.sign(context.identity));
  }
}
