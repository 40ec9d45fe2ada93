import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { type DocumentNode, execute, type GraphQLSchema, parse, validate } from 'graphql';
import { benchmarkSubgraphModule } from './benchmark-subgraph-schemas.ts';
import { type SubgraphName, subgraphNames } from './workload.ts';

export interface BenchmarkSubgraphsOptions {
  /** @default 0 (a free port) */
  port?: number;
  /** @default '127.0.0.1' */
  host?: string;
  /**
   * Answer a request body seen before with the answer computed for it the first time. The subgraphs are
   * deterministic, so this changes no answer; it keeps them cheap (the reference ones are Rust), so the
   * gateway, not the subgraphs, is what the benchmark measures. @default true
   */
  cacheAnswers?: boolean;
  /** Serve the correctness check's additions (interface, union, failing fields, a mutation). @default false */
  extended?: boolean;
  /** Tests: hold every answer this long, so requests overlap. @default 0 */
  delayMs?: number;
  /** Serve only these subgraphs (the others answer 404). @default all four */
  only?: readonly SubgraphName[];
}

export interface RunningBenchmarkSubgraphs {
  /** `http://host:port`; each subgraph is served at `/<name>`. */
  origin: string;
  urls: Record<SubgraphName, string>;
  sdl: Record<SubgraphName, string>;
  /** Requests received per subgraph since the start or the last `resetCounts()`. */
  counts(): Record<SubgraphName, number>;
  resetCounts(): void;
  close(): Promise<void>;
}

const MAX_CACHED = 10_000;

/**
 * The four benchmark subgraphs in one process, one HTTP server, each subgraph at its own path (as the
 * reference harness serves them): POST a GraphQL request as JSON, get the graphql-js execution of the
 * subgraph schema built by `@apollo/subgraph`. Counts the requests each receives.
 */
export async function startBenchmarkSubgraphs(
  options: BenchmarkSubgraphsOptions = {},
): Promise<RunningBenchmarkSubgraphs> {
  const cacheAnswers = options.cacheAnswers ?? true;
  const services = new Map<
    string,
    { name: SubgraphName; schema: GraphQLSchema; documents: Map<string, DocumentNode> }
  >();
  const sdl = {} as Record<SubgraphName, string>;
  for (const name of options.only ?? subgraphNames) {
    const module = benchmarkSubgraphModule(name, { extended: options.extended ?? false });
    sdl[name] = module.typeDefs;
    services.set(`/${name}`, {
      name,
      schema: buildSubgraphSchema([{ typeDefs: parse(module.typeDefs), resolvers: module.resolvers }]),
      documents: new Map(),
    });
  }
  const counts = Object.fromEntries(subgraphNames.map((name) => [name, 0])) as Record<SubgraphName, number>;
  const answers = new Map<string, string>();

  const answer = async (
    body: string,
    service: NonNullable<ReturnType<typeof services.get>>,
  ): Promise<string> => {
    let request: { query?: unknown; variables?: Record<string, unknown>; operationName?: string };
    try {
      request = JSON.parse(body);
    } catch {
      return JSON.stringify({ errors: [{ message: 'The body is not JSON.' }] });
    }
    if (typeof request.query !== 'string') return JSON.stringify({ errors: [{ message: 'No query.' }] });
    let document = service.documents.get(request.query);
    if (!document) {
      try {
        document = parse(request.query);
      } catch (error) {
        return JSON.stringify({ errors: [{ message: (error as Error).message }] });
      }
      const errors = validate(service.schema, document);
      if (errors.length > 0) return JSON.stringify({ errors });
      service.documents.set(request.query, document);
    }
    const result = await execute({
      schema: service.schema,
      document,
      variableValues: request.variables ?? null,
      operationName: request.operationName ?? null,
    });
    return JSON.stringify(result);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse, body: string) => {
    const service = services.get(req.url ?? '');
    if (req.method !== 'POST' || !service) {
      res.statusCode = req.url === '/healthz' ? 200 : 404;
      res.end();
      return;
    }
    counts[service.name] += 1;
    const key = `${service.name}\n${body}`;
    // A mutation's answer is never reused.
    const cacheable = cacheAnswers && !body.includes('"query":"mutation');
    let text = cacheable ? answers.get(key) : undefined;
    if (text === undefined) {
      text = await answer(body, service);
      if (cacheable) {
        if (answers.size >= MAX_CACHED) answers.clear();
        answers.set(key, text);
      }
    }
    if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
    res.setHeader('content-type', 'application/json');
    res.end(text);
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => void handle(req, res, Buffer.concat(chunks).toString('utf8')));
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) =>
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve),
  );
  const { port } = server.address() as AddressInfo;
  const origin = `http://${options.host ?? '127.0.0.1'}:${port}`;
  return {
    origin,
    urls: Object.fromEntries(subgraphNames.map((name) => [name, `${origin}/${name}`])) as Record<
      SubgraphName,
      string
    >,
    sdl,
    counts: () => ({ ...counts }),
    resetCounts: () => {
      for (const name of subgraphNames) counts[name] = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
