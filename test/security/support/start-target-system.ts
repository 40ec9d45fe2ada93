import { randomBytes } from 'node:crypto';
import { freePort } from '@ionflux/kit/server';
import {
  type LlmSimulator,
  type ShopifySimulator,
  startLlmSimulator,
  startShopifySimulator,
  startTikTokSimulator,
  type TikTokSimulator,
} from '@ionflux/sandbox';
import type { ShopifyAppKeys } from '@ionflux/testing/system';
import { type SystemUnderTest, startSystem } from '@ionflux/testing/system';

/** The parts of the system listening on a port of their own behind the gateway. */
export const INTERNAL_PORT_NAMES = [
  'llm subgraph',
  'shopify subgraph',
  'tiktok subgraph',
  'shopify simulator',
  'tiktok simulator',
  'llm simulator',
  'postgres',
] as const;

export type InternalPortName = (typeof INTERNAL_PORT_NAMES)[number];

/** The whole system with every simulator, as an attacker meets it: one public origin, the gateway's. */
export interface TargetSystem {
  system: SystemUnderTest;
  /** The gateway's origin, also `IONFLUX_PUBLIC_URL` (OAuth callbacks and webhooks come back to it). */
  publicUrl: string;
  gatewayPort: number;
  shopify: ShopifySimulator;
  tiktok: TikTokSimulator;
  llm: LlmSimulator;
  shopifyKeys: ShopifyAppKeys;
  tiktokKeys: { clientKey: string; clientSecret: string };
  /** The central LLM keys (the simulator accepts them). */
  llmKeys: { openai: string; anthropic: string; gemini: string };
  /** Every listening port of the system behind the gateway: subgraphs, simulators, Postgres. */
  internalPorts: Record<InternalPortName, number>;
  stop(): Promise<void>;
}

/**
 * Starts the Shopify, TikTok and LLM simulators and the real system configured against them (via
 * `startSystem` of `@ionflux/testing/system`), with the gateway on a port picked first so that OAuth redirect URIs
 * and webhook addresses name it.
 */
export async function startTargetSystem(env: Record<string, string> = {}): Promise<TargetSystem> {
  const shopifyKeys: ShopifyAppKeys = {
    apiKey: `sec-shopify-${randomBytes(6).toString('hex')}`,
    apiSecret: `sec-shopify-secret-${randomBytes(12).toString('hex')}`,
    masterKey: `ksec:${randomBytes(32).toString('base64')}`,
  };
  const tiktokKeys = {
    clientKey: `sec-tiktok-${randomBytes(6).toString('hex')}`,
    clientSecret: `sec-tiktok-secret-${randomBytes(12).toString('hex')}`,
  };
  const llmKeys = {
    openai: `sk-sec-central-${randomBytes(12).toString('hex')}`,
    anthropic: `sk-ant-sec-central-${randomBytes(12).toString('hex')}`,
    gemini: `AIzaSecCentral${randomBytes(12).toString('hex')}`,
  };
  const gatewayPort = await freePort();
  const publicUrl = `http://127.0.0.1:${gatewayPort}`;
  const [shopify, tiktok, llm] = await Promise.all([
    startShopifySimulator({
      ...shopifyKeys,
      webhookRetryDelaysMs: [20, 40],
      // The attacks read whole stores many times over; Shopify's throttling is not what they test.
      bucket: { maximumAvailable: 1_000_000, restoreRate: 1_000_000 },
    }),
    startTikTokSimulator({ ...tiktokKeys, webhookUrl: `${publicUrl}/webhooks/tiktok` }),
    startLlmSimulator({ apiKeys: llmKeys }),
  ]);
  let system: SystemUnderTest;
  try {
    system = await startSystem({
      PORT: String(gatewayPort),
      IONFLUX_PUBLIC_URL: publicUrl,
      IONFLUX_MASTER_KEY: shopifyKeys.masterKey,
      SHOPIFY_API_KEY: shopifyKeys.apiKey,
      SHOPIFY_API_SECRET: shopifyKeys.apiSecret,
      SHOPIFY_ADMIN_ORIGIN: shopify.adminOriginTemplate,
      SHOPIFY_API_VERSION: shopify.apiVersion,
      TIKTOK_CLIENT_KEY: tiktokKeys.clientKey,
      TIKTOK_CLIENT_SECRET: tiktokKeys.clientSecret,
      TIKTOK_API_ORIGIN: tiktok.url,
      TIKTOK_AUTH_ORIGIN: tiktok.url,
      // As npm start's sandbox mode does: PULL_FROM_URL publishes may name the simulator's origin.
      TIKTOK_PULL_ORIGINS: tiktok.url,
      OPENAI_API_KEY: llmKeys.openai,
      ANTHROPIC_API_KEY: llmKeys.anthropic,
      GEMINI_API_KEY: llmKeys.gemini,
      OPENAI_BASE_URL: llm.openaiBaseUrl,
      ANTHROPIC_BASE_URL: llm.anthropicBaseUrl,
      GEMINI_BASE_URL: llm.geminiBaseUrl,
      ...env,
    });
  } catch (error) {
    await Promise.all([shopify.close(), tiktok.close(), llm.close()]);
    throw error;
  }
  const portOf = (url: string) => Number(new URL(url).port);
  return {
    system,
    publicUrl,
    gatewayPort,
    shopify,
    tiktok,
    llm,
    shopifyKeys,
    tiktokKeys,
    llmKeys,
    internalPorts: {
      'llm subgraph': system.subgraphs.llm.port,
      'shopify subgraph': system.subgraphs.shopify.port,
      'tiktok subgraph': system.subgraphs.tiktok.port,
      'shopify simulator': portOf(shopify.url),
      'tiktok simulator': portOf(tiktok.url),
      'llm simulator': portOf(llm.url),
      postgres: Number(new URL(system.databaseUrl).port || 5432),
    },
    async stop() {
      await system.stop();
      await Promise.all([shopify.close(), tiktok.close(), llm.close()]);
    },
  };
}
