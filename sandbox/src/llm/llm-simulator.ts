import type { AddressInfo } from 'node:net';
import express from 'express';
import { anthropicRouter } from './anthropic/anthropic-router.ts';
import { controlRouter } from './control/control-router.ts';
import { FaultQueue, type LlmFault } from './core/fault-queue.ts';
import { IdSource } from './core/ids.ts';
import { KeyRegistry } from './core/key-registry.ts';
import type { LlmProvider } from './core/provider.ts';
import { type LlmRequestRecord, RequestLog } from './core/request-log.ts';
import { geminiRouter } from './gemini/gemini-router.ts';
import { openaiRouter } from './openai/openai-router.ts';

export interface LlmSimulatorOptions {
  /** @default 0 (a free port) */
  port?: number | undefined;
  /** @default '127.0.0.1' */
  host?: string | undefined;
  /** The key each provider accepts from the start; more can be registered later. */
  apiKeys: Record<LlmProvider, string>;
  /** The clock for `created` timestamps and rate-limit resets. @default () => new Date() */
  now?: (() => Date) | undefined;
  /** Pause between streamed chunks, so streams unfold over time as real ones do. @default 0 */
  streamChunkDelayMs?: number | undefined;
  /**
   * Treat every key not registered as valid (for `npm start` demos where users paste any workspace
   * key); registered keys keep their status, so quota-exhausted ones still fail. @default false
   */
  acceptAnyKey?: boolean | undefined;
}

export interface LlmSimulator {
  /** The origin, e.g. `http://127.0.0.1:4011`; the control API is under `${url}/_control`. */
  url: string;
  /** `baseURL` for the `openai` SDK and `OPENAI_BASE_URL`: `${url}/openai/v1`. */
  openaiBaseUrl: string;
  /** `baseURL` for `@anthropic-ai/sdk` and `ANTHROPIC_BASE_URL`: `${url}/anthropic`. */
  anthropicBaseUrl: string;
  /** `httpOptions.baseUrl` for `@google/genai` and `GEMINI_BASE_URL`: `${url}/gemini`. */
  geminiBaseUrl: string;
  /** Accepts another key (a workspace's own key), valid or out of quota. */
  addKey(provider: LlmProvider, key: string, options?: { quotaExhausted?: boolean }): void;
  /** Stops accepting a key. */
  removeKey(provider: LlmProvider, key: string): void;
  /** Queues a failure for the next matching requests. */
  injectFault(fault: LlmFault): void;
  clearFaults(): void;
  /** Changes the pause between streamed chunks. */
  setStreamChunkDelay(ms: number): void;
  /** The requests answered so far, oldest first. */
  requests(): LlmRequestRecord[];
  clearRequests(): void;
  close(): Promise<void>;
}

/** Starts one HTTP server speaking the OpenAI, Anthropic and Gemini APIs under their own prefixes. */
export async function startLlmSimulator(options: LlmSimulatorOptions): Promise<LlmSimulator> {
  const now = options.now ?? (() => new Date());
  const keys = new KeyRegistry(options.apiKeys, options.acceptAnyKey ?? false);
  const faults = new FaultQueue();
  const log = new RequestLog();
  const ids = new IdSource();
  const settings = { streamChunkDelayMs: options.streamChunkDelayMs ?? 0 };
  const deps = { keys, faults, log, now, settings };
  const app = express();
  app.disable('x-powered-by');
  app.use('/_control', controlRouter({ keys, faults, log, settings }));
  app.use('/openai', openaiRouter(deps, ids));
  app.use('/anthropic', anthropicRouter(deps, ids));
  app.use('/gemini', geminiRouter(deps, ids));
  const server = app.listen(options.port ?? 0, options.host ?? '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { address, port } = server.address() as AddressInfo;
  const url = `http://${address.includes(':') ? `[${address}]` : address}:${port}`;
  return {
    url,
    openaiBaseUrl: `${url}/openai/v1`,
    anthropicBaseUrl: `${url}/anthropic`,
    geminiBaseUrl: `${url}/gemini`,
    addKey: (provider, key, keyOptions) =>
      keys.add(provider, key, keyOptions?.quotaExhausted ? 'quota_exhausted' : 'valid'),
    removeKey: (provider, key) => keys.remove(provider, key),
    injectFault: (fault) => faults.inject(fault),
    clearFaults: () => faults.clear(),
    setStreamChunkDelay: (ms) => {
      settings.streamChunkDelayMs = ms;
    },
    requests: () => log.list(),
    clearRequests: () => log.clear(),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
