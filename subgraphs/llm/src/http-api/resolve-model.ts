import type { LlmProviderId } from '../generated/resolvers-types.ts';
import { providerCatalog } from '../providers/provider-catalog.ts';

export type ResolvedModel =
  | { ok: true; provider: LlmProviderId; model: string }
  | { ok: false; message: string };

/** `provider/model` prefixes, as LiteLLM and Cloudflare's compat endpoint spell them. */
const PREFIXES: Readonly<Record<string, LlmProviderId>> = {
  openai: 'OPENAI',
  anthropic: 'CLAUDE',
  claude: 'CLAUDE',
  gemini: 'GEMINI',
  google: 'GEMINI',
};

// Model families outside the catalog (usable with a workspace's own key), by the provider's naming.
const FAMILIES: readonly [RegExp, LlmProviderId][] = [
  [/^(gpt-|chatgpt-|o\d|text-embedding-|ft:)/, 'OPENAI'],
  [/^claude-/, 'CLAUDE'],
  [/^(gemini-|gemma-)/, 'GEMINI'],
];

/**
 * Which provider an OpenAI-style `model` names: `provider/model`, a catalog model (`gpt-4o-mini`,
 * `claude-sonnet-4-5`, `gemini-2.5-flash`), or a model of a provider's own naming (`claude-…`). Anything
 * else is refused, naming how to say it, rather than sent to the primary provider by guess.
 */
export function resolveModel(name: string): ResolvedModel {
  const slash = name.indexOf('/');
  if (slash > 0) {
    const provider = PREFIXES[name.slice(0, slash).toLowerCase()];
    const model = name.slice(slash + 1);
    if (provider && model !== '') return { ok: true, provider, model };
  }
  const listed = providerCatalog.find((provider) => provider.models.some((model) => model.id === name));
  if (listed) return { ok: true, provider: listed.id, model: name };
  const family = FAMILIES.find(([pattern]) => pattern.test(name));
  if (family) return { ok: true, provider: family[1], model: name };
  return {
    ok: false,
    message: `The model "${name.slice(0, 100)}" is not one IONFLUX knows: name a model GET /models lists, or prefix it with its provider (openai/…, anthropic/…, gemini/…).`,
  };
}
