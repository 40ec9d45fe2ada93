import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import {
  type BundleBuildSummary,
  browserBundleOptions,
  buildStagedBundle,
  outputFor,
} from '../bundles/build-staged-bundle.ts';
import { DEFAULT_PLAYGROUND_DIST_DIR } from './default-dist-dir.ts';
import {
  PLAYGROUND_ASSETS_DIR,
  PLAYGROUND_MANIFEST_FILE,
  type PlaygroundManifest,
} from './playground-manifest.ts';

const clientDir = fileURLToPath(new URL('./client/', import.meta.url));

// GraphiQL ships worker setups only for vite, webpack and esm.sh (a CDN); the three Monaco workers are
// built here as classic (IIFE) scripts and handed to `MonacoEnvironment.getWorker` by URL.
const workerEntryPoints = {
  'editor.worker': resolvePackageFile('monaco-editor/esm/vs/editor/editor.worker.js'),
  'json.worker': resolvePackageFile('monaco-editor/esm/vs/language/json/json.worker.js'),
  'graphql.worker': resolvePackageFile('monaco-graphql/esm/graphql.worker.js'),
};

const sharedOptions = {
  ...browserBundleOptions,
  define: { 'process.env.NODE_ENV': '"production"' },
} satisfies esbuild.BuildOptions;

/**
 * Bundles the offline playground (React 19 + GraphiQL 5 + Monaco, no CDN) into `outDir`: content-hashed
 * assets under `assets/` and a `manifest.json` naming them. The build is written beside `outDir` and moved
 * into place only when complete, so a server never serves a manifest naming files not yet written.
 */
export async function buildPlayground(
  options: { outDir?: string /** @default DEFAULT_PLAYGROUND_DIST_DIR */ } = {},
): Promise<BundleBuildSummary> {
  return buildStagedBundle({
    distDir: options.outDir ?? DEFAULT_PLAYGROUND_DIST_DIR,
    assetsDir: PLAYGROUND_ASSETS_DIR,
    manifestFile: PLAYGROUND_MANIFEST_FILE,
    build: async (outdir): Promise<PlaygroundManifest> => {
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

      return {
        script: outputFor(app.metafile, 'main.tsx'),
        style: outputFor(style.metafile, 'playground.css'),
        workers: {
          editor: outputFor(workers.metafile, 'editor.worker.js'),
          json: outputFor(workers.metafile, 'json.worker.js'),
          graphql: outputFor(workers.metafile, 'graphql.worker.js'),
        },
      };
    },
  });
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
