// The build (esbuild, a dev dependency) is not exported: run it with `npm run build -w gateway`.
export { type ConsoleRouterOptions, createConsoleRouter } from './create-console-router.ts';
