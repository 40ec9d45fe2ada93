import {
  type ApolloServer,
  HeaderMap,
  type HTTPGraphQLRequest,
  type HTTPGraphQLResponse,
} from '@apollo/server';
import { ErrorCode } from '@ionflux/kit/errors';
import type { GatewayContext } from '../gateway-context.ts';
import { sha256Hex, type TrustedDocuments } from './trusted-documents.ts';

const REFUSAL = JSON.stringify({
  errors: [
    {
      message:
        'This gateway executes registered operations only (safelist); register the operation with `npm run operations:register -- <dir>` and deploy the manifest.',
      extensions: { code: ErrorCode.FORBIDDEN, reason: 'OPERATION_NOT_REGISTERED' },
    },
  ],
});

/**
 * Safelist mode: Apollo Server that executes a document only when it is registered (its SHA-256 is in
 * the manifest), sent as text or as an APQ hash (`extensions.persistedQuery.sha256Hash`); any other
 * request naming a document is refused with 403 FORBIDDEN before it is parsed, validated or planned.
 * Requests naming none (or a batch, which Apollo refuses) go on to Apollo's own refusal.
 */
export function refuseUntrustedDocuments(
  apollo: ApolloServer<GatewayContext>,
  trusted: TrustedDocuments,
): ApolloServer<GatewayContext> {
  const guarded: ApolloServer<GatewayContext> = Object.create(apollo);
  guarded.executeHTTPGraphQLRequest = async (args) => {
    const hash = documentHash(args.httpGraphQLRequest);
    if (hash === undefined || trusted.byHash.has(hash)) return apollo.executeHTTPGraphQLRequest(args);
    return refusal();
  };
  return guarded;
}

/** The SHA-256 of the document a request names (its text, else its APQ hash), or undefined. */
function documentHash(request: HTTPGraphQLRequest): string | undefined {
  let query: unknown;
  let extensions: unknown;
  if (request.method === 'GET') {
    const params = new URLSearchParams(request.search);
    query = params.get('query') ?? undefined;
    try {
      extensions = JSON.parse(params.get('extensions') ?? 'null');
    } catch {
      extensions = undefined;
    }
  } else if (typeof request.body === 'object' && request.body !== null && !Array.isArray(request.body)) {
    ({ query, extensions } = request.body as { query?: unknown; extensions?: unknown });
  }
  if (typeof query === 'string') return sha256Hex(query);
  const hash = (extensions as { persistedQuery?: { sha256Hash?: unknown } } | null | undefined)
    ?.persistedQuery?.sha256Hash;
  return typeof hash === 'string' ? hash : query === undefined && extensions === undefined ? undefined : '';
}

function refusal(): HTTPGraphQLResponse {
  return {
    status: 403,
    headers: new HeaderMap([['content-type', 'application/json; charset=utf-8']]),
    body: { kind: 'complete', string: `${REFUSAL}\n` },
  };
}
