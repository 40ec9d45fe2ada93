import { type LlmSimulator, startLlmSimulator } from './llm/index.ts';
import { type ShopifySimulator, startShopifySimulator } from './shopify/index.ts';
import { startTikTokSimulator, type TikTokSimulator } from './tiktok/index.ts';

export { generateSandboxCredentials } from './generate-credentials.ts';
export type { LlmSimulator, LlmSimulatorOptions } from './llm/index.ts';
export { startLlmSimulator } from './llm/index.ts';
export type { ShopifySimulator, ShopifySimulatorOptions } from './shopify/index.ts';
export { DEMO_SHOP, startShopifySimulator } from './shopify/index.ts';
export type { TikTokSimulator, TikTokSimulatorOptions } from './tiktok/index.ts';
export { startTikTokSimulator } from './tiktok/index.ts';

/** The app credentials the simulators accept: the same values the subgraphs are configured with. */
export interface SandboxCredentials {
  shopify: { apiKey: string; apiSecret: string };
  tiktok: { clientKey: string; clientSecret: string };
  llm: { openai: string; anthropic: string; gemini: string };
}

export interface SandboxOptions {
  credentials: SandboxCredentials;
  /** Which simulators to run (a provider with real credentials needs none). @default all three */
  providers?: readonly ('shopify' | 'tiktok' | 'llm')[];
  /** @default '127.0.0.1' */
  host?: string;
  /** Shopify on basePort, TikTok on basePort+1, the LLM providers on basePort+2; 0 picks free ports. @default 4010 */
  basePort?: number;
}

export interface Sandbox {
  shopify?: ShopifySimulator;
  tiktok?: TikTokSimulator;
  llm?: LlmSimulator;
  /** The env a service needs to talk to the running simulators instead of the real providers. */
  env: Record<string, string>;
  close(): Promise<void>;
}

/**
 * Starts the simulators of the chosen providers: what `npm start` runs when a provider has no
 * credentials, and what `npm run sandbox` runs alone. Nothing else in the project is imported: a
 * simulator sharing the client's code would hide the client's bugs.
 */
export async function startSandbox(options: SandboxOptions): Promise<Sandbox> {
  const providers = new Set(options.providers ?? ['shopify', 'tiktok', 'llm']);
  const host = options.host ?? '127.0.0.1';
  const base = options.basePort ?? 4010;
  const port = (offset: number) => (base === 0 ? 0 : base + offset);
  const { credentials } = options;
  const [shopify, tiktok, llm] = await Promise.all([
    providers.has('shopify')
      ? startShopifySimulator({ host, port: port(0), ...credentials.shopify })
      : Promise.resolve(undefined),
    providers.has('tiktok')
      ? startTikTokSimulator({ host, port: port(1), ...credentials.tiktok })
      : Promise.resolve(undefined),
    providers.has('llm')
      ? startLlmSimulator({ host, port: port(2), apiKeys: credentials.llm })
      : Promise.resolve(undefined),
  ]);
  const env: Record<string, string> = {};
  if (shopify) {
    Object.assign(env, {
      SHOPIFY_API_KEY: credentials.shopify.apiKey,
      SHOPIFY_API_SECRET: credentials.shopify.apiSecret,
      SHOPIFY_ADMIN_ORIGIN: shopify.adminOriginTemplate,
      SHOPIFY_API_VERSION: shopify.apiVersion,
    });
  }
  if (tiktok) {
    Object.assign(env, {
      TIKTOK_CLIENT_KEY: credentials.tiktok.clientKey,
      TIKTOK_CLIENT_SECRET: credentials.tiktok.clientSecret,
      TIKTOK_API_ORIGIN: tiktok.url,
      TIKTOK_AUTH_ORIGIN: tiktok.url,
      // PULL_FROM_URL publishes may name the simulator's own origin (its verified domains).
      TIKTOK_PULL_ORIGINS: tiktok.url,
    });
  }
  if (llm) {
    Object.assign(env, {
      OPENAI_API_KEY: credentials.llm.openai,
      OPENAI_BASE_URL: llm.openaiBaseUrl,
      ANTHROPIC_API_KEY: credentials.llm.anthropic,
      ANTHROPIC_BASE_URL: llm.anthropicBaseUrl,
      GEMINI_API_KEY: credentials.llm.gemini,
      GEMINI_BASE_URL: llm.geminiBaseUrl,
    });
  }
  return {
    ...(shopify ? { shopify } : {}),
    ...(tiktok ? { tiktok } : {}),
    ...(llm ? { llm } : {}),
    env,
    async close() {
      await Promise.all([shopify?.close(), tiktok?.close(), llm?.close()]);
    },
  };
}
