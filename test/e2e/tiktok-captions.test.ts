import { randomUUID } from 'node:crypto';
import { createIdentitySigner } from '@ionflux/kit/identity';
import { freePort } from '@ionflux/kit/server';
import { startTikTokSimulator, type TikTokSimulator } from '@ionflux/sandbox/tiktok';
import { postGraphQL } from '@ionflux/testing/http';
import { connectTikTokAccount, type LlmSystemUnderTest, startLlmSystem } from '@ionflux/testing/system';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Issue 15 (federation): TikTokVideo is an entity; the LLM subgraph adds captionIdeas (@requires title
// description), resolved per video in the same gateway query as the TikTok fields, within the workspace's
// quota, ledger and the per-request LLM call cap. The TikTok subgraph resolves a video named by id alone.

const CLIENT_KEY = 'tiktok-captions-client-key';
const CLIENT_SECRET = 'tiktok-captions-client-secret-5c1d';
const CAP = 4;

let simulator: TikTokSimulator;
let system: LlmSystemUnderTest;
let sql: postgres.Sql;
let token: string;
let connectionId: string;

interface Video {
  id: string;
  title: string | null;
  description: string | null;
  viewCount: number;
  captionIdeas: string[] | null;
}
interface FieldError {
  message: string;
  path?: (string | number)[];
  extensions?: Record<string, unknown>;
}

const VIDEOS_WITH_CAPTIONS = `query ($c: ID!, $first: Int, $count: Int, $tone: String) {
  tiktokVideos(connectionId: $c, first: $first) {
    nodes { id title description viewCount captionIdeas(count: $count, tone: $tone) }
  }
}`;

const chatRequests = () =>
  system.simulator.requests().filter((request) => request.path.endsWith('/chat/completions'));

/** The user message of an OpenAI chat request the LLM subgraph sent. */
function promptOf(body: unknown): string {
  const messages = (body as { messages?: { role: string; content: string }[] }).messages ?? [];
  return messages.find((message) => message.role === 'user')?.content ?? '';
}

async function videosWithCaptions(variables: Record<string, unknown>) {
  const answer = await postGraphQL<{ tiktokVideos: { nodes: Video[] } }>(
    system.gatewayUrl,
    VIDEOS_WITH_CAPTIONS,
    { token, variables: { c: connectionId, ...variables } },
  );
  return answer.body as { data?: { tiktokVideos: { nodes: Video[] } } | null; errors?: FieldError[] };
}

beforeAll(async () => {
  simulator = await startTikTokSimulator({ clientKey: CLIENT_KEY, clientSecret: CLIENT_SECRET });
  const port = await freePort();
  system = await startLlmSystem({
    PORT: String(port),
    IONFLUX_PUBLIC_URL: `http://127.0.0.1:${port}`,
    TIKTOK_CLIENT_KEY: CLIENT_KEY,
    TIKTOK_CLIENT_SECRET: CLIENT_SECRET,
    TIKTOK_AUTH_ORIGIN: simulator.url,
    TIKTOK_API_ORIGIN: simulator.url,
    LLM_MAX_CALLS_PER_REQUEST: String(CAP),
  });
  sql = postgres(system.databaseUrl, { max: 1, onnotice: () => {} });
  token = system.token;
  connectionId = await connectTikTokAccount({
    gatewayUrl: system.gatewayUrl,
    simulator,
    token,
    creatorId: randomUUID(),
    scopes: ['user.info.basic', 'video.list'],
    username: simulator.addCreator('caption_creator', 8).username,
  });
}, 120_000);

afterAll(async () => {
  await sql?.end();
  await system?.stop();
  await simulator?.close();
});

describe('caption ideas for TikTok videos (TikTok subgraph + LLM subgraph in one gateway query)', () => {
  it('gives each video its caption ideas, written from its title and description, next to its TikTok fields', async () => {
    system.simulator.clearRequests();
    const body = await videosWithCaptions({ first: 3, count: 3, tone: 'playful' });
    expect(body.errors).toBeUndefined();
    const videos = body.data?.tiktokVideos.nodes ?? [];
    expect(videos).toHaveLength(3);
    // One completion per video, whose prompt carries that video's title and description (handed to the
    // LLM subgraph by the gateway through @requires) and the tone.
    const prompts = chatRequests().map((request) => promptOf(request.body));
    expect(prompts).toHaveLength(3);
    for (const video of videos) {
      expect(video.viewCount).toEqual(expect.any(Number));
      expect(video.title).toBeTruthy();
      const prompt = prompts.find((text) => text.includes(`Video title: ${video.title}`));
      expect(prompt).toBeDefined();
      expect(prompt).toContain(`Video description: ${video.description}`);
      expect(prompt).toContain('Tone: playful');
      expect(prompt).toContain('Write 3 caption ideas, one per line.');
      // The sandbox model echoes the prompt after "Sandbox reply <digest>:", one line per prompt line:
      // the ideas are its first three non-empty lines.
      expect(video.captionIdeas).toHaveLength(3);
      expect(video.captionIdeas?.[0]).toMatch(/^Sandbox reply [0-9a-f]+: Video title: /);
      expect(video.captionIdeas?.[0]).toContain(video.title ?? '');
      expect(video.captionIdeas?.[2]).toBe('Tone: playful');
    }
    // Each completion is ledgered like any other LLM call of the workspace.
    await expect
      .poll(
        async () =>
          Number(
            (
              await sql`select count(*)::int as n from llm.usage_ledger
                where workspace_id = ${system.workspaceId} and status = 'success'`
            )[0]?.['n'],
          ),
        { timeout: 10_000 },
      )
      .toBeGreaterThanOrEqual(3);
  });

  it('refuses a count outside 1-10 on the field only, before any LLM call', async () => {
    system.simulator.clearRequests();
    for (const count of [0, 11]) {
      const body = await videosWithCaptions({ first: 2, count });
      expect(body.data?.tiktokVideos.nodes.map((video) => video.viewCount)).toEqual([
        expect.any(Number),
        expect.any(Number),
      ]);
      expect(body.errors?.map((error) => error.extensions?.['code'])).toEqual([
        'INVALID_REQUEST',
        'INVALID_REQUEST',
      ]);
      expect(body.errors?.[0]?.message).toBe(`count must be between 1 and 10; it was ${count}.`);
    }
    expect(chatRequests()).toHaveLength(0);
  });

  it(`writes at most ${CAP} videos' ideas per request (LLM_MAX_CALLS_PER_REQUEST); the others are field errors`, async () => {
    system.simulator.clearRequests();
    const body = await videosWithCaptions({ first: 6, count: 2 });
    const videos = body.data?.tiktokVideos.nodes ?? [];
    expect(videos).toHaveLength(6);
    expect(videos.filter((video) => video.captionIdeas !== null)).toHaveLength(CAP);
    expect(body.errors?.map((error) => error.extensions?.['code'])).toEqual(
      Array.from({ length: 6 - CAP }, () => 'INVALID_REQUEST'),
    );
    expect(body.errors?.every((error) => error.path?.at(-1) === 'captionIdeas')).toBe(true);
    expect(chatRequests()).toHaveLength(CAP);
  });

  it('resolves TikTokVideo entities by id alone for another subgraph, in one TikTok call per batch', async () => {
    const page = await videosWithCaptions({ first: 2, count: 1 });
    const [first, second] = page.data?.tiktokVideos.nodes ?? [];
    if (!first || !second) throw new Error('no videos');
    // What the gateway sends when another subgraph names videos: _entities with a signed identity.
    const identity = createIdentitySigner(system.internalSecret).sign(
      { workspaceId: system.workspaceId, userId: system.userId },
      'tiktok',
    );
    simulator.clearRequests();
    const response = await fetch(system.subgraphs.tiktok.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-ionflux-identity': identity },
      body: JSON.stringify({
        query:
          'query ($r: [_Any!]!) { _entities(representations: $r) { ... on TikTokVideo { id title viewCount } } }',
        variables: {
          r: [first.id, '999999999999', second.id, 'not-a-video-id'].map((id) => ({
            __typename: 'TikTokVideo',
            id,
          })),
        },
      }),
    });
    const body = (await response.json()) as { data?: { _entities: unknown[] }; errors?: unknown[] };
    expect(body.errors).toBeUndefined();
    expect(body.data?._entities).toEqual([
      { id: first.id, title: first.title, viewCount: first.viewCount },
      null,
      { id: second.id, title: second.title, viewCount: second.viewCount },
      null,
    ]);
    expect(simulator.requests().filter((request) => request.path === '/v2/video/query/')).toHaveLength(1);
    // Another workspace names the same ids: it has no account that can read them.
    const stranger = createIdentitySigner(system.internalSecret).sign(
      { workspaceId: randomUUID(), userId: randomUUID() },
      'tiktok',
    );
    const foreign = await fetch(system.subgraphs.tiktok.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-ionflux-identity': stranger },
      body: JSON.stringify({
        query: 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on TikTokVideo { id title } } }',
        variables: { r: [{ __typename: 'TikTokVideo', id: first.id }] },
      }),
    });
    expect(((await foreign.json()) as { data?: { _entities: unknown[] } }).data?._entities).toEqual([null]);
  });
});
