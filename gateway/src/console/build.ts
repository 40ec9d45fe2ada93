import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import {
  type BundleBuildSummary,
  browserBundleOptions,
  buildStagedBundle,
  outputFor,
} from '../bundles/build-staged-bundle.ts';
import { CONSOLE_ASSETS_DIR, CONSOLE_MANIFEST_FILE, type ConsoleManifest } from './console-manifest.ts';
import { DEFAULT_CONSOLE_DIST_DIR } from './default-console-dist-dir.ts';

const clientDir = fileURLToPath(new URL('./client/', import.meta.url));

/**
 * Bundles the integration console (plain DOM + graphql-ws + uPlot, no CDN) into `outDir`, written beside it
 * and moved into place only when complete.
 */
export async function buildConsole(
  options: { outDir?: string /** @default DEFAULT_CONSOLE_DIST_DIR */ } = {},
): Promise<BundleBuildSummary> {
  return buildStagedBundle({
    distDir: options.outDir ?? DEFAULT_CONSOLE_DIST_DIR,
    assetsDir: CONSOLE_ASSETS_DIR,
    manifestFile: CONSOLE_MANIFEST_FILE,
    build: async (outdir): Promise<ConsoleManifest> => {
      const result = await esbuild.build({
        ...browserBundleOptions,
        outdir,
        format: 'esm',
        entryPoints: { console: join(clientDir, 'main.ts'), style: join(clientDir, 'console.css') },
      });
      return {
        script: outputFor(result.metafile, 'main.ts'),
        style: outputFor(result.metafile, 'console.css'),
      };
    },
  });
}

if (import.meta.main) {
  const summary = await buildConsole();
  const where = relative(process.cwd(), summary.distDir) || '.';
  console.log(
    `console: ${summary.files} files, ${(summary.bytes / 1024).toFixed(1)} KiB in ${where} (${(summary.durationMs / 1000).toFixed(1)} s)`,
  );
}
