import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** What the console build produced: content-hashed file names under {@link CONSOLE_ASSETS_DIR}. */
export type ConsoleManifest = { script: string; style: string };

export const CONSOLE_MANIFEST_FILE = 'manifest.json';
export const CONSOLE_ASSETS_DIR = 'assets';

export type ReadConsoleManifestResult =
  | { ok: true; manifest: ConsoleManifest }
  | { ok: false; reason: string };

/** Reads and checks `manifest.json` in the console dist directory; a missing build is a result. */
export async function readConsoleManifest(distDir: string): Promise<ReadConsoleManifestResult> {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(join(distDir, CONSOLE_MANIFEST_FILE), 'utf8'));
  } catch {
    return { ok: false, reason: `no readable ${CONSOLE_MANIFEST_FILE} in ${distDir}` };
  }
  if (typeof value !== 'object' || value === null) return { ok: false, reason: 'malformed manifest' };
  const { script, style } = value as Record<string, unknown>;
  if (typeof script !== 'string' || typeof style !== 'string')
    return { ok: false, reason: 'malformed manifest' };
  return { ok: true, manifest: { script, style } };
}
