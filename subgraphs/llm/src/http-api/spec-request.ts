import { z } from 'zod';
import type { CompletionInput, LlmProviderId } from '../generated/resolvers-types.ts';

const PROVIDERS: Readonly<Record<string, LlmProviderId>> = {
  openai: 'OPENAI',
  claude: 'CLAUDE',
  anthropic: 'CLAUDE',
  gemini: 'GEMINI',
};

/** Known parameters; the spec's "other provider-specific parameters" pass to the adapter as extras. */
const parametersSchema = z
  .object({
    max_tokens: z.number().int().positive().nullish(),
    temperature: z.number().nullish(),
    top_p: z.number().nullish(),
    stop_sequences: z.array(z.string()).max(64).nullish(),
  })
  .catchall(z.unknown());

/**
 * Spec 1.3's request, field for field. Unknown top-level fields are refused (a misspelt `sytem_prompt`
 * would otherwise be dropped silently); `user_id` and `workspace_id` are read only to be compared with
 * the caller's verified identity.
 */
export const specRequestSchema = z.strictObject({
  provider: z
    .string()
    .transform((value) => PROVIDERS[value.toLowerCase()])
    .pipe(z.enum(['OPENAI', 'CLAUDE', 'GEMINI'], { error: 'provider must be openai, claude or gemini' }))
    .nullish(),
  model: z.string().min(1).max(200).nullish(),
  prompt: z.string({ error: 'prompt is required (a string)' }),
  system_prompt: z.string().nullish(),
  history: z
    .array(z.strictObject({ role: z.enum(['user', 'assistant']), content: z.string() }))
    .max(1000)
    .nullish(),
  parameters: parametersSchema.nullish(),
  user_id: z.string().nullish(),
  workspace_id: z.string().nullish(),
  request_id: z.string().nullish(),
  stream: z.boolean().nullish(),
});

export type SpecRequest = z.output<typeof specRequestSchema>;

/** The spec's request as `createCompletion`'s input: one orchestration behind both. */
export function toCompletionInput(request: SpecRequest, fallbackRequestId: string): CompletionInput {
  const { max_tokens, temperature, top_p, stop_sequences, ...others } = request.parameters ?? {};
  return {
    provider: request.provider ?? 'OPENAI',
    model: request.model ?? null,
    prompt: request.prompt,
    systemPrompt: request.system_prompt ?? null,
    history: (request.history ?? []).map((turn) => ({
      role: turn.role === 'assistant' ? 'ASSISTANT' : 'USER',
      content: turn.content,
    })),
    parameters: {
      maxTokens: max_tokens ?? null,
      temperature: temperature ?? null,
      topP: top_p ?? null,
      stopSequences: stop_sequences ?? null,
      extra: Object.entries(others)
        .filter(([, value]) => value !== undefined && value !== null)
        .map(([name, value]) => ({ name, value: JSON.stringify(value) })),
    },
    requestId: request.request_id ?? fallbackRequestId,
  };
}
