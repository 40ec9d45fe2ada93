import { randomBytes, randomUUID } from 'node:crypto';
import {
  connectWs,
  eventually,
  type Subscription,
  subscribeSse,
  subscribeWs,
} from '@ionflux/testing/subscriptions';
import type { Client } from 'graphql-ws';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BuildResult,
  type BuiltOperation,
  buildOperations,
  loadSupergraphSchema,
  type RootField,
  rootFields,
} from './support/build-operations.ts';
import { refusalProblem } from './support/coded-answer.ts';
import { isolationProblems } from './support/isolation-problems.ts';
import { seedVictimWorkspace, type VictimWorkspace } from './support/seed-victim-workspace.ts';
import { type GraphQLAnswer, sendGraphQL } from './support/send-graphql.ts';
import { rowChanges, snapshotWorkspaceRows } from './support/snapshot-workspace-rows.ts';
import { startTargetSystem, type TargetSystem } from './support/start-target-system.ts';

/**
 * Root fields left out of the matrix, each with the reason it is safe. A new field whose arguments the
 * generator cannot fill (an ID argument of an unknown name, a custom scalar) fails the first test until
 * it is listed here or the candidates in `seed-victim-workspace.ts` learn its values.
 */
const PUBLIC_RESEARCH =
  'public TikTok data read with the app’s client token (Research API): it takes no workspace id and ' +
  'reads no workspace row, so every workspace sees the same answer (a connected creator’s public videos ' +
  'included, as on TikTok itself)';
const NOT_ATTACKED: Readonly<Record<string, string>> = {
  'Query.tiktokResearchVideos': PUBLIC_RESEARCH,
  'Query.tiktokHashtags': PUBLIC_RESEARCH,
  'Query.analyzeTikTokCreator': PUBLIC_RESEARCH,
};

let target: TargetSystem;
let victim: VictimWorkspace;
let attackerToken: string;
let roots: RootField[];
const built = new Map<string, BuildResult>();

beforeAll(async () => {
  target = await startTargetSystem();
  victim = await seedVictimWorkspace(target);
  attackerToken = await target.system.tokenFor(randomUUID());
  roots = rootFields(loadSupergraphSchema());
  for (const root of roots) built.set(root.coordinate, buildOperations(root, victim.candidates));
}, 120_000);

afterAll(async () => {
  await victim?.close();
  await target?.stop();
});

function operationsOf(kind: RootField['kind']): BuiltOperation[] {
  return roots
    .filter((root) => root.kind === kind && !(root.coordinate in NOT_ATTACKED))
    .flatMap((root) => {
      const result = built.get(root.coordinate);
      return result?.ok ? result.operations : [];
    });
}

const send = (operation: BuiltOperation, token: string, variables = operation.variables) =>
  sendGraphQL(target.system.gatewayUrl, { query: operation.document, variables, token });

