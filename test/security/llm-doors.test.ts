import { randomUUID } from 'node:crypto';
import { issueToken } from '@ionflux/gateway';
import { ledgerSettled } from '@ionflux/testing/system';
import fc from 'fast-check';
import postgres from 'postgres';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { codesOf, refusalProblem } from './support/coded-answer.ts';
import { forgeIdentity } from './support/forge-identity.ts';
import { type RawAnswer, rawRequest } from './support/raw-http.ts';
import { startTargetSystem, type TargetSystem } from './support/start-target-system.ts';

/**
 * The LLM doors at the gateway (spec 1.3's `POST /llm/v1/completions`, the OpenAI-compatible
 * `/llm/openai/v1/*`), attacked over raw sockets: no or forged credentials, another workspace named in
 * the body, oversized and malformed bodies, path tricks, the LLM subgraph's own routes called directly.
 * Every refusal is a coded 4xx in the door's shape and reaches no provider.
 */
const SEED = Number(process.env['FUZZ_SEED'] ?? 20261205);
const FACTOR = Number(process.env['FUZZ_RUNS_FACTOR'] ?? 1);
const ROUTES = [
  ['POST', '/llm/v1/completions'],
  ['POST', '/llm/openai/v1/chat/completions'],
  ['POST', '/llm/openai/v1/embeddings'],
  ['GET', '/llm/openai/v1/models'],
] as const;
const VALID_BODIES: Record<string, object> = {
  '/llm/v1/completions': { prompt: 'hi', parameters: { max_tokens: 8 } },
  '/llm/openai/v1/chat/completions': { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] },
  '/llm/openai/v1/embeddings': { model: 'text-embedding-3-small', input: 'hi' },
};

let target: TargetSystem;
let sql: postgres.Sql;
let attackerToken: string;
const victimWorkspace = randomUUID();
beforeAll(async () => {
  target = await startTargetSystem();
  sql = postgres(target.system.databaseUrl, { max: 2, onnotice: () => {} });
  attackerToken = await target.system.tokenFor(randomUUID());
}, 60_000);
afterAll(async () => {
  await sql?.end();
  await target?.stop();
});
beforeEach(() => {
  target.llm.clearRequests();
});

const header = (answer: RawAnswer, name: string) => answer.headers.find(([n]) => n === name)?.[1] ?? '';
const judged = (answer: RawAnswer) => ({
  status: answer.status,
  contentType: header(answer, 'content-type'),
  body: answer.body.toString('utf8'),
});

function send(
  method: string,
  path: string,
  options: { token?: string; body?: string | Buffer; headers?: [string, string][]; port?: number } = {},
) {
  return rawRequest({
    port: options.port ?? target.gatewayPort,
    method,
    target: path,
    headers: [
      ...(options.token ? [['Authorization', `Bearer ${options.token}`] as [string, string]] : []),
      ...(method === 'POST' ? [['Content-Type', 'application/json'] as [string, string]] : []),
      ...(options.headers ?? []),
    ],
    ...(options.body === undefined ? {} : { body: options.body }),
    timeoutMs: 10_000,
  });
}

/** A coded refusal with this status, in the door's shape, and nothing sent to a provider. */
function expectRefused(answer: RawAnswer, path: string, status: number, code: string) {
  expect(answer.status, answer.text.slice(0, 400)).toBe(status);
  expect(refusalProblem(judged(answer))).toBeUndefined();
  expect(codesOf(judged(answer))).toEqual([code]);
  const body = JSON.parse(answer.body.toString('utf8')) as Record<string, unknown>;
  if (path.startsWith('/llm/openai/'))
    expect(Object.keys(body['error'] as object)).toEqual(
      expect.arrayContaining(['message', 'type', 'param', 'code']),
    );
  else expect(body).toMatchObject({ status: 'error', request_id: expect.any(String) });
  expect(target.llm.requests()).toEqual([]);
}

