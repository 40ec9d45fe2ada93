import { PassThrough } from 'node:stream';
import { createLogger } from '@ionflux/kit/logging';
import { freePort } from '@ionflux/kit/server';
import postgres from 'postgres';
import { Registry } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import { NO_USAGE } from '../providers/llm-adapter.ts';
import { createLedgerWriter, type LedgerWriterOptions } from './ledger-writer.ts';

const outcome = {
  provider: 'openai',
  status: 'success' as const,
  errorCode: null,
  keySource: 'central' as const,
  usage: NO_USAGE,
  costNanoUsd: 0,
  latencyMs: 1,
};

// A real client whose server is gone: every statement fails the way a database outage does.
let sql: postgres.Sql | undefined;
afterEach(async () => {
  await sql?.end({ timeout: 1 });
});

async function unreachableWriter(options: Partial<LedgerWriterOptions>) {
  sql = postgres(`postgres://nobody:nothing@127.0.0.1:${await freePort()}/none`, {
    max: 1,
    connect_timeout: 1,
    onnotice: () => {},
  });
  const lines: { level: number; msg: string }[] = [];
  const out = new PassThrough();
  out.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
  });
  const registry = new Registry();
  const writer = createLedgerWriter({
    sql,
    logger: createLogger({ service: 'test', level: 'info', destination: out }),
    registry,
    staleAfterMs: 3_600_000,
    sweepEveryMs: 3_600_000,
    ...options,
  });
  return { writer, lines, registry };
}

describe('createLedgerWriter', () => {
  it('retries a finish the database refuses, then gives it up to the sweep, counted and logged', async () => {
    const { writer, lines, registry } = await unreachableWriter({ retryDelaysMs: [10, 10] });
    writer.finish('00000000-0000-4000-8000-000000000001', outcome);
    await writer.drain();
    const finishLines = lines.filter((line) => /ledger row/.test(line.msg));
    expect(finishLines.map((line) => line.level)).toEqual([40, 40, 50]);
    expect(finishLines.at(-1)?.msg).toMatch(/stay pending until the sweep closes them/);
    expect(await registry.getSingleMetricAsString('ionflux_llm_ledger_finish_failures_total')).toMatch(
      /_total 1$/m,
    );
    await writer.close();
  });

  it('does not hold a shutdown for the backoff: close() tries the rest at once and returns', async () => {
    const { writer } = await unreachableWriter({ retryDelaysMs: [60_000, 60_000] });
    writer.finish('00000000-0000-4000-8000-000000000002', outcome);
    const started = Date.now();
    await writer.close();
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('writes the rows finished within flushAfterMs in one statement, and drain() does not wait for it', async () => {
    const { writer, lines } = await unreachableWriter({ retryDelaysMs: [], flushAfterMs: 60_000 });
    writer.finish('00000000-0000-4000-8000-000000000003', outcome);
    await new Promise((resolve) => setTimeout(resolve, 50));
    writer.finish('00000000-0000-4000-8000-000000000004', outcome);
    expect(lines.filter((line) => /ledger row/.test(line.msg))).toEqual([]);
    await writer.drain();
    const given = lines.filter((line) => /ledger row/.test(line.msg)) as unknown as { entryIds: string[] }[];
    expect(given.map((line) => line.entryIds)).toEqual([
      ['00000000-0000-4000-8000-000000000003', '00000000-0000-4000-8000-000000000004'],
    ]);
    await writer.close();
  });
});
