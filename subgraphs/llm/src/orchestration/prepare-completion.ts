import type { CompletionInput } from '../generated/resolvers-types.ts';
import type { CompletionRequest, LlmAdapter } from '../providers/llm-adapter.ts';
import { parseExtras } from '../providers/parse-extras.ts';
import { defaultMaxTokens } from '../providers/provider-catalog.ts';
import { type StoredProvider, toStoredProvider } from '../providers/stored-provider.ts';

const REQUEST_ID = /^[\w.:-]{1,128}$/;

export type PreparedCompletion =
  | { ok: true; provider: StoredProvider; adapter: LlmAdapter; request: CompletionRequest; requestId: string }
  | { ok: false; provider: StoredProvider; model: string; requestId: string; problems: string[] };

/**
 * Reads the GraphQL input into our request and runs the provider's own validation, so a request the
 * provider would refuse is refused here with INVALID_REQUEST before any call or quota reservation. A
 * request without `maxTokens` gets the model's default ({@link defaultMaxTokens}; `configuredMaxTokens`
 * is `LLM_DEFAULT_MAX_TOKENS`), so Claude, which requires a limit, takes one like the others and every
 * call's worst case is known.
 */
export function prepareCompletion(
  adapters: Readonly<Record<StoredProvider, LlmAdapter>>,
  input: CompletionInput,
  fallbackRequestId: string,
  configuredMaxTokens: number,
): PreparedCompletion {
  const provider = toStoredProvider(input.provider ?? 'OPENAI');
  const adapter = adapters[provider];
  const model = input.model ?? adapter.defaultChatModel;
  const problems: string[] = [];
  const requestId = input.requestId ?? fallbackRequestId;
  if (!REQUEST_ID.test(requestId))
    problems.push('requestId must be 1-128 letters, digits, ".", ":", "_" or "-"');
  const parameters = input.parameters ?? {};
  const extras = parseExtras(parameters.extra ?? [], adapter.allowedExtras, adapter.provider);
  if (!extras.ok) problems.push(...extras.problems);
  const request: CompletionRequest = {
    model,
    prompt: input.prompt,
    systemPrompt: input.systemPrompt ?? undefined,
    history: (input.history ?? []).map((turn) => ({
      role: turn.role === 'ASSISTANT' ? 'assistant' : 'user',
      content: turn.content,
    })),
    maxTokens: parameters.maxTokens ?? defaultMaxTokens(provider, model, configuredMaxTokens),
    temperature: parameters.temperature ?? undefined,
    topP: parameters.topP ?? undefined,
    stopSequences: parameters.stopSequences ?? [],
    extra: extras.ok ? extras.extra : {},
  };
  problems.push(...adapter.validate(request));
  const safeRequestId = REQUEST_ID.test(requestId) ? requestId : fallbackRequestId;
  if (problems.length > 0) return { ok: false, provider, model, requestId: safeRequestId, problems };
  return { ok: true, provider, adapter, request, requestId };
}
