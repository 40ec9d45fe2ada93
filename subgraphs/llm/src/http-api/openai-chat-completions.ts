import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { CompletionResult, TokenUsage } from '../generated/resolvers-types.ts';
import {
  cancellable,
  runCompletion,
  runCompletionStream,
  type StreamedChunk,
} from '../orchestration/index.ts';
import { toStoredProvider } from '../providers/stored-provider.ts';
import { type DoorRequest, describeIssues } from './door-request.ts';
import { chatRequestSchema, toChatInput } from './openai-chat-request.ts';
import { openAiErrorBody, sendOpenAiError } from './openai-error.ts';
import { bodyProblem, readJsonBody } from './read-json-body.ts';
import { startEventStream, writeEvent } from './sse.ts';
import { chunksOf, peekStream } from './stream-first.ts';

/** Our finish reasons in OpenAI's vocabulary, which has no `other`. */
const finishReason = (reason: string | null | undefined) =>
  reason === 'length' || reason === 'content_filter' || reason === 'tool_calls' ? reason : 'stop';

const usageOf = (usage: TokenUsage | null | undefined) => ({
  prompt_tokens: usage?.promptTokens ?? 0,
  completion_tokens: usage?.completionTokens ?? 0,
  total_tokens: usage?.totalTokens ?? 0,
});

/**
 * `POST /llm/openai/v1/chat/completions`: OpenAI's Chat Completions API over every provider, through the
 * same orchestration as `createCompletion` (non-streamed) and `completionStream` (streamed). A stream is
 * sent as OpenAI sends it: `data:` chunks of `chat.completion.chunk` (the first delta with the role, one
 * chunk with the finish reason), with `stream_options.include_usage` a last chunk with no choices and the
 * usage (every other chunk `"usage": null`), then `data: [DONE]`. An error before the first chunk is an
 * HTTP error; one after it is a `data: {"error": …}` event, which the official SDKs raise.
 */
export async function openAiChatCompletions({ req, res, context, maxBodyBytes }: DoorRequest): Promise<void> {
  const body = await readJsonBody(req, maxBodyBytes);
  if (!body.ok) {
    const status = body.reason === 'too_large' ? 413 : undefined;
    sendOpenAiError(res, 'INVALID_REQUEST', bodyProblem(body.reason, maxBodyBytes), status ? { status } : {});
    return;
  }
  const parsed = chatRequestSchema.safeParse(body.value);
  if (!parsed.success) {
    const param = parsed.error.issues[0]?.path.map(String).join('.') || null;
    sendOpenAiError(res, 'INVALID_REQUEST', describeIssues(parsed.error.issues), { param });
    return;
  }
  const request = parsed.data;
  const chat = toChatInput(request, context.identity.requestId);
  if (!chat.ok) {
    sendOpenAiError(res, 'INVALID_REQUEST', chat.message, { param: chat.param });
    return;
  }
  res.setHeader('x-ionflux-provider', toStoredProvider(chat.input.provider ?? 'OPENAI'));
  if (!request.stream) {
    const result = await runCompletion(context.services, context.identity, chat.input, context.signal);
    sendCompletion(res, result);
    return;
  }
  const stream = cancellable((signal) =>
    runCompletionStream(
      context.services,
      context.identity,
      chat.input,
      AbortSignal.any([signal, context.signal]),
    ),
  );
  res.once('close', () => void stream.return(undefined));
  const peeked = await peekStream(stream);
  if (peeked === undefined) return;
  if (peeked.kind === 'refused') {
    const error = peeked.chunk.error;
    sendOpenAiError(res, error?.code ?? 'INTERNAL', error?.message ?? 'The completion failed.', {
      ...(error ? { error } : {}),
    });
    return;
  }
  await sendStream(res, chunksOf(peeked), request.stream_options?.include_usage === true);
}

function sendCompletion(res: ServerResponse, result: CompletionResult): void {
  const response = result.providerResponse;
  if (result.status !== 'SUCCESS' || !response) {
    const error = result.error;
    sendOpenAiError(res, error?.code ?? 'INTERNAL', error?.message ?? 'The completion failed.', {
      ...(error ? { error } : {}),
    });
    return;
  }
  const choice = response.choices[0];
  const body = JSON.stringify({
    id: response.id,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: response.model,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: choice?.text ?? '', refusal: null, annotations: [] },
        logprobs: null,
        finish_reason: finishReason(choice?.finishReason),
      },
    ],
    usage: usageOf(response.usage),
    system_fingerprint: null,
  });
  res.statusCode = 200;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('content-length', Buffer.byteLength(body));
  res.setHeader('x-ionflux-provider', toStoredProvider(result.provider));
  res.setHeader('x-ionflux-fallback-used', String(result.fallbackUsed));
  res.end(body);
}

async function sendStream(
  res: ServerResponse,
  chunks: AsyncGenerator<StreamedChunk>,
  includeUsage: boolean,
): Promise<void> {
  startEventStream(res);
  // One id and one `created` on every chunk, as OpenAI's; the provider's own id is known only at the end.
  const id = `chatcmpl-${randomUUID().replaceAll('-', '')}`;
  const created = Math.floor(Date.now() / 1000);
  let roleSent = false;
  const send = (chunk: StreamedChunk, choices: unknown[], usage: unknown) =>
    writeEvent(
      res,
      JSON.stringify({
        id,
        object: 'chat.completion.chunk',
        created,
        model: chunk.model,
        system_fingerprint: null,
        choices,
        ...(includeUsage ? { usage } : {}),
      }),
    );
  for await (const chunk of chunks) {
    if (chunk.error) {
      writeEvent(
        res,
        JSON.stringify(openAiErrorBody(chunk.error.code, chunk.error.message, { error: chunk.error })),
      );
      res.end();
      return;
    }
    if (!roleSent || !chunk.done) {
      const delta = roleSent
        ? { content: chunk.delta }
        : { role: 'assistant', content: chunk.delta, refusal: null };
      roleSent = true;
      send(chunk, [{ index: 0, delta, logprobs: null, finish_reason: null }], null);
    }
    if (chunk.done) {
      send(
        chunk,
        [{ index: 0, delta: {}, logprobs: null, finish_reason: finishReason(chunk.finishReason) }],
        null,
      );
      if (includeUsage) send(chunk, [], usageOf(chunk.usage));
      break;
    }
  }
  writeEvent(res, '[DONE]');
  res.end();
}
