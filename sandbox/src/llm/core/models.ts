import type { LlmProvider } from './provider.ts';

/** Models listed by OpenAI's `/v1/models` and Gemini's `models` list. */
export const LISTED_MODELS: Record<LlmProvider, readonly string[]> = {
  openai: [
    'gpt-4o',
    'gpt-4o-mini',
    'gpt-4.1',
    'gpt-4.1-mini',
    'o4-mini',
    'text-embedding-3-small',
    'text-embedding-3-large',
    'text-embedding-ada-002',
  ],
  anthropic: ['claude-sonnet-4-6', 'claude-opus-4-8', 'claude-haiku-4-5'],
  gemini: ['gemini-2.5-flash', 'gemini-2.5-pro', 'gemini-embedding-001', 'text-embedding-004'],
};

/**
 * Whether a provider serves a model. Any name in the provider's naming scheme is accepted, so that
 * clients configured with a newer model keep working; names outside it get the provider's 404.
 */
export function servesModel(provider: LlmProvider, model: string): boolean {
  switch (provider) {
    case 'openai':
      return /^(gpt-|o\d|chatgpt-|text-embedding-)/.test(model);
    case 'anthropic':
      return model.startsWith('claude-');
    case 'gemini':
      return /^(gemini-|text-embedding-|embedding-)/.test(model);
    default: {
      const unreachable: never = provider;
      return unreachable;
    }
  }
}

/** The default embedding size of a model, and whether a caller may ask for fewer dimensions. */
export function embeddingShape(model: string): { dimensions: number; resizable: boolean } {
  if (model === 'text-embedding-ada-002') return { dimensions: 1536, resizable: false };
  if (model === 'text-embedding-3-large' || model === 'gemini-embedding-001')
    return { dimensions: 3072, resizable: true };
  if (model === 'text-embedding-004') return { dimensions: 768, resizable: true };
  return { dimensions: 1536, resizable: true };
}
