import { randomBytes } from 'node:crypto';
import type { SandboxCredentials } from './index.ts';

const token = (prefix: string, bytes = 16) => `${prefix}${randomBytes(bytes).toString('hex')}`;

/** Fresh development credentials in each provider's own format, for a sandbox nobody configured. */
export function generateSandboxCredentials(): SandboxCredentials {
  return {
    shopify: { apiKey: token('', 16), apiSecret: token('shpss_', 16) },
    tiktok: { clientKey: token('aw', 8), clientSecret: token('', 16) },
    llm: {
      openai: token('sk-sandbox-', 24),
      anthropic: token('sk-ant-sandbox-', 24),
      gemini: token('AIza-sandbox-', 16),
    },
  };
}
