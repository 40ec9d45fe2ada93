import type { Request, RequestHandler, Response } from 'express';
import type { IdSource } from '../core/ids.ts';
import { servesModel } from '../core/models.ts';
import type { ProviderProtocol } from '../core/provider-protocol.ts';
import { composeReply, type Reply, type ReplyFinish } from '../core/reply.ts';
import { asPositiveInteger, asRecord, asString, asStringList } from '../core/request-body.ts';
import { startEventStream, writeEvent } from '../core/sse.ts';
import { beforeChunk } from '../core/stream-plan.ts';
import { messageConversation } from './message-conversation.ts';

const STOP_REASON: Record<ReplyFinish, string> = {
  stop: 'end_turn',
  stop_sequence: 'stop_sequence',
  length: 'max_tokens',
  content_filter: 'refusal',
};

/** `POST /v1/messages`: a deterministic reply, as one Message or the named-event SSE sequence. */
export function messages(protocol: ProviderProtocol, ids: IdSource): RequestHandler {
  return async (req: Request, res: Response) => {
    if (!req.get('anthropic-version'))
      return protocol.invalidRequest(res, 'anthropic-version: header is required');
    const body = asRecord(req.body);
    const model = asString(body?.['model']);
    if (!body || model === undefined) return protocol.invalidRequest(res, 'model: Field required');
    const maxTokens = asPositiveInteger(body['max_tokens']);
    if (maxTokens === undefined) {
      return protocol.invalidRequest(
        res,
        body['max_tokens'] === undefined
          ? 'max_tokens: Field required'
          : 'max_tokens: Input should be greater than or equal to 1',
      );
    }
    const conversation = messageConversation(body['system'], body['messages']);
    if ('error' in conversation) return protocol.invalidRequest(res, conversation.error);
    const stop = body['stop_sequences'] === undefined ? [] : asStringList(body['stop_sequences']);
    if (stop === undefined)
      return protocol.invalidRequest(res, 'stop_sequences: Input should be a valid list');
    if (!servesModel('anthropic', model)) return protocol.modelNotFound(res, model);
    const reply = composeReply(conversation, { maxTokens, stop });
    const id = ids.next('msg_01', 22);
    protocol.successHeaders(res);
    if (body['stream'] === true) return await streamMessage(res, id, model, reply);
    res.json({
      id,
      type: 'message',
      role: 'assistant',
      model,
      content: reply.text === '' ? [] : [{ type: 'text', text: reply.text }],
      stop_reason: STOP_REASON[reply.finish],
      stop_sequence: reply.stopSequence,
      usage: usage(reply, reply.completionTokens),
    });
  };
}

function usage(reply: Reply, outputTokens: number) {
  return {
    input_tokens: reply.promptTokens,
    cache_creation_input_tokens: 0,
    cache_read_input_tokens: 0,
    output_tokens: outputTokens,
    service_tier: 'standard',
  };
}

/**
 * message_start → content_block_start → ping → content_block_delta… → content_block_stop →
 * message_delta (stop reason, cumulative output tokens) → message_stop.
 */
async function streamMessage(res: Response, id: string, model: string, reply: Reply): Promise<void> {
  startEventStream(res);
  const send = (type: string, data: Record<string, unknown>) => writeEvent(res, { type, ...data }, type);
  send('message_start', {
    message: {
      id,
      type: 'message',
      role: 'assistant',
      model,
      content: [],
      stop_reason: null,
      stop_sequence: null,
      usage: usage(reply, 1),
    },
  });
  send('content_block_start', { index: 0, content_block: { type: 'text', text: '' } });
  send('ping', {});
  for (let index = 0; index <= reply.tokens.length; index += 1) {
    const next = await beforeChunk(res, index);
    if (next === 'closed') return;
    // Anthropic reports failures after the 200 as a named `error` event.
    if (next === 'error') send('error', { error: { type: 'overloaded_error', message: 'Overloaded' } });
    if (next !== 'write') {
      res.end();
      return;
    }
    const token = reply.tokens[index];
    if (token !== undefined)
      send('content_block_delta', { index: 0, delta: { type: 'text_delta', text: token } });
  }
  send('content_block_stop', { index: 0 });
  send('message_delta', {
    delta: { stop_reason: STOP_REASON[reply.finish], stop_sequence: reply.stopSequence },
    usage: { output_tokens: reply.completionTokens },
  });
  send('message_stop', {});
  res.end();
}
