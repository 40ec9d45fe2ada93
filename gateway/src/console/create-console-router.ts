import { join } from 'node:path';
import express from 'express';
import { serializeJsonForHtml } from '../playground/render-playground-html.ts';
import { CONSOLE_CONFIG_ELEMENT_ID } from './console-config.ts';
import { CONSOLE_ASSETS_DIR, readConsoleManifest } from './console-manifest.ts';
import { DEFAULT_CONSOLE_DIST_DIR } from './default-console-dist-dir.ts';

export type ConsoleRouterOptions = {
  /**
   * The GraphQL endpoint (HTTP and graphql-ws) the console talks to, on the page's origin.
   * @default '/graphql'
   */
  endpoint?: string;
  /**
   * The built bundle (`npm run build -w gateway`).
   * @default 'gateway/dist/console'
   */
  distDir?: string;
};

// Everything from this origin; uPlot sizes its canvas with inline styles. No inline script at all.
const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The integration console: `GET /console` serves the page, `/console/assets/*` its content-hashed
 * assets. The page holds no token: the browser reads it from the URL fragment or a form and keeps it in
 * sessionStorage. Answers 503 while the bundle is not built.
 */
export function createConsoleRouter(options: ConsoleRouterOptions = {}): express.Router {
  const endpoint = options.endpoint ?? '/graphql';
  const distDir = options.distDir ?? DEFAULT_CONSOLE_DIST_DIR;
  const router = express.Router();

  router.get('/console', async (req, res) => {
    const result = await readConsoleManifest(distDir);
    if (!result.ok) {
      res
        .status(503)
        .type('text/plain')
        .set('Cache-Control', 'no-store')
        .send('console bundle not built: run npm run build\n');
      return;
    }
    const assets = `${req.baseUrl}/console/${CONSOLE_ASSETS_DIR}`;
    res
      .set({
        'Content-Security-Policy': contentSecurityPolicy,
        'Cache-Control': 'no-cache',
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
      })
      .type('html')
      .send(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>IONFLUX integration console</title>
<link rel="stylesheet" href="${assets}/${result.manifest.style}">
<script type="application/json" id="${CONSOLE_CONFIG_ELEMENT_ID}">${serializeJsonForHtml({ endpoint })}</script>
<script type="module" src="${assets}/${result.manifest.script}"></script>
</head>
<body>
<div id="console"></div>
<noscript>The IONFLUX integration console needs JavaScript.</noscript>
</body>
</html>
`);
  });

  const assetsPath = `/console/${CONSOLE_ASSETS_DIR}`;
  router.use(
    assetsPath,
    express.static(join(distDir, CONSOLE_ASSETS_DIR), {
      immutable: true,
      maxAge: '365d',
      index: false,
      redirect: false,
      setHeaders: (res) => res.setHeader('X-Content-Type-Options', 'nosniff'),
    }),
  );
  router.use(assetsPath, (_req, res) => {
    res.status(404).type('text/plain').send('no such console asset\n');
  });
  return router;
}
