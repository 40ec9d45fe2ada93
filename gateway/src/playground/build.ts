import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { DEFAULT_PLAYGROUND_DIST_DIR } from './default-dist-dir.ts';
import {
  PLAYGROUND_ASSETS_DIR,
  PLAYGROUND_MANIFEST_FILE,
  type PlaygroundManifest,
} from './playground-manifest.ts';

export type PlaygroundBuildSummary = { distDir: string; files: number; bytes: number; durationMs: number };

const clientDir = fileURLToPath(new URL('./client/', import.meta.url));

// GraphiQL ships worker setups only for vite, webpack and esm.sh (a CDN); the three Monaco workers are
// built here as classic (IIFE) scripts and handed to `MonacoEnvironment.getWorker` by URL.
const workerEntryPoints = {
  'editor.worker': resolvePackageFile('monaco-editor/esm/vs/editor/editor.worker.js'),
  'json.worker': resolvePackageFile('monaco-editor/esm/vs/language/json/json.worker.js'),
  'graphql.worker': resolvePackageFile('monaco-graphql/esm/graphql.worker.js'),
};

const sharedOptions = {
  bundle: true,
  minify: true,
  platform: 'browser',
  target: 'es2022',
  entryNames: '[name]-[hash]',
  legalComments: 'linked',
  metafile: true,
  logLevel: 'warning',
  define: { 'process.env.NODE_ENV': '"production"' },
} satisfies esbuild.BuildOptions;

/**
 * Bundles the offline playground (React 19 + GraphiQL 5 + Monaco, no CDN) into `outDir`: content-hashed
 * assets under `assets/` and a `manifest.json` naming them. The build is written beside `outDir` and moved
 * into place only when complete, so a server never serves a manifest naming files not yet written.
 */
export async function buildPlayground(
  options: { outDir?: string /** @default DEFAULT_PLAYGROUND_DIST_DIR */ } = {},
): Promise<PlaygroundBuildSummary> {
  const started = performance.now();
  const distDir = options.outDir ?? DEFAULT_PLAYGROUND_DIST_DIR;
  const stagingDir = `${distDir}.staging-${process.pid}`;
  const outdir = join(stagingDir, PLAYGROUND_ASSETS_DIR);
  await rm(stagingDir, { recursive: true, force: true });
  await mkdir(outdir, { recursive: true });

  const [app, workers, style] = await Promise.all([
    esbuild.build({
      ...sharedOptions,
      outdir,
      entryPoints: { main: join(clientDir, 'main.tsx') },
      format: 'esm',
      jsx: 'automatic',
      // Monaco's modules import their CSS; graphiql/style.css (the style entry) already carries all of it.
      loader: { '.css': 'empty', '.ttf': 'empty' },
    }),
    esbuild.build({ ...sharedOptions, outdir, entryPoints: workerEntryPoints, format: 'iife' }),
    esbuild.build({
      ...sharedOptions,
      outdir,
      entryPoints: { style: join(clientDir, 'playground.css') },
      loader: { '.ttf': 'dataurl', '.woff2': 'dataurl' },
    }),
  ]);

  const manifest: PlaygroundManifest = {
    script: outputFor(app.metafile, 'main.tsx'),
    style: outputFor(style.metafile, 'playground.css'),
    workers: {
      editor: outputFor(workers.metafile, 'editor.worker.js'),
      json: outputFor(workers.metafile, 'json.worker.js'),
      graphql: outputFor(workers.metafile, 'graphql.worker.js'),
    },
  };
  await writeFile(join(stagingDir, PLAYGROUND_MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);

  await rm(distDir, { recursive: true, force: true });
  await rename(stagingDir, distDir);

  const names = await readdir(join(distDir, PLAYGROUND_ASSETS_DIR));
  const sizes = await Promise.all(names.map((name) => stat(join(distDir, PLAYGROUND_ASSETS_DIR, name))));
  const bytes = sizes.reduce((total, { size }) => total + size, 0);
  return { distDir, files: names.length, bytes, durationMs: Math.round(performance.now() - started) };
}

function outputFor(metafile: esbuild.Metafile, entryFileName: string): string {
  for (const [path, output] of Object.entries(metafile.outputs)) {
    if (output.entryPoint !== undefined && basename(output.entryPoint) === entryFileName)
      return basename(path);
  }
  throw new Error(`playground build: no output for entry ${entryFileName}`);
}

function resolvePackageFile(specifier: string): string {
  return fileURLToPath(import.meta.resolve(specifier));
}

if (import.meta.main) {
  const summary = await buildPlayground();
  const mebibytes = (summary.bytes / 2 ** 20).toFixed(1);
  const where = relative(process.cwd(), summary.distDir) || '.';
  console.log(
    `playground: ${summary.files} files, ${mebibytes} MiB in ${where} (${(summary.durationMs / 1000).toFixed(1)} s)`,
  );
}
