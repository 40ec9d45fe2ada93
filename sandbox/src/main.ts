// `npm run sandbox`: the provider simulators alone (like stripe-mock), on ports 4010-4012 unless
// SANDBOX_BASE_PORT says otherwise, on 127.0.0.1 unless SANDBOX_HOST says otherwise (the container image
// sets 0.0.0.0 so that other containers reach it). Uses the configured app credentials when set, fresh ones
// otherwise.
import { generateSandboxCredentials } from './generate-credentials.ts';
import { startSandbox } from './index.ts';

const env = process.env;
const generated = generateSandboxCredentials();
const sandbox = await startSandbox({
  ...(env['SANDBOX_HOST'] ? { host: env['SANDBOX_HOST'] } : {}),
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
  `shopify    ${sandbox.shopify?.url}  (demo shop ${sandbox.shopify?.demoShop}, control API /_control)`,
);
console.log(`tiktok     ${sandbox.tiktok?.url}`);
console.log(`llm        ${sandbox.llm?.url}  (OpenAI, Anthropic, Gemini)`);
console.log('\nPoint IONFLUX (or any client) at the sandbox with:');
for (const [key, value] of Object.entries(sandbox.env)) console.log(`${key}=${value}`);
const stop = async () => {
  await sandbox.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
