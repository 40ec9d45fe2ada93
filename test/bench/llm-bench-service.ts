// The services of the LLM benchmark, started in the bench process (`BENCH_LAYOUT=single`) or each in a
// child process of its own (the default): forked by llm-bench.ts as `llm-bench-service.ts
// <simulator|subgraph|gateway>` with its configuration (the service's environment, or the simulator's API
// keys) as JSON in BENCH_SERVICE_CONFIG, a child posts `{ kind: 'ready', url }` once listening.
import { parseGatewayConfig, startGateway } from '@ionflux/gateway';
import { parseLlmConfig, startLlmSubgraph } from '@ionflux/llm';
import { startLlmSimulator } from '@ionflux/sandbox/llm';
import { pino } from 'pino';

export type LlmBenchService = 'simulator' | 'subgraph' | 'gateway';

/** Starts one service; resolves its URL and how to close it. */
export async function startBenchService(
  service: LlmBenchService,
  config: Record<string, string>,
): Promise<{ url: string; close(): Promise<void> }> {
  // Log lines are written as in production (info, pino's synchronous writes to a file descriptor) but
  // to /dev/null, so their cost is measured but not shown.
  const logDestination = pino.destination({
    dest: '/dev/null',
    sync: true,
  }) as unknown as NodeJS.WritableStream;
  switch (service) {
    case 'simulator': {
      const simulator = await startLlmSimulator({
        apiKeys: {
          openai: config['openai'] ?? '',
          anthropic: config['anthropic'] ?? '',
          gemini: config['gemini'] ?? '',
        },
      });
      return { url: simulator.openaiBaseUrl, close: () => simulator.close() };
    }
    case 'subgraph': {
      const subgraph = await startLlmSubgraph(parseLlmConfig(config), { logDestination });
      return { url: subgraph.graphqlUrl, close: () => subgraph.close() };
    }
    case 'gateway': {
      const gateway = await startGateway(parseGatewayConfig(config), { logDestination });
      return { url: gateway.graphqlUrl, close: () => gateway.close() };
    }
    default: {
      const unknown: never = service;
      throw new Error(`llm bench: unknown service ${String(unknown)}`);
    }
  }
}

if (process.send && import.meta.filename === process.argv[1]) {
  // A child exits at once on SIGTERM (from the bench, by pid) or when the bench goes (its IPC channel
  // closes); `--cpu-prof` still writes its profile on exit. No graceful close: nothing of the bench needs
  // draining, and the bench removes the database afterwards.
  process.on('SIGTERM', () => process.exit(0));
  process.on('disconnect', () => process.exit(0));
  const config = JSON.parse(process.env['BENCH_SERVICE_CONFIG'] ?? '{}') as Record<string, string>;
  const { url } = await startBenchService(process.argv[2] as LlmBenchService, config);
  process.send({ kind: 'ready', url });
}
