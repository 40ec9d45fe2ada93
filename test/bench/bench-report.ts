import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Latency figures of one measured path, in milliseconds. */
export interface LatencySummary {
  name: string;
  samples: number;
  p50: number;
  p90: number;
  p99: number;
  mean: number;
}

export function summarise(name: string, samplesMs: readonly number[]): LatencySummary {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  const mean = sorted.reduce((sum, value) => sum + value, 0) / sorted.length;
  return { name, samples: sorted.length, p50: at(0.5), p90: at(0.9), p99: at(0.99), mean };
}

const round = (value: number) => Math.round(value * 1000) / 1000;

/** Prints rows as a Markdown table (pasteable into a closing note). */
export function printTable(rows: readonly Record<string, string | number>[]): void {
  const first = rows[0];
  if (!first) return;
  const headers = Object.keys(first);
  const cell = (value: string | number | undefined) =>
    typeof value === 'number' ? String(round(value)) : (value ?? '');
  console.log(`| ${headers.join(' | ')} |`);
  console.log(`| ${headers.map(() => '---').join(' | ')} |`);
  for (const row of rows) console.log(`| ${headers.map((header) => cell(row[header])).join(' | ')} |`);
}

/** Writes `bench-results/<name>-<timestamp>.json` and `bench-results/<name>-latest.json`. */
export async function writeResults(name: string, results: unknown): Promise<string> {
  const directory = path.resolve(import.meta.dirname, '../../bench-results');
  await mkdir(directory, { recursive: true });
  const body = `${JSON.stringify(results, null, 2)}\n`;
  const file = path.join(directory, `${name}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  await writeFile(file, body);
  await writeFile(path.join(directory, `${name}-latest.json`), body);
  return file;
}
