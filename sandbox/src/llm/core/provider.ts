/** The LLM providers the simulator speaks for. */
export type LlmProvider = 'openai' | 'anthropic' | 'gemini';

export const LLM_PROVIDERS: readonly LlmProvider[] = ['openai', 'anthropic', 'gemini'];

export function isLlmProvider(value: unknown): value is LlmProvider {
  return value === 'openai' || value === 'anthropic' || value === 'gemini';
}
