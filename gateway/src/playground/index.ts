// The build (esbuild, a dev dependency) is not exported: run it with `npm run build -w gateway`.
export { createPlaygroundRouter, type PlaygroundRouterOptions } from './create-playground-router.ts';