describe('tenant isolation: every root field of the supergraph, called by workspace B with workspace A’s ids', () => {
  it('builds operations for every root Query, Mutation and Subscription field (or lists why not)', () => {
    const unfillable = roots
      .filter((root) => !(root.coordinate in NOT_ATTACKED))
      .flatMap((root) => {
        const result = built.get(root.coordinate);
        return result && !result.ok ? [result.reason] : [];
      });
    const stale = Object.keys(NOT_ATTACKED).filter((c) => !roots.some((root) => root.coordinate === c));
    expect({ unfillable, stale }).toEqual({ unfillable: [], stale: [] });
    const kinds = ['query', 'mutation', 'subscription'] as const;
    const perKind = kinds.map(
      (kind) =>
        `${roots.filter((root) => root.kind === kind).length} ${kind} fields → ${operationsOf(kind).length} operations`,
    );
    const total = kinds.reduce((sum, kind) => sum + operationsOf(kind).length, 0);
    console.info(
      `isolation matrix: ${roots.length} root fields, ${total} operations (${perKind.join(', ')}); ` +
        'queries and mutations are each sent by B with A’s ids and again with decoy ids, subscriptions over ' +
        'graphql-ws and SSE',
    );
    for (const root of roots) {
      const result = built.get(root.coordinate);
      console.info(
        `  ${root.coordinate}: ${result?.ok ? `${result.operations.length} operations` : 'not attacked'}`,
      );
    }
    expect(roots.length).toBeGreaterThan(0);
  });

  it('B reads nothing of A and changes nothing of A through any query or mutation', async () => {
    const sql = postgres(target.system.databaseUrl, { max: 1, onnotice: () => {} });
    try {
      const queries = operationsOf('query');
      const mutations = operationsOf('mutation');
      const answersOfA = async () => {
        const answers: GraphQLAnswer[] = [];
        for (const operation of queries) answers.push(await send(operation, victim.token));
        return answers;
      };
      const aBefore = await answersOfA();
      // Each query is valid and A's data is real: A reads it through at least one operation per field
      // (else B's refusals would prove nothing).
      const unread = [...new Set(queries.map((operation) => operation.root.coordinate))].filter(
        (coordinate) =>
          !queries.some(
            (operation, index) =>
              operation.root.coordinate === coordinate &&
              aBefore[index]?.status === 200 &&
              aBefore[index]?.body?.errors === undefined &&
              Object.values(aBefore[index]?.body?.data ?? {}).some((value) => value !== null),
          ),
      );
      expect(unread).toEqual([]);
      // A's own reads above are calls through its connections, written by connection health within
      // half a second: let them land before the snapshot, so what changes after it is B's doing.
      await new Promise((resolve) => setTimeout(resolve, HEALTH_WRITE_MS));
      const rowsBefore = await snapshotWorkspaceRows(sql, victim);

      const problems: string[] = [];
      for (const operation of [...queries, ...mutations]) {
        const withIdsOfA = await send(operation, attackerToken);
        const withDecoys = await send(operation, attackerToken, operation.decoyVariables);
        problems.push(...isolationProblems(operation, withIdsOfA, withDecoys, victim.markers));
      }
      await new Promise((resolve) => setTimeout(resolve, HEALTH_WRITE_MS));
      const rowsAfter = await snapshotWorkspaceRows(sql, victim);
      const aAfter = await answersOfA();

      expect(problems).toEqual([]);
      expect(rowChanges(rowsBefore, rowsAfter)).toEqual([]);
      // A's call health counts A's own reads (answersOfA itself), so it is left out of this comparison;
      // that B added no call to A's connections is the row comparison above (kit.connection_calls).
      expect(aAfter.map((answer) => withoutCallHealth(answer.text))).toEqual(
        aBefore.map((answer) => withoutCallHealth(answer.text)),
      );
      expect(aBefore.map((answer) => answer.text).join('\n')).toContain(victim.shop);
      expect(Object.keys(rowsBefore).length).toBeGreaterThan(5);
    } finally {
      await sql.end();
    }
  }, 120_000);

  it('B’s subscriptions over graphql-ws and SSE carry nothing of A while A’s events flow', async () => {
    const clients: Client[] = [];
    const subscriptions: { operation: BuiltOperation; transport: string; stream: Subscription }[] = [];
    try {
      const control = connectWs(target.system.gatewayUrl, victim.token);
      clients.push(control);
      const ofA = subscribeWs(control, 'subscription { workspaceNotifications { title } }');
      for (const operation of operationsOf('subscription')) {
        const client = connectWs(target.system.gatewayUrl, attackerToken);
        clients.push(client);
        subscriptions.push({
          operation,
          transport: 'graphql-ws',
          stream: subscribeWs(client, operation.document, operation.variables),
        });
        subscriptions.push({
          operation,
          transport: 'SSE',
          stream: subscribeSse(
            target.system.gatewayUrl,
            attackerToken,
            operation.document,
            operation.variables,
          ),
        });
      }
      // Every subscription of B is open at the gateway (or already over, as a completion stream may be),
      // and A's too, before A's events are raised: else B could see nothing only by being late.
      let ended = 0;
      for (const { stream } of subscriptions) void stream.ended.then(() => ended++);
      await eventually(
        () => target.system.gateway.subscriptions.stats().subscribers + ended >= subscriptions.length + 1,
        10_000,
        'every subscription open',
      );
      await new Promise((resolve) => setTimeout(resolve, 300));

      const liveTitle = `Victim live notice ${randomBytes(4).toString('hex')}`;
      await victim.raiseNotification(liveTitle);
      await sendGraphQL(target.system.gatewayUrl, {
        query:
          'mutation { createCompletion(input: { prompt: "victim live prompt", parameters: { maxTokens: 8 } }) { status } }',
        token: victim.token,
      });
      // The events did flow: A sees its own notification.
      const [received] = await ofA.waitForResults(1, 10_000);
      expect(received?.data).toEqual({ workspaceNotifications: { title: liveTitle } });
      await new Promise((resolve) => setTimeout(resolve, 500));

      const markers = [...victim.markers, liveTitle];
      const problems = subscriptions.flatMap(({ operation, transport, stream }) => {
        const seen = JSON.stringify(stream.results);
        const echoed = new Set(operation.supplied.map(String));
        const where = `${operation.root.coordinate} over ${transport}`;
        const uncoded = stream.results.flatMap((result) => {
          const problem = refusalProblem(
            { status: 200, contentType: 'application/json', body: JSON.stringify(result) },
            [200],
          );
          return problem ? [`${where}: ${problem}`] : [];
        });
        return [
          ...uncoded,
          ...markers
            .filter((marker) => !echoed.has(marker) && seen.includes(marker))
            .map((marker) => `${where} showed A’s ${marker}: ${seen.slice(0, 300)}`),
        ];
      });
      expect(problems).toEqual([]);
      ofA.unsubscribe();
      for (const { stream } of subscriptions) stream.unsubscribe();
    } finally {
      for (const client of clients) await client.dispose();
    }
  }, 60_000);
});

