import { join } from 'node:path';
import express from 'express';
import { DEFAULT_PLAYGROUND_DIST_DIR } from './default-dist-dir.ts';
import { PLAYGROUND_ASSETS_DIR, readPlaygroundManifest } from './playground-manifest.ts';
import { renderPlaygroundHtml } from './render-playground-html.ts';

export type PlaygroundRouterOptions = {
  /**
   * The GraphQL endpoint the playground talks to, on the page's origin.
   * @default '/graphql'
   */
  endpoint?: string;
  /**
   * Headers pre-filled in the header editor, e.g. `{ Authorization: 'Bearer <dev jwt>' }` in development.
   * @default {}
   */
  defaultHeaders?: Record<string, string>;
  /**
   * The built bundle (`npm run build -w gateway`).
   * @default 'gateway/dist/playground'
   */
  distDir?: string;
};

// Everything comes from this origin; Monaco and GraphiQL need inline styles and data: fonts and images.
const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const notBuiltMessage = 'playground bundle not built: run npm run build\n';

/**
 * The offline GraphQL playground (GraphiQL bundled from npm, no CDN): `GET /playground` serves the page,
 * `/playground/assets/*` its content-hashed (immutable) assets, and `GET /` redirects to the playground.
 * Answers 503 while the bundle is not built.
 */
export function createPlaygroundRouter(options: PlaygroundRouterOptions = {}): express.Router {
  const endpoint = options.endpoint ?? '/graphql';
  const defaultHeaders = options.defaultHeaders ?? {};
  const distDir = options.distDir ?? DEFAULT_PLAYGROUND_DIST_DIR;
  const router = express.Router();

  router.get('/', (req, res) => {
    res.redirect(302, `${req.baseUrl}/playground`);
  });

  router.get('/playground', async (req, res) => {
    // Read per request (a few hundred bytes, rarely asked): a rebuild while the gateway runs is picked up.
    const result = await readPlaygroundManifest(distDir);
    if (!result.ok) {
      res.status(503).type('text/plain').set('Cache-Control', 'no-store').send(notBuiltMessage);
      return;
    }
    const { manifest } = result;
    const assets = `${req.baseUrl}/playground/${PLAYGROUND_ASSETS_DIR}`;
    const html = renderPlaygroundHtml({
      scriptUrl: `${assets}/${manifest.script}`,
      styleUrl: `${assets}/${manifest.style}`,
      config: {
        endpoint,
        defaultHeaders,
        workers: {
          editor: `${assets}/${manifest.workers.editor}`,
          json: `${assets}/${manifest.workers.json}`,
          graphql: `${assets}/${manifest.workers.graphql}`,
        },
      },
    });
    res
      .set({
        'Content-Security-Policy': contentSecurityPolicy,
        'Cache-Control': 'no-cache',
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
      })
      .type('html')
      .send(html);
  });

  const assetsPath = `/playground/${PLAYGROUND_ASSETS_DIR}`;
  // File names carry a content hash, so a cached asset never goes stale.
  router.use(
    assetsPath,
    express.static(join(distDir, PLAYGROUND_ASSETS_DIR), {
      immutable: true,
      maxAge: '365d',
      index: false,
      redirect: false,
      setHeaders: (res) => res.setHeader('X-Content-Type-Options', 'nosniff'),
    }),
  );
  router.use(assetsPath, (_req, res) => {
    res.status(404).type('text/plain').send('no such playground asset\n');
  });

  return router;
}
