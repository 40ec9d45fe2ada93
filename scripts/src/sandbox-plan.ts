/** Which providers the sandbox stands in for, and why: what `npm start` says loudly. */
export interface SandboxPlan {
  providers: ('shopify' | 'tiktok' | 'llm')[];
  /** LLM providers simulated (those without a configured key). */
  llmProviders: ('openai' | 'anthropic' | 'gemini')[];
  reason: string;
}

const llmKeys = {
  openai: 'OPENAI_API_KEY',
  anthropic: 'ANTHROPIC_API_KEY',
  gemini: 'GEMINI_API_KEY',
} as const;

/**
 * `IONFLUX_SANDBOX=1`: every provider without credentials is simulated. `0`: none is. Unset: the
 * sandbox is on only when no provider credentials are configured at all (a newcomer's machine).
 */
export function planSandbox(env: Readonly<Record<string, string | undefined>>): SandboxPlan {
  const missing = {
    shopify: !env['SHOPIFY_API_KEY'],
    tiktok: !env['TIKTOK_CLIENT_KEY'],
  };
  const llmProviders = (Object.keys(llmKeys) as (keyof typeof llmKeys)[]).filter((p) => !env[llmKeys[p]]);
  const none: SandboxPlan = { providers: [], llmProviders: [], reason: '' };
  const setting = env['IONFLUX_SANDBOX'];
  if (setting === '0') return none;
  const nothingConfigured = missing.shopify && missing.tiktok && llmProviders.length === 3;
  if (setting !== '1' && !nothingConfigured) return none;
  const providers: SandboxPlan['providers'] = [];
  if (missing.shopify) providers.push('shopify');
  if (missing.tiktok) providers.push('tiktok');
  if (llmProviders.length > 0) providers.push('llm');
  return {
    providers,
    llmProviders,
    reason: setting === '1' ? 'IONFLUX_SANDBOX=1' : 'no provider credentials are set',
  };
}
