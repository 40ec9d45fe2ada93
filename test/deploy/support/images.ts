import { SHOPIFY_SUBGRAPH_NODE_FLAGS } from '@ionflux/shopify/node-flags';

/** The images this project builds: where their Dockerfile is and what runs inside. */
export interface ImageSpec {
  dockerfile: string;
  /** The npm workspace whose production dependencies the image installs. */
  workspace: string;
  /** What the image may be started with: its CMD first, then the other commands (worker, migration). */
  entries: readonly string[];
  /** The env var naming the public port, and its value in the image. */
  port?: { variable: string; value: number };
  /** Node.js flags its CMD gives before the entry (as `npm start` does). */
  nodeFlags?: readonly string[];
}

export const images = {
  gateway: {
    dockerfile: 'deploy/docker/gateway.Dockerfile',
    workspace: 'gateway',
    entries: ['gateway/src/main.ts'],
    port: { variable: 'PORT', value: 4000 },
  },
  llm: {
    dockerfile: 'deploy/docker/llm.Dockerfile',
    workspace: 'subgraphs/llm',
    entries: ['subgraphs/llm/src/main.ts', 'scripts/migrate.ts'],
    port: { variable: 'LLM_SUBGRAPH_PORT', value: 4001 },
  },
  shopify: {
    dockerfile: 'deploy/docker/shopify.Dockerfile',
    workspace: 'subgraphs/shopify',
    entries: ['subgraphs/shopify/src/main.ts', 'subgraphs/shopify/src/worker-main.ts', 'scripts/migrate.ts'],
    port: { variable: 'SHOPIFY_SUBGRAPH_PORT', value: 4002 },
    nodeFlags: SHOPIFY_SUBGRAPH_NODE_FLAGS,
  },
  tiktok: {
    dockerfile: 'deploy/docker/tiktok.Dockerfile',
    workspace: 'subgraphs/tiktok',
    entries: ['subgraphs/tiktok/src/main.ts', 'scripts/migrate.ts'],
    port: { variable: 'TIKTOK_SUBGRAPH_PORT', value: 4003 },
  },
  sandbox: {
    dockerfile: 'deploy/docker/sandbox.Dockerfile',
    workspace: 'sandbox',
    entries: ['sandbox/src/main.ts'],
  },
} as const satisfies Record<string, ImageSpec>;

export type ImageName = keyof typeof images;

/** The admin port every service is given (ADMIN_PORT): /healthz, /readyz and /metrics. */
export const ADMIN_PORT = 9464;