/** Longer than connection health's write delay (500 ms). */
const HEALTH_WRITE_MS = 700;
const CALL_HEALTH_FIELDS = [
  'health',
  'healthReason',
  'lastSuccessfulCallAt',
  'lastFailedCallAt',
  'recentCallCount',
  'recentErrorRate',
  'recentErrorCodes',
];

/** An answer's text without the call-health fields of the connections in it. */
function withoutCallHealth(text: string): string {
  return text.includes('recentCallCount')
    ? JSON.stringify(JSON.parse(text), (key, value: unknown) =>
        CALL_HEALTH_FIELDS.includes(key) ? undefined : value,
      )
    : text;
}

describe('a connection id of one provider given to the other provider’s fields', () => {
  it('is NOT_FOUND and nothing (no token) is sent to the other provider', async () => {
    const [shopifyId, tiktokId] = victim.connectionIds;
    const shopifySince = target.shopify.requests().at(-1)?.seq ?? 0;
    target.tiktok.clearRequests();
    const probes: [string, string | undefined][] = [
      ['query ($c: ID!) { shopifyShop(connectionId: $c) { name } }', tiktokId],
      ['query ($c: ID!) { shopifyProducts(connectionId: $c) { nodes { id } } }', tiktokId],
      ['query ($c: ID!) { shopifyOrders(connectionId: $c) { nodes { id } } }', tiktokId],
      ['query ($c: ID!) { shopifyCustomers(connectionId: $c) { nodes { id } } }', tiktokId],
      ['query ($c: ID!) { tiktokProfile(connectionId: $c) { openId } }', shopifyId],
      ['query ($c: ID!) { tiktokVideos(connectionId: $c) { nodes { id } } }', shopifyId],
    ];
    const codes: string[] = [];
    for (const [query, connectionId] of probes) {
      const answer = await sendGraphQL(target.system.gatewayUrl, {
        query,
        variables: { c: connectionId },
        token: victim.token,
      });
      codes.push(String(answer.body?.errors?.[0]?.extensions?.['code']));
    }
    expect(codes).toEqual(probes.map(() => 'NOT_FOUND'));
    expect(target.shopify.requests(shopifySince)).toEqual([]);
    expect(target.tiktok.requests()).toEqual([]);
  });
});
