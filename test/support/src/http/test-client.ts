import { PassThrough } from 'node:stream';
import type { ProviderHttpClient, ProviderHttpClientOptions } from '@ionflux/kit/http';
import { createProviderHttpClient } from '@ionflux/kit/http';
import { createLogger } from '@ionflux/kit/logging';
import { Registry } from 'prom-client';

export interface TestClient {
  client: ProviderHttpClient;
  registry: Registry;
  /** Every wait the client asked for, in order (the injected sleep resolves at once). */
  sleeps: number[];
  /** The log lines written so far, parsed. */
  logLines(): Promise<Array<Record<string, unknown>>>;
  logText(): Promise<string>;
}

/**
 * A provider client as kit/http's tests want it: metrics on a fresh registry, logs
 * captured through the kit's real logger, waits recorded instead of slept unless `sleep` is given.
 */
export function createTestClient(overrides: Partial<ProviderHttpClientOptions> = {}): TestClient {
  const out = new PassThrough();
  let text = '';
  out.on('data', (chunk: Buffer) => {
    text += chunk.toString();
  });
  const registry = new Registry();
  const sleeps: number[] = [];
  const client = createProviderHttpClient({
    provider: 'testprov',
    logger: createLogger({ service: 'test', level: 'info', destination: out }),
    registry,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...overrides,
  });
  const logText = async () => {
    await new Promise((resolve) => setImmediate(resolve));
    return text;
  };
  return {
    client,
    registry,
    sleeps,
    logText,
    logLines: async () =>
      (await logText())
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

/** The rejection of `promise`, failing when it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}
