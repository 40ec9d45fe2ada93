import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PlaygroundWorkerUrls } from './playground-config.ts';

/**
 * What the build produced, by role: file names (content-hashed) under {@link PLAYGROUND_ASSETS_DIR}.
 * The router reads it to write the page; hashed names let assets be cached as immutable.
 */
export type PlaygroundManifest = {
  script: string;
  style: string;
  workers: PlaygroundWorkerUrls;
};

export const PLAYGROUND_MANIFEST_FILE = 'manifest.json';
export const PLAYGROUND_ASSETS_DIR = 'assets';

export type ReadManifestResult = { ok: true; manifest: PlaygroundManifest } | { ok: false; reason: string };

/** Reads and checks `manifest.json` in a playground dist directory; a missing build is a result. */
export async function readPlaygroundManifest(distDir: string): Promise<ReadManifestResult> {
  let text: string;
  try {
    text = await readFile(join(distDir, PLAYGROUND_MANIFEST_FILE), 'utf8');
  } catch {
    return { ok: false, reason: `no ${PLAYGROUND_MANIFEST_FILE} in ${distDir}` };
  }
  const value = parseJson(text);
  if (!isManifest(value)) return { ok: false, reason: `malformed ${PLAYGROUND_MANIFEST_FILE} in ${distDir}` };
  return { ok: true, manifest: value };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isManifest(value: unknown): value is PlaygroundManifest {
  if (typeof value !== 'object' || value === null) return false;
  const { script, style, workers } = value as Record<string, unknown>;
  if (typeof script !== 'string' || typeof style !== 'string') return false;
  if (typeof workers !== 'object' || workers === null) return false;
  const { editor, json, graphql } = workers as Record<string, unknown>;
  return typeof editor === 'string' && typeof json === 'string' && typeof graphql === 'string';
}
