import type { PlaygroundWorkerUrls } from '../playground-config.ts';

/**
 * Tells Monaco where its workers are. GraphiQL only ships setups for vite, webpack and a CDN; here the
 * workers are classic scripts built beside the app and served from the same origin (CSP `worker-src 'self'`).
 */
export function setupMonacoWorkers(urls: PlaygroundWorkerUrls): void {
  const environment = {
    getWorker(_workerId: string, label: string): Worker {
      const url = label === 'json' || label === 'graphql' ? urls[label] : urls.editor;
      return new Worker(url, { name: label });
    },
  };
  Object.assign(globalThis, { MonacoEnvironment: environment });
}
