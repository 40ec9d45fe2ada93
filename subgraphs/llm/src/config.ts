import { optionalString, parseEnv, portVar, subgraphEnv } from '@ionflux/kit/config';
import { z } from 'zod';

const llmEnvSchema = z.object({
  ...subgraphEnv,
  LLM_SUBGRAPH_PORT: portVar(4001),
  // Central IONFLUX keys (spec 1.2). Optional: without one, a provider is usable only by workspaces
  // that set their own key.
  OPENAI_API_KEY: optionalString(),
  OPENAI_BASE_URL: optionalString(),
  ANTHROPIC_API_KEY: optionalString(),
  ANTHROPIC_BASE_URL: optionalString(),
  GEMINI_API_KEY: optionalString(),
  GEMINI_BASE_URL: optionalString(),
});

export type LlmConfig = z.output<typeof llmEnvSchema>;

/** Reads the LLM subgraph's env once, failing with every bad key named. */
export function parseLlmConfig(env: Readonly<Record<string, string | undefined>>): LlmConfig {
  return parseEnv('llm subgraph', llmEnvSchema, env);
}
