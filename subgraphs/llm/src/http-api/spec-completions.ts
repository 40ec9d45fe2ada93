import type { Identity } from '@ionflux/kit/identity';
import {
  cancellable,
  runCompletion,
  runCompletionStream,
  type StreamedChunk,
} from '../orchestration/index.ts';
import { type DoorRequest, describeIssues } from './door-request.ts';
import { bodyProblem, readJsonBody } from './read-json-body.ts';
import {
  type SpecEnvelope,
  sendSpecEnvelope,
  sendSpecError,
  toSpecEnvelope,
  toSpecError,
} from './spec-envelope.ts';
import { type SpecRequest, specRequestSchema, toCompletionInput } from './spec-request.ts';
import { startEventStream, writeEvent } from './sse.ts';
import { chunksOf, peekStream } from './stream-first.ts';

/**
 * `POST /llm/v1/completions`: spec 1.3's JSON in and out, through the same orchestration as
 * `createCompletion` (`runCompletion`: cap, key, quota and budget, ledger, retries, breaker, fallback).
 * With `"stream": true` the answer is an event stream (`runCompletionStream`, as `completionStream`):
 * `event: delta` with `{request_id, text}` per piece, then `event: result` with the envelope a
 * non-streamed request gets (the whole text, finish reason, usage), or the error envelope.
 */
export async function specCompletions({ req, res, context, maxBodyBytes }: DoorRequest): Promise<void> {
  const { identity } = context;
  const body = await readJsonBody(req, maxBodyBytes);
  if (!body.ok) {
    const status = body.reason === 'too_large' ? 413 : undefined;
    sendSpecError(res, identity.requestId, 'INVALID_REQUEST', bodyProblem(body.reason, maxBodyBytes), status);
    return;
  }
  const parsed = specRequestSchema.safeParse(body.value);
  if (!parsed.success) {
    sendSpecError(res, identity.requestId, 'INVALID_REQUEST', describeIssues(parsed.error.issues));
    return;
  }
  const request = parsed.data;
  const mismatch = identityMismatch(request, identity);
  if (mismatch) {
    sendSpecError(res, request.request_id ?? identity.requestId, 'FORBIDDEN', mismatch);
    return;
  }
  const input = toCompletionInput(request, identity.requestId);
  if (!request.stream) {
    const result = await runCompletion(context.services, identity, input, context.signal);
    sendSpecEnvelope(res, toSpecEnvelope(result));
    return;
  }
  const stream = cancellable((signal) =>
    runCompletionStream(context.services, identity, input, AbortSignal.any([signal, context.signal])),
  );
  // The caller went away: the provider's stream is cut and the ledger row finished as cancelled.
  res.once('close', () => void stream.return(undefined));
  const peeked = await peekStream(stream);
  if (peeked === undefined) return;
  if (peeked.kind === 'refused') {
    sendSpecEnvelope(res, streamedEnvelope(peeked.chunk, ''));
    return;
  }
  startEventStream(res);
  let text = '';
  for await (const chunk of chunksOf(peeked)) {
    if (chunk.done) {
      writeEvent(res, JSON.stringify(streamedEnvelope(chunk, text)), 'result');
      break;
    }
    text += chunk.delta;
    writeEvent(res, JSON.stringify({ request_id: chunk.requestId, text: chunk.delta }), 'delta');
  }
  res.end();
}

/** The envelope of a finished stream: the text it streamed, with its finish reason and usage. */
function streamedEnvelope(chunk: StreamedChunk, text: string): SpecEnvelope {
  if (chunk.error) return { status: 'error', request_id: chunk.requestId, error: toSpecError(chunk.error) };
  return {
    status: 'success',
    request_id: chunk.requestId,
    provider_response: {
      id: chunk.responseId ?? '',
      choices: [
        {
          index: 0,
          text,
          finish_reason: chunk.finishReason ?? 'stop',
          provider_finish_reason: chunk.providerFinishReason ?? null,
        },
      ],
      usage: {
        prompt_tokens: chunk.usage?.promptTokens ?? 0,
        completion_tokens: chunk.usage?.completionTokens ?? 0,
        total_tokens: chunk.usage?.totalTokens ?? 0,
      },
      model: chunk.model,
      provider: chunk.provider.toLowerCase(),
      fallback_used: false,
    },
  };
}

/**
 * The spec's `user_id` and `workspace_id` name whom a call is for; the gateway's verified identity says
 * who is calling. Equal (UUIDs in any case) is fine; different is refused, never obeyed.
 */
function identityMismatch(request: SpecRequest, identity: Identity): string | undefined {
  if (request.user_id != null && request.user_id.toLowerCase() !== identity.userId.toLowerCase())
    return "user_id is not the caller's: it must be the user of the token (or be left out).";
  if (
    request.workspace_id != null &&
    request.workspace_id.toLowerCase() !== identity.workspaceId.toLowerCase()
  )
    return "workspace_id is not the caller's: it must be the workspace of the token (or be left out).";
  return undefined;
}