describe('LLM doors: credentials', () => {
  it.each(ROUTES)('%s %s without a JWT: 401 UNAUTHENTICATED with WWW-Authenticate', async (method, path) => {
    const answer = await send(method, path, { body: JSON.stringify(VALID_BODIES[path] ?? {}) });
    expectRefused(answer, path, 401, 'UNAUTHENTICATED');
    expect(header(answer, 'www-authenticate')).toBe('Bearer');
  });

  it.each(ROUTES)('%s %s with a JWT signed by another key, or expired: 401', async (method, path) => {
    const forged = await issueToken({
      secret: 'x'.repeat(40),
      workspaceId: victimWorkspace,
      userId: randomUUID(),
    });
    const expired = await issueToken({
      secret: target.system.jwtSecret,
      workspaceId: victimWorkspace,
      userId: randomUUID(),
      expiresIn: '-1m',
    });
    for (const token of [forged, expired, 'sk-proj-looks-like-an-openai-key']) {
      const answer = await send(method, path, { token, body: JSON.stringify(VALID_BODIES[path] ?? {}) });
      expectRefused(answer, path, 401, 'UNAUTHENTICATED');
    }
  });

  it('a caller’s own x-ionflux-identity claiming the victim is never forwarded: the call is the caller’s', async () => {
    const forged = forgeIdentity({ workspaceId: victimWorkspace, userId: randomUUID() });
    const answer = await send('POST', '/llm/v1/completions', {
      token: attackerToken,
      body: JSON.stringify(VALID_BODIES['/llm/v1/completions']),
      headers: [['X-Ionflux-Identity', forged]],
    });
    expect(answer.status).toBe(200);
    await ledgerSettled(sql, victimWorkspace);
    const [rows] = await sql<{ count: number }[]>`
      select count(*)::int as count from llm.usage_ledger where workspace_id = ${victimWorkspace}`;
    expect(rows?.count).toBe(0);
  });

  it.each(ROUTES)(
    'the LLM subgraph’s own %s %s refuses callers that are not the gateway',
    async (method, path) => {
      const port = target.system.subgraphs.llm.port;
      const body = JSON.stringify(VALID_BODIES[path] ?? {});
      const plain = await send(method, path, { port, body, token: attackerToken });
      expectRefused(plain, path, 401, 'UNAUTHENTICATED');
      const forged = forgeIdentity({
        workspaceId: victimWorkspace,
        userId: randomUUID(),
        secret: target.system.internalSecret,
      });
      const withForgery = await send(method, path, { port, body, headers: [['X-Ionflux-Identity', forged]] });
      expectRefused(withForgery, path, 401, 'UNAUTHENTICATED');
    },
  );
});

describe('LLM doors: bodies', () => {
  it('refuses a body naming another workspace or user than the JWT (spec door): 403 FORBIDDEN, nothing ledgered for the victim', async () => {
    for (const field of ['workspace_id', 'user_id']) {
      const answer = await send('POST', '/llm/v1/completions', {
        token: attackerToken,
        body: JSON.stringify({ ...VALID_BODIES['/llm/v1/completions'], [field]: victimWorkspace }),
      });
      expectRefused(answer, '/llm/v1/completions', 403, 'FORBIDDEN');
    }
    const [rows] = await sql<{ count: number }[]>`
      select count(*)::int as count from llm.usage_ledger where workspace_id = ${victimWorkspace}`;
    expect(rows?.count).toBe(0);
  });

  it.each(ROUTES.filter(([method]) => method === 'POST'))(
    '%s %s over 1 MiB: 413, declared or chunked, nothing forwarded',
    async (_method, path) => {
      const big = Buffer.alloc(1024 * 1024 + 1, 'a');
      expectRefused(
        await send('POST', path, { token: attackerToken, body: big }),
        path,
        413,
        'INVALID_REQUEST',
      );
      const chunked = await send('POST', path, {
        token: attackerToken,
        headers: [['Transfer-Encoding', 'chunked']],
        body: Buffer.concat([
          Buffer.from(`${(big.length).toString(16)}\r\n`),
          big,
          Buffer.from('\r\n0\r\n\r\n'),
        ]),
      });
      expectRefused(chunked, path, 413, 'INVALID_REQUEST');
    },
  );

  it.each(ROUTES.filter(([method]) => method === 'POST'))(
    '%s %s with malformed JSON, a JSON scalar or another content type: 400 INVALID_REQUEST',
    async (_method, path) => {
      for (const body of ['{"prompt": ', 'null', '42', '[]', '"text"', '{"__proto__": {"admin": true}}']) {
        expectRefused(await send('POST', path, { token: attackerToken, body }), path, 400, 'INVALID_REQUEST');
      }
      const form = await send('POST', path, {
        token: attackerToken,
        body: 'prompt=hi',
        headers: [['Content-Type', 'application/x-www-form-urlencoded']],
      });
      // The default JSON content type added by `send` comes first; this one replaces it for the server.
      expect(form.status).toBe(400);
    },
  );
});

