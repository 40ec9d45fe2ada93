// The provider simulators in a container: `npm run sandbox` (sandbox/src/main.ts) listens on 127.0.0.1
// only, which no other container can reach, so the sandbox image starts them here on SANDBOX_HOST
// (default every interface). Everything else is as `npm run sandbox`: ports SANDBOX_BASE_PORT (4010),
// +1, +2; the configured app credentials when set (the subgraphs must be given the same), fresh ones
// otherwise.
import { generateSandboxCredentials, startSandbox } from '@ionflux/sandbox';

const env = process.env;
const generated = generateSandboxCredentials();
const sandbox = await startSandbox({
  host: env['SANDBOX_HOST'] || '0.0.0.0',
  basePort: env['SANDBOX_BASE_PORT'] ? Number(env['SANDBOX_BASE_PORT']) : 4010,
  credentials: {
    shopify: {
      apiKey: env['SHOPIFY_API_KEY'] || generated.shopify.apiKey,
      apiSecret: env['SHOPIFY_API_SECRET'] || generated.shopify.apiSecret,
    },
    tiktok: {
      clientKey: env['TIKTOK_CLIENT_KEY'] || generated.tiktok.clientKey,
      clientSecret: env['TIKTOK_CLIENT_SECRET'] || generated.tiktok.clientSecret,
    },
    llm: {
      openai: env['OPENAI_API_KEY'] || generated.llm.openai,
      anthropic: env['ANTHROPIC_API_KEY'] || generated.llm.anthropic,
      gemini: env['GEMINI_API_KEY'] || generated.llm.gemini,
    },
  },
});
console.log(
  `sandbox listening: shopify ${sandbox.shopify?.url}, tiktok ${sandbox.tiktok?.url}, llm ${sandbox.llm?.url}`,
);
const stop = async () => {
  await sandbox.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
