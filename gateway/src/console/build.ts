import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { CONSOLE_ASSETS_DIR, CONSOLE_MANIFEST_FILE, type ConsoleManifest } from './console-manifest.ts';
import { DEFAULT_CONSOLE_DIST_DIR } from './default-console-dist-dir.ts';

export type ConsoleBuildSummary = { distDir: string; files: number; bytes: number; durationMs: number };

const clientDir = fileURLToPath(new URL('./client/', import.meta.url));

/**
 * Bundles the integration console (plain DOM + graphql-ws + uPlot, no CDN) into `outDir`, written beside it
 * and moved into place only when complete.
 */
export async function buildConsole(
  options: { outDir?: string /** @default DEFAULT_CONSOLE_DIST_DIR */ } = {},
): Promise<ConsoleBuildSummary> {
  const started = performance.now();
  const distDir = options.outDir ?? DEFAULT_CONSOLE_DIST_DIR;
  const stagingDir = `${distDir}.staging-${process.pid}`;
  const outdir = join(stagingDir, CONSOLE_ASSETS_DIR);
  await rm(stagingDir, { recursive: true, force: true });
  await mkdir(outdir, { recursive: true });
  const result = await esbuild.build({
    bundle: true,
    minify: true,
    platform: 'browser',
    target: 'es2022',
    entryNames: '[name]-[hash]',
    legalComments: 'linked',
    metafile: true,
    logLevel: 'warning',
    outdir,
    format: 'esm',
    entryPoints: { console: join(clientDir, 'main.ts'), style: join(clientDir, 'console.css') },
  });
  const manifest: ConsoleManifest = {
    script: outputFor(result.metafile, 'main.ts'),
    style: outputFor(result.metafile, 'console.css'),
  };
  await writeFile(join(stagingDir, CONSOLE_MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  await rm(distDir, { recursive: true, force: true });
  await rename(stagingDir, distDir);
  const names = await readdir(join(distDir, CONSOLE_ASSETS_DIR));
  const sizes = await Promise.all(names.map((name) => stat(join(distDir, CONSOLE_ASSETS_DIR, name))));
  const bytes = sizes.reduce((total, { size }) => total + size, 0);
  return { distDir, files: names.length, bytes, durationMs: Math.round(performance.now() - started) };
}

function outputFor(metafile: esbuild.Metafile, entryFileName: string): string {
  for (const [path, output] of Object.entries(metafile.outputs)) {
    if (output.entryPoint !== undefined && basename(output.entryPoint) === entryFileName)
      return basename(path);
  }
  throw new Error(`console build: no output for entry ${entryFileName}`);
}

if (import.meta.main) {
  const summary = await buildConsole();
  const where = relative(process.cwd(), summary.distDir) || '.';
  console.log(
    `console: ${summary.files} files, ${(summary.bytes / 1024).toFixed(1)} KiB in ${where} (${(summary.durationMs / 1000).toFixed(1)} s)`,
  );
}
