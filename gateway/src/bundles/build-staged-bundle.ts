import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type * as esbuild from 'esbuild';

/** What a bundle build wrote: its folder, how many asset files and bytes, and how long it took. */
export type BundleBuildSummary = { distDir: string; files: number; bytes: number; durationMs: number };

/** esbuild options every browser bundle of the gateway shares (the playground's and the console's). */
export const browserBundleOptions = {
  bundle: true,
  minify: true,
  platform: 'browser',
  target: 'es2022',
  entryNames: '[name]-[hash]',
  legalComments: 'linked',
  metafile: true,
  logLevel: 'warning',
} satisfies esbuild.BuildOptions;

/**
 * Builds a bundle into a staging folder beside `distDir` (`build` writes its assets into the `outdir` it
 * is given and returns the manifest naming them), then moves it into place only when complete, so a server
 * never serves a manifest naming files not yet written.
 */
export async function buildStagedBundle(options: {
  distDir: string;
  assetsDir: string;
  manifestFile: string;
  build: (outdir: string) => Promise<unknown>;
}): Promise<BundleBuildSummary> {
  const started = performance.now();
  const { distDir, assetsDir } = options;
  const stagingDir = `${distDir}.staging-${process.pid}`;
  const outdir = join(stagingDir, assetsDir);
  await rm(stagingDir, { recursive: true, force: true });
  await mkdir(outdir, { recursive: true });
  const manifest = await options.build(outdir);
  await writeFile(join(stagingDir, options.manifestFile), `${JSON.stringify(manifest, null, 2)}\n`);
  await rm(distDir, { recursive: true, force: true });
  await rename(stagingDir, distDir);
  const names = await readdir(join(distDir, assetsDir));
  const sizes = await Promise.all(names.map((name) => stat(join(distDir, assetsDir, name))));
  const bytes = sizes.reduce((total, { size }) => total + size, 0);
  return { distDir, files: names.length, bytes, durationMs: Math.round(performance.now() - started) };
}

/** The file name esbuild wrote for an entry point (content-hashed), found in the build's metafile. */
export function outputFor(metafile: esbuild.Metafile, entryFileName: string): string {
  for (const [path, output] of Object.entries(metafile.outputs)) {
    if (output.entryPoint !== undefined && basename(output.entryPoint) === entryFileName)
      return basename(path);
  }
  throw new Error(`bundle build: no output for entry ${entryFileName}`);
}
