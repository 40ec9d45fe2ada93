import { z } from 'zod';
import type { CompletionInput } from '../generated/resolvers-types.ts';
import { resolveModel } from './resolve-model.ts';

const textContent = z.union([
  z.string(),
  z.array(
    z.object({
      type: z.literal('text', { error: 'only text content parts are supported' }),
      text: z.string(),
    }),
  ),
]);

const messageSchema = z.discriminatedUnion(
  'role',
  [
    z.object({ role: z.enum(['system', 'developer']), content: textContent, name: z.string().nullish() }),
    z.object({ role: z.literal('user'), content: textContent, name: z.string().nullish() }),
    z.object({
      role: z.literal('assistant'),
      content: textContent.nullish(),
      name: z.string().nullish(),
      refusal: z.string().nullish(),
      tool_calls: z.array(z.unknown()).max(0, 'tool calls are not supported').nullish(),
      function_call: z.null({ error: 'function calls are not supported' }).nullish(),
    }),
  ],
  { error: 'role must be system, developer, user or assistant (tools are not supported)' },
);

/** Fields every OpenAI client may send that change nothing here: IONFLUX stores nothing for replay. */
const IGNORED = ['user', 'safety_identifier', 'prompt_cache_key', 'store', 'n', 'logprobs'] as const;

/**
 * The Chat Completions request (OpenAI's `CreateChatCompletionRequest`) as far as one text completion
 * goes. Any other field goes to the provider's adapter as a provider-specific parameter, which refuses
 * what that provider does not take (`tools`, `response_format` on Claude…), naming it.
 */
export const chatRequestSchema = z
  .object({
    model: z.string({ error: 'model is required' }).min(1).max(200),
    messages: z.array(messageSchema, { error: 'messages is required (an array)' }).min(1).max(1000),
    max_completion_tokens: z.number().int().positive().nullish(),
    max_tokens: z.number().int().positive().nullish(),
    temperature: z.number().nullish(),
    top_p: z.number().nullish(),
    stop: z.union([z.string(), z.array(z.string()).max(64)]).nullish(),
    n: z.literal(1, { error: 'n must be 1: one choice per request' }).nullish(),
    logprobs: z.literal(false, { error: 'logprobs are not supported' }).nullish(),
    stream: z.boolean().nullish(),
    stream_options: z.object({ include_usage: z.boolean().nullish() }).nullish(),
  })
  .catchall(z.unknown());

export type ChatRequest = z.output<typeof chatRequestSchema>;

export type ChatInput = { ok: true; input: CompletionInput } | { ok: false; message: string; param: string };

const textOf = (content: z.output<typeof textContent> | null | undefined) =>
  typeof content === 'string' ? content : (content ?? []).map((part) => part.text).join('');

/**
 * The chat as `createCompletion`'s input: leading system (and developer) messages become the system
 * prompt, the last message (a user turn) the prompt, the turns between them the history.
 */
export function toChatInput(request: ChatRequest, requestId: string): ChatInput {
  const model = resolveModel(request.model);
  if (!model.ok) return { ok: false, message: model.message, param: 'model' };
  const system: string[] = [];
  let at = 0;
  for (; at < request.messages.length; at++) {
    const message = request.messages[at];
    if (message?.role !== 'system' && message?.role !== 'developer') break;
    system.push(textOf(message.content));
  }
  const turns = request.messages.slice(at);
  const last = turns.at(-1);
  if (last?.role !== 'user')
    return { ok: false, message: 'The last message must be a user message.', param: 'messages' };
  const history = [];
  for (const [index, turn] of turns.slice(0, -1).entries()) {
    if (turn.role === 'system' || turn.role === 'developer')
      return {
        ok: false,
        message: 'System and developer messages must come before the conversation.',
        param: `messages.${at + index}`,
      };
    history.push({
      role: turn.role === 'assistant' ? 'ASSISTANT' : 'USER',
      content: textOf(turn.content),
    } as const);
  }
  const known = new Set([...Object.keys(chatRequestSchema.shape), ...IGNORED]);
  const extra = Object.entries(request)
    .filter(([name, value]) => !known.has(name) && value !== undefined && value !== null)
    .map(([name, value]) => ({ name, value: JSON.stringify(value) }));
  const stop = request.stop == null ? null : typeof request.stop === 'string' ? [request.stop] : request.stop;
  return {
    ok: true,
    input: {
      provider: model.provider,
      model: model.model,
      prompt: textOf(last.content),
      systemPrompt: system.length > 0 ? system.join('\n\n') : null,
      history,
      parameters: {
        maxTokens: request.max_completion_tokens ?? request.max_tokens ?? null,
        temperature: request.temperature ?? null,
        topP: request.top_p ?? null,
        stopSequences: stop,
        extra,
      },
      requestId,
    },
  };
}