describe('LLM doors: the per-workspace limits of /graphql apply', () => {
  it('a workspace sending past its burst gets 429 RATE_LIMITED with Retry-After in the door’s shape', async () => {
    const token = await target.system.tokenFor(randomUUID());
    // Waves of 140 at once (past the burst of 100) until one is refused: on a loaded machine a wave can
    // take long enough for the bucket, refilled at 50 a second, to let all of it through.
    const answers: Awaited<ReturnType<typeof send>>[] = [];
    for (let wave = 0; wave < 5 && !answers.some((answer) => answer.status === 429); wave++) {
      answers.push(
        ...(await Promise.all(
          Array.from({ length: 140 }, () => send('GET', '/llm/openai/v1/models', { token })),
        )),
      );
    }
    const refused = answers.filter((answer) => answer.status === 429);
    expect(answers.filter((answer) => answer.status === 200).length).toBeGreaterThan(0);
    expect(refused.length).toBeGreaterThan(0);
    for (const answer of refused) {
      expect(codesOf(judged(answer))).toEqual(['RATE_LIMITED']);
      expect(Number(header(answer, 'retry-after'))).toBeGreaterThan(0);
    }
  });
});

describe('LLM doors: paths and methods', () => {
  it.each([
    ['GET', '/llm/v1/completions', 404],
    ['DELETE', '/llm/openai/v1/models', 404],
    ['POST', '/llm/openai/v1/models', 404],
    ['POST', '/llm/openai/v1/completions', 404],
    ['POST', '/llm/openai/v1/chat/completions/', 404],
    ['POST', '/LLM/v1/completions', 404],
    ['POST', '/llm/openai/v1/../../graphql', 400],
    ['POST', '/llm/openai/v1/%2e%2e/v1/models', 400],
    ['POST', '/llm//v1/completions', 400],
  ] as const)('%s %s: %i, coded, reaching no one', async (method, path, status) => {
    const answer = await send(method, path, { token: attackerToken, body: '{}' });
    expect(answer.status, answer.text.slice(0, 300)).toBe(status);
    expect(refusalProblem(judged(answer))).toBeUndefined();
    expect(target.llm.requests()).toEqual([]);
  });
});

describe('fuzzing the LLM doors’ bodies (raw sockets, fast-check)', () => {
  it.each(ROUTES.filter(([method]) => method === 'POST'))(
    '%s %s: arbitrary JSON gets a success or a coded 4xx, never a 5xx or INTERNAL',
    async (_method, path) => {
      const statuses: Record<number, number> = {};
      const valid = VALID_BODIES[path] ?? {};
      const value = fc.oneof(
        fc.jsonValue(),
        // Near-valid bodies: each field of a valid one replaced or joined by arbitrary JSON.
        fc
          .dictionary(
            fc.constantFrom(...Object.keys(valid), 'stream', 'parameters', 'messages', 'input', 'tools'),
            fc.jsonValue(),
          )
          .map((fields) => ({ ...valid, ...fields })),
      );
      await fc.assert(
        fc.asyncProperty(value, async (body) => {
          // A workspace per case: the per-workspace rate limit is not what this fuzzes.
          const token = await target.system.tokenFor(randomUUID());
          const answer = await send('POST', path, { token, body: JSON.stringify(body) });
          statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
          const problem = refusalProblem(judged(answer), [200]);
          if (problem) throw new Error(problem);
        }),
        { seed: SEED, numRuns: Math.round(150 * FACTOR) },
      );
      console.info(`fuzz POST ${path}: answers by status ${JSON.stringify(statuses)}`);
    },
    120_000,
  );
});
