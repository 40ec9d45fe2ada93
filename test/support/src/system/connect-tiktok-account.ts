import type { TikTokSimulator } from '@ionflux/sandbox';
import { CookieJar } from '../http/cookie-jar.ts';
import { postGraphQL } from '../http/graphql-client.ts';

const START = `mutation ($creatorId: ID, $scopes: [String!]) {
  startTikTokConnection(creatorId: $creatorId, scopes: $scopes) { authorizationUrl }
}`;
const CONNECTIONS = '{ tiktokConnections { id } }';

/**
 * Follows a TikTok start or grant link as a browser would (the gateway's start route, its binding cookie
 * kept in a jar, Approve at the simulator as `username`, the callback); resolves the callback's status.
 */
export async function approveTikTokLink(
  simulator: TikTokSimulator,
  link: string,
  username?: string,
): Promise<number> {
  const jar = new CookieJar();
  const first = await jar.fetch(link);
  const consent = first.headers.get('location');
  if (first.status !== 302 || !consent) throw new Error(`the TikTok start route answered ${first.status}`);
  return (await jar.fetch(simulator.authorize(consent, { username }))).status;
}

/**
 * Connects a TikTok account to the workspace of `token` through the gateway exactly as a user does:
 * `startTikTokConnection`, the start route, Approve at the simulator, the PKCE callback. Resolves the new
 * connection's id (the workspace's only TikTok connection: call it on a workspace without one).
 */
export async function connectTikTokAccount(input: {
  gatewayUrl: string;
  simulator: TikTokSimulator;
  token: string;
  creatorId: string;
  scopes: string[];
  /** @default the simulator's seeded creator */
  username?: string | undefined;
}): Promise<string> {
  const started = await postGraphQL<{ startTikTokConnection: { authorizationUrl: string } }>(
    input.gatewayUrl,
    START,
    { token: input.token, variables: { creatorId: input.creatorId, scopes: input.scopes } },
  );
  const link = started.body.data?.startTikTokConnection.authorizationUrl;
  if (!link) throw new Error(`startTikTokConnection failed: ${JSON.stringify(started.body.errors)}`);
  const status = await approveTikTokLink(input.simulator, link, input.username);
  if (status !== 200) throw new Error(`the TikTok callback answered ${status}`);
  const listed = await postGraphQL<{ tiktokConnections: { id: string }[] }>(input.gatewayUrl, CONNECTIONS, {
    token: input.token,
  });
  const id = listed.body.data?.tiktokConnections[0]?.id;
  if (!id) throw new Error('the TikTok connection is not listed after the callback');
  return id;
}
