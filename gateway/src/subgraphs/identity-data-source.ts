import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { RemoteGraphQLDataSource } from '@apollo/gateway';
import { IDENTITY_HEADER, type IdentitySigner, REQUEST_ID_HEADER } from '@ionflux/kit/identity';
import type { GatewayContext } from '../gateway-context.ts';

/**
 * Sends each subgraph fetch with the caller's identity signed by the gateway, and the request id, so
 * subgraphs scope every read and write to the caller's workspace and log under the same id.
 */
export class IdentityDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  readonly #signer: IdentitySigner;

  constructor(url: string, signer: IdentitySigner) {
    super({ url });
    this.#signer = signer;
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>) {
    const headers = request.http?.headers;
    if (!headers || !('requestId' in context)) return;
    headers.set(REQUEST_ID_HEADER, context.requestId);
    if (context.identity) headers.set(IDENTITY_HEADER, await this.#signer.sign(context.identity));
  }
}
