import type { Request, RequestHandler, Response } from 'express';
import type { IdSource } from '../core/ids.ts';
import { servesModel } from '../core/models.ts';
import type { ProviderProtocol } from '../core/provider-protocol.ts';
import { composeReply, type Reply, type ReplyFinish } from '../core/reply.ts';
import { asPositiveInteger, asRecord, asString, asStringList } from '../core/request-body.ts';
import { startEventStream, writeEvent } from '../core/sse.ts';
import { beforeChunk } from '../core/stream-plan.ts';
import { chatConversation } from './chat-conversation.ts';
import { openaiError } from './openai-protocol.ts';

const FINISH: Record<ReplyFinish, string> = {
  stop: 'stop',
  stop_sequence: 'stop',
  length: 'length',
  content_filter: 'content_filter',
};
const FINGERPRINT = 'fp_sandbox01';

interface Completion {
  id: string;
  created: number;
  model: string;
  reply: Reply;
}

/** `POST /v1/chat/completions`: a deterministic reply, as one JSON answer or a data-only SSE stream. */
export function chatCompletions(protocol: ProviderProtocol, ids: IdSource, now: () => Date): RequestHandler {
  return async (req: Request, res: Response) => {
    const body = asRecord(req.body);
    const model = asString(body?.['model']);
    if (!body || model === undefined)
      return protocol.invalidRequest(res, "Missing required parameter: 'model'.", 'model');
    const conversation = chatConversation(body['messages']);
    if ('error' in conversation) return protocol.invalidRequest(res, conversation.error, conversation.param);
    if (!servesModel('openai', model)) return protocol.modelNotFound(res, model);
    if (body['stream_options'] !== undefined && body['stream_options'] !== null && body['stream'] !== true) {
      return protocol.invalidRequest(
        res,
        "The 'stream_options' parameter is only allowed when 'stream' is enabled.",
        'stream_options',
      );
    }
    const stop = body['stop'] === undefined || body['stop'] === null ? [] : asStringList(body['stop']);
    if (stop === undefined || stop.length > 4) {
      return protocol.invalidRequest(
        res,
        "Invalid 'stop': expected a string or an array of at most 4 strings.",
        'stop',
      );
    }
    const limitParam = body['max_completion_tokens'] !== undefined ? 'max_completion_tokens' : 'max_tokens';
    const rawLimit = body[limitParam];
    const maxTokens = rawLimit === undefined || rawLimit === null ? undefined : asPositiveInteger(rawLimit);
    if (rawLimit !== undefined && rawLimit !== null && maxTokens === undefined) {
      return protocol.invalidRequest(
        res,
        `Invalid '${limitParam}': integer below minimum value. Expected a value >= 1.`,
        limitParam,
      );
    }
    const completion: Completion = {
      id: ids.next('chatcmpl-', 29),
      created: Math.floor(now().getTime() / 1000),
      model,
      reply: composeReply(conversation, { maxTokens, stop }),
    };
    protocol.successHeaders(res);
    if (body['stream'] === true) {
      const includeUsage = asRecord(body['stream_options'])?.['include_usage'] === true;
      await streamCompletion(res, completion, includeUsage);
      return;
    }
    res.json({
      id: completion.id,
      object: 'chat.completion',
      created: completion.created,
      model,
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: completion.reply.text, refusal: null, annotations: [] },
          logprobs: null,
          finish_reason: FINISH[completion.reply.finish],
        },
      ],
      usage: usage(completion.reply),
      service_tier: 'default',
      system_fingerprint: FINGERPRINT,
    });
  };
}

function usage(reply: Reply) {
  return {
    prompt_tokens: reply.promptTokens,
    completion_tokens: reply.completionTokens,
    total_tokens: reply.promptTokens + reply.completionTokens,
    prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
    completion_tokens_details: {
      reasoning_tokens: 0,
      audio_tokens: 0,
      accepted_prediction_tokens: 0,
      rejected_prediction_tokens: 0,
    },
  };
}

/** Role chunk, one chunk per token, the finish chunk, the usage chunk when asked, then `[DONE]`. */
async function streamCompletion(res: Response, completion: Completion, includeUsage: boolean): Promise<void> {
  const chunk = (choices: unknown[], usageValue?: unknown) => ({
    id: completion.id,
    object: 'chat.completion.chunk',
    created: completion.created,
    model: completion.model,
    service_tier: 'default',
    system_fingerprint: FINGERPRINT,
    choices,
    ...(includeUsage ? { usage: usageValue ?? null } : {}),
  });
  const delta = (value: unknown, finishReason: string | null = null) => ({
    index: 0,
    delta: value,
    logprobs: null,
    finish_reason: finishReason,
  });
  startEventStream(res);
  writeEvent(res, chunk([delta({ role: 'assistant', content: '', refusal: null })]));
  const tokens = completion.reply.tokens;
  for (let index = 0; index <= tokens.length; index += 1) {
    const next = await beforeChunk(res, index);
    if (next === 'closed') return;
    if (next === 'error') {
      writeEvent(
        res,
        openaiError(
          'The server had an error while processing your request. Sorry about that!',
          'server_error',
          null,
        ),
      );
    }
    if (next !== 'write') {
      res.end();
      return;
    }
    const token = tokens[index];
    if (token !== undefined) writeEvent(res, chunk([delta({ content: token })]));
  }
  writeEvent(res, chunk([delta({}, FINISH[completion.reply.finish])]));
  if (includeUsage) writeEvent(res, chunk([], usage(completion.reply)));
  writeEvent(res, '[DONE]');
  res.end();
}
