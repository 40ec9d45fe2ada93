import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { useMemo } from 'react';
import type { PlaygroundConfig } from '../playground-config.ts';

const welcomeQuery = `# IONFLUX GraphQL playground
#
# Requests need a JWT: put it in the Headers tab below as
#   { "Authorization": "Bearer <jwt>" }
# (\`npm run token\` prints one; in development the dev JWT is already there).
# Run with Ctrl+Enter; the schema is in the Docs panel on the left.

query {
  __typename
}
`;

/** GraphiQL against the gateway's own endpoint, with the header editor open for the JWT. */
export function PlaygroundApp({ config }: { config: PlaygroundConfig }) {
  const fetcher = useMemo(
    () =>
      createGraphiQLFetcher({
        url: config.endpoint,
        subscriptionUrl: toWebSocketUrl(config.endpoint, window.location.href),
        enableIncrementalDelivery: false,
      }),
    [config.endpoint],
  );
  // New tabs start with the same headers, so the dev JWT is never lost by opening a tab.
  const headers = formatHeaders(config.defaultHeaders);
  const headerProps = headers === undefined ? {} : { initialHeaders: headers, defaultHeaders: headers };

  return (
    <GraphiQL
      fetcher={fetcher}
      defaultQuery={welcomeQuery}
      isHeadersEditorEnabled
      defaultEditorToolsVisibility="headers"
      {...headerProps}
    >
      <GraphiQL.Logo>IONFLUX</GraphiQL.Logo>
    </GraphiQL>
  );
}

function formatHeaders(headers: Record<string, string>): string | undefined {
  return Object.keys(headers).length === 0 ? undefined : JSON.stringify(headers, null, 2);
}

// Subscriptions go over graphql-ws on the same path; the header editor's headers become connection params.
function toWebSocketUrl(endpoint: string, pageUrl: string): string {
  const url = new URL(endpoint, pageUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.href;
}
